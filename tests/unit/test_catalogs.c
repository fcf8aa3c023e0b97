/*
 * test_catalogs.c - every UI catalog in locales/ against the English
 * source: it loads, its file name is its `language:` tag, it has every key
 * of en.yaml and no other, every pattern parses with ICU, takes the same
 * arguments with the same types as English, and every plural argument has
 * a branch for each plural category the language uses for whole numbers.
 * Golden cases check plural output through the real API (i18n_fmt) and
 * the negotiation of a UI tag against the catalogs.  A compiled catalog
 * (LANG.ytree) is used when it matches its YAML, and gives exactly the
 * catalog, or the error, that parsing the YAML gives.
 *
 * The catalogs are found at run time, so a catalog added later is checked
 * without changing this file.  Failures name the file, line and column.
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unicode/uloc.h>
#include <unicode/umsg.h>
#include <unicode/upluralrules.h>
#include <unicode/ustring.h>

#include "catalog.h"
#include "check.h"
#include "i18n.h"
#include "xmalloc.h"
#include "ynode.h"

/* Exported by src/i18n.c for this test; not part of the i18n.h API. */
int i18n_pattern_args(const char *pattern, char types[11]);

static char *locales_dir;

/* Whole numbers checked against the plural branches of every pattern. */
#define PLURAL_MAX 1000

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The catalog file names (without .yaml) in locales_dir, sorted. */
static size_t
catalog_names(char ***out)
{
	DIR *d = opendir(locales_dir);
	struct dirent *de;
	char **v = NULL;
	size_t n = 0;

	*out = NULL;
	if (d == NULL) {
		fprintf(stderr, "%s: cannot open\n", locales_dir);
		return 0;
	}
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);

		if (len <= 5 || strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n++] = xstrndup(de->d_name, len - 5);
	}
	closedir(d);
	if (n > 0)
		qsort(v, n, sizeof *v, str_cmp);
	*out = v;
	return n;
}

static struct catalog *
load(const char *tag)
{
	char *path = xasprintf("%s/%s.yaml", locales_dir, tag), *cause = NULL;
	struct catalog *c = catalog_load(path, &cause);

	if (c == NULL)
		fprintf(stderr, "%s\n", cause ? cause : path);
	CHECK(c != NULL);
	free(cause);
	free(path);
	return c;
}

/*
 * The plural branches of a pattern, found by a small scanner that follows
 * ICU's apostrophe rules (ApostropheMode DOUBLE_OPTIONAL).  ICU parses the
 * pattern too (umsg_open); this only collects selectors.
 */
struct plural_arg {
	int num;
	bool ordinal;
	char sel[12][16];
	int nsel;
};

struct plural_scan {
	struct plural_arg v[16];
	int n;
	bool bad;
};

static const char *scan_message(const char *p, struct plural_scan *ps, bool in_plural, int depth);

static const char *
skip_ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/* p is just after '{'; returns the position after the matching '}'. */
static const char *
scan_arg(const char *p, struct plural_scan *ps, int depth)
{
	int num = 0;
	const char *w;
	size_t wl;
	bool plural, select;

	p = skip_ws(p);
	while (*p >= '0' && *p <= '9')
		num = num * 10 + (*p++ - '0');
	p = skip_ws(p);
	if (*p == '}')
		return p + 1;
	if (*p != ',') {
		ps->bad = true;
		return NULL;
	}
	p = skip_ws(p + 1);
	w = p;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
		p++;
	wl = (size_t)(p - w);
	plural = (wl == 6 && strncmp(w, "plural", 6) == 0) ||
		 (wl == 13 && strncmp(w, "selectordinal", 13) == 0);
	select = wl == 6 && strncmp(w, "select", 6) == 0;
	p = skip_ws(p);
	if (*p == '}')
		return p + 1;
	if (*p != ',') {
		ps->bad = true;
		return NULL;
	}
	p++;
	if (!plural && !select) {
		/* A style such as "integer": skip to the closing brace. */
		int d = 0;

		for (; *p && !(*p == '}' && d == 0); p++)
			d += *p == '{' ? 1 : *p == '}' ? -1 : 0;
		return *p ? p + 1 : NULL;
	}
	{
		struct plural_arg *pa = NULL;

		if (plural && ps->n < (int)(sizeof ps->v / sizeof ps->v[0])) {
			pa = &ps->v[ps->n++];
			memset(pa, 0, sizeof *pa);
			pa->num = num;
			pa->ordinal = wl == 13;
		}
		for (;;) {
			const char *s;

			p = skip_ws(p);
			if (*p == '}')
				return p + 1;
			if (*p == '\0')
				break;
			s = p;
			while (*p && *p != '{' && *p != '}' && *p != ' ' && *p != '\t' && *p != '\n')
				p++;
			if (pa != NULL && p > s && strncmp(s, "offset:", 7) != 0 &&
			    pa->nsel < 12 && (size_t)(p - s) < sizeof pa->sel[0])
				memcpy(pa->sel[pa->nsel++], s, (size_t)(p - s));
			p = skip_ws(p);
			if (*p != '{')
				continue; /* "offset:1" or a selector before its message */
			p = scan_message(p + 1, ps, plural, depth + 1);
			if (p == NULL || *p != '}')
				break;
			p++;
		}
	}
	ps->bad = true;
	return NULL;
}

/* Scans message text up to an unquoted '}' or the end; returns where it stopped. */
static const char *
scan_message(const char *p, struct plural_scan *ps, bool in_plural, int depth)
{
	if (depth > 8) {
		ps->bad = true;
		return NULL;
	}
	while (p && *p && *p != '}') {
		if (*p == '\'') {
			if (p[1] == '\'') {
				p += 2;
			} else if (p[1] == '{' || p[1] == '}' || p[1] == '|' ||
				   (in_plural && p[1] == '#')) {
				/* Quoted literal text up to the next lone apostrophe. */
				p++;
				while (*p && !(*p == '\'' && p[1] != '\''))
					p += *p == '\'' ? 2 : 1;
				if (*p)
					p++;
			} else {
				p++;
			}
		} else if (*p == '{') {
			p = scan_arg(p + 1, ps, depth);
		} else {
			p++;
		}
	}
	return p;
}

static bool
has_selector(const struct plural_arg *pa, const char *kw, int n)
{
	char exact[16];
	int i;

	snprintf(exact, sizeof exact, "=%d", n);
	for (i = 0; i < pa->nsel; i++)
		if (strcmp(pa->sel[i], kw) == 0 || strcmp(pa->sel[i], exact) == 0)
			return true;
	return false;
}

/* Whether kw is one of the plural categories the rules know. */
static bool
known_keyword(UPluralRules *rules, const char *kw)
{
	UErrorCode st = U_ZERO_ERROR;
	UEnumeration *e = uplrules_getKeywords(rules, &st);
	const char *k;
	bool found = false;

	if (U_FAILURE(st))
		return false;
	while ((k = uenum_next(e, NULL, &st)) != NULL && U_SUCCESS(st))
		if (strcmp(k, kw) == 0)
			found = true;
	uenum_close(e);
	return found;
}

/*
 * Checks the plural arguments of one pattern: every selector is a category
 * of the language (or an exact "=N"), and every whole number up to
 * PLURAL_MAX has a branch of its own category (else ICU quietly takes
 * "other", which is wrong grammar in Czech, Polish or Arabic).
 */
static void
check_plurals(const char *file, const struct catalog_entry *e, const char *tag)
{
	struct plural_scan ps;
	int i, j, n;

	memset(&ps, 0, sizeof ps);
	if (scan_message(e->pattern, &ps, false, 0) == NULL || ps.bad) {
		fprintf(stderr, "%s:%d:%d: %s: the plural scanner cannot read this pattern\n", file,
			e->line, e->column, e->key);
		CHECK(!ps.bad);
		return;
	}
	for (i = 0; i < ps.n; i++) {
		const struct plural_arg *pa = &ps.v[i];
		UErrorCode st = U_ZERO_ERROR;
		UPluralType type = pa->ordinal ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL;
		UPluralRules *rules = uplrules_openForType(tag, type, &st);
		bool ok = true;

		if (U_FAILURE(st)) {
			fprintf(stderr, "%s: uplrules_openForType: %s\n", file, u_errorName(st));
			CHECK(U_SUCCESS(st));
			continue;
		}
		for (j = 0; j < pa->nsel; j++) {
			if (pa->sel[j][0] == '=' || known_keyword(rules, pa->sel[j]))
				continue;
			fprintf(stderr, "%s:%d:%d: %s: argument {%d}: \"%s\" is not a plural category of %s\n",
				file, e->line, e->column, e->key, pa->num, pa->sel[j], tag);
			ok = false;
		}
		for (n = 0; n <= PLURAL_MAX && ok; n++) {
			UChar kw[16];
			char kw8[16];
			int32_t len = uplrules_select(rules, (double)n, kw, 16, &st);

			if (U_FAILURE(st) || len >= 16)
				break;
			u_austrncpy(kw8, kw, len);
			kw8[len] = '\0';
			if (!has_selector(pa, kw8, n)) {
				fprintf(stderr, "%s:%d:%d: %s: argument {%d} has no \"%s\" branch (needed for %d)\n",
					file, e->line, e->column, e->key, pa->num, kw8, n);
				ok = false;
			}
		}
		CHECK(ok);
		uplrules_close(rules);
	}
}

/* True if the UTF-8 text holds a bidi control character (LRM, RLM, embeddings,
 * overrides or isolates): signpost adds isolates itself where they belong. */
static bool
has_bidi_control(const char *s)
{
	static const char *const marks[] = {
		"\xe2\x80\x8e", "\xe2\x80\x8f", "\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac",
		"\xe2\x80\xad", "\xe2\x80\xae", "\xe2\x81\xa6", "\xe2\x81\xa7", "\xe2\x81\xa8",
		"\xe2\x81\xa9", "\xd8\x9c",
	};
	size_t i;

	for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (strstr(s, marks[i]) != NULL)
			return true;
	return false;
}

static bool
ends_with_space(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && s[n - 1] == ' ';
}

/* One pattern: ICU parses it, its arguments match English's. */
static void
check_pattern(const char *file, const char *tag, const struct catalog_entry *e,
	      const char *en_pattern)
{
	char types[11], en_types[11];
	int nargs, en_nargs;
	UErrorCode st = U_ZERO_ERROR;
	UParseError pe;
	UChar *u;
	int32_t ulen = 0;
	UMessageFormat *f;

	u = xcalloc(strlen(e->pattern) + 1, sizeof *u);
	u_strFromUTF8(u, (int32_t)strlen(e->pattern) + 1, &ulen, e->pattern, -1, &st);
	if (U_FAILURE(st)) {
		fprintf(stderr, "%s:%d:%d: %s: not UTF-8 (%s)\n", file, e->line, e->column, e->key,
			u_errorName(st));
		CHECK(U_SUCCESS(st));
		free(u);
		return;
	}
	memset(&pe, 0, sizeof pe);
	f = umsg_open(u, ulen, tag, &pe, &st);
	if (U_FAILURE(st))
		fprintf(stderr, "%s:%d:%d: %s: umsg_open: %s at offset %d\n", file, e->line, e->column,
			e->key, u_errorName(st), (int)pe.offset);
	CHECK(U_SUCCESS(st));
	umsg_close(f);
	free(u);

	nargs = i18n_pattern_args(e->pattern, types);
	en_nargs = i18n_pattern_args(en_pattern, en_types);
	if (nargs != en_nargs || memcmp(types, en_types, sizeof types) != 0) {
		int i;

		fprintf(stderr, "%s:%d:%d: %s: arguments differ from English:", file, e->line, e->column,
			e->key);
		for (i = 0; i < 10; i++)
			if (types[i] != en_types[i])
				fprintf(stderr, " {%d} is %c, English %c", i, types[i] ? types[i] : '-',
					en_types[i] ? en_types[i] : '-');
		fprintf(stderr, "%s\n", nargs == -1 ? " (the pattern cannot be scanned)" : "");
	}
	CHECK(nargs == en_nargs && nargs != -1);
	CHECK(memcmp(types, en_types, sizeof types) == 0);
	if (has_bidi_control(e->pattern))
		fprintf(stderr, "%s:%d:%d: %s: holds a bidi control character\n", file, e->line, e->column,
			e->key);
	CHECK(!has_bidi_control(e->pattern));
	/* Prompts end with a space the cursor sits after; so must theirs. */
	if (ends_with_space(e->pattern) != ends_with_space(en_pattern))
		fprintf(stderr, "%s:%d:%d: %s: English %s with a space, this %s\n", file, e->line,
			e->column, e->key, ends_with_space(en_pattern) ? "ends" : "does not end",
			ends_with_space(e->pattern) ? "does" : "does not");
	CHECK(ends_with_space(e->pattern) == ends_with_space(en_pattern));
	check_plurals(file, e, tag);
}

/* One catalog against English. */
static void
check_catalog(const char *tag, const struct catalog *en)
{
	struct catalog *c = load(tag);
	char *file = xasprintf("locales/%s.yaml", tag);
	char id[ULOC_FULLNAME_CAPACITY];
	int32_t parsed = 0;
	UErrorCode st = U_ZERO_ERROR;
	size_t i, missing = 0, extra = 0;

	if (c == NULL) {
		free(file);
		return;
	}
	/* The file name is the catalog's tag, and a well-formed BCP 47 tag. */
	if (strcmp(c->language, tag) != 0)
		fprintf(stderr, "%s: language is \"%s\", the file name says \"%s\"\n", file, c->language,
			tag);
	CHECK_STR(c->language, tag);
	uloc_forLanguageTag(tag, id, sizeof id, &parsed, &st);
	CHECK(U_SUCCESS(st) && parsed == (int32_t)strlen(tag) && id[0] != '\0');

	for (i = 0; i < en->n; i++)
		if (catalog_get(c, en->v[i].key) == NULL) {
			fprintf(stderr, "%s: missing key %s\n", file, en->v[i].key);
			missing++;
		}
	for (i = 0; i < c->n; i++) {
		const char *en_pattern = catalog_get(en, c->v[i].key);

		if (en_pattern == NULL) {
			fprintf(stderr, "%s:%d:%d: key %s is not in en.yaml\n", file, c->v[i].line,
				c->v[i].column, c->v[i].key);
			extra++;
			continue;
		}
		check_pattern(file, tag, &c->v[i], en_pattern);
	}
	CHECK(missing == 0);
	CHECK(extra == 0);
	printf("%s: %zu keys checked\n", file, c->n);
	catalog_free(c);
	free(file);
}

static struct i18n *
open_tag(const char *tag)
{
	char *cause = NULL;
	struct i18n *ui = i18n_open_tag(tag, locales_dir, &cause);

	if (ui == NULL)
		fprintf(stderr, "i18n_open_tag(%s): %s\n", tag, cause ? cause : "?");
	CHECK(ui != NULL);
	free(cause);
	return ui;
}

/* ICU's own formatting of pattern with string arguments a[0..n). */
static char *
icu_format(const char *tag, const char *pattern, const char *const *a, size_t n)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar pat[2048], arg[3][256], out[4096];
	char *res;
	int32_t len;
	size_t i;

	u_strFromUTF8(pat, 2048, NULL, pattern, -1, &st);
	for (i = 0; i < n; i++)
		u_strFromUTF8(arg[i], 256, NULL, a[i], -1, &st);
	if (U_FAILURE(st))
		return NULL;
	switch (n) {
	case 0: len = u_formatMessage(tag, pat, -1, out, 4096, &st); break;
	case 1: len = u_formatMessage(tag, pat, -1, out, 4096, &st, arg[0]); break;
	case 2: len = u_formatMessage(tag, pat, -1, out, 4096, &st, arg[0], arg[1]); break;
	default:
		len = u_formatMessage(tag, pat, -1, out, 4096, &st, arg[0], arg[1], arg[2]);
		break;
	}
	if (U_FAILURE(st) || len >= 4096)
		return NULL;
	res = xcalloc((size_t)len * 3 + 1, 1);
	u_strToUTF8(res, len * 3 + 1, NULL, out, len, &st);
	return U_SUCCESS(st) ? res : NULL;
}

/*
 * Every message whose arguments are all strings, formatted by i18n_fmt
 * (which copies simple patterns through without ICU) and by ICU itself,
 * with arguments that hold braces, apostrophes and non-ASCII text: the
 * two must agree byte for byte, in every catalog.
 */
static void
test_string_messages(void)
{
	static const char *const args[3] = {"O'Brien {1} \xc4\x8c", "'{0}'", "\xd8\xa7 #"};
	char **names;
	size_t nn = catalog_names(&names), i, j, k;

	for (i = 0; i < nn; i++) {
		struct catalog *c = load(names[i]);
		struct i18n *ui = open_tag(names[i]);

		for (j = 0; c != NULL && ui != NULL && j < c->n; j++) {
			char types[11], *got, *want;
			int n = i18n_pattern_args(c->v[j].pattern, types);
			bool strings = n >= 0 && n <= 3;

			for (k = 0; strings && k < (size_t)n; k++)
				strings = types[k] == 's';
			if (!strings)
				continue;
			switch (n) {
			case 0: got = i18n_fmt(ui, c->v[j].key, ""); break;
			case 1: got = i18n_fmt(ui, c->v[j].key, "s", args[0]); break;
			case 2: got = i18n_fmt(ui, c->v[j].key, "ss", args[0], args[1]); break;
			default:
				got = i18n_fmt(ui, c->v[j].key, "sss", args[0], args[1], args[2]);
				break;
			}
			want = icu_format(names[i], c->v[j].pattern, args, (size_t)n);
			if (want == NULL || strcmp(got, want) != 0)
				fprintf(stderr, "%s: %s: got \"%s\", ICU \"%s\"\n", names[i],
					c->v[j].key, got, want ? want : "(error)");
			CHECK(want != NULL && strcmp(got, want) == 0);
			free(got);
			free(want);
		}
		i18n_free(ui);
		catalog_free(c);
		free(names[i]);
	}
	free(names);
}

/* Golden plural output through i18n_fmt, the path the program takes. */
static const struct {
	const char *tag;
	const char *key;
	double n;
	const char *want;
} golden[] = {
	{ "en", "results.count", 1, "1 service found." },
	{ "en", "results.count", 5, "5 services found." },
	{ "cs", "results.count", 1, "Nalezena 1 služba." },
	{ "cs", "results.count", 2, "Nalezeny 2 služby." },
	{ "cs", "results.count", 5, "Nalezeno 5 služeb." },
	{ "pl", "results.count", 1, "Znaleziono 1 usługę." },
	{ "pl", "results.count", 2, "Znaleziono 2 usługi." },
	{ "pl", "results.count", 5, "Znaleziono 5 usług." },
	{ "pl", "results.count", 22, "Znaleziono 22 usługi." },
	{ "ar", "results.count", 0, "لم يُعثر على أي خدمة." },
	{ "ar", "results.count", 1, "عُثر على خدمة واحدة." },
	{ "ar", "results.count", 2, "عُثر على خدمتين." },
	{ "ar", "results.count", 3, "عُثر على ٣ خدمات." },
	{ "ar", "results.count", 11, "عُثر على ١١ خدمة." },
	{ "ar", "results.count", 100, "عُثر على ١٠٠ خدمة." },
};

static void
test_golden(void)
{
	size_t i;

	for (i = 0; i < sizeof golden / sizeof golden[0]; i++) {
		struct i18n *ui = open_tag(golden[i].tag);
		char *got;

		if (ui == NULL)
			continue;
		CHECK_STR(i18n_tag(ui), golden[i].tag);
		got = i18n_fmt(ui, golden[i].key, "n", golden[i].n);
		if (strcmp(got, golden[i].want) != 0)
			fprintf(stderr, "%s %s %g:\n", golden[i].tag, golden[i].key, golden[i].n);
		CHECK_STR(got, golden[i].want);
		free(got);
		i18n_free(ui);
	}
}

/*
 * The interactive session reads result numbers with strtol, so a prompt
 * that tells the worker which numbers to type shows ASCII digits even
 * where CLDR's default digits are Arabic-Indic.
 */
static void
test_typed_numbers(void)
{
	struct i18n *ui = open_tag("ar");
	char *got;

	if (ui == NULL)
		return;
	got = i18n_fmt(ui, "prompt.bad_number", "sn", "x", 12.0);
	CHECK_STR(got, "«x» ليس رقم نتيجة: اكتب رقمًا من 1 إلى 12.");
	free(got);
	i18n_free(ui);
}

/* A request negotiates to the catalog of its language, never to another script. */
static void
test_negotiation(void)
{
	static const struct {
		const char *req, *want;
	} cases[] = {
		{ "cs", "cs" },
		{ "cs_CZ", "cs" },
		{ "cs-CZ", "cs" },
		{ "cs_CZ.UTF-8", "cs" },
		{ "sk_SK", "sk" },
		{ "uk_UA", "uk" },
		{ "ar_EG", "ar" },
		{ "sr_Latn", "en" },
		{ "sr_RS@latin", "en" },
	};
	char *pt = xasprintf("%s/pt.yaml", locales_dir);
	FILE *f;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct i18n *ui = open_tag(cases[i].req);

		if (ui == NULL)
			continue;
		if (strcmp(i18n_tag(ui), cases[i].want) != 0)
			fprintf(stderr, "negotiating %s:\n", cases[i].req);
		CHECK_STR(i18n_tag(ui), cases[i].want);
		i18n_free(ui);
	}
	/* pt_BR falls back to pt, when that catalog is there. */
	if ((f = fopen(pt, "r")) != NULL) {
		struct i18n *ui = open_tag("pt_BR");

		fclose(f);
		if (ui != NULL)
			CHECK_STR(i18n_tag(ui), "pt");
		i18n_free(ui);
	}
	free(pt);
}

int
main(void)
{
	const char *src = getenv("SIGNPOST_SOURCE_DIR");
	char home[] = "/tmp/test_catalogs.XXXXXX";
	struct catalog *en;
	char **names;
	size_t n, i;
	int rc;

	if (src == NULL) {
		fprintf(stderr, "SIGNPOST_SOURCE_DIR is not set\n");
		return 1;
	}
	/* Nothing here should depend on the environment; pin it anyway. */
	if (mkdtemp(home) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	setenv("LC_ALL", "C.UTF-8", 1);
	unsetenv("LC_MESSAGES");
	unsetenv("LANG");
	unsetenv("LANGUAGE");
	setenv("TZ", "UTC", 1);
	setenv("HOME", home, 1);
	setenv("XDG_DATA_HOME", home, 1);
	setenv("COLUMNS", "80", 1);
	setenv("NO_COLOR", "1", 1);
	locales_dir = xasprintf("%s/locales", src);

	en = load("en");
	if (en == NULL) {
		free(locales_dir);
		rmdir(home);
		return check_done();
	}
	CHECK(en->n > 100);
	n = catalog_names(&names);
	CHECK(n >= 6); /* en and at least cs, sk, pl, uk, ar */
	for (i = 0; i < n; i++) {
		check_catalog(names[i], en);
		free(names[i]);
	}
	free(names);
	/* The five required here must be present, not just pass when there. */
	{
		static const char *const required[] = {"cs", "sk", "pl", "uk", "ar"};

		for (i = 0; i < sizeof required / sizeof required[0]; i++) {
			char *path = xasprintf("%s/%s.yaml", locales_dir, required[i]);
			FILE *f = fopen(path, "r");

			if (f == NULL)
				fprintf(stderr, "%s is missing\n", path);
			CHECK(f != NULL);
			if (f)
				fclose(f);
			free(path);
		}
	}
	test_golden();
	test_string_messages();
	test_typed_numbers();
	test_negotiation();

	catalog_free(en);
	rc = check_done();
	free(locales_dir);
	rmdir(home);
	i18n_cleanup();
	return rc;
}
