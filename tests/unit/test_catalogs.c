/*
 * test_catalogs.c - every UI catalog against the English source, as the
 * build made them (LL.res from locales/LL.po, en.res from the template):
 * every locales/LL.po has its bundle, each bundle's name is a well-formed
 * locale, it has no key English lacks, every key it lacks falls back to
 * English through i18n_fmt, every pattern parses with ICU and takes the
 * same arguments with the same types as English, every message of
 * strings formats as ICU formats it, again from the compiled formats the
 * UI keeps, and every plural argument has a branch for each plural
 * category the language uses for whole numbers.
 * Golden cases check plural output through the real API (i18n_fmt), the
 * English-then-key fallbacks and the negotiation of a UI tag.
 *
 * The catalogs are found at run time (SIGNPOST_LOCALEDIR, the staged
 * share/signpost/locales), so a catalog added later is checked without
 * changing this file.  Failures name the PO file and the message key.
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

#include "check.h"
#include "i18n.h"
#include "i18n_catalog.h"
#include "xmalloc.h"

/* Exported by src/i18n.c for the tests; not part of the i18n.h API. */
int i18n_pattern_args(const char *pattern, char types[11]);
char *i18n_fmt_pattern(struct i18n *ui, const char *pattern, const char *types);

static char *locales_dir;

/* Whole numbers checked against the plural branches of every pattern. */
#define PLURAL_MAX 1000

/* The PO file a bundle is built from, for messages. */
static char *
po_name(const char *name)
{
	return strcmp(name, "en") == 0 ? xstrdup("locales/signpost.pot")
				       : xasprintf("locales/%s.po", name);
}

static struct i18n_catalog *
load(const char *name)
{
	char *cause = NULL;
	struct i18n_catalog *c = i18n_catalog_open(locales_dir, name, &cause);

	if (c == NULL)
		fprintf(stderr, "%s\n", cause ? cause : name);
	CHECK(c != NULL);
	free(cause);
	return c;
}

/* One message of a catalog. */
struct msg {
	const char *key, *pattern;
};

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
			} else if (p[1] == '{' || p[1] == '}' || (in_plural && p[1] == '#')) {
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
check_plurals(const char *file, const struct msg *e, const char *tag)
{
	struct plural_scan ps;
	int i, j, n;

	memset(&ps, 0, sizeof ps);
	if (scan_message(e->pattern, &ps, false, 0) == NULL || ps.bad) {
		fprintf(stderr, "%s: %s: the plural scanner cannot read this pattern\n", file,
			e->key);
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
			fprintf(stderr, "%s: %s: argument {%d}: \"%s\" is not a plural category of %s\n",
				file, e->key, pa->num, pa->sel[j], tag);
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
				fprintf(stderr, "%s: %s: argument {%d} has no \"%s\" branch (needed for %d)\n",
					file, e->key, pa->num, kw8, n);
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
check_pattern(const char *file, const char *tag, const struct msg *e,
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
		fprintf(stderr, "%s: %s: not UTF-8 (%s)\n", file, e->key,
			u_errorName(st));
		CHECK(U_SUCCESS(st));
		free(u);
		return;
	}
	memset(&pe, 0, sizeof pe);
	f = umsg_open(u, ulen, tag, &pe, &st);
	if (U_FAILURE(st))
		fprintf(stderr, "%s: %s: umsg_open: %s at offset %d\n", file, e->key, u_errorName(st), (int)pe.offset);
	CHECK(U_SUCCESS(st));
	umsg_close(f);
	free(u);

	nargs = i18n_pattern_args(e->pattern, types);
	en_nargs = i18n_pattern_args(en_pattern, en_types);
	if (nargs != en_nargs || memcmp(types, en_types, sizeof types) != 0) {
		int i;

		fprintf(stderr, "%s: %s: arguments differ from English:", file, e->key);
		for (i = 0; i < 10; i++)
			if (types[i] != en_types[i])
				fprintf(stderr, " {%d} is %c, English %c", i, types[i] ? types[i] : '-',
					en_types[i] ? en_types[i] : '-');
		fprintf(stderr, "%s\n", nargs == -1 ? " (the pattern cannot be scanned)" : "");
	}
	CHECK(nargs == en_nargs && nargs != -1);
	CHECK(memcmp(types, en_types, sizeof types) == 0);
	if (has_bidi_control(e->pattern))
		fprintf(stderr, "%s: %s: holds a bidi control character\n", file, e->key);
	CHECK(!has_bidi_control(e->pattern));
	/* Prompts end with a space the cursor sits after; so must theirs. */
	if (ends_with_space(e->pattern) != ends_with_space(en_pattern))
		fprintf(stderr, "%s: %s: English %s with a space, this %s\n", file, e->key, ends_with_space(en_pattern) ? "ends" : "does not end",
			ends_with_space(e->pattern) ? "does" : "does not");
	CHECK(ends_with_space(e->pattern) == ends_with_space(en_pattern));
	check_plurals(file, e, tag);
}

static struct i18n *open_tag(const char *tag);
/* English, for the messages a catalog leaves to it. */
static struct i18n *en_ui;

/* One catalog against English: the same keys or fewer, each pattern
 * checked, each missing key served in English. */
static void
check_catalog(const char *name, struct i18n_catalog *en)
{
	struct i18n_catalog *c = load(name);
	char *file = po_name(name), *tag;
	char id[ULOC_FULLNAME_CAPACITY], bcp[ULOC_FULLNAME_CAPACITY];
	UErrorCode st = U_ZERO_ERROR;
	size_t i, missing = 0, extra = 0;
	struct i18n *ui;

	if (c == NULL) {
		free(file);
		return;
	}
	/* The bundle name is a well-formed locale. */
	uloc_toLanguageTag(name, bcp, sizeof bcp, true, &st);
	if (U_FAILURE(st))
		fprintf(stderr, "%s: %s is not a locale name (%s)\n", file, name, u_errorName(st));
	CHECK(U_SUCCESS(st));
	tag = xstrdup(bcp);
	uloc_forLanguageTag(tag, id, sizeof id, NULL, &st);
	CHECK(U_SUCCESS(st) && id[0] != '\0');
	ui = open_tag(tag);
	for (i = 0; i < i18n_catalog_count(en); i++) {
		const char *key = i18n_catalog_key(en, i);

		if (i18n_catalog_get(c, key) == NULL && ui != NULL) {
			/* Untranslated (left out by the build): English. */
			char types[11], *got, *want;

			missing++;
			if (i18n_pattern_args(i18n_catalog_pattern(en, i), types) == 0) {
				got = i18n_str(ui, key);
				want = i18n_str(en_ui, key);
				CHECK_STR(got, want);
				free(got);
				free(want);
			}
		}
	}
	for (i = 0; i < i18n_catalog_count(c); i++) {
		struct msg m = {i18n_catalog_key(c, i), i18n_catalog_pattern(c, i)};
		const char *en_pattern = i18n_catalog_get(en, m.key);

		if (en_pattern == NULL) {
			fprintf(stderr, "%s: key %s is not in the template\n", file, m.key);
			extra++;
			continue;
		}
		check_pattern(file, tag, &m, en_pattern);
	}
	CHECK(extra == 0);
	printf("%s: %zu keys checked, %zu untranslated\n", file, i18n_catalog_count(c), missing);
	i18n_free(ui);
	i18n_catalog_free(c);
	free(tag);
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
 * and by ICU itself (u_formatMessage), with arguments that hold braces,
 * apostrophes and non-ASCII text: the two must agree byte for byte, in
 * every catalog.
 */
static void
test_string_messages(void)
{
	static const char *const args[3] = {"O'Brien {1} \xc4\x8c", "'{0}'", "\xd8\xa7 #"};
	char **names;
	size_t nn = i18n_catalog_list(locales_dir, &names), i, j, k;

	for (i = 0; i < nn; i++) {
		struct i18n_catalog *c = load(names[i]);
		char tag[ULOC_FULLNAME_CAPACITY];
		UErrorCode st = U_ZERO_ERROR;
		struct i18n *ui;

		uloc_toLanguageTag(names[i], tag, sizeof tag, true, &st);
		ui = open_tag(tag);
		for (j = 0; c != NULL && ui != NULL && j < i18n_catalog_count(c); j++) {
			const char *key = i18n_catalog_key(c, j), *pattern = i18n_catalog_pattern(c, j);
			char types[11], *got, *want;
			int n = i18n_pattern_args(pattern, types);
			bool strings = n >= 0 && n <= 3;

			for (k = 0; strings && k < (size_t)n; k++)
				strings = types[k] == 's';
			if (!strings)
				continue;
			want = icu_format(tag, pattern, args, (size_t)n);
			/* Twice: the second from the compiled formats ui keeps,
			 * whose table has grown several times by the end. */
			for (int rep = 0; rep < 2; rep++) {
				switch (n) {
				case 0: got = i18n_fmt(ui, key, ""); break;
				case 1: got = i18n_fmt(ui, key, "s", args[0]); break;
				case 2: got = i18n_fmt(ui, key, "ss", args[0], args[1]); break;
				default:
					got = i18n_fmt(ui, key, "sss", args[0], args[1], args[2]);
					break;
				}
				if (want == NULL || strcmp(got, want) != 0)
					fprintf(stderr, "%s: %s (%d): got \"%s\", ICU \"%s\"\n", names[i],
						key, rep, got, want ? want : "(error)");
				CHECK(want != NULL && strcmp(got, want) == 0);
				free(got);
			}
			free(want);
		}
		/* Then every key again, in reverse, each from the kept formats. */
		for (j = c != NULL && ui != NULL ? i18n_catalog_count(c) : 0; j-- > 0;) {
			const char *key = i18n_catalog_key(c, j), *pattern = i18n_catalog_pattern(c, j);
			char types[11];
			int n = i18n_pattern_args(pattern, types);

			if (n == 0) {
				char *got = i18n_fmt(ui, key, ""), *want = icu_format(tag, pattern, args, 0);

				CHECK(want != NULL && strcmp(got, want) == 0);
				free(got);
				free(want);
			}
		}
		i18n_free(ui);
		i18n_catalog_free(c);
	}
	i18n_strv_free(names, nn);
}

/*
 * Patterns a catalog from anywhere could hold: ones ICU refuses (an
 * unknown argument type, found by fuzz_catalog, whose half-built format
 * ICU hands back and which was leaked), ones whose arguments hide from a
 * case-sensitive scanner, and controls, shown as placeholders.
 */
static void
test_bad_patterns(void)
{
	struct i18n *ui = open_tag("cs");
	char *got;

	if (ui == NULL)
		return;
	CHECK(i18n_fmt_pattern(ui, "{1, Aplural, one {x} other {y}}", "sn") == NULL);
	CHECK(i18n_fmt_pattern(ui, "{0, plural, one {x}", "n") == NULL);
	CHECK(i18n_fmt_pattern(ui, "{0}", "n") == NULL); /* 'n' for a string argument */
	/* ICU reads argument types in any case and across newlines: an
	 * argument inside them must be seen, or umsg_format would read a
	 * vararg that was never passed (also found by fuzz_catalog). */
	CHECK(i18n_fmt_pattern(ui, "{1, pluRal, one {{8}} other {x}}", "sn") == NULL);
	CHECK(i18n_fmt_pattern(ui, "{1,\nplural, one {{8}} other {x}}", "sn") == NULL);
	CHECK(i18n_fmt_pattern(ui, "{1, SELECT, a {{5}} other {x}}", "ss") == NULL);
	CHECK(i18n_fmt_pattern(ui, "{0, choice, 0#{3}|1#x}", "n") == NULL);
	/* '| quotes nothing outside choice, so {2} is an argument. */
	CHECK(i18n_fmt_pattern(ui, "x'|y {2}", "ss") == NULL);
	got = i18n_fmt_pattern(ui, "{0, Plural, one {# den} few {# dny} other {# dní}}", "n");
	CHECK_STR(got, "2 dny");
	free(got);
	got = i18n_fmt_pattern(ui, "\x1b[31m{0}\x1b[0m \xe2\x80\xae", "s");
	CHECK_STR(got, "^[[31mx^[[0m <U+202E>");
	free(got);
	i18n_free(ui);
}

/* A key no catalog has is shown as itself, in any UI language. */
static void
test_missing_key(void)
{
	struct i18n *ui = open_tag("cs");
	char *got;

	if (ui == NULL)
		return;
	got = i18n_str(ui, "no.such.key");
	CHECK_STR(got, "no.such.key");
	free(got);
	got = i18n_fmt(ui, "no.such.key", "sn", "x", 1.0);
	CHECK_STR(got, "no.such.key");
	free(got);
	i18n_free(ui);
}

/* Golden plural output through i18n_fmt, the path the program takes. */
static const struct {
	const char *tag;
	const char *key;
	double n;
	const char *want;
} golden[] = {
	{ "en", "check.more", 1, "… and 1 more problem (only the first ones are listed)." },
	{ "en", "check.more", 5, "… and 5 more problems (only the first ones are listed)." },
	{ "cs", "check.more", 1, "… a 1 další problém (vypsány jsou jen první)." },
	{ "cs", "check.more", 2, "… a 2 další problémy (vypsány jsou jen první)." },
	{ "cs", "check.more", 5, "… a 5 dalších problémů (vypsány jsou jen první)." },
	{ "pl", "check.more", 1, "… i jeszcze 1 problem (wymieniono tylko pierwsze)." },
	{ "pl", "check.more", 2, "… i jeszcze 2 problemy (wymieniono tylko pierwsze)." },
	{ "pl", "check.more", 5, "… i jeszcze 5 problemów (wymieniono tylko pierwsze)." },
	{ "pl", "check.more", 12, "… i jeszcze 12 problemów (wymieniono tylko pierwsze)." },
	{ "pl", "check.more", 22, "… i jeszcze 22 problemy (wymieniono tylko pierwsze)." },
	{ "ar", "check.more", 0, "… ولا مشكلات أخرى (لم تُعرض إلا المشكلات الأولى)." },
	{ "ar", "check.more", 1, "… ومشكلة أخرى واحدة (لم تُعرض إلا المشكلات الأولى)." },
	{ "ar", "check.more", 2, "… ومشكلتان أخريان (لم تُعرض إلا المشكلات الأولى)." },
	{ "ar", "check.more", 3, "… و٣ مشكلات أخرى (لم تُعرض إلا المشكلات الأولى)." },
	{ "ar", "check.more", 11, "… و١١ مشكلة أخرى (لم تُعرض إلا المشكلات الأولى)." },
	{ "ar", "check.more", 100, "… و١٠٠ مشكلة أخرى (لم تُعرض إلا المشكلات الأولى)." },
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
	char *pt = xasprintf("%s/pt_PT.res", locales_dir);
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
	/* pt_BR and pt fall back to pt_PT, the only Portuguese catalog, and
	 * then format as pt_PT (ICU's pt is Brazilian) unless a region was
	 * asked for: a card for a Portuguese caller is one variant. */
	if ((f = fopen(pt, "r")) != NULL) {
		struct i18n *ui = open_tag("pt_BR");
		char *d;

		fclose(f);
		if (ui != NULL)
			CHECK_STR(i18n_tag(ui), "pt-PT");
		i18n_free(ui);
		ui = open_tag("pt");
		if (ui != NULL) {
			CHECK_STR(i18n_tag(ui), "pt-PT");
			/* CLDR: pt "Tchéquia", pt_PT "Chéquia". */
			d = i18n_country_name(ui, "CZ");
			CHECK_STR(d, "Chéquia");
			free(d);
		}
		i18n_free(ui);
	}
	free(pt);
}

/* Every locales/LL.po in the source tree has its bundle in the build. */
static void
test_every_po_built(const char *src)
{
	char *dir = xasprintf("%s/locales", src);
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = 0;

	CHECK(d != NULL);
	while (d != NULL && (de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);
		char *name, *path;

		if (len < 4 || strcmp(de->d_name + len - 3, ".po") != 0)
			continue;
		name = xstrndup(de->d_name, len - 3);
		path = xasprintf("%s/%s.res", locales_dir, name);
		if (access(path, R_OK) != 0)
			fprintf(stderr, "%s/%s: no %s was built\n", dir, de->d_name, path);
		CHECK(access(path, R_OK) == 0);
		free(path);
		free(name);
		n++;
	}
	if (d != NULL)
		closedir(d);
	CHECK(n >= 5);
	free(dir);
}

int
main(void)
{
	const char *src = getenv("SIGNPOST_SOURCE_DIR"), *loc = getenv("SIGNPOST_LOCALEDIR");
	char home[] = "/tmp/test_catalogs.XXXXXX";
	struct i18n_catalog *en;
	char **names;
	size_t n, i;
	int rc;

	if (src == NULL || loc == NULL) {
		fprintf(stderr, "SIGNPOST_SOURCE_DIR or SIGNPOST_LOCALEDIR is not set\n");
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
	locales_dir = xstrdup(loc);

	en = load("en");
	en_ui = open_tag("en");
	if (en == NULL || en_ui == NULL) {
		i18n_catalog_free(en);
		i18n_free(en_ui);
		free(locales_dir);
		rmdir(home);
		return check_done();
	}
	CHECK(i18n_catalog_count(en) > 100);
	/* i18n_fmt takes at most three arguments: a message with more would
	 * show its key. */
	for (i = 0; i < i18n_catalog_count(en); i++) {
		char types[11];
		int na = i18n_pattern_args(i18n_catalog_pattern(en, i), types);

		if (na < 0 || na > 3)
			fprintf(stderr, "template: %s takes %d arguments, at most 3 are possible\n",
				i18n_catalog_key(en, i), na);
		CHECK(na >= 0 && na <= 3);
	}
	n = i18n_catalog_list(locales_dir, &names);
	CHECK(n >= 6); /* en and at least cs, sk, pl, uk, ar */
	for (i = 0; i < n; i++)
		check_catalog(names[i], en);
	i18n_strv_free(names, n);
	/* The five required here must be present, not just pass when there. */
	{
		static const char *const required[] = {"cs", "sk", "pl", "uk", "ar"};

		for (i = 0; i < sizeof required / sizeof required[0]; i++) {
			char *path = xasprintf("%s/%s.res", locales_dir, required[i]);

			if (access(path, R_OK) != 0)
				fprintf(stderr, "%s is missing\n", path);
			CHECK(access(path, R_OK) == 0);
			free(path);
		}
	}
	test_every_po_built(src);
	test_golden();
	test_string_messages();
	test_missing_key();
	test_bad_patterns();
	test_typed_numbers();
	test_negotiation();
	i18n_catalog_free(en);
	i18n_free(en_ui);
	rc = check_done();
	free(locales_dir);
	rmdir(home);
	i18n_cleanup();
	return rc;
}
