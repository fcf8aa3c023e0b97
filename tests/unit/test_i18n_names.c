/*
 * test_i18n_names.c - countries, regions and languages by code and by name
 * typed in any language: display names and region names, validation and
 * groupings, canonical tags and the languages that serve a caller, likely
 * languages, fallbacks, parsing (taken only on an exact match; everything
 * else is candidates), completion, and names.cache itself.  Every name is
 * CLDR's (ICU 72, CLDR 41 subdivisions); the Turkish cases prove that case
 * folding does not follow the default locale.
 *
 * The build's names.cache (SIGNPOST_STAGE_DIR) is the one under test.  Its
 * region answers are compared with ICU's for every code, and it is built
 * again here, under a Turkish default locale, from the same inputs
 * (SIGNPOST_CLDR_TSV, SIGNPOST_CLDR_VERSION, data/aliases.yaml): the bytes
 * must be the same.
 * Copies that are missing, damaged or of another ICU or locale data are
 * refused, with the reason, and nothing falls back to asking ICU.
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
#include "i18n_cache.h"
#include "i18n_impl.h"
#include "names_build.h"
#include "xmalloc.h"

static char *locales_dir;
static const char *stage_dir;

static struct i18n *
open_ui(const char *tag)
{
	char *cause = NULL;
	struct i18n *ui = i18n_open_tag(tag, locales_dir, &cause);

	if (ui == NULL)
		fprintf(stderr, "i18n_open_tag(%s): %s\n", tag, cause ? cause : "?");
	free(cause);
	CHECK(ui != NULL);
	return ui;
}

/* Points the process's names.cache at dir/names.cache. */
static void
share_dir(const char *dir)
{
	i18n_cache_shared_free();
	i18n_set_datadir(NULL, dir);
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
	return m == I18N_FOUND       ? "FOUND"
	       : m == I18N_AMBIGUOUS ? "AMBIGUOUS"
	       : m == I18N_UNKNOWN   ? "UNKNOWN"
				     : "NO_DATA";
}

/*
 * One parse case: want is the code when FOUND; cands lists codes that
 * must be among the candidates (space separated, the first one first when
 * first_is set), ncands the exact count or -1 for "any"; notfirst, a code
 * that must not be the first candidate.
 */
struct parse_case {
	const char *ui, *input;
	enum i18n_match m;
	const char *want;
	const char *cands;
	int ncands;
	bool first_is;
	const char *notfirst;
};

static void
check_parse(const struct parse_case *c, bool language)
{
	struct i18n *ui = open_ui(c->ui);
	struct i18n_candidates cands;
	char *out = NULL, *list, *p, *save = NULL;
	enum i18n_match m;
	size_t i;

	if (ui == NULL)
		return;
	m = language ? i18n_language_parse(ui, c->input, &out, &cands)
		     : i18n_country_parse(ui, c->input, &out, &cands);
	if (m != c->m || (c->want != NULL && (out == NULL || strcmp(out, c->want) != 0))) {
		fprintf(stderr, "parse %s \"%s\" (ui %s): got %s %s, want %s %s;",
			language ? "language" : "country", c->input, c->ui, match_name(m),
			out ? out : "", match_name(c->m), c->want ? c->want : "");
		for (i = 0; i < cands.n; i++)
			fprintf(stderr, " %s", cands.codes[i]);
		fputc('\n', stderr);
	}
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
		for (i = 0; i < cands.n; i++)
			fprintf(stderr, " %s", cands.codes[i]);
		fputc('\n', stderr);
		CHECK(cands.n == (size_t)c->ncands);
	}
	if (c->cands != NULL) {
		list = xstrdup(c->cands);
		for (p = strtok_r(list, " ", &save); p; p = strtok_r(NULL, " ", &save)) {
			if (!has(cands.codes, cands.n, p)) {
				fprintf(stderr, "parse \"%s\": %s not among candidates:", c->input, p);
				for (i = 0; i < cands.n; i++)
					fprintf(stderr, " %s", cands.codes[i]);
				fputc('\n', stderr);
			}
			CHECK(has(cands.codes, cands.n, p));
		}
		if (c->first_is) {
			size_t len = strcspn(c->cands, " ");
			bool ok = cands.n > 0 && strlen(cands.codes[0]) == len &&
				  strncmp(cands.codes[0], c->cands, len) == 0;

			if (!ok)
				fprintf(stderr, "parse \"%s\": first is %s\n", c->input,
					cands.n ? cands.codes[0] : "(none)");
			CHECK(ok);
		}
		free(list);
	}
	if (c->notfirst != NULL) {
		if (cands.n > 0 && strcmp(cands.codes[0], c->notfirst) == 0)
			fprintf(stderr, "parse \"%s\": %s first\n", c->input, c->notfirst);
		CHECK(cands.n == 0 || strcmp(cands.codes[0], c->notfirst) != 0);
	}
	free(out);
	i18n_candidates_free(&cands);
	i18n_free(ui);
}

static const struct parse_case country_cases[] = {
	/* codes */
	{"cs", "CZ", I18N_FOUND, "CZ", NULL, 0, false, NULL},
	{"cs", "cz", I18N_FOUND, "CZ", NULL, 0, false, NULL},
	{"cs", " cz ", I18N_FOUND, "CZ", NULL, 0, false, NULL},
	{"cs", "CZE", I18N_FOUND, "CZ", NULL, 0, false, NULL},
	{"cs", "cze", I18N_FOUND, "CZ", NULL, 0, false, NULL},
	{"cs", "203", I18N_FOUND, "CZ", NULL, 0, false, NULL},
	{"cs", "040", I18N_FOUND, "AT", NULL, 0, false, NULL},
	{"cs", "40", I18N_FOUND, "AT", NULL, 0, false, NULL},
	{"en", "usa", I18N_FOUND, "US", NULL, 0, false, NULL},
	{"en", "GB-SCT", I18N_FOUND, "GB-SCT", NULL, 0, false, NULL},
	{"en", "gb-wls", I18N_FOUND, "GB-WLS", NULL, 0, false, NULL},
	/* names in the UI language, English and any other language */
	{"cs", "Česko", I18N_FOUND, "CZ", NULL, 0, false, NULL},
	{"cs", "česko", I18N_FOUND, "CZ", NULL, 0, false, NULL},
	{"cs", "cesko", I18N_FOUND, "CZ", NULL, 0, false, NULL},
	{"cs", "CESKO", I18N_FOUND, "CZ", NULL, 0, false, NULL},
	{"cs", "Ce\xcc\x8csko", I18N_FOUND, "CZ", NULL, 0, false, NULL}, /* decomposed */
	{"cs", "Czechia", I18N_FOUND, "CZ", NULL, 0, false, NULL},
	{"cs", "czech republic", I18N_FOUND, "CZ", NULL, 0, false, NULL},
	{"cs", "Czech  Republic", I18N_FOUND, "CZ", NULL, 0, false, NULL},
	{"cs", "czech-republic", I18N_FOUND, "CZ", NULL, 0, false, NULL},
	{"cs", "Tschechien", I18N_FOUND, "CZ", NULL, 0, false, NULL},
	{"cs", "República Checa", I18N_FOUND, "CZ", NULL, 0, false, NULL},
	{"cs", "republica checa", I18N_FOUND, "CZ", NULL, 0, false, NULL},
	{"cs", "Чехия", I18N_FOUND, "CZ", NULL, 0, false, NULL},
	{"cs", "ЧЕХИЯ", I18N_FOUND, "CZ", NULL, 0, false, NULL},
	{"cs", "Rakousko", I18N_FOUND, "AT", NULL, 0, false, NULL},
	{"cs", "ITALY", I18N_FOUND, "IT", NULL, 0, false, NULL},
	{"cs", "Itálie", I18N_FOUND, "IT", NULL, 0, false, NULL},
	{"cs", "Österreich", I18N_FOUND, "AT", NULL, 0, false, NULL},
	{"cs", "Deutschland", I18N_FOUND, "DE", NULL, 0, false, NULL},
	{"cs", "Polska", I18N_FOUND, "PL", NULL, 0, false, NULL},
	{"cs", "Schweiz", I18N_FOUND, "CH", NULL, 0, false, NULL},
	{"cs", "UK", I18N_FOUND, "GB", NULL, 0, false, NULL},
	{"cs", "Côte d’Ivoire", I18N_FOUND, "CI", NULL, 0, false, NULL},
	{"cs", "cote d'ivoire", I18N_FOUND, "CI", NULL, 0, false, NULL},
	{"en", "Česko", I18N_FOUND, "CZ", NULL, 0, false, NULL},
	{"en", "Tschechien", I18N_FOUND, "CZ", NULL, 0, false, NULL},
	{"de", "Tschechien", I18N_FOUND, "CZ", NULL, 0, false, NULL},
	{"en", "Nigeria", I18N_FOUND, "NG", NULL, 0, false, NULL},
	/* regions, from CLDR's subdivision names (issue 12) */
	{"en", "Wales", I18N_FOUND, "GB-WLS", NULL, 0, false, NULL},
	{"cs", "Wales", I18N_FOUND, "GB-WLS", NULL, 0, false, NULL},
	{"en", "Cymru", I18N_FOUND, "GB-WLS", NULL, 0, false, NULL},
	{"en", "Scotland", I18N_FOUND, "GB-SCT", NULL, 0, false, NULL},
	{"en", "Skotsko", I18N_FOUND, "GB-SCT", NULL, 0, false, NULL},
	{"cs", "skotsko", I18N_FOUND, "GB-SCT", NULL, 0, false, NULL},
	{"en", "Northern Ireland", I18N_FOUND, "GB-NIR", NULL, 0, false, NULL},
	{"en", "England", I18N_FOUND, "GB-ENG", NULL, 0, false, NULL},
	{"en", "Anglie", I18N_FOUND, "GB-ENG", NULL, 0, false, NULL},
	{"cs", "Anglie", I18N_FOUND, "GB-ENG", NULL, 0, false, NULL},
	{"en", "Québec", I18N_FOUND, "CA-QC", NULL, 0, false, NULL},
	{"en", "Quebec", I18N_FOUND, "CA-QC", NULL, 0, false, NULL},
	{"en", "Bayern", I18N_FOUND, "DE-BY", NULL, 0, false, NULL},
	{"de", "bayern", I18N_FOUND, "DE-BY", NULL, 0, false, NULL},
	/* names neither ICU nor CLDR has: data/aliases.yaml */
	{"en", "Great Britain", I18N_FOUND, "GB", NULL, 0, false, NULL},
	{"cs", "great britain", I18N_FOUND, "GB", NULL, 0, false, NULL},
	{"en", "United States of America", I18N_FOUND, "US", NULL, 0, false, NULL},
	{"en", "The Netherlands", I18N_FOUND, "NL", NULL, 0, false, NULL},
	{"en", "UAE", I18N_FOUND, "AE", NULL, 0, false, NULL},
	{"en", "Republic of Ireland", I18N_FOUND, "IE", NULL, 0, false, NULL},
	/* a country with a region of its own of the same name is the country */
	{"en", "Mexico", I18N_FOUND, "MX", NULL, 0, false, NULL},
	/* several codes with the same exact name: ask, countries first */
	{"en", "Georgia", I18N_AMBIGUOUS, NULL, "GE US-GA", 2, true, NULL},
	{"en", "Niger", I18N_AMBIGUOUS, NULL, "NE NG-NI", 2, true, NULL},
	{"cs", "Kongo", I18N_AMBIGUOUS, NULL, "CG CD", -1, true, NULL},
	/* exact only in Spanish, but in English the first word of two names */
	{"en", "Congo", I18N_AMBIGUOUS, NULL, "CG CD", 2, false, NULL},
	{"cs", "Congo", I18N_AMBIGUOUS, NULL, "CG CD", 2, false, NULL},
	/* never taken without asking: prefixes, later words, near misses */
	/* Valais in German and Wales in Afrikaans, and in English the
	 * first word of Wallis & Futuna: asked, never taken */
	{"en", "Wallis", I18N_AMBIGUOUS, NULL, "GB-WLS CH-VS WF", 3, false, NULL},
	{"en", "Wal", I18N_UNKNOWN, NULL, "WF GB-WLS", -1, false, NULL},
	{"cs", "tschech", I18N_UNKNOWN, NULL, "CZ", -1, true, NULL},
	{"de", "tsche", I18N_UNKNOWN, NULL, "CZ", -1, true, NULL},
	{"cs", "rakous", I18N_UNKNOWN, NULL, "AT", -1, true, NULL},
	{"en", "nig", I18N_UNKNOWN, NULL, "NE NG", -1, false, NULL},
	{"en", "Kinshas", I18N_UNKNOWN, NULL, "CD", -1, false, NULL},
	{"en", "Virgin Islands", I18N_UNKNOWN, NULL, "VG VI", -1, false, NULL},
	{"cs", "oesterreich", I18N_UNKNOWN, NULL, "AT", -1, true, NULL},
	{"cs", "Czechai", I18N_UNKNOWN, NULL, "CZ", -1, true, NULL},
	{"cs", "Austira", I18N_UNKNOWN, NULL, "AT", -1, true, NULL},
	{"en", "Austira", I18N_UNKNOWN, NULL, "AT", -1, true, NULL},
	{"cs", "Tschechein", I18N_UNKNOWN, NULL, "CZ", -1, true, NULL},
	{"en", "Scotlnd", I18N_UNKNOWN, NULL, "GB-SCT", -1, true, NULL},
	{"cs", "Angl", I18N_UNKNOWN, NULL, "GB-ENG", -1, false, "AO"},
	{"cs", "Anglei", I18N_UNKNOWN, NULL, "GB-ENG", -1, true, "AO"},
	{"en", "Cymr", I18N_UNKNOWN, NULL, "GB-WLS", -1, true, "KM"},
	{"en", "Cymry", I18N_UNKNOWN, NULL, "GB-WLS", -1, true, "KM"},
	{"cs", "qqqqqqqqqqqq", I18N_UNKNOWN, NULL, NULL, 0, false, NULL},
	{"cs", "", I18N_UNKNOWN, NULL, NULL, 0, false, NULL},
	{"cs", "  -- ", I18N_UNKNOWN, NULL, NULL, 0, false, NULL},
	{"cs", "\xff\xfe", I18N_UNKNOWN, NULL, NULL, 0, false, NULL},
	{"cs", "ZZ", I18N_UNKNOWN, NULL, NULL, 0, false, NULL},
};

static const struct parse_case language_cases[] = {
	/* tags */
	{"cs", "cs", I18N_FOUND, "cs", NULL, 0, false, NULL},
	{"cs", "CS", I18N_FOUND, "cs", NULL, 0, false, NULL},
	{"cs", "ces", I18N_FOUND, "cs", NULL, 0, false, NULL},
	{"cs", "pt-BR", I18N_FOUND, "pt-BR", NULL, 0, false, NULL},
	{"cs", "pt_br", I18N_FOUND, "pt-BR", NULL, 0, false, NULL},
	{"cs", "iw", I18N_FOUND, "he", NULL, 0, false, NULL},
	{"cs", "tl", I18N_FOUND, "fil", NULL, 0, false, NULL},
	{"cs", "no", I18N_FOUND, "no", NULL, 0, false, NULL},
	{"cs", "sr-Latn", I18N_FOUND, "sr-Latn", NULL, 0, false, NULL},
	/* names */
	{"cs", "čeština", I18N_FOUND, "cs", NULL, 0, false, NULL},
	{"cs", "cestina", I18N_FOUND, "cs", NULL, 0, false, NULL},
	{"cs", "Czech", I18N_FOUND, "cs", NULL, 0, false, NULL},
	{"cs", "tschechisch", I18N_FOUND, "cs", NULL, 0, false, NULL},
	{"cs", "polština", I18N_FOUND, "pl", NULL, 0, false, NULL},
	{"cs", "Polish", I18N_FOUND, "pl", NULL, 0, false, NULL},
	{"cs", "polski", I18N_FOUND, "pl", NULL, 0, false, NULL},
	{"cs", "Deutsch", I18N_FOUND, "de", NULL, 0, false, NULL},
	{"cs", "русский", I18N_FOUND, "ru", NULL, 0, false, NULL},
	{"en", "Ukrainian", I18N_FOUND, "uk", NULL, 0, false, NULL},
	{"en", "Swiss High German", I18N_FOUND, "de-CH", NULL, 0, false, NULL},
	{"en", "Brazilian Portuguese", I18N_FOUND, "pt-BR", NULL, 0, false, NULL},
	/* one language under ICU's canonical tag (tl is fil) */
	{"en", "Tagalog", I18N_FOUND, "fil", NULL, 0, false, NULL},
	{"en", "Filipino", I18N_FOUND, "fil", NULL, 0, false, NULL},
	{"en", "Norwegian", I18N_FOUND, "no", NULL, 0, false, NULL},
	{"en", "Norwegian Bokmål", I18N_FOUND, "nb", NULL, 0, false, NULL},
	{"en", "Bokmål", I18N_FOUND, "nb", NULL, 0, false, NULL},
	{"en", "Egyptian Arabic", I18N_FOUND, "arz", NULL, 0, false, NULL},
	/* aliases.yaml */
	{"en", "castellano", I18N_FOUND, "es", NULL, 0, false, NULL},
	{"cs", "Castellano", I18N_FOUND, "es", NULL, 0, false, NULL},
	{"en", "Castilian", I18N_FOUND, "es", NULL, 0, false, NULL},
	{"en", "Farsi", I18N_FOUND, "fa", NULL, 0, false, NULL},
	/* never taken without asking */
	{"en", "portug", I18N_UNKNOWN, NULL, "pt", -1, true, NULL},
	{"cs", "slov", I18N_UNKNOWN, NULL, "sk sl", -1, false, NULL},
	{"cs", "cestin", I18N_UNKNOWN, NULL, "cs", -1, true, NULL},
	{"cs", "Polsih", I18N_UNKNOWN, NULL, "pl", -1, true, NULL},
	{"cs", "tschechich", I18N_UNKNOWN, NULL, "cs", -1, true, NULL},
	{"en", "castellan", I18N_UNKNOWN, NULL, "es", -1, true, "ca"},
	{"en", "Castillian", I18N_UNKNOWN, NULL, "es", -1, true, "ca"},
	{"cs", "x", I18N_UNKNOWN, NULL, NULL, -1, false, NULL},
	{"cs", "zz", I18N_UNKNOWN, NULL, NULL, -1, false, NULL},
	{"cs", "qqqqqqqqqqqq", I18N_UNKNOWN, NULL, NULL, 0, false, NULL},
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

/* Candidates of an ambiguous input: countries first, then by UI name. */
static void
test_ambiguous_order(void)
{
	struct i18n *ui = open_ui("cs");
	struct i18n_candidates c;
	char *out;

	if (ui == NULL)
		return;
	/* Kongo – Brazzaville < Kongo – Kinshasa, then the region Kongo
	 * Central */
	CHECK(i18n_country_parse(ui, "kongo", &out, &c) == I18N_AMBIGUOUS);
	CHECK(c.n == 3 && strcmp(c.codes[0], "CG") == 0 && strcmp(c.codes[1], "CD") == 0 &&
	      strcmp(c.codes[2], "CD-BC") == 0);
	i18n_candidates_free(&c);
	CHECK(c.n == 0 && c.codes == NULL);
	i18n_candidates_free(&c);
	i18n_free(ui);
}

static const struct {
	const char *ui, *code, *want;
} country_names[] = {
	{"cs", "CZ", "Česko"},
	{"en", "CZ", "Czechia"},
	{"de", "CZ", "Tschechien"},
	{"cs", "QQ", "QQ"},
	{"cs", "", ""},
	{"cs", "cz!", "cz!"},
	{"en", "GB", "United Kingdom"},
	{"tlh", "CZ", "Czechia"}, /* no names in ICU: English, not the default locale */
};

static const struct {
	const char *ui, *code, *want;
} region_names[] = {
	{"en", "GB-SCT", "Scotland"},
	{"cs", "GB-SCT", "Skotsko"},
	{"de", "GB-SCT", "Schottland"},
	{"cy", "GB-WLS", "Cymru"},
	{"fr", "CA-QC", "Québec"},
	{"de", "DE-BY", "Bayern"},
	{"en", "DE-BY", "Bavaria"},
	{"pt-BR", "GB-ENG", "Inglaterra"}, /* the language's name, not the region's */
	{"tlh", "GB-NIR", "Northern Ireland"}, /* none: English */
	{"en", "GB", "United Kingdom"},          /* a country: its name */
	{"en", "GB-XXX", "GB-XXX"},
	{"en", "GB-KEN", "GB-KEN"}, /* not top-level: not in names.cache */
	{"en", "", ""},
	{"en", "Scotland", "Scotland"},
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
	{"en", "fil", "Filipino"},
	{"en", "zz", "zz"},
	{"en", "not a tag", "not a tag"},
	{"tlh", "cs", "Czech"},
	{"cs", "de-CH", "němčina standardní (Švýcarsko)"},
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

static void
test_display(void)
{
	size_t i;
	char *s;
	struct i18n *ui;

	for (i = 0; i < sizeof country_names / sizeof country_names[0]; i++) {
		if ((ui = open_ui(country_names[i].ui)) == NULL)
			continue;
		s = i18n_country_name(ui, country_names[i].code);
		CHECK_STR(s, country_names[i].want);
		free(s);
		i18n_free(ui);
	}
	for (i = 0; i < sizeof region_names / sizeof region_names[0]; i++) {
		if ((ui = open_ui(region_names[i].ui)) == NULL)
			continue;
		s = i18n_region_name(ui, region_names[i].code);
		CHECK_STR(s, region_names[i].want);
		free(s);
		i18n_free(ui);
	}
	for (i = 0; i < sizeof language_names / sizeof language_names[0]; i++) {
		if ((ui = open_ui(language_names[i].ui)) == NULL)
			continue;
		s = i18n_language_name(ui, language_names[i].tag);
		CHECK_STR(s, language_names[i].want);
		free(s);
		i18n_free(ui);
	}
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
	{"", false}, {"C", false}, {"GB-SCT", false},
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
	{"de-CH", "de-CH"}, {"sr_Latn_RS", "sr-Latn-RS"},
	/* ICU's language aliases (CLDR languageAlias) */
	{"tl", "fil"}, {"tl-PH", "fil-PH"}, {"TL", "fil"}, {"sh", "sr-Latn"},
	{"sh-BA", "sr-Latn-BA"}, {"cmn", "zh"}, {"arb", "ar"}, {"mo", "ro"},
	/* ICU keeps Norwegian: no and nb are two tags (see served_by) */
	{"no", "no"}, {"nb", "nb"}, {"fil", "fil"}, {"arz", "arz"},
	{"x", NULL}, {"zz", NULL}, {"und", NULL}, {"", NULL}, {"polish", NULL},
	{"čeština", NULL}, {"de CH", NULL}, {"en-", NULL},
};

/* CLDR 41's language matches and aliases (i18n.h). */
static const struct {
	const char *tag;
	const char *yes, *no; /* space-separated tags served / not served */
} served_cases[] = {
	{"arz", "ar", "arz"},
	{"ary", "ar", ""},
	{"arz-EG", "ar", "arz"},
	{"ar", "arb", "arz ary"}, /* one way: Arabic services serve arz, not back */
	{"nb", "no da", "nb nn"},
	{"no", "nb da", "no nn"},
	{"tl", "fil", "tl"}, /* CLDR's alias, both ways */
	{"TL", "fil", "tl"},
	{"fil", "tl", "fil"},
	{"sh", "sr-Latn bs hr sr", "sh"},
	{"gsw", "de", ""},
	{"de", "", "gsw lb"},
	{"hr", "bs", ""},
	{"yue", "zh", ""},
	{"cs", "", "sk cs"},   /* CLDR distance 20: the caller's second language */
	{"ca", "", "es"},      /* 20, one way */
	{"cy", "", "en"},      /* 20 */
	{"en", "", "en"},
	{"zz", "", ""},
};

static void
check_served(const char *tag, const char *yes, const char *no)
{
	char **v, *list, *p, *save = NULL;
	size_t n = i18n_language_served_by(tag, &v), i;
	bool bad = false;

	list = xstrdup(yes);
	for (p = strtok_r(list, " ", &save); p; p = strtok_r(NULL, " ", &save))
		if (!has(v, n, p) && (bad = true))
			fprintf(stderr, "served_by(%s) lacks %s\n", tag, p);
	free(list);
	list = xstrdup(no);
	for (save = NULL, p = strtok_r(list, " ", &save); p; p = strtok_r(NULL, " ", &save))
		if (has(v, n, p) && (bad = true))
			fprintf(stderr, "served_by(%s) has %s\n", tag, p);
	free(list);
	if (bad) {
		fprintf(stderr, "served_by(%s):", tag);
		for (i = 0; i < n; i++)
			fprintf(stderr, " %s", v[i]);
		fputc('\n', stderr);
	}
	CHECK(!bad);
	i18n_strv_free(v, n);
}

static const struct {
	const char *country, *want;
} likely_cases[] = {
	{"CZ", "cs"}, {"CH", "de"}, {"BE", "nl"}, {"AT", "de"}, {"RS", "sr"},
	{"ME", "sr-Latn"}, {"TW", "zh-Hant"}, {"CN", "zh"}, {"UA", "uk"},
	{"ZZ", NULL}, {"EU", NULL}, {"cz", NULL}, {"AQ", NULL},
};

static void
check_opt_str(const char *what, const char *arg, char *got, const char *want)
{
	if (want == NULL) {
		if (got != NULL)
			fprintf(stderr, "%s(%s) = %s, want NULL\n", what, arg, got);
		CHECK(got == NULL);
	} else {
		CHECK_STR(got, want);
	}
	free(got);
}

static void
test_codes(void)
{
	size_t i;

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
	/* names_language_known searches ICU's ISO list by halves: it must
	 * stay sorted, and find its first, middle and last codes (Afar,
	 * Lingua Franca Nova and Zaza in ICU 72). */
	{
		const char *const *iso = uloc_getISOLanguages();
		size_t niso = 0;

		while (iso[niso] != NULL)
			niso++;
		CHECK(niso > 500);
		for (i = 1; i < niso; i++) {
			if (strcmp(iso[i - 1], iso[i]) >= 0)
				fprintf(stderr, "ICU's ISO languages out of order at %s\n", iso[i]);
			CHECK(strcmp(iso[i - 1], iso[i]) < 0);
		}
		for (i = 0; niso > 0 && i < 3; i++) {
			const char *code = iso[i == 0 ? 0 : i == 1 ? niso / 2 : niso - 1];
			char *c = i18n_language_canonical(code);

			if (c == NULL || strcmp(c, code) != 0)
				fprintf(stderr, "ISO language %s: canonical %s\n", code, c ? c : "none");
			CHECK(c != NULL && strcmp(c, code) == 0);
			free(c);
		}
	}
	for (i = 0; i < sizeof canonical_cases / sizeof canonical_cases[0]; i++)
		check_opt_str("canonical", canonical_cases[i].tag,
			      i18n_language_canonical(canonical_cases[i].tag), canonical_cases[i].want);
	for (i = 0; i < sizeof likely_cases / sizeof likely_cases[0]; i++)
		check_opt_str("likely", likely_cases[i].country,
			      i18n_likely_language(likely_cases[i].country), likely_cases[i].want);
	for (i = 0; i < sizeof served_cases / sizeof served_cases[0]; i++)
		check_served(served_cases[i].tag, served_cases[i].yes, served_cases[i].no);
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
	{"tl-PH", {"fil-PH", "fil"}, 2},
	{"x", {NULL}, 0},
	{"zz", {NULL}, 0},
};

static void
test_fallbacks(void)
{
	size_t i, j, n;
	char **v;

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
	/* One name per place: the one shown for it, when it fits ... */
	{"cs", "cesk", "Česko", 1}, /* not also Česká republika */
	{"cs", "ČESK", "Česko", 1},
	{"de", "tschech", "Tschechien", 1}, /* not also Tschechische Republik */
	{"en", "czech", "Czechia", 1},
	/* ... else the names that fit. */
	{"en", "czech r", "Czech Republic", 1},
	{"cs", "rak", "Rakousko", 0},
	{"en", "ös", "Österreich", 0}, /* the country's own language */
	/* Codes once a subdivision code is being typed. */
	{"cs", "cz-1", "CZ-10", 0},
	{"cs", "", "Česko", 0},
	{"en", "", "Scotland", 0},
	/* regions: in the UI language and English, and in their own */
	{"en", "scot", "Scotland", 0},
	{"cs", "skot", "Skotsko", 0},
	{"en", "bava", "Bavaria", 0},
	{"en", "bay", "Bayern", 0},
	{"en", "gb-s", "GB-SCT", 0},
	/* aliases in the UI language or English */
	{"en", "great b", "Great Britain", 1},
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
		i18n_free(ui);
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
	/* Polish once, by its Czech name, though its English and Polish
	 * names fit too; its own name where only that fits. */
	n = i18n_language_complete(ui, "pol", NULL, 0, &v);
	CHECK(has(v, n, "polština") && !has(v, n, "Polish") && !has(v, n, "polski"));
	i18n_strv_free(v, n);
	n = i18n_language_complete(ui, "polsk", NULL, 0, &v);
	CHECK(has(v, n, "polski"));
	i18n_strv_free(v, n);
	n = i18n_language_complete(ui, "cast", NULL, 0, &v);
	CHECK(has(v, n, "Castilian") || has(v, n, "castellano") || n == 0);
	i18n_strv_free(v, n);
	n = i18n_language_complete(ui, "zzzzzz", NULL, 0, &v);
	CHECK(n == 0 && v == NULL);
	i18n_free(ui);
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
		{"tr", "İskoçya", "GB-SCT"}, {"tr", "ISKOÇYA", "GB-SCT"}, {"tr", "Galler", "GB-WLS"},
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
		enum i18n_match m;

		if (ui == NULL)
			continue;
		m = i18n_country_parse(ui, cases[i].input, &out, &c);
		if (m != I18N_FOUND)
			fprintf(stderr, "turkish %s: %s\n", cases[i].input, match_name(m));
		CHECK(m == I18N_FOUND);
		CHECK_STR(out, cases[i].want);
		free(out);
		i18n_candidates_free(&c);
		i18n_free(ui);
	}
	st = U_ZERO_ERROR;
	uloc_setDefault(def, &st);
	setlocale(LC_ALL, saved);
	free(saved);
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
 * i18n_country_valid for every two capitals, and i18n_region_contains for
 * every group with every two capitals (and a few codes that are not),
 * against ICU's own answers, which the program never asks for.
 */
static void
test_regions(void)
{
	static const char *const odd[] = {"cz", "CZE", "C", "", "203", NULL};
	char code[3] = "AA", **groups;
	size_t ngroups = region_groups(&groups), i, j, bad = 0, in = 0, valid = 0;

	CHECK(ngroups > 30);
	for (code[0] = 'A'; code[0] <= 'Z'; code[0]++) {
		for (code[1] = 'A'; code[1] <= 'Z'; code[1]++) {
			bool v = i18n_country_valid(code);

			valid += v;
			if (v != names_build_country_valid(code) && bad++ < 5)
				fprintf(stderr, "valid(%s) = %d, ICU says %d\n", code, v, !v);
			for (i = 0; i < ngroups; i++) {
				bool c = i18n_region_contains(groups[i], code);

				in += c;
				if (c != names_build_region_contains(groups[i], code) && bad++ < 5)
					fprintf(stderr, "contains(%s, %s) = %d, ICU says %d\n",
						groups[i], code, c, !c);
			}
		}
	}
	for (i = 0; i < ngroups; i++)
		for (j = 0; j < sizeof odd / sizeof odd[0]; j++)
			if (i18n_region_contains(groups[i], odd[j]) !=
			    names_build_region_contains(groups[i], odd[j]))
				bad++;
	for (j = 0; j < sizeof odd / sizeof odd[0]; j++)
		if (i18n_country_valid(odd[j]) != names_build_country_valid(odd[j]))
			bad++;
	CHECK(bad == 0);
	/* Not a vacuous comparison: ICU knows about 250 territories, and
	 * the world contains them all. */
	CHECK(valid > 240 && valid < 260);
	CHECK(in > 1000);
	i18n_strv_free(groups, ngroups);
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

/* What a context says and does with the names.cache in dir: whether it is
 * ready, and whether a lookup by name works. */
static void
check_state(const char *dir, bool ready, const char *says, const char *what)
{
	struct i18n *ui;
	struct i18n_candidates c;
	char *out = NULL, *about = NULL;
	enum i18n_match m;

	share_dir(dir);
	if ((ui = open_ui("en")) == NULL)
		return;
	if (i18n_names_ready(ui, true, &about) != ready || about == NULL ||
	    strstr(about, says) == NULL)
		fprintf(stderr, "%s: ready %d, \"%s\"\n", what, !ready, about ? about : "");
	CHECK(i18n_names_ready(ui, false, NULL) == ready);
	CHECK(about != NULL && strstr(about, says) != NULL);
	m = i18n_country_parse(ui, "Tschechien", &out, &c);
	CHECK(m == (ready ? I18N_FOUND : I18N_NO_DATA));
	CHECK(ready || (out == NULL && c.n == 0));
	CHECK(i18n_country_valid("CZ") == ready);
	free(out);
	free(about);
	i18n_candidates_free(&c);
	i18n_free(ui);
}

/*
 * names_build gives the staged file's bytes again, under a Turkish
 * default; copies that are missing, truncated, damaged, of another format,
 * ICU or locale data are refused with their reason.
 */
static void
test_cache(const char *tmp)
{
	static const struct {
		const char *name;
		long at;   /* byte to change; -1: one in the last block; -2: none */
		long keep; /* bytes to keep (truncate), -1 for all */
		const char *says;
	} damage[] = {
		{"magic", 0, -1, "not names data"},
		{"format", 8, -1, "not names data"},
		{"icu", 16, -1, "was built for ICU"},
		{"unicode", 20, -1, "was built for ICU"},
		{"cldr", 24, -1, "was built for ICU"},
		{"locale data", 32, -1, "other ICU locale data"},
		{"size", 40, -1, "damaged"},
		{"tables", 70, -1, "damaged"},
		{"a block", -1, -1, "damaged"},
		{"truncated", -2, 100000, "damaged"},
		{"header only", -2, 64, "damaged"},
		{"short", -2, 10, "not names data"},
		{"empty", -2, 0, "not names data"},
	};
	char *path = xasprintf("%s/names.cache", stage_dir), *sub = xasprintf("%s/bad", tmp);
	char *bad = xasprintf("%s/bad/names.cache", tmp), *cause = NULL;
	const char *tsv = getenv("SIGNPOST_CLDR_TSV"), *src = getenv("SIGNPOST_SOURCE_DIR");
	char *in_sub = xasprintf("%s/subdivisions.tsv", tsv ? tsv : ".");
	char *in_la = xasprintf("%s/language-aliases.tsv", tsv ? tsv : ".");
	char *in_lm = xasprintf("%s/language-matches.tsv", tsv ? tsv : ".");
	char *in_al = xasprintf("%s/data/aliases.yaml", src);
	struct names_build_input in = {in_sub, in_la, in_lm, in_al, getenv("SIGNPOST_CLDR_VERSION")};
	struct buf b = {0};
	char def[ULOC_FULLNAME_CAPACITY];
	UErrorCode st = U_ZERO_ERROR;
	unsigned char *a, *c;
	size_t an, i;
	const char *old = setlocale(LC_ALL, NULL);
	char *saved = xstrdup(old ? old : "C");

	a = slurp(path, &an);
	CHECK(a != NULL && an > 1000000);
	/* Built again, under a Turkish default: the same bytes. */
	snprintf(def, sizeof def, "%s", uloc_getDefault());
	setlocale(LC_ALL, "tr_TR.UTF-8");
	uloc_setDefault("tr_TR", &st);
	if (names_build(&in, &b, &cause) != 0)
		fprintf(stderr, "names_build: %s\n", cause ? cause : "?");
	CHECK(cause == NULL);
	free(cause);
	uloc_setDefault(def, &st);
	setlocale(LC_ALL, saved);
	free(saved);
	CHECK(a != NULL && b.len == an && memcmp(b.s, a, an) == 0);
	buf_free(&b);

	check_state(stage_dir, true, "built from ICU", "as built");
	check_state(tmp, false, "is missing", "missing");
	CHECK(mkdir(sub, 0700) == 0);
	for (i = 0; a != NULL && i < sizeof damage / sizeof damage[0]; i++) {
		size_t n = damage[i].keep >= 0 ? (size_t)damage[i].keep : an;

		c = xmalloc(an);
		memcpy(c, a, an);
		if (damage[i].at >= 0)
			c[damage[i].at] ^= 1;
		else if (damage[i].at == -1)
			c[an - 100] ^= 0x40;
		spill(bad, c, n);
		free(c);
		check_state(sub, false, damage[i].says, damage[i].name);
	}
	/* A damaged block no lookup reads is found by a thorough check only;
	 * a lookup that reads it says so. */
	if (a != NULL) {
		struct i18n *ui;

		c = xmalloc(an);
		memcpy(c, a, an);
		c[an - 100] ^= 0x40;
		spill(bad, c, an);
		free(c);
		share_dir(sub);
		if ((ui = open_ui("en")) != NULL) {
			CHECK(i18n_names_ready(ui, false, NULL));
			CHECK(i18n_country_valid("CZ"));
			CHECK(!i18n_names_ready(ui, true, NULL));
			CHECK(!i18n_country_valid("CZ"));
			i18n_free(ui);
		}
	}
	/* And the control: the same file undamaged is used. */
	if (a != NULL)
		spill(bad, a, an);
	check_state(sub, true, "built from ICU", "copied");
	remove(bad);
	rmdir(sub);
	share_dir(stage_dir);
	free(a);
	free(path);
	free(sub);
	free(bad);
	free(in_sub);
	free(in_la);
	free(in_lm);
	free(in_al);
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
test_timing(void)
{
	static const struct {
		const char *input;
		bool language;
	} inputs[] = {
		{"CZ", false}, {"Česko", false}, {"Czechia", false}, {"Tschechien", false},
		{"Чехия", false}, {"Skotsko", false}, {"tschech", false}, {"Czechai", false},
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

		/* A fresh process's cache and context, as for one command. */
		share_dir(stage_dir);
		ui = open_ui("cs");
		t0 = clock();
		if (inputs[i].language)
			i18n_language_parse(ui, inputs[i].input, &out, &c);
		else
			i18n_country_parse(ui, inputs[i].input, &out, &c);
		first = (double)(clock() - t0) * 1000.0 / CLOCKS_PER_SEC;
		free(out);
		i18n_candidates_free(&c);
		fprintf(stderr, "timing: %-9s %-12s first %7.3f ms, then %7.3f ms each\n",
			inputs[i].language ? "language" : "country", inputs[i].input, first,
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

	if (src == NULL || (stage_dir = getenv("SIGNPOST_STAGE_DIR")) == NULL) {
		fprintf(stderr, "SIGNPOST_SOURCE_DIR or SIGNPOST_STAGE_DIR is not set\n");
		return 1;
	}
	locales_dir = xstrdup(getenv("SIGNPOST_LOCALEDIR") != NULL ? getenv("SIGNPOST_LOCALEDIR")
							     : "locales");
	share_dir(stage_dir);
	test_codes();
	test_regions();
	test_fallbacks();
	test_display();
	test_parse();
	test_ambiguous_order();
	test_complete();
	test_turkish();
	test_timing();
	if (mkdtemp(tmp) == NULL) {
		fprintf(stderr, "mkdtemp failed\n");
		CHECK(false);
	} else {
		test_cache(tmp);
		rmdir(tmp);
	}
	rc = check_done();
	free(tmp);
	free(locales_dir);
	i18n_cleanup();
	return rc;
}
