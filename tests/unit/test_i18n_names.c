/*
 * test_i18n_names.c - countries and languages by code and by name typed in
 * any language: display names, validation, canonical tags, likely
 * languages, fallbacks, parsing with ambiguity and suggestions, and
 * completion.  Every expected name is CLDR's (ICU 72); the Turkish cases
 * prove that case folding does not follow the default locale.  Every
 * parse, completion and Turkish case runs twice, without and with
 * names.cache (written here by the same code as mknames), and must give
 * the same answers; a damaged or stale cache must be ignored.  The
 * cache's answers to ICU's region questions (valid codes, groupings) are
 * compared with ICU's for every code, with and without the cache.
 *
 * SIGNPOST_TIMING=1 in the environment prints how long a parse takes.
 */
#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/uregion.h>

#include "check.h"
#include "i18n.h"
#include "i18n_impl.h"
#include "xmalloc.h"

static char *locales_dir;
/* The directory whose names.cache open_ui's contexts use, or NULL. */
static const char *cache_dir;
/* How many lookups names.cache answered. */
static int cache_hits;

static struct i18n *
open_ui(const char *tag)
{
	char *cause = NULL;
	struct i18n *ui = i18n_open_tag(tag, locales_dir, &cause);

	if (ui == NULL)
		fprintf(stderr, "i18n_open_tag(%s): %s\n", tag, cause ? cause : "?");
	free(cause);
	CHECK(ui != NULL);
	if (ui != NULL && cache_dir != NULL)
		i18n_set_datadir(ui, cache_dir);
	return ui;
}

/* Frees ui, counting whether names.cache served it. */
static void
close_ui(struct i18n *ui)
{
	if (ui != NULL && (i18n_names_cache_used(ui, false) || i18n_names_cache_used(ui, true)))
		cache_hits++;
	i18n_free(ui);
}

static bool
has(char **v, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return true;
	return false;
}

static const char *
match_name(enum i18n_match m)
{
	return m == I18N_FOUND ? "FOUND" : m == I18N_AMBIGUOUS ? "AMBIGUOUS" : "UNKNOWN";
}

/*
 * One parse case: want is the code when FOUND; cands lists codes that
 * must be among the candidates (space separated, the first one first when
 * first_is set), ncands the exact count or -1 for "any".
 */
struct parse_case {
	const char *ui, *input;
	enum i18n_match m;
	const char *want;
	const char *cands;
	int ncands;
	bool first_is;
};

static void
check_parse(const struct parse_case *c, bool language)
{
	struct i18n *ui = open_ui(c->ui);
	struct i18n_candidates cands;
	char *out = NULL, *list, *p, *save = NULL;
	enum i18n_match m;

	if (ui == NULL)
		return;
	m = language ? i18n_language_parse(ui, c->input, &out, &cands)
		     : i18n_country_parse(ui, c->input, &out, &cands);
	if (m != c->m)
		fprintf(stderr, "parse %s \"%s\" (ui %s): got %s, want %s\n",
			language ? "language" : "country", c->input, c->ui, match_name(m),
			match_name(c->m));
	CHECK(m == c->m);
	if (c->m == I18N_FOUND) {
		CHECK_STR(out, c->want);
		CHECK(cands.n == 0);
	} else {
		CHECK(out == NULL);
	}
	if (c->ncands >= 0 && cands.n != (size_t)c->ncands) {
		fprintf(stderr, "parse \"%s\": %zu candidates, want %d:", c->input, cands.n,
			c->ncands);
		for (size_t i = 0; i < cands.n; i++)
			fprintf(stderr, " %s", cands.codes[i]);
		fputc('\n', stderr);
		CHECK(cands.n == (size_t)c->ncands);
	}
	if (c->cands != NULL) {
		list = xstrdup(c->cands);
		for (p = strtok_r(list, " ", &save); p; p = strtok_r(NULL, " ", &save)) {
			if (!has(cands.codes, cands.n, p))
				fprintf(stderr, "parse \"%s\": %s not among candidates\n", c->input,
					p);
			CHECK(has(cands.codes, cands.n, p));
		}
		if (c->first_is) {
			size_t len = strcspn(c->cands, " ");

			CHECK(cands.n > 0 && strlen(cands.codes[0]) == len &&
			      strncmp(cands.codes[0], c->cands, len) == 0);
		}
		free(list);
	}
	free(out);
	i18n_candidates_free(&cands);
	close_ui(ui);
}

static const struct parse_case country_cases[] = {
	/* codes */
	{"cs", "CZ", I18N_FOUND, "CZ", NULL, 0, false},
	{"cs", "cz", I18N_FOUND, "CZ", NULL, 0, false},
	{"cs", " cz ", I18N_FOUND, "CZ", NULL, 0, false},
	{"cs", "CZE", I18N_FOUND, "CZ", NULL, 0, false},
	{"cs", "cze", I18N_FOUND, "CZ", NULL, 0, false},
	{"cs", "203", I18N_FOUND, "CZ", NULL, 0, false},
	{"cs", "040", I18N_FOUND, "AT", NULL, 0, false},
	{"en", "usa", I18N_FOUND, "US", NULL, 0, false},
	/* names in the UI language, English and any other language */
	{"cs", "Česko", I18N_FOUND, "CZ", NULL, 0, false},
	{"cs", "česko", I18N_FOUND, "CZ", NULL, 0, false},
	{"cs", "cesko", I18N_FOUND, "CZ", NULL, 0, false},
	{"cs", "CESKO", I18N_FOUND, "CZ", NULL, 0, false},
	{"cs", "Ce\xcc\x8csko", I18N_FOUND, "CZ", NULL, 0, false}, /* decomposed */
	{"cs", "Czechia", I18N_FOUND, "CZ", NULL, 0, false},
	{"cs", "czech republic", I18N_FOUND, "CZ", NULL, 0, false},
	{"cs", "Czech  Republic", I18N_FOUND, "CZ", NULL, 0, false},
	{"cs", "czech-republic", I18N_FOUND, "CZ", NULL, 0, false},
	{"cs", "Tschechien", I18N_FOUND, "CZ", NULL, 0, false},
	{"cs", "República Checa", I18N_FOUND, "CZ", NULL, 0, false},
	{"cs", "republica checa", I18N_FOUND, "CZ", NULL, 0, false},
	{"cs", "Чехия", I18N_FOUND, "CZ", NULL, 0, false},
	{"cs", "ЧЕХИЯ", I18N_FOUND, "CZ", NULL, 0, false},
	{"cs", "Rakousko", I18N_FOUND, "AT", NULL, 0, false},
	{"cs", "ITALY", I18N_FOUND, "IT", NULL, 0, false},
	{"cs", "Itálie", I18N_FOUND, "IT", NULL, 0, false},
	{"cs", "Österreich", I18N_FOUND, "AT", NULL, 0, false},
	{"cs", "oesterreich", I18N_UNKNOWN, NULL, "AT", -1, true},
	{"cs", "Deutschland", I18N_FOUND, "DE", NULL, 0, false},
	{"cs", "Polska", I18N_FOUND, "PL", NULL, 0, false},
	{"cs", "Schweiz", I18N_FOUND, "CH", NULL, 0, false},
	{"cs", "UK", I18N_FOUND, "GB", NULL, 0, false},
	{"cs", "Côte d’Ivoire", I18N_FOUND, "CI", NULL, 0, false},
	{"cs", "cote d'ivoire", I18N_FOUND, "CI", NULL, 0, false},
	{"en", "Česko", I18N_FOUND, "CZ", NULL, 0, false},
	{"en", "cesko", I18N_FOUND, "CZ", NULL, 0, false},
	{"en", "Tschechien", I18N_FOUND, "CZ", NULL, 0, false},
	{"en", "Rakousko", I18N_FOUND, "AT", NULL, 0, false},
	{"de", "Tschechien", I18N_FOUND, "CZ", NULL, 0, false},
	/* prefixes */
	{"cs", "tschech", I18N_FOUND, "CZ", NULL, 0, false},
	{"de", "tsche", I18N_FOUND, "CZ", NULL, 0, false},
	{"cs", "rakous", I18N_FOUND, "AT", NULL, 0, false},
	{"cs", "Congo", I18N_AMBIGUOUS, NULL, "CG CD", 2, false},
	{"en", "congo", I18N_AMBIGUOUS, NULL, "CG CD", 2, false},
	{"cs", "Kongo", I18N_AMBIGUOUS, NULL, "CG CD", 2, false},
	{"en", "Niger", I18N_FOUND, "NE", NULL, 0, false},
	{"en", "Nigeria", I18N_FOUND, "NG", NULL, 0, false},
	{"cs", "Niger", I18N_FOUND, "NE", NULL, 0, false},
	{"en", "nige", I18N_AMBIGUOUS, NULL, "NE NG", -1, false},
	/* near misses */
	{"cs", "Czechai", I18N_UNKNOWN, NULL, "CZ", -1, true},
	{"cs", "Austira", I18N_UNKNOWN, NULL, "AT", -1, true},
	{"en", "Austira", I18N_UNKNOWN, NULL, "AT", -1, true},
	{"cs", "Tschechein", I18N_UNKNOWN, NULL, "CZ", -1, true},
	{"cs", "qqqqqqqqqqqq", I18N_UNKNOWN, NULL, NULL, 0, false},
	{"cs", "", I18N_UNKNOWN, NULL, NULL, 0, false},
	{"cs", "  -- ", I18N_UNKNOWN, NULL, NULL, 0, false},
	{"cs", "\xff\xfe", I18N_UNKNOWN, NULL, NULL, 0, false},
	{"cs", "ZZ", I18N_UNKNOWN, NULL, NULL, 0, false},
	{"en", "America", I18N_AMBIGUOUS, NULL, "US AS", 2, false},
	{"en", "Virgin Islands", I18N_AMBIGUOUS, NULL, "VG VI", 2, false},
	{"en", "Kinshasa", I18N_FOUND, "CD", NULL, 0, false},
};

static const struct parse_case language_cases[] = {
	/* tags */
	{"cs", "cs", I18N_FOUND, "cs", NULL, 0, false},
	{"cs", "CS", I18N_FOUND, "cs", NULL, 0, false},
	{"cs", "ces", I18N_FOUND, "cs", NULL, 0, false},
	{"cs", "pt-BR", I18N_FOUND, "pt-BR", NULL, 0, false},
	{"cs", "pt_br", I18N_FOUND, "pt-BR", NULL, 0, false},
	{"cs", "iw", I18N_FOUND, "he", NULL, 0, false},
	{"cs", "sr-Latn", I18N_FOUND, "sr-Latn", NULL, 0, false},
	/* names */
	{"cs", "čeština", I18N_FOUND, "cs", NULL, 0, false},
	{"cs", "cestina", I18N_FOUND, "cs", NULL, 0, false},
	{"cs", "Czech", I18N_FOUND, "cs", NULL, 0, false},
	{"cs", "tschechisch", I18N_FOUND, "cs", NULL, 0, false},
	{"cs", "Tschechisch", I18N_FOUND, "cs", NULL, 0, false},
	{"cs", "polština", I18N_FOUND, "pl", NULL, 0, false},
	{"cs", "Polish", I18N_FOUND, "pl", NULL, 0, false},
	{"cs", "polski", I18N_FOUND, "pl", NULL, 0, false},
	{"cs", "němčina", I18N_FOUND, "de", NULL, 0, false},
	{"cs", "Deutsch", I18N_FOUND, "de", NULL, 0, false},
	{"cs", "русский", I18N_FOUND, "ru", NULL, 0, false},
	{"cs", "ukrajinština", I18N_FOUND, "uk", NULL, 0, false},
	{"en", "Ukrainian", I18N_FOUND, "uk", NULL, 0, false},
	{"en", "čeština", I18N_FOUND, "cs", NULL, 0, false},
	{"en", "Swiss High German", I18N_FOUND, "de-CH", NULL, 0, false},
	{"en", "Brazilian Portuguese", I18N_FOUND, "pt-BR", NULL, 0, false},
	/* prefixes: a language beats its own regional forms */
	{"en", "portug", I18N_FOUND, "pt", NULL, 0, false},
	{"cs", "slov", I18N_AMBIGUOUS, NULL, "sk sl", -1, false},
	/* near misses */
	{"cs", "Polsih", I18N_UNKNOWN, NULL, "pl", -1, true},
	{"cs", "cestin", I18N_FOUND, "cs", NULL, 0, false},
	{"cs", "tschechich", I18N_UNKNOWN, NULL, "cs", -1, true},
	{"cs", "x", I18N_UNKNOWN, NULL, NULL, -1, false},
	{"cs", "zz", I18N_UNKNOWN, NULL, NULL, -1, false},
	{"cs", "qqqqqqqqqqqq", I18N_UNKNOWN, NULL, NULL, 0, false},
};

static void
test_parse(void)
{
	size_t i;

	for (i = 0; i < sizeof country_cases / sizeof country_cases[0]; i++)
		check_parse(&country_cases[i], false);
	for (i = 0; i < sizeof language_cases / sizeof language_cases[0]; i++)
		check_parse(&language_cases[i], true);
}

/* Candidates of an ambiguous input come sorted by their UI-language name. */
static void
test_ambiguous_order(void)
{
	struct i18n *ui = open_ui("cs");
	struct i18n_candidates c;
	char *out;

	if (ui == NULL)
		return;
	/* Kongo – Brazzaville < Kongo – Kinshasa */
	CHECK(i18n_country_parse(ui, "congo", &out, &c) == I18N_AMBIGUOUS);
	CHECK(c.n == 2 && strcmp(c.codes[0], "CG") == 0 && strcmp(c.codes[1], "CD") == 0);
	i18n_candidates_free(&c);
	CHECK(c.n == 0 && c.codes == NULL);
	i18n_candidates_free(&c);
	close_ui(ui);
}

static const struct {
	const char *ui, *code, *want;
} country_names[] = {
	{"cs", "CZ", "Česko"},
	{"en", "CZ", "Czechia"},
	{"de", "CZ", "Tschechien"},
	{"cs", "AT", "Rakousko"},
	{"cs", "QQ", "QQ"},
	{"cs", "", ""},
	{"cs", "cz!", "cz!"},
	{"en", "GB", "United Kingdom"},
	{"tlh", "CZ", "Czechia"}, /* no names in ICU: English, not the default locale */
};

static const struct {
	const char *ui, *tag, *want;
} language_names[] = {
	{"cs", "cs", "čeština"},
	{"en", "cs", "Czech"},
	{"de", "cs", "Tschechisch"},
	{"en", "de-CH", "Swiss High German"},
	{"en", "pt-BR", "Brazilian Portuguese"},
	{"en", "sr-Latn", "Serbian (Latin)"},
	{"en", "zz", "zz"},
	{"en", "not a tag", "not a tag"},
	{"tlh", "cs", "Czech"},
};

static const struct {
	const char *tag, *want;
} autonyms[] = {
	{"cs", "čeština"},
	{"de", "Deutsch"},
	{"pl", "polski"},
	{"uk", "українська"},
	{"zz", "zz"},
};

/*
 * Language names are remembered per context: asking again, after more
 * distinct tags than are remembered, gives the same names as a fresh
 * context.
 */
static void
test_language_names_remembered(void)
{
	static const char *const tags[] = {
		"cs", "sk", "de", "de-CH", "fr", "es", "pt", "pt-BR", "pl", "sv", "fi", "nl",
		"it", "ro", "tr", "uk", "ar", "en", "en-GB", "sr-Latn", "zh-Hant", "ja", "zz",
		"x-way-too-long-a-tag-for-the-memo-slots",
	};
	size_t n = sizeof tags / sizeof tags[0], i, round;
	struct i18n *ui = open_ui("cs"), *fresh;
	char *want, *got;

	if (ui == NULL)
		return;
	for (round = 0; round < 3; round++)
		for (i = 0; i < n; i++) {
			if ((fresh = open_ui("cs")) == NULL)
				continue;
			want = i18n_language_name(fresh, tags[(i * 7 + round) % n]);
			got = i18n_language_name(ui, tags[(i * 7 + round) % n]);
			CHECK_STR(got, want);
			free(want);
			free(got);
			i18n_free(fresh);
		}
	got = i18n_language_name(ui, "de-CH");
	CHECK_STR(got, "němčina standardní (Švýcarsko)");
	free(got);
	i18n_free(ui);
}

static void
test_display(void)
{
	size_t i;
	char *s;

	for (i = 0; i < sizeof country_names / sizeof country_names[0]; i++) {
		struct i18n *ui = open_ui(country_names[i].ui);

		if (ui == NULL)
			continue;
		s = i18n_country_name(ui, country_names[i].code);
		CHECK_STR(s, country_names[i].want);
		free(s);
		i18n_free(ui);
	}
	for (i = 0; i < sizeof language_names / sizeof language_names[0]; i++) {
		struct i18n *ui = open_ui(language_names[i].ui);

		if (ui == NULL)
			continue;
		s = i18n_language_name(ui, language_names[i].tag);
		CHECK_STR(s, language_names[i].want);
		free(s);
		i18n_free(ui);
	}
	test_language_names_remembered();
	for (i = 0; i < sizeof autonyms / sizeof autonyms[0]; i++) {
		s = i18n_language_autonym(autonyms[i].tag);
		CHECK_STR(s, autonyms[i].want);
		free(s);
	}
}

static const struct {
	const char *code;
	bool valid;
} valid_cases[] = {
	{"CZ", true}, {"AT", true}, {"XK", true}, {"cz", false}, {"CZE", false},
	{"EU", false}, {"ZZ", false}, {"UK", false}, {"CS", false}, {"QO", false},
	{"", false}, {"C", false},
};

static const struct {
	const char *group, *country;
	bool in;
} contains_cases[] = {
	{"EU", "CZ", true}, {"EU", "AT", true}, {"EU", "CH", false}, {"EU", "GB", false},
	{"150", "CH", true}, {"CZ", "CZ", false}, {"EU", "XX", false}, {"XX", "CZ", false},
};

static const struct {
	const char *tag, *want;
} canonical_cases[] = {
	{"pt_br", "pt-BR"}, {"pt-BR", "pt-BR"}, {"iw", "he"}, {"CS", "cs"}, {"ces", "cs"},
	{"de-CH", "de-CH"}, {"sr_Latn_RS", "sr-Latn-RS"}, {"x", NULL}, {"zz", NULL},
	{"und", NULL}, {"", NULL}, {"polish", NULL}, {"čeština", NULL}, {"de CH", NULL},
	{"en-", NULL},
};

static const struct {
	const char *country, *want;
} likely_cases[] = {
	{"CZ", "cs"}, {"CH", "de"}, {"BE", "nl"}, {"AT", "de"}, {"RS", "sr"},
	{"ME", "sr-Latn"}, {"TW", "zh-Hant"}, {"CN", "zh"}, {"UA", "uk"},
	{"ZZ", NULL}, {"EU", NULL}, {"cz", NULL}, {"AQ", NULL},
};

static void
test_codes(void)
{
	size_t i;
	char *s;

	for (i = 0; i < sizeof valid_cases / sizeof valid_cases[0]; i++) {
		if (i18n_country_valid(valid_cases[i].code) != valid_cases[i].valid)
			fprintf(stderr, "valid(%s) wrong\n", valid_cases[i].code);
		CHECK(i18n_country_valid(valid_cases[i].code) == valid_cases[i].valid);
	}
	for (i = 0; i < sizeof contains_cases / sizeof contains_cases[0]; i++) {
		bool in = i18n_region_contains(contains_cases[i].group, contains_cases[i].country);

		if (in != contains_cases[i].in)
			fprintf(stderr, "contains(%s, %s) wrong\n", contains_cases[i].group,
				contains_cases[i].country);
		CHECK(in == contains_cases[i].in);
	}
	for (i = 0; i < sizeof canonical_cases / sizeof canonical_cases[0]; i++) {
		s = i18n_language_canonical(canonical_cases[i].tag);
		if (canonical_cases[i].want == NULL) {
			if (s != NULL)
				fprintf(stderr, "canonical(%s) = %s, want NULL\n",
					canonical_cases[i].tag, s);
			CHECK(s == NULL);
		} else {
			CHECK_STR(s, canonical_cases[i].want);
		}
		free(s);
	}
	for (i = 0; i < sizeof likely_cases / sizeof likely_cases[0]; i++) {
		s = i18n_likely_language(likely_cases[i].country);
		if (likely_cases[i].want == NULL) {
			if (s != NULL)
				fprintf(stderr, "likely(%s) = %s, want NULL\n",
					likely_cases[i].country, s);
			CHECK(s == NULL);
		} else {
			CHECK_STR(s, likely_cases[i].want);
		}
		free(s);
	}
}

static const struct {
	const char *tag;
	const char *want[4];
	size_t n;
} fallback_cases[] = {
	{"de-CH", {"de-CH", "de"}, 2},
	{"de_ch", {"de-CH", "de"}, 2},
	{"sr-Latn-RS", {"sr-Latn-RS", "sr-Latn"}, 2},
	{"sr-Cyrl-RS", {"sr-Cyrl-RS", "sr-Cyrl", "sr"}, 3},
	{"sr-RS", {"sr-RS", "sr"}, 2},
	{"zh-TW", {"zh-TW", "zh-Hant"}, 2},
	{"zh-Hant-TW", {"zh-Hant-TW", "zh-Hant"}, 2},
	{"cs", {"cs"}, 1},
	{"de-CH-1996", {"de-CH-1996", "de-CH", "de"}, 3},
	{"de-CH-u-co-phonebk", {"de-CH-u-co-phonebk", "de-CH", "de"}, 3},
	{"en-x-private", {"en-x-private", "en"}, 2},
	{"pt-BR", {"pt-BR", "pt"}, 2},
	{"x", {NULL}, 0},
	{"zz", {NULL}, 0},
};

/* Three rounds: more tags than the fallbacks remembered, so the later
 * rounds are answered partly from memory and partly after eviction. */
static void
test_fallbacks(void)
{
	size_t i, j, n, round;
	char **v;

	for (round = 0; round < 3; round++)
	for (i = 0; i < sizeof fallback_cases / sizeof fallback_cases[0]; i++) {
		n = i18n_language_fallbacks(fallback_cases[i].tag, &v);
		if (n != fallback_cases[i].n) {
			fprintf(stderr, "fallbacks(%s): %zu, want %zu:", fallback_cases[i].tag, n,
				fallback_cases[i].n);
			for (j = 0; j < n; j++)
				fprintf(stderr, " %s", v[j]);
			fputc('\n', stderr);
		}
		CHECK(n == fallback_cases[i].n);
		for (j = 0; j < n && j < fallback_cases[i].n; j++)
			CHECK_STR(v[j], fallback_cases[i].want[j]);
		i18n_strv_free(v, n);
	}
}

static const struct {
	const char *ui, *prefix, *want;
	size_t max; /* at most so many results; 0: any */
} country_completions[] = {
	{"cs", "cesk", "Česko", 2}, /* and Česká republika */
	{"cs", "ČESK", "Česko", 2},
	{"de", "tsche", "Tschechien", 2}, /* and Tschechische Republik */
	{"en", "czech", "Czechia", 0},
	{"en", "czech", "Czech Republic", 0},
	{"cs", "rak", "Rakousko", 0},
	{"en", "ös", "Österreich", 0}, /* the country's own language */
	{"cs", "cz", "CZ", 0},
	{"cs", "", "Česko", 0},
};

static void
test_complete(void)
{
	size_t i, n, j;
	char **v;
	struct i18n *ui;
	const char *first[] = {"cs"};

	for (i = 0; i < sizeof country_completions / sizeof country_completions[0]; i++) {
		if ((ui = open_ui(country_completions[i].ui)) == NULL)
			continue;
		n = i18n_country_complete(ui, country_completions[i].prefix, &v);
		if (!has(v, n, country_completions[i].want) ||
		    (country_completions[i].max && n > country_completions[i].max)) {
			fprintf(stderr, "complete(%s):", country_completions[i].prefix);
			for (j = 0; j < n && j < 20; j++)
				fprintf(stderr, " \"%s\"", v[j]);
			fputc('\n', stderr);
		}
		CHECK(has(v, n, country_completions[i].want));
		CHECK(country_completions[i].max == 0 || n <= country_completions[i].max);
		/* Each string once. */
		for (j = 1; j < n; j++)
			CHECK(!has(v, j, v[j]));
		i18n_strv_free(v, n);
		close_ui(ui);
	}

	if ((ui = open_ui("cs")) == NULL)
		return;
	/* Sorted with the Czech collator: c < č < d. */
	n = i18n_country_complete(ui, "c", &v);
	CHECK(n > 2 && has(v, n, "Česko") && has(v, n, "Chile"));
	for (j = 0; j < n; j++)
		if (strcmp(v[j], "Chile") == 0)
			break;
	for (; j < n; j++)
		CHECK(strcmp(v[j], "Česko") != 0);
	i18n_strv_free(v, n);
	/* Languages: the ones in `first` lead. */
	n = i18n_language_complete(ui, "ce", first, 1, &v);
	CHECK(n > 1);
	CHECK(n > 0 && strcmp(v[0], "čeština") == 0);
	i18n_strv_free(v, n);
	n = i18n_language_complete(ui, "pol", NULL, 0, &v);
	CHECK(has(v, n, "polština") && has(v, n, "Polish") && has(v, n, "polski"));
	i18n_strv_free(v, n);
	n = i18n_language_complete(ui, "zzzzzz", NULL, 0, &v);
	CHECK(n == 0 && v == NULL);
	close_ui(ui);
}

/*
 * Default case folding: with a Turkish C locale and a Turkish ICU default,
 * "ITALY" is still Italy (a Turkish fold would give "ıtaly"), and the
 * Turkish names work too.
 */
static void
test_turkish(void)
{
	static const struct {
		const char *ui, *input, *want;
	} cases[] = {
		{"en", "ITALY", "IT"}, {"tr", "ITALY", "IT"}, {"tr", "italy", "IT"},
		{"tr", "İtalya", "IT"}, {"tr", "ITALYA", "IT"}, {"en", "İTALYA", "IT"},
		{"tr", "Çekya", "CZ"}, {"tr", "ÇEKYA", "CZ"}, {"tr", "INDIA", "IN"},
	};
	UErrorCode st = U_ZERO_ERROR;
	char def[ULOC_FULLNAME_CAPACITY];
	const char *old = setlocale(LC_ALL, NULL);
	char *saved = xstrdup(old ? old : "C");
	size_t i;

	if (setlocale(LC_ALL, "tr_TR.UTF-8") == NULL)
		fprintf(stderr, "note: no tr_TR.UTF-8 locale; testing the ICU default only\n");
	snprintf(def, sizeof def, "%s", uloc_getDefault());
	uloc_setDefault("tr_TR", &st);
	CHECK(U_SUCCESS(st));
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct i18n *ui = open_ui(cases[i].ui);
		struct i18n_candidates c;
		char *out = NULL;

		if (ui == NULL)
			continue;
		CHECK(i18n_country_parse(ui, cases[i].input, &out, &c) == I18N_FOUND);
		CHECK_STR(out, cases[i].want);
		free(out);
		i18n_candidates_free(&c);
		close_ui(ui);
	}
	st = U_ZERO_ERROR;
	uloc_setDefault(def, &st);
	setlocale(LC_ALL, saved);
	free(saved);
}

/* The whole of a file, or NULL; *n its size. */
static unsigned char *
slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	unsigned char *p = NULL;
	long len;

	*n = 0;
	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0) {
		p = xmalloc((size_t)len);
		if (fread(p, 1, (size_t)len, f) != (size_t)len) {
			free(p);
			p = NULL;
		} else {
			*n = (size_t)len;
		}
	}
	fclose(f);
	return p;
}

static void
spill(const char *path, const unsigned char *p, size_t n)
{
	FILE *f = fopen(path, "wb");

	CHECK(f != NULL);
	if (f == NULL)
		return;
	CHECK(fwrite(p, 1, n, f) == n);
	CHECK(fclose(f) == 0);
}

/* Points the process's names.cache (i18n_country_valid and
 * i18n_region_contains take no context) at dir/names.cache. */
static void
share_dir(const char *dir)
{
	char *cause = NULL;
	struct i18n *ui = i18n_open_tag("en", locales_dir, &cause);

	free(cause);
	CHECK(ui != NULL);
	i18n_set_datadir(ui, dir);
	i18n_free(ui);
}

/* Every region ICU lists as a world, continent, subcontinent or grouping,
 * and codes that are none of those; free with i18n_strv_free. */
static size_t
region_groups(char ***out)
{
	static const URegionType types[] = {URGN_WORLD, URGN_CONTINENT, URGN_SUBCONTINENT,
					    URGN_GROUPING};
	static const char *const others[] = {"QU", "UK", "CZ", "ZZ", "XX", "EUR", "Europe",
					     "", "eu", "150 ", "1", "CZE", "203"};
	char **v = NULL;
	const char *s;
	size_t n = 0, i;

	for (i = 0; i < sizeof types / sizeof types[0]; i++) {
		UErrorCode st = U_ZERO_ERROR;
		UEnumeration *e = uregion_getAvailable(types[i], &st);

		while (U_SUCCESS(st) && (s = uenum_next(e, NULL, &st)) != NULL) {
			v = xreallocarray(v, n + 1, sizeof *v);
			v[n++] = xstrdup(s);
		}
		uenum_close(e);
		CHECK(U_SUCCESS(st));
	}
	for (i = 0; i < sizeof others / sizeof others[0]; i++) {
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n++] = xstrdup(others[i]);
	}
	*out = v;
	return n;
}

/*
 * i18n_country_valid for every two capitals, and i18n_region_contains
 * for every group with every two capitals (and a few codes that are not),
 * against ICU's own answers.  Returns how many answers the process's
 * names.cache gave.
 */
static unsigned long
check_regions(const char *what)
{
	static const char *const odd[] = {"cz", "CZE", "C", "", "203", NULL};
	unsigned long before = i18n_cache_hits(i18n_cache_shared());
	char code[3] = "AA", **groups;
	size_t ngroups = region_groups(&groups), i, j, bad = 0, in = 0, valid = 0;

	CHECK(ngroups > 30);
	for (code[0] = 'A'; code[0] <= 'Z'; code[0]++) {
		for (code[1] = 'A'; code[1] <= 'Z'; code[1]++) {
			bool v = i18n_country_valid(code);

			valid += v;
			if (v != i18n_country_valid_icu(code) && bad++ < 5)
				fprintf(stderr, "%s: valid(%s) = %d, ICU says %d\n", what, code, v,
					!v);
			for (i = 0; i < ngroups; i++) {
				bool c = i18n_region_contains(groups[i], code);

				in += c;
				if (c != i18n_region_contains_icu(groups[i], code) && bad++ < 5)
					fprintf(stderr, "%s: contains(%s, %s) = %d, ICU says %d\n",
						what, groups[i], code, c, !c);
			}
		}
	}
	for (i = 0; i < ngroups; i++)
		for (j = 0; j < sizeof odd / sizeof odd[0]; j++)
			if (i18n_region_contains(groups[i], odd[j]) != i18n_region_contains_icu(groups[i], odd[j]))
				bad++;
	for (j = 0; j < sizeof odd / sizeof odd[0]; j++)
		if (i18n_country_valid(odd[j]) != i18n_country_valid_icu(odd[j]))
			bad++;
	CHECK(bad == 0);
	/* Not a vacuous comparison: ICU knows about 250 territories, and
	 * the world contains them all. */
	CHECK(valid > 240 && valid < 260);
	CHECK(in > 1000);
	i18n_strv_free(groups, ngroups);
	return i18n_cache_hits(i18n_cache_shared()) - before;
}

/*
 * The region answers and the territory codes from names.cache equal
 * ICU's; without the cache they are ICU's.
 */
static void
test_regions(const char *dir)
{
	char *missing = xasprintf("%s/missing", dir);
	struct i18n *live, *cached;
	const char *const *lids, *const *cids;
	const struct names_raw *raw;
	size_t ln = 0, cn = 0, nraw, i;
	unsigned long hits;
	int nlocs;

	share_dir(dir);
	hits = check_regions("names.cache");
	/* Every question about two capitals was answered from the cache. */
	if (hits < 26 * 26)
		fprintf(stderr, "names.cache answered %lu region questions\n", hits);
	CHECK(hits >= 26 * 26);
	share_dir(missing);
	CHECK(i18n_cache_shared() == NULL);
	CHECK(check_regions("no cache") == 0);
	share_dir(dir);

	/* The country codes: ICU's list, in ICU's order. */
	cache_dir = NULL;
	live = open_ui("en");
	cache_dir = dir;
	cached = open_ui("en");
	cache_dir = NULL;
	if (live != NULL && cached != NULL) {
		CHECK(i18n_names_collect(live, false, &lids, &ln, &raw, &nraw, &nlocs) == 0);
		CHECK(i18n_names_collect(cached, false, &cids, &cn, &raw, &nraw, &nlocs) == 0);
		CHECK(!i18n_names_codes_cached(live));
		CHECK(i18n_names_codes_cached(cached));
		CHECK(ln > 240 && ln == cn);
		for (i = 0; i < ln && i < cn; i++)
			if (strcmp(lids[i], cids[i]) != 0)
				break;
		CHECK(i == ln);
	}
	i18n_free(live);
	i18n_free(cached);
	free(missing);
}

/*
 * Lookups that need every locale's names, under a cache in dir: the same
 * answers whether or not the cache is used; cused and lused tell whether
 * the country and language names must come from it, iused whether ICU's
 * answers (its ICU section) must.
 */
static void
check_cache_lookups(const char *dir, bool cused, bool lused, bool iused, const char *what)
{
	struct i18n *ui;
	struct i18n_candidates c;
	char *out = NULL;

	/* Forget the process's cache: the tests rewrite files in its place. */
	i18n_cache_shared_free();
	cache_dir = dir;
	if ((ui = open_ui("en")) == NULL)
		return;
	CHECK(i18n_country_parse(ui, "Tschechien", &out, &c) == I18N_FOUND);
	CHECK_STR(out, "CZ");
	free(out);
	CHECK(i18n_country_parse(ui, "Tschechein", &out, &c) == I18N_UNKNOWN);
	CHECK(c.n > 0 && strcmp(c.codes[0], "CZ") == 0);
	i18n_candidates_free(&c);
	CHECK(i18n_language_parse(ui, "tschechisch", &out, &c) == I18N_FOUND);
	CHECK_STR(out, "cs");
	free(out);
	if (i18n_names_cache_used(ui, false) != cused || i18n_names_cache_used(ui, true) != lused)
		fprintf(stderr, "cache %s: used %d %d, want %d %d\n", what,
			i18n_names_cache_used(ui, false), i18n_names_cache_used(ui, true), cused,
			lused);
	CHECK(i18n_names_cache_used(ui, false) == cused);
	CHECK(i18n_names_cache_used(ui, true) == lused);
	if (i18n_names_codes_cached(ui) != iused)
		fprintf(stderr, "cache %s: codes cached %d, want %d\n", what,
			i18n_names_codes_cached(ui), iused);
	CHECK(i18n_names_codes_cached(ui) == iused);
	if (dir != NULL) {
		unsigned long hits = check_regions(what);

		if ((hits > 0) != iused)
			fprintf(stderr, "cache %s: %lu region answers, want %s\n", what, hits,
				iused ? "some" : "none");
		CHECK((hits > 0) == iused);
	}
	i18n_free(ui);
	i18n_cache_shared_free();
	cache_dir = NULL;
}

/*
 * The writer is deterministic and ignores the default locale; a cache
 * that is damaged, truncated, of another format or built for another
 * ICU, Unicode or CLDR is ignored, and the answers stay the same.
 */
static void
test_cache(const char *dir)
{
	/* Each section is verified on its own: damage to one leaves the
	 * others in use. */
	static const struct {
		const char *name;
		long at;   /* byte to change (-1: one in the ICU section, -2: one
			    * in the language names), or */
		long keep; /* bytes to keep (truncate), -1 for all */
		bool cused, lused, iused;
	} damage[] = {
		{"magic", 0, -1, false, false, false},
		{"format", 8, -1, false, false, false},
		{"icu", 12, -1, false, false, false},
		{"unicode", 16, -1, false, false, false},
		{"cldr", 20, -1, false, false, false},
		{"offset", 28, -1, false, false, false},
		{"size", 32, -1, false, false, false},
		{"country checksum", 40, -1, false, true, true},
		{"language checksum", 48, -1, true, false, true},
		{"icu offset", 56, -1, false, false, false},
		{"icu checksum", 60, -1, true, true, false},
		{"country names", 4000, -1, false, true, true},
		{"language names", -2, -1, true, false, true},
		{"icu answers", -1, -1, true, true, false},
		{"truncated", -1, 100000, false, false, false},
		{"header only", -1, 64, false, false, false},
		{"short", -1, 10, false, false, false},
		{"empty", -1, 0, false, false, false},
	};
	char *path = xasprintf("%s/names.cache", dir), *tr = xasprintf("%s/tr.cache", dir);
	char *sub = xasprintf("%s/bad", dir), *bad = xasprintf("%s/bad/names.cache", dir);
	char *missing = xasprintf("%s/missing", dir), *cause = NULL;
	char def[ULOC_FULLNAME_CAPACITY];
	UErrorCode st = U_ZERO_ERROR;
	unsigned char *a, *b;
	size_t an, bn, i;
	const char *old = setlocale(LC_ALL, NULL);
	char *saved = xstrdup(old ? old : "C");

	/* Written twice, once under a Turkish default: the same bytes. */
	snprintf(def, sizeof def, "%s", uloc_getDefault());
	setlocale(LC_ALL, "tr_TR.UTF-8");
	uloc_setDefault("tr_TR", &st);
	CHECK(i18n_cache_write(tr, &cause) == 0);
	free(cause);
	uloc_setDefault(def, &st);
	setlocale(LC_ALL, saved);
	free(saved);
	a = slurp(path, &an);
	b = slurp(tr, &bn);
	CHECK(a != NULL && b != NULL && an == bn && an > 64 && memcmp(a, b, an) == 0);
	remove(tr);
	free(b);

	check_cache_lookups(dir, true, true, true, "as written");
	check_cache_lookups(NULL, false, false, false, "none");
	check_cache_lookups(missing, false, false, false, "missing");
	CHECK(mkdir(sub, 0700) == 0);
	for (i = 0; a != NULL && i < sizeof damage / sizeof damage[0]; i++) {
		size_t n = damage[i].keep >= 0 ? (size_t)damage[i].keep : an;
		/* The ICU section's offset, from the header. */
		size_t icu = (size_t)a[56] | (size_t)a[57] << 8 | (size_t)a[58] << 16 |
			     (size_t)a[59] << 24;

		CHECK(icu > 4000 && icu + 100 < an);
		b = xmalloc(an);
		memcpy(b, a, an);
		if (damage[i].at >= 0)
			b[damage[i].at] ^= 1;
		else if (damage[i].at == -2)
			b[icu - 4000] ^= 0x40;
		else if (damage[i].keep < 0)
			b[an - 100] ^= 0x40;
		spill(bad, b, n);
		free(b);
		check_cache_lookups(sub, damage[i].cused, damage[i].lused, damage[i].iused,
				    damage[i].name);
	}
	/* And the control: the same file undamaged is used. */
	if (a != NULL)
		spill(bad, a, an);
	check_cache_lookups(sub, true, true, true, "copied");
	remove(bad);
	rmdir(sub);
	free(a);
	free(path);
	free(tr);
	free(sub);
	free(bad);
	free(missing);
}

/* Average milliseconds of one parse of input, over 100. */
static double
time_parse(struct i18n *ui, const char *input, bool language)
{
	struct i18n_candidates c;
	char *out;
	clock_t t0 = clock();
	int i;

	for (i = 0; i < 100; i++) {
		if (language)
			i18n_language_parse(ui, input, &out, &c);
		else
			i18n_country_parse(ui, input, &out, &c);
		free(out);
		i18n_candidates_free(&c);
	}
	return (double)(clock() - t0) * 1000.0 / CLOCKS_PER_SEC / 100;
}

static void
test_timing(const char *what)
{
	static const struct {
		const char *input;
		bool language;
	} inputs[] = {
		{"CZ", false}, {"Česko", false}, {"Czechia", false}, {"Tschechien", false},
		{"Чехия", false}, {"tschech", false}, {"Czechai", false},
		{"cs", true}, {"čeština", true}, {"Czech", true}, {"tschechisch", true},
		{"Polsih", true},
	};
	struct i18n *ui;
	clock_t t0;
	size_t i;

	if (getenv("SIGNPOST_TIMING") == NULL)
		return;
	for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		struct i18n_candidates c;
		char *out;
		double first;

		/* A fresh context, as for one command line: the first parse
		 * builds the indexes it needs. */
		ui = open_ui("cs");
		t0 = clock();
		if (inputs[i].language)
			i18n_language_parse(ui, inputs[i].input, &out, &c);
		else
			i18n_country_parse(ui, inputs[i].input, &out, &c);
		first = (double)(clock() - t0) * 1000.0 / CLOCKS_PER_SEC;
		free(out);
		i18n_candidates_free(&c);
		fprintf(stderr, "timing (%s): %-9s %-12s first %7.3f ms, then %7.3f ms each\n",
			what, inputs[i].language ? "language" : "country", inputs[i].input, first,
			time_parse(ui, inputs[i].input, inputs[i].language));
		i18n_free(ui);
	}
}

int
main(void)
{
	const char *src = getenv("SIGNPOST_SOURCE_DIR");
	const char *tmpdir = getenv("TMPDIR");
	char *tmp = xasprintf("%s/signpost-names-XXXXXX",
			      tmpdir != NULL && *tmpdir != '\0' ? tmpdir : "/tmp");
	int rc;

	if (src == NULL) {
		fprintf(stderr, "SIGNPOST_SOURCE_DIR is not set\n");
		return 1;
	}
	locales_dir = xstrdup(getenv("SIGNPOST_LOCALEDIR") != NULL ? getenv("SIGNPOST_LOCALEDIR")
							     : "locales");
	test_codes();
	test_fallbacks();
	test_display();

	/* Without names.cache, then with one written here. */
	test_parse();
	test_ambiguous_order();
	test_complete();
	test_turkish();
	test_timing("no cache");
	CHECK(cache_hits == 0);
	if (tmp == NULL || mkdtemp(tmp) == NULL) {
		fprintf(stderr, "mkdtemp failed\n");
		CHECK(false);
	} else {
		char *path = xasprintf("%s/names.cache", tmp), *cause = NULL;

		if (i18n_cache_write(path, &cause) != 0)
			fprintf(stderr, "i18n_cache_write: %s\n", cause ? cause : "?");
		CHECK(cause == NULL);
		free(cause);
		cache_dir = tmp;
		test_parse();
		test_ambiguous_order();
		test_complete();
		test_turkish();
		/* Every case that needs more than UI and English names. */
		if (cache_hits < 20)
			fprintf(stderr, "names.cache served %d contexts\n", cache_hits);
		CHECK(cache_hits >= 20);
		test_timing("names.cache");
		cache_dir = NULL;
		test_regions(tmp);
		test_cache(tmp);
		remove(path);
		rmdir(tmp);
		free(path);
	}
	rc = check_done();
	free(tmp);
	free(locales_dir);
	i18n_cleanup();
	return rc;
}
