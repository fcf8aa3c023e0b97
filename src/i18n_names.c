/*
 * i18n_names.c - countries, regions and languages by code: CLDR display
 * names in the UI language, code validation and region groupings, canonical
 * tags, likely languages, fallbacks and the languages that serve a caller,
 * and whether names.cache can be used at all.  Display names of countries
 * and languages come from ICU for the UI locale; everything that needs
 * every locale's data (regions, groupings, subdivision names, equivalences)
 * comes from names.cache, with no second way.  Typed names are parsed in
 * i18n_parse.c.  Nothing here prints or exits.
 */
#include "i18n_impl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uldnames.h>
#include <unicode/uloc.h>
#include <unicode/ures.h>

#include "i18n_cache.h"
#include "xmalloc.h"

/* A context's names: the locale they are given in. */
struct i18n_names {
	char locale[ULOC_FULLNAME_CAPACITY]; /* ui->locale, or "en" when ICU has no names for it */
	ULocaleDisplayNames *ldn;            /* dialect names ("Swiss High German") */
};

void
i18n_set_datadir(struct i18n *ui, const char *dir)
{
	char *path;

	(void)ui;
	if (dir == NULL)
		return;
	path = xasprintf("%s/names.cache", dir);
	i18n_cache_shared_path(path);
	free(path);
}

void
i18n_names_free(struct i18n_names *n)
{
	if (n == NULL)
		return;
	if (n->ldn != NULL)
		uldn_close(n->ldn);
	free(n);
}

/* Opens loc's bundle in pkg, or NULL when ICU has no data for the
 * language (rather than the default locale standing in for it). */
static UResourceBundle *
names_bundle(const char *pkg, const char *loc)
{
	UErrorCode st = U_ZERO_ERROR;
	UResourceBundle *b = ures_open(pkg, loc, &st);

	if (U_FAILURE(st) || st == U_USING_DEFAULT_WARNING) {
		ures_close(b);
		return NULL;
	}
	return b;
}

/* The context's names, set up on first use; NULL when ICU fails. */
static struct i18n_names *
names_get(struct i18n *ui)
{
	UErrorCode st = U_ZERO_ERROR;
	struct i18n_names *n;
	UResourceBundle *b;

	if (ui->names != NULL)
		return ui->names;
	n = xcalloc(1, sizeof *n);
	/* A UI locale ICU has no names for would get the default locale's
	 * (Turkish, say, under LC_ALL=tr_TR); English is the better stand-in. */
	if ((b = names_bundle(I18N_TREE_REGION, ui->locale)) != NULL)
		snprintf(n->locale, sizeof n->locale, "%s", ui->locale);
	else
		strcpy(n->locale, "en");
	ures_close(b);
	n->ldn = uldn_open(n->locale, ULDN_DIALECT_NAMES, &st);
	if (U_FAILURE(st)) {
		i18n_names_free(n);
		return NULL;
	}
	ui->names = n;
	return n;
}

size_t
i18n_names_chain(struct i18n *ui, struct i18n_cache *c, unsigned locs[I18N_CHAIN])
{
	char id[ULOC_FULLNAME_CAPACITY], parent[ULOC_FULLNAME_CAPACITY];
	size_t n = 0, i;
	int l;
	bool seen;

	snprintf(id, sizeof id, "%s", ui->locale);
	/* The UI locale without keywords, then its parents, then English. */
	id[strcspn(id, "@")] = '\0';
	while (id[0] != '\0' && n < I18N_CHAIN - 1) {
		UErrorCode st = U_ZERO_ERROR;

		if ((l = i18n_cache_locale_find(c, id)) >= 0)
			locs[n++] = (unsigned)l;
		uloc_getParent(id, parent, sizeof parent, &st);
		if (U_FAILURE(st) || strcmp(parent, id) == 0 || strcmp(parent, "root") == 0)
			break;
		memcpy(id, parent, sizeof id);
	}
	if ((l = i18n_cache_locale_find(c, "en")) >= 0) {
		for (i = 0, seen = false; i < n; i++)
			seen = seen || locs[i] == (unsigned)l;
		if (!seen)
			locs[n++] = (unsigned)l;
	}
	return n;
}

/* Display names ---------------------------------------------------------- */

/* An allocated UTF-8 copy of buf[0..n), or of fallback. */
static char *
names_result(const UChar *buf, int32_t n, const char *fallback)
{
	char *s;

	if (n > 0 && (s = i18n_u8(buf, n)) != NULL)
		return s;
	return xstrdup(fallback);
}

/* True when the name ICU gave is just the code (ASCII) again. */
static bool
names_is_code(const UChar *s, int32_t n, const char *code)
{
	int32_t i;

	for (i = 0; i < n && code[i] != '\0'; i++)
		if (s[i] != (UChar)(unsigned char)code[i])
			return false;
	return i == n && code[i] == '\0';
}

/* Turns a BCP 47 tag (or an ICU id) into an ICU id; -1 if malformed. */
static int
names_tag_id(const char *tag, char *id, size_t idlen)
{
	char tmp[ULOC_FULLNAME_CAPACITY];
	UErrorCode st = U_ZERO_ERROR;
	int32_t parsed = 0;
	size_t i, len;

	if (tag == NULL || (len = strlen(tag)) == 0 || len >= sizeof tmp)
		return -1;
	for (i = 0; i < len; i++) {
		char c = tag[i];

		if (c == '_')
			c = '-';
		else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			   (c >= '0' && c <= '9') || c == '-'))
			return -1;
		tmp[i] = c;
	}
	tmp[len] = '\0';
	uloc_forLanguageTag(tmp, id, (int32_t)idlen, &parsed, &st);
	if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING || parsed != (int32_t)len ||
	    id[0] == '\0')
		return -1;
	return 0;
}

char *
i18n_country_name(struct i18n *ui, const char *code)
{
	struct i18n_names *names;
	UChar buf[256];
	UErrorCode st = U_ZERO_ERROR;
	char id[16];
	int32_t n;
	size_t i, len = strlen(code);

	if (len == 0 || len > 3)
		return xstrdup(code);
	for (i = 0; i < len; i++)
		if (!((code[i] >= 'A' && code[i] <= 'Z') || (code[i] >= '0' && code[i] <= '9')))
			return xstrdup(code);
	if ((names = names_get(ui)) == NULL)
		return xstrdup(code);
	snprintf(id, sizeof id, "und_%s", code);
	n = uloc_getDisplayCountry(id, names->locale, buf, 256, &st);
	if (U_FAILURE(st) || st == U_USING_DEFAULT_WARNING || n > 256)
		return xstrdup(code);
	return names_result(buf, n, code);
}

/*
 * Language names are not remembered: a lookup asks for 10 to 20, about
 * 10,000 instructions each (callgrind: 0.11 M of the 46 M of `signpost
 * -c CZ -l cs`, 0.2 M of `-c GB -l pl -f full`), far below what a person
 * could notice, so the memo that kept them went.
 */
char *
i18n_language_name(struct i18n *ui, const char *tag)
{
	UChar buf[256];
	UErrorCode st = U_ZERO_ERROR;
	char id[ULOC_FULLNAME_CAPACITY];
	struct i18n_names *n;
	int32_t len;

	if (names_tag_id(tag, id, sizeof id) == -1 || (n = names_get(ui)) == NULL)
		return xstrdup(tag);
	len = uldn_localeDisplayName(n->ldn, id, buf, 256, &st);
	if (U_FAILURE(st) || len > 256 || names_is_code(buf, len, id))
		return xstrdup(tag);
	return names_result(buf, len, tag);
}

char *
i18n_language_autonym(const char *tag)
{
	ULocaleDisplayNames *ldn;
	UResourceBundle *b;
	UChar buf[256];
	UErrorCode st = U_ZERO_ERROR;
	char id[ULOC_FULLNAME_CAPACITY];
	int32_t len;

	if (names_tag_id(tag, id, sizeof id) == -1)
		return xstrdup(tag);
	/* Without data of its own ICU would answer in the default locale. */
	b = ures_open(I18N_TREE_LANG, id, &st);
	ures_close(b);
	if (U_FAILURE(st) || st == U_USING_DEFAULT_WARNING)
		return xstrdup(tag);
	st = U_ZERO_ERROR;
	ldn = uldn_open(id, ULDN_DIALECT_NAMES, &st);
	len = uldn_localeDisplayName(ldn, id, buf, 256, &st);
	uldn_close(ldn);
	if (U_FAILURE(st) || len > 256 || names_is_code(buf, len, id))
		return xstrdup(tag);
	return names_result(buf, len, tag);
}

/* Two capitals, the only form of country code the program stores. */
static bool
names_alpha2(const char *code)
{
	return code != NULL && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' &&
	       code[1] <= 'Z' && code[2] == '\0';
}

char *
i18n_region_name(struct i18n *ui, const char *code)
{
	struct i18n_cache *c = i18n_cache_shared();
	const struct cache_names *k;
	struct cache_entry e;
	unsigned locs[I18N_CHAIN];
	size_t n, i, lo, hi, j;
	long idx;

	if (names_alpha2(code))
		return i18n_country_name(ui, code);
	if (c == NULL || (k = i18n_cache_names(c, false)) == NULL ||
	    (idx = i18n_cache_code_find(k, code)) < 0)
		return xstrdup(code);
	n = i18n_names_chain(ui, c, locs);
	for (i = 0; i < n; i++) {
		if (!i18n_cache_loc_range(k, locs[i], (unsigned)idx, &lo, &hi))
			break;
		/* CLDR's own name, not an alias of the same locale. */
		for (j = lo; j < hi; j++)
			if (i18n_cache_entry(k, i18n_cache_byloc(k, j), &e) && e.flags == 0)
				return xstrndup(e.display, e.dlen);
	}
	return xstrdup(code);
}

/* Codes and tags --------------------------------------------------------- */

bool
i18n_country_valid(const char *code)
{
	struct i18n_cache *c = i18n_cache_shared();

	return names_alpha2(code) && c != NULL && i18n_cache_country_valid(c, code) == 1;
}

bool
i18n_region_contains(const char *group, const char *country)
{
	struct i18n_cache *c = i18n_cache_shared();

	return group != NULL && names_alpha2(country) && c != NULL &&
	       i18n_cache_region_contains(c, group, country) == 1;
}

bool
i18n_language_special(const char *id)
{
	static const char *const special[] = {"mis", "mul", "root", "und", "zxx"};
	size_t i;

	for (i = 0; i < sizeof special / sizeof special[0]; i++)
		if (strcmp(id, special[i]) == 0)
			return true;
	return false;
}

static int
names_strcmp(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

/* True when ICU knows the language subtag: ISO 639 or a CLDR name.  ICU
 * keeps its ISO list sorted (uloc.cpp: "This list MUST be in sorted
 * order"; test_i18n_names checks it), so it is searched by halves. */
static bool
names_language_known(const char *lang)
{
	const char *const *iso = uloc_getISOLanguages();
	UChar buf[64];
	UErrorCode st = U_ZERO_ERROR;
	size_t niso = 0;
	int32_t n;

	if (lang[0] == '\0' || i18n_language_special(lang))
		return false;
	while (iso[niso] != NULL)
		niso++;
	if (bsearch(lang, iso, niso, sizeof *iso, names_strcmp) != NULL)
		return true;
	n = uloc_getDisplayLanguage(lang, "en", buf, 64, &st);
	if (U_FAILURE(st) || n <= 0 || n >= 64)
		return false;
	return !names_is_code(buf, n, lang);
}

/*
 * ICU's table of language aliases, opened on first use and kept for the
 * process (like ICU's own bundle cache; i18n_cleanup closes it): every
 * language tag of the table and of a lookup is canonicalized, and opening
 * the table costs about ten times a lookup in it.
 */
static struct {
	bool tried;
	UResourceBundle *meta, *alias, *language;
} names_aliases;

void
i18n_names_cleanup(void)
{
	ures_close(names_aliases.language);
	ures_close(names_aliases.alias);
	ures_close(names_aliases.meta);
	memset(&names_aliases, 0, sizeof names_aliases);
}

/*
 * ICU's replacement for a deprecated or legacy language subtag ("tl" ->
 * "fil", "sh" -> "sr_Latn"), from the alias data ICU's own
 * canonicalization reads (CLDR's languageAlias); false when it has none.
 * ICU 72 has none for "no" (Norwegian stays Norwegian; nb and no serve
 * each other through i18n_language_served_by).
 */
static bool
names_language_alias(const char *lang, char *out, size_t cap)
{
	UErrorCode st = U_ZERO_ERROR;
	UResourceBundle *e, *r;
	int32_t len = 0;
	const UChar *u;
	bool ok;

	if (!names_aliases.tried) {
		names_aliases.tried = true;
		names_aliases.meta = ures_openDirect(NULL, "metadata", &st);
		names_aliases.alias = ures_getByKey(names_aliases.meta, "alias", NULL, &st);
		names_aliases.language = ures_getByKey(names_aliases.alias, "language", NULL, &st);
		if (U_FAILURE(st)) {
			ures_close(names_aliases.language);
			names_aliases.language = NULL;
		}
		st = U_ZERO_ERROR;
	}
	if (names_aliases.language == NULL || lang[0] == '\0')
		return false;
	e = ures_getByKey(names_aliases.language, lang, NULL, &st);
	r = ures_getByKey(e, "replacement", NULL, &st);
	u = ures_getString(r, &len, &st);
	ok = U_SUCCESS(st) && len > 0 && (size_t)len < cap;
	if (ok) {
		u_UCharsToChars(u, out, len);
		out[len] = '\0';
		/* Only a plain replacement: a language, maybe a script and a
		 * region ("sgn_BR"-style keys and lists are not used). */
		ok = strchr(out, ' ') == NULL;
	}
	ures_close(r);
	ures_close(e);
	return ok;
}

/* Replaces the language of the ICU id canon by ICU's alias for it, keeping
 * its script, region and the rest; the replacement's own script and region
 * fill in where canon has none. */
static void
names_apply_alias(char *canon, size_t cap)
{
	char lang[ULOC_LANG_CAPACITY], script[ULOC_SCRIPT_CAPACITY], region[ULOC_COUNTRY_CAPACITY];
	char repl[ULOC_FULLNAME_CAPACITY], rl[ULOC_LANG_CAPACITY], rs[ULOC_SCRIPT_CAPACITY];
	char rr[ULOC_COUNTRY_CAPACITY], head[ULOC_FULLNAME_CAPACITY], out[ULOC_FULLNAME_CAPACITY];
	UErrorCode st = U_ZERO_ERROR;
	size_t hl;

	uloc_getLanguage(canon, lang, sizeof lang, &st);
	uloc_getScript(canon, script, sizeof script, &st);
	uloc_getCountry(canon, region, sizeof region, &st);
	if (U_FAILURE(st) || !names_language_alias(lang, repl, sizeof repl))
		return;
	uloc_getLanguage(repl, rl, sizeof rl, &st);
	uloc_getScript(repl, rs, sizeof rs, &st);
	uloc_getCountry(repl, rr, sizeof rr, &st);
	/* What follows the language, script and region in canon. */
	snprintf(head, sizeof head, "%s%s%s%s%s", lang, script[0] ? "_" : "", script,
		 region[0] ? "_" : "", region);
	hl = strlen(head);
	if (U_FAILURE(st) || rl[0] == '\0' || strncmp(canon, head, hl) != 0)
		return;
	snprintf(out, sizeof out, "%s%s%s%s%s%s", rl, script[0] || rs[0] ? "_" : "",
		 script[0] ? script : rs, region[0] || rr[0] ? "_" : "", region[0] ? region : rr,
		 canon + hl);
	if (strlen(out) < cap)
		strcpy(canon, out);
}

/* The canonical tag, with ICU's language aliases applied or not. */
static char *
names_canonical(const char *tag, bool alias)
{
	char id[ULOC_FULLNAME_CAPACITY], canon[ULOC_FULLNAME_CAPACITY];
	char out[ULOC_FULLNAME_CAPACITY], lang[ULOC_LANG_CAPACITY];
	UErrorCode st = U_ZERO_ERROR;
	int32_t parsed = 0;

	if (names_tag_id(tag, id, sizeof id) == -1)
		return NULL;
	uloc_canonicalize(id, canon, sizeof canon, &st);
	if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING)
		return NULL;
	if (alias)
		names_apply_alias(canon, sizeof canon);
	uloc_toLanguageTag(canon, out, sizeof out, true, &st);
	if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING)
		return NULL;
	/* The tag's language, after replacements such as iw -> he. */
	uloc_forLanguageTag(out, id, sizeof id, &parsed, &st);
	uloc_getLanguage(id, lang, sizeof lang, &st);
	if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING || !names_language_known(lang))
		return NULL;
	return xstrdup(out);
}

char *
i18n_language_canonical(const char *tag)
{
	return names_canonical(tag, true);
}

/* Language and script of an ICU id after adding likely subtags. */
static int
names_maximize(const char *id, char *lang, char *script)
{
	char max[ULOC_FULLNAME_CAPACITY];
	UErrorCode st = U_ZERO_ERROR;

	uloc_addLikelySubtags(id, max, sizeof max, &st);
	uloc_getLanguage(max, lang, ULOC_LANG_CAPACITY, &st);
	uloc_getScript(max, script, ULOC_SCRIPT_CAPACITY, &st);
	if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING)
		return -1;
	return 0;
}

char *
i18n_likely_language(const char *country)
{
	char id[16], lang[ULOC_LANG_CAPACITY], script[ULOC_SCRIPT_CAPACITY];
	char lang0[ULOC_LANG_CAPACITY], script0[ULOC_SCRIPT_CAPACITY];

	if (!i18n_country_valid(country))
		return NULL;
	snprintf(id, sizeof id, "und_%s", country);
	if (names_maximize(id, lang, script) == -1 || lang[0] == '\0' || strcmp(lang, "und") == 0)
		return NULL;
	/* The script only when the language is not written so by default:
	 * "sr" for Serbia, "sr-Latn" for Montenegro, "zh-Hant" for Taiwan. */
	if (names_maximize(lang, lang0, script0) == -1 || strcmp(script, script0) == 0)
		return xstrdup(lang);
	return xasprintf("%s-%s", lang, script);
}

static void
names_strv_add(char ***v, size_t *n, char *s)
{
	size_t i;

	for (i = 0; i < *n; i++) {
		if (strcmp((*v)[i], s) == 0) {
			free(s);
			return;
		}
	}
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = s;
}

/*
 * Worked out afresh every time: a lookup asks for 13 to 26 fallbacks,
 * about 30,000 instructions each (callgrind: 0.39 M of the 46 M of
 * `signpost -c CZ -l cs`, 0.84 M of the 29 M of `-c GB -l pl -f full`,
 * about 0.2 ms at most), so the process-wide memo that kept them went.
 */
size_t
i18n_language_fallbacks(const char *tag, char ***out)
{
	char *canon = i18n_language_canonical(tag), *p;
	char id[ULOC_FULLNAME_CAPACITY], lang[ULOC_LANG_CAPACITY];
	char script[ULOC_SCRIPT_CAPACITY], l2[ULOC_LANG_CAPACITY], s2[ULOC_SCRIPT_CAPACITY];
	char **v = NULL;
	size_t n = 0;

	*out = NULL;
	if (canon == NULL)
		return 0;
	names_strv_add(&v, &n, xstrdup(canon));
	if (names_tag_id(canon, id, sizeof id) == -1 || names_maximize(id, lang, script) == -1) {
		free(canon);
		*out = v;
		return n;
	}
	/* Extensions and private use ("-u-co-phonebk", "-x-...") go first,
	 * all together: they start at the first one-letter subtag. */
	for (p = canon; (p = strchr(p, '-')) != NULL; p++) {
		if (p[1] != '\0' && (p[2] == '-' || p[2] == '\0')) {
			*p = '\0';
			names_strv_add(&v, &n, xstrdup(canon));
			break;
		}
	}
	/*
	 * Then drop subtags from the end, keeping only parents written in the
	 * same script: sr-Latn-RS gives sr-Latn but never sr (Cyrillic),
	 * zh-TW gives zh-Hant rather than zh (Simplified).
	 */
	while ((p = strrchr(canon, '-')) != NULL) {
		*p = '\0';
		if (names_tag_id(canon, id, sizeof id) == -1 || names_maximize(id, l2, s2) == -1)
			continue;
		if (strcmp(s2, script) == 0)
			names_strv_add(&v, &n, xstrdup(canon));
		else if (strchr(canon, '-') == NULL && script[0] != '\0')
			names_strv_add(&v, &n, xasprintf("%s-%s", canon, script));
	}
	free(canon);
	*out = v;
	return n;
}

/* Language equivalences ------------------------------------------------------- */

struct names_served {
	const char *self;
	char **v;
	size_t n;
};

bool
i18n_tag_eq(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; a++, b++) {
		char x = *a == '_' ? '-' : *a, y = *b == '_' ? '-' : *b;

		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return false;
	}
	return *a == *b;
}

static void
names_served_add(void *arg, const char *tag)
{
	struct names_served *s = arg;

	if (!i18n_tag_eq(tag, s->self))
		names_strv_add(&s->v, &s->n, xstrdup(tag));
}

size_t
i18n_language_served_by(const char *tag, char ***out)
{
	struct i18n_cache *c = i18n_cache_shared();
	char *given = tag != NULL ? names_canonical(tag, false) : NULL, *canon, *lang;
	struct names_served s = {0};

	*out = NULL;
	if (given == NULL || c == NULL) {
		free(given);
		return 0;
	}
	canon = i18n_language_canonical(given);
	/* The tag as given (tl: served by fil) and as ICU writes it (fil:
	 * served by tl, which is the tag itself and left out); for a tag
	 * with a script or region, its language's equivalents too. */
	s.self = given;
	if (i18n_cache_served(c, given, names_served_add, &s) == -1 ||
	    (canon != NULL && i18n_cache_served(c, canon, names_served_add, &s) == -1))
		goto out;
	if (canon != NULL && (lang = strchr(canon, '-')) != NULL) {
		*lang = '\0';
		(void)i18n_cache_served(c, canon, names_served_add, &s);
	}
out:
	free(canon);
	free(given);
	*out = s.v;
	return s.n;
}

/* Whether the names data can be used --------------------------------------------- */

bool
i18n_names_ready(struct i18n *ui, bool thorough, char **about)
{
	const char *file = i18n_cache_shared_file();
	struct i18n_cache *c;
	struct cache_why why;

	if ((c = i18n_cache_shared()) != NULL && thorough)
		(void)i18n_cache_verify(c);
	i18n_cache_shared_why(&why);
	if (about == NULL)
		return why.state == CACHE_OK;
	if (file == NULL)
		file = "names.cache";
	switch (why.state) {
	case CACHE_OK:
		*about = i18n_fmt(ui, "names.ready", "ss", file, i18n_cache_about(c));
		break;
	case CACHE_NO_PATH:
	case CACHE_MISSING:
		*about = i18n_fmt(ui, "names.missing", "s", file);
		break;
	case CACHE_UNREADABLE:
		*about = i18n_fmt(ui, "names.unreadable", "ss", file, strerror(why.err));
		break;
	case CACHE_NOT_FILE:
		*about = i18n_fmt(ui, "names.not_file", "s", file);
		break;
	case CACHE_NOT_NAMES:
		*about = i18n_fmt(ui, "names.not_names", "s", file);
		break;
	case CACHE_OTHER_ICU:
		*about = i18n_fmt(ui, "names.other_icu", "sss", file, why.icu, i18n_icu_version());
		break;
	case CACHE_OTHER_DATA:
		*about = i18n_fmt(ui, "names.other_data", "s", file);
		break;
	case CACHE_DAMAGED:
	default:
		*about = i18n_fmt(ui, "names.damaged", "s", file);
		break;
	}
	return why.state == CACHE_OK;
}
