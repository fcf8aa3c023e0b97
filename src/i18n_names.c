/*
 * i18n_names.c - countries and languages by name: CLDR display names,
 * code validation and canonical tags, and understanding a name a person
 * typed in any language ICU has data for.  No name list is written here;
 * every name comes from ICU's region and lang resource bundles.  Nothing
 * here prints or exits; the indexes are cached in ui->names.
 */
#include "i18n_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/uenum.h>
#include <unicode/uldnames.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/uregion.h>
#include <unicode/ures.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "xmalloc.h"

/* The trees of ICU's data that hold territory and language names. */
#define NAMES_REGION U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "region"
#define NAMES_LANG U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "lang"

/* At most this many suggestions for a near miss. */
#define NAMES_SUGGEST 5
/* Folded names are compared up to this many code points. */
#define NAMES_MAXFOLD 128
/* A prefix must be this long (folded code points) to select anything. */
#define NAMES_MINPREFIX 2
/* A later word of a name must be matched by this many. */
#define NAMES_MINWORD 3

/* A name in the UI language or English, folded once when the index is built. */
struct names_entry {
	UChar *disp; /* as displayed, NUL-terminated */
	UChar32 *fold;
	int32_t flen;
	int code; /* index into names_kind.codes */
};

/*
 * A name in one of the other locales' tables is a struct names_raw
 * (i18n_impl.h).  The string points into ICU's mapped data, kept alive by
 * the open table in names_kind.tables; only its first folded code point is
 * computed in advance, so that a lookup folds the few names that can match
 * and nothing else.  loc says which locale, for "the language the name
 * came closest in".  With names.cache (i18n_cache.c) the same names come
 * folded and sorted from the cache instead, and none of this is built.
 */

/* Countries or languages. */
struct names_kind {
	bool language;
	const char *pkg;        /* NAMES_REGION or NAMES_LANG */
	const char *table;      /* "Countries" or "Languages" */
	char **codes;           /* "CZ", or BCP 47 tags "pt-BR" */
	char **ids;             /* table keys: "CZ", "pt_BR" */
	UChar **uiname;         /* display name in the UI language, for sorting */
	size_t ncodes;
	int *hash;              /* open addressing over ids, -1 empty */
	size_t hashsize;
	short alpha2[26 * 26];  /* countries: "AA".."ZZ" -> index, or -1 */

	struct names_entry *near; /* UI and English names */
	size_t nnear;

	bool cache_tried;
	const struct i18n_cache_kind *cache; /* this kind in names.cache, or NULL */
	bool codes_cached; /* the codes came from names.cache */

	bool raw_built;
	struct names_raw *raw; /* every language-only locale's names */
	size_t nraw;
	int nlocs;
	UResourceBundle **tables;
	size_t ntables;

	bool comp_built;
	struct names_entry *comp; /* completion: near + own names + codes */
	size_t ncomp;
};

struct i18n_names {
	bool ready;       /* false: only cache_path is set (i18n_set_datadir) */
	char *cache_path; /* dir/names.cache, or NULL */
	bool cache_tried;
	struct i18n_cache *cache; /* mapped on first need, or NULL */
	char locale[ULOC_FULLNAME_CAPACITY]; /* ui->locale, or "en" without names */
	const UNormalizer2 *nfd;
	/* The folded first code point of a name by its first UTF-16 unit
	 * (0: not yet known, U_SENTINEL: depends on what follows), so that
	 * indexing every locale's names folds each initial letter once. */
	UChar32 *first;
	ULocaleDisplayNames *ldn; /* UI locale, dialect names ("Swiss High German") */
	bool country_built, language_built;
	struct names_kind country, language;
};

/* Folding ---------------------------------------------------------------- */

/* Apostrophes vanish ("Côte d'Ivoire" == "cote divoire"); other punctuation
 * and white space separate words; everything else is text. */
enum names_class { NAMES_TEXT, NAMES_SEP, NAMES_DROP };

static enum names_class
names_class(UChar32 c)
{
	if (c < 0x80) {
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			return NAMES_TEXT;
		if (c == '\'' || c == '`')
			return NAMES_DROP;
		if (c == '$' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' ||
		    c == '|' || c == '~')
			return NAMES_TEXT;
		return NAMES_SEP;
	}
	if (c == 0x2018 || c == 0x2019 || c == 0x02bc || c == 0x00b4)
		return NAMES_DROP;
	if (u_isUWhiteSpace(c) || u_ispunct(c) || u_iscntrl(c))
		return NAMES_SEP;
	return NAMES_TEXT;
}

/* Appends the canonical decomposition of c, without nonspacing marks. */
static int32_t
names_decompose(const UNormalizer2 *nfd, UChar32 c, UChar *out, int32_t cap)
{
	UChar d[32];
	UErrorCode st = U_ZERO_ERROR;
	int32_t dn = -1, i = 0, n = 0;
	UChar32 e;

	if (nfd != NULL)
		dn = unorm2_getDecomposition(nfd, c, d, (int32_t)(sizeof d / sizeof d[0]), &st);
	if (U_FAILURE(st) || dn < 0) {
		dn = 0;
		U16_APPEND_UNSAFE(d, dn, c);
	}
	while (i < dn) {
		U16_NEXT(d, i, dn, e);
		if (u_charType(e) == U_NON_SPACING_MARK)
			continue;
		if (n + U16_LENGTH(e) > cap)
			break;
		U16_APPEND_UNSAFE(out, n, e);
	}
	return n;
}

/*
 * Folds one code point: canonical decomposition, nonspacing marks dropped,
 * default (locale-independent) full case folding, decomposed again.  This
 * is the caseless match of Unicode D145 without accents.  Returns the
 * number of code points written to out (at most 16).
 */
static int
names_fold_cp(const UNormalizer2 *nfd, UChar32 c, UChar32 *out)
{
	UChar a[32], f[64], g[32];
	UErrorCode st = U_ZERO_ERROR;
	int32_t an, fn, gn, i = 0, j;
	int n = 0;
	UChar32 e, h;

	if (c < 0x80) {
		out[0] = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
		return 1;
	}
	/* Most letters of a name need nothing: two property lookups are far
	 * cheaper than decomposing and folding. */
	if (u_getIntPropertyValue(c, UCHAR_NFD_QUICK_CHECK) == UNORM_YES) {
		if (u_charType(c) == U_NON_SPACING_MARK)
			return 0;
		if (!u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_CASEFOLDED)) {
			out[0] = c;
			return 1;
		}
		an = 0;
		U16_APPEND_UNSAFE(a, an, c);
	} else if ((an = names_decompose(nfd, c, a, 32)) == 0) {
		return 0;
	}
	fn = u_strFoldCase(f, 64, a, an, U_FOLD_CASE_DEFAULT, &st);
	if (U_FAILURE(st) || fn > 64) {
		memcpy(f, a, (size_t)an * sizeof a[0]);
		fn = an;
	}
	while (i < fn && n < 16) {
		U16_NEXT(f, i, fn, e);
		if (e < 0x80 || u_getIntPropertyValue(e, UCHAR_NFD_QUICK_CHECK) == UNORM_YES) {
			if (u_charType(e) != U_NON_SPACING_MARK)
				out[n++] = e;
			continue;
		}
		gn = names_decompose(nfd, e, g, 32);
		for (j = 0; j < gn && n < 16;) {
			U16_NEXT(g, j, gn, h);
			out[n++] = h;
		}
	}
	return n;
}

/*
 * Yields the folded code points of a UTF-16 string one at a time, with
 * runs of separators turned into one space and none at either end, so
 * that a comparison can stop at the first difference.
 */
struct names_it {
	const UNormalizer2 *nfd;
	const UChar *s;
	int32_t len, pos;
	UChar32 buf[16];
	int n, i;
	bool started, space;
};

static void
names_it_init(struct names_it *it, const UNormalizer2 *nfd, const UChar *s, int32_t len)
{
	it->nfd = nfd;
	it->s = s;
	it->len = len;
	it->pos = 0;
	it->n = it->i = 0;
	it->started = it->space = false;
}

/* The next folded code point, or U_SENTINEL at the end. */
static UChar32
names_it_next(struct names_it *it)
{
	UChar32 c;

	for (;;) {
		if (it->i < it->n) {
			if (it->space) {
				it->space = false;
				return ' ';
			}
			return it->buf[it->i++];
		}
		if (it->pos >= it->len)
			return U_SENTINEL;
		U16_NEXT(it->s, it->pos, it->len, c);
		switch (names_class(c)) {
		case NAMES_DROP:
			continue;
		case NAMES_SEP:
			if (it->started)
				it->space = true;
			continue;
		case NAMES_TEXT:
			break;
		}
		it->n = names_fold_cp(it->nfd, c, it->buf);
		it->i = 0;
		if (it->n > 0)
			it->started = true;
	}
}

/* Folds s into an allocated array of at most NAMES_MAXFOLD code points. */
static UChar32 *
names_fold(const UNormalizer2 *nfd, const UChar *s, int32_t len, int32_t *flen)
{
	struct names_it it;
	UChar32 tmp[NAMES_MAXFOLD], c, *f;
	int32_t n = 0;

	names_it_init(&it, nfd, s, len);
	while (n < NAMES_MAXFOLD && (c = names_it_next(&it)) != U_SENTINEL)
		tmp[n++] = c;
	f = xcalloc((size_t)n + 1, sizeof *f);
	if (n > 0)
		memcpy(f, tmp, (size_t)n * sizeof *f);
	*flen = n;
	return f;
}

/* Folds UTF-8 text; NULL when it is not valid UTF-8. */
static UChar32 *
names_fold8(const UNormalizer2 *nfd, const char *s, int32_t *flen)
{
	int32_t len;
	UChar *u = i18n_u16(s, &len);
	UChar32 *f;

	if (u == NULL)
		return NULL;
	f = names_fold(nfd, u, len, flen);
	free(u);
	return f;
}

UChar32 *
i18n_names_fold_all(const UChar *s, int32_t len, int32_t *flen)
{
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
	struct names_it it;
	UChar32 *f = NULL, c;
	size_t cap = 0, n = 0;

	names_it_init(&it, U_SUCCESS(st) ? nfd : NULL, s, len);
	while ((c = names_it_next(&it)) != U_SENTINEL) {
		if (n + 1 >= cap) {
			cap = cap ? cap * 2 : 64;
			f = xreallocarray(f, cap, sizeof *f);
		}
		f[n++] = c;
	}
	if (f == NULL)
		f = xcalloc(1, sizeof *f);
	*flen = (int32_t)n;
	return f;
}

/* The first folded code point of s, or U_SENTINEL if it folds to nothing. */
static UChar32
names_first(const UNormalizer2 *nfd, UChar32 *memo, const UChar *s, int32_t len)
{
	struct names_it it;
	UChar32 out[16], f;
	UChar u = s[0];

	if (memo != NULL && len > 0 && !U16_IS_SURROGATE(u)) {
		if ((f = memo[u]) == 0) {
			/* Only a letter that folds to something stands alone. */
			f = U_SENTINEL;
			if (names_class(u) == NAMES_TEXT && names_fold_cp(nfd, u, out) > 0)
				f = out[0];
			memo[u] = f;
		}
		if (f != U_SENTINEL)
			return f;
	}
	names_it_init(&it, nfd, s, len);
	return names_it_next(&it);
}

/*
 * Compares the folded form of s with q: 2 when equal, 1 when q is a proper
 * prefix of it, 0 otherwise.  Folds only as far as it has to.
 */
static int
names_cmp(const UNormalizer2 *nfd, const UChar *s, int32_t len, const UChar32 *q, int32_t qlen)
{
	struct names_it it;
	int32_t i;

	names_it_init(&it, nfd, s, len);
	for (i = 0; i < qlen; i++)
		if (names_it_next(&it) != q[i])
			return 0;
	return names_it_next(&it) == U_SENTINEL ? 2 : 1;
}

/*
 * Edit distance with transpositions (optimal string alignment), so that
 * "Czechai" is one step from "Czechia".  Gives up and returns max + 1 once
 * the distance must exceed max.
 */
static int
names_distance(const UChar32 *a, int32_t an, const UChar32 *b, int32_t bn, int max)
{
	int rows[3][NAMES_MAXFOLD + 1];
	int *pp, *p, *c, *t, i, j, best, v;

	if (an > NAMES_MAXFOLD)
		an = NAMES_MAXFOLD;
	if (bn > NAMES_MAXFOLD)
		bn = NAMES_MAXFOLD;
	if (abs(an - bn) > max)
		return max + 1;
	pp = rows[0];
	p = rows[1];
	c = rows[2];
	for (j = 0; j <= bn; j++)
		p[j] = j;
	for (i = 1; i <= an; i++) {
		c[0] = i;
		best = i;
		for (j = 1; j <= bn; j++) {
			int cost = a[i - 1] == b[j - 1] ? 0 : 1;

			v = p[j - 1] + cost;
			if (p[j] + 1 < v)
				v = p[j] + 1;
			if (c[j - 1] + 1 < v)
				v = c[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			c[j] = v;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
		t = pp;
		pp = p;
		p = c;
		c = t;
	}
	return p[bn] > max ? max + 1 : p[bn];
}

/* Codes ------------------------------------------------------------------ */

static size_t
names_hashstr(const char *s)
{
	size_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The index of a table key ("CZ", "pt_BR"), or -1. */
static int
names_code(const struct names_kind *k, const char *id)
{
	size_t h;
	int i;

	if (k->hashsize == 0)
		return -1;
	if (!k->language) {
		/* Territory keys are two capitals (or digits, which we skip). */
		if (id[0] < 'A' || id[0] > 'Z' || id[1] < 'A' || id[1] > 'Z' || id[2] != '\0')
			return -1;
		return k->alpha2[(id[0] - 'A') * 26 + (id[1] - 'A')];
	}
	for (h = names_hashstr(id) & (k->hashsize - 1); (i = k->hash[h]) != -1;
	     h = (h + 1) & (k->hashsize - 1))
		if (strcmp(k->ids[i], id) == 0)
			return i;
	return -1;
}

static void
names_add_code(struct names_kind *k, size_t *cap, const char *id, const char *code)
{
	if (k->ncodes == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		k->ids = xreallocarray(k->ids, *cap, sizeof *k->ids);
		k->codes = xreallocarray(k->codes, *cap, sizeof *k->codes);
	}
	k->ids[k->ncodes] = xstrdup(id);
	k->codes[k->ncodes] = xstrdup(code);
	k->ncodes++;
}

static void
names_hash_build(struct names_kind *k)
{
	size_t i, h;

	for (k->hashsize = 16; k->hashsize < k->ncodes * 2; k->hashsize *= 2)
		;
	k->hash = xreallocarray(NULL, k->hashsize, sizeof *k->hash);
	for (h = 0; h < k->hashsize; h++)
		k->hash[h] = -1;
	for (i = 0; i < k->ncodes; i++) {
		for (h = names_hashstr(k->ids[i]) & (k->hashsize - 1); k->hash[h] != -1;
		     h = (h + 1) & (k->hashsize - 1))
			;
		k->hash[h] = (int)i;
	}
	for (i = 0; i < sizeof k->alpha2 / sizeof k->alpha2[0]; i++)
		k->alpha2[i] = -1;
	for (i = 0; i < k->ncodes && !k->language; i++)
		k->alpha2[(k->ids[i][0] - 'A') * 26 + (k->ids[i][1] - 'A')] = (short)i;
}

/*
 * Territories with an alpha-2 code (not groupings, not deprecated), in
 * the order ICU lists them; from names.cache when it is there (c), since
 * asking ICU loads its whole region table.  That is safe: the cache is
 * used only when built from this very ICU, Unicode and CLDR, its writer
 * took the list from this function without the cache, and a damaged
 * section fails its checksum and the list comes from ICU.  The country
 * names in the cache must still match these codes (i18n_cache_kind).
 */
static void
names_country_codes(struct names_kind *k, struct i18n_cache *c, UErrorCode *status)
{
	UEnumeration *e;
	const char *s;
	char code[3];
	size_t cap = 0, n, i;

	if (U_FAILURE(*status))
		return;
	if ((s = i18n_cache_territories(c, &n)) != NULL) {
		k->codes_cached = true;
		for (i = 0; i < n; i++) {
			memcpy(code, s + 2 * i, 2);
			code[2] = '\0';
			names_add_code(k, &cap, code, code);
		}
		return;
	}
	e = uregion_getAvailable(URGN_TERRITORY, status);
	while (U_SUCCESS(*status) && (s = uenum_next(e, NULL, status)) != NULL)
		if (strlen(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z')
			names_add_code(k, &cap, s, s);
	uenum_close(e);
}

/* Special codes of ISO 639 that name no language. */
static bool
names_special_language(const char *id)
{
	static const char *const special[] = {"mis", "mul", "root", "und", "zxx"};
	size_t i;

	for (i = 0; i < sizeof special / sizeof special[0]; i++)
		if (strcmp(id, special[i]) == 0)
			return true;
	return false;
}

/*
 * The languages CLDR names in English, as keys ("pt_BR") and tags
 * ("pt-BR").  CLDR's keys are canonical already, so the tag is the key
 * with hyphens (uloc_toLanguageTag would cost more than the rest of the
 * index together).
 */
static void
names_language_codes(struct names_kind *k, UErrorCode *status)
{
	UResourceBundle *b, *t = NULL;
	const char *key;
	char tag[ULOC_FULLNAME_CAPACITY], *p;
	size_t cap = 0;

	if (U_FAILURE(*status))
		return;
	b = ures_open(NAMES_LANG, "en", status);
	t = ures_getByKey(b, "Languages", NULL, status);
	while (U_SUCCESS(*status) && ures_hasNext(t)) {
		ures_getNextString(t, NULL, &key, status);
		if (U_FAILURE(*status) || key == NULL || names_special_language(key) ||
		    strlen(key) >= sizeof tag)
			continue;
		strcpy(tag, key);
		for (p = tag; *p != '\0'; p++)
			if (*p == '_')
				*p = '-';
		names_add_code(k, &cap, key, tag);
	}
	ures_close(t);
	ures_close(b);
}

void
i18n_set_datadir(struct i18n *ui, const char *dir)
{
	char *path;

	if (ui == NULL || dir == NULL)
		return;
	path = xasprintf("%s/names.cache", dir);
	i18n_cache_shared_path(path);
	if (ui->names != NULL && ui->names->ready) {
		free(path);
		return;
	}
	if (ui->names == NULL)
		ui->names = xcalloc(1, sizeof *ui->names);
	free(ui->names->cache_path);
	ui->names->cache_path = path;
}

/* Indexes ---------------------------------------------------------------- */

static void
names_entry_add(struct names_entry **v, size_t *n, size_t *cap, const UNormalizer2 *nfd,
		const UChar *s, int32_t len, int code)
{
	struct names_entry *e;

	if (len <= 0)
		return;
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 512;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	e = &(*v)[(*n)++];
	e->disp = xcalloc((size_t)len + 1, sizeof *e->disp);
	memcpy(e->disp, s, (size_t)len * sizeof *s);
	e->fold = names_fold(nfd, s, len, &e->flen);
	e->code = code;
	if (e->flen == 0) {
		free(e->disp);
		free(e->fold);
		(*n)--;
	}
}

static void
names_entries_free(struct names_entry *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].disp);
		free(v[i].fold);
	}
	free(v);
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

/* The top-level table `key` of bundle b, or NULL; with allow_fallback
 * false, only a table of b's own locale. */
static UResourceBundle *
names_subtable(const UResourceBundle *b, const char *key, bool allow_fallback)
{
	UErrorCode st = U_ZERO_ERROR;
	UResourceBundle *t;

	if (b == NULL)
		return NULL;
	t = ures_getByKey(b, key, NULL, &st);
	if (U_FAILURE(st) || (!allow_fallback && st == U_USING_FALLBACK_WARNING)) {
		ures_close(t);
		return NULL;
	}
	return t;
}

static UResourceBundle *
names_table(const char *pkg, const char *loc, const char *key)
{
	UResourceBundle *b = names_bundle(pkg, loc), *t;

	t = names_subtable(b, key, true);
	ures_close(b);
	return t;
}

/*
 * Adds every name of a table ("Countries", "Countries%variant") of loc to
 * the index; names[code] (if not NULL) remembers which codes got a name.
 */
static void
names_near_table(struct names_kind *k, const UNormalizer2 *nfd, const char *loc,
		 const char *key, size_t *cap, bool *named)
{
	UResourceBundle *t = names_table(k->pkg, loc, key);
	UErrorCode st;
	const UChar *s;
	const char *id;
	int32_t len;
	int code;

	if (t == NULL)
		return;
	while (ures_hasNext(t)) {
		st = U_ZERO_ERROR;
		s = ures_getNextString(t, &len, &id, &st);
		if (U_FAILURE(st) || id == NULL || (code = names_code(k, id)) == -1)
			continue;
		names_entry_add(&k->near, &k->nnear, cap, nfd, s, len, code);
		if (named != NULL) {
			named[code] = true;
			if (k->uiname[code] == NULL) {
				k->uiname[code] = xcalloc((size_t)len + 1, sizeof *s);
				memcpy(k->uiname[code], s, (size_t)len * sizeof *s);
			}
		}
	}
	ures_close(t);
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

/*
 * The display name of a code in loc, through ICU's own fallback; NULL
 * when ICU only has the code.
 */
static UChar *
names_display(struct names_kind *k, ULocaleDisplayNames *ldn, const char *loc, size_t code,
	      int32_t *len)
{
	UChar buf[256], *u;
	UErrorCode st = U_ZERO_ERROR;
	char id[16];
	int32_t n;

	if (k->language) {
		n = uldn_localeDisplayName(ldn, k->ids[code], buf, 255, &st);
	} else {
		snprintf(id, sizeof id, "und_%s", k->ids[code]);
		n = uloc_getDisplayCountry(id, loc, buf, 255, &st);
	}
	if (U_FAILURE(st) || st == U_USING_DEFAULT_WARNING || n <= 0 || n > 255)
		return NULL;
	buf[n] = 0;
	if (names_is_code(buf, n, k->ids[code]))
		return NULL;
	u = xcalloc((size_t)n + 1, sizeof *u);
	memcpy(u, buf, (size_t)n * sizeof *u);
	*len = n;
	return u;
}

/* The context's names.cache, mapped on first need; NULL without one. */
static struct i18n_cache *
names_cache_map(struct i18n_names *n)
{
	if (!n->cache_tried) {
		n->cache_tried = true;
		if (n->cache_path != NULL)
			n->cache = i18n_cache_open(n->cache_path);
	}
	return n->cache;
}

/* Builds the codes and the UI-language and English index of one kind. */
static void
names_kind_build(struct i18n *ui, struct names_kind *k, UErrorCode *status)
{
	static const char *const alt[] = {"", "%variant", "%short"};
	const UNormalizer2 *nfd = ui->names->nfd;
	char key[32];
	size_t cap = 0, i, a;
	bool *named;
	int32_t len;
	UChar *u;

	if (U_FAILURE(*status))
		return;
	if (k->language)
		names_language_codes(k, status);
	else
		names_country_codes(k, names_cache_map(ui->names), status);
	if (U_FAILURE(*status))
		return;
	names_hash_build(k);
	k->uiname = xcalloc(k->ncodes, sizeof *k->uiname);
	named = xcalloc(k->ncodes, sizeof *named);

	/* The UI language's tables, then ICU's fallback for what they lack
	 * (a regional UI locale such as pt_BR has only its differences). */
	for (a = 0; a < sizeof alt / sizeof alt[0]; a++) {
		snprintf(key, sizeof key, "%s%s", k->table, alt[a]);
		names_near_table(k, nfd, ui->names->locale, key, &cap, a == 0 ? named : NULL);
	}
	for (i = 0; i < k->ncodes; i++) {
		if (named[i])
			continue;
		if ((u = names_display(k, ui->names->ldn, ui->names->locale, i, &len)) == NULL)
			continue;
		names_entry_add(&k->near, &k->nnear, &cap, nfd, u, len, (int)i);
		k->uiname[i] = u;
	}
	if (strcmp(ui->names->locale, "en") != 0) {
		for (a = 0; a < sizeof alt / sizeof alt[0]; a++) {
			snprintf(key, sizeof key, "%s%s", k->table, alt[a]);
			names_near_table(k, nfd, "en", key, &cap, NULL);
		}
	}
	/* Codes nobody names sort by their code. */
	for (i = 0; i < k->ncodes; i++)
		if (k->uiname[i] == NULL)
			k->uiname[i] = i18n_u16(k->codes[i], NULL);
	free(named);
}

/* Language-only locales with data in pkg ("cs", "sr_Latn"; not "de_CH"). */
static bool
names_language_only(const char *loc)
{
	char region[ULOC_COUNTRY_CAPACITY];
	UErrorCode st = U_ZERO_ERROR;

	if (strcmp(loc, "root") == 0)
		return false;
	uloc_getCountry(loc, region, sizeof region, &st);
	return U_SUCCESS(st) && region[0] == '\0';
}

/* Builds the index of every language-only locale's names of one kind. */
static void
names_raw_build(struct i18n *ui, struct names_kind *k, UErrorCode *status)
{
	static const char *const alt[] = {"", "%variant", "%short"};
	const UNormalizer2 *nfd = ui->names->nfd;
	UEnumeration *e;
	const char *loc, *id;
	char key[32];
	size_t cap = 0, tcap = 0, a;
	const UChar *s;
	int32_t len;
	int code;

	if (U_FAILURE(*status))
		return;
	k->raw_built = true;
	e = ures_openAvailableLocales(k->pkg, status);
	while (U_SUCCESS(*status) && (loc = uenum_next(e, NULL, status)) != NULL) {
		UResourceBundle *b;

		if (!names_language_only(loc) || (b = names_bundle(k->pkg, loc)) == NULL)
			continue;
		for (a = 0; a < sizeof alt / sizeof alt[0]; a++) {
			UResourceBundle *t;

			snprintf(key, sizeof key, "%s%s", k->table, alt[a]);
			if ((t = names_subtable(b, key, false)) == NULL)
				continue;
			if (k->ntables == tcap) {
				tcap = tcap ? tcap * 2 : 512;
				k->tables = xreallocarray(k->tables, tcap, sizeof(UResourceBundle *));
			}
			k->tables[k->ntables++] = t;
			while (ures_hasNext(t)) {
				UErrorCode st = U_ZERO_ERROR;
				struct names_raw *r;

				s = ures_getNextString(t, &len, &id, &st);
				if (U_FAILURE(st) || id == NULL || len <= 0 ||
				    (code = names_code(k, id)) == -1)
					continue;
				if (k->nraw == cap) {
					cap = cap ? cap * 2 : 8192;
					k->raw = xreallocarray(k->raw, cap, sizeof *k->raw);
				}
				r = &k->raw[k->nraw++];
				r->s = s;
				r->len = len;
				r->first = names_first(nfd, ui->names->first, s, len);
				r->code = code;
				r->loc = k->nlocs;
			}
		}
		ures_close(b);
		k->nlocs++;
	}
	uenum_close(e);
}

/* The context's name cache, created on first use. */
static struct i18n_names *
names_get(struct i18n *ui, UErrorCode *status)
{
	struct i18n_names *n;
	UResourceBundle *b;

	if (U_FAILURE(*status))
		return NULL;
	if (ui->names != NULL && ui->names->ready)
		return ui->names;
	n = ui->names != NULL ? ui->names : xcalloc(1, sizeof *n);
	ui->names = NULL;
	n->ready = true;
	n->nfd = unorm2_getNFDInstance(status);
	/* A UI locale ICU has no names for would get the default locale's
	 * (Turkish, say, under LC_ALL=tr_TR); English is the better stand-in. */
	if ((b = names_bundle(NAMES_REGION, ui->locale)) != NULL)
		snprintf(n->locale, sizeof n->locale, "%s", ui->locale);
	else
		strcpy(n->locale, "en");
	ures_close(b);
	n->ldn = uldn_open(n->locale, ULDN_DIALECT_NAMES, status);
	n->country.pkg = NAMES_REGION;
	n->country.table = "Countries";
	n->language.language = true;
	n->language.pkg = NAMES_LANG;
	n->language.table = "Languages";
	if (U_FAILURE(*status)) {
		i18n_names_free(n);
		return NULL;
	}
	ui->names = n;
	return n;
}

static struct names_kind *
names_kind(struct i18n *ui, bool language, UErrorCode *status)
{
	struct i18n_names *n = names_get(ui, status);
	struct names_kind *k;
	bool *built;

	if (U_FAILURE(*status))
		return NULL;
	k = language ? &n->language : &n->country;
	built = language ? &n->language_built : &n->country_built;
	if (!*built) {
		*built = true;
		names_kind_build(ui, k, status);
	}
	return U_SUCCESS(*status) ? k : NULL;
}

/* Builds the live index of every locale's names, once. */
static void
names_raw(struct i18n *ui, struct names_kind *k, UErrorCode *status)
{
	if (k->raw_built || U_FAILURE(*status))
		return;
	if (ui->names->first == NULL)
		ui->names->first = xcalloc(0x10000, sizeof *ui->names->first);
	names_raw_build(ui, k, status);
}

/* This kind's section of names.cache, looked for once; NULL without one,
 * and then the live index serves. */
static const struct i18n_cache_kind *
names_cache(struct i18n *ui, struct names_kind *k)
{
	struct i18n_names *n = ui->names;

	if (k->cache_tried)
		return k->cache;
	k->cache_tried = true;
	if (names_cache_map(n) != NULL)
		k->cache = i18n_cache_kind(n->cache, k->language, (const char *const *)k->ids,
					   k->ncodes);
	return k->cache;
}

bool
i18n_names_cache_used(const struct i18n *ui, bool language)
{
	const struct i18n_names *n = ui->names;

	if (n == NULL || !n->ready)
		return false;
	return (language ? n->language.cache : n->country.cache) != NULL;
}

bool
i18n_names_codes_cached(const struct i18n *ui)
{
	const struct i18n_names *n = ui->names;

	return n != NULL && n->ready && n->country.codes_cached;
}

int
i18n_names_collect(struct i18n *ui, bool language, const char *const **ids, size_t *ncodes,
		   const struct names_raw **raw, size_t *nraw, int *nlocs)
{
	UErrorCode st = U_ZERO_ERROR;
	struct names_kind *k = names_kind(ui, language, &st);

	if (k == NULL)
		return -1;
	names_raw(ui, k, &st);
	if (U_FAILURE(st))
		return -1;
	*ids = (const char *const *)k->ids;
	*ncodes = k->ncodes;
	*raw = k->raw;
	*nraw = k->nraw;
	*nlocs = k->nlocs;
	return 0;
}

static void
names_kind_free(struct names_kind *k)
{
	size_t i;

	for (i = 0; i < k->ncodes; i++) {
		free(k->codes[i]);
		free(k->ids[i]);
		if (k->uiname != NULL)
			free(k->uiname[i]);
	}
	free(k->codes);
	free(k->ids);
	free(k->uiname);
	free(k->hash);
	names_entries_free(k->near, k->nnear);
	names_entries_free(k->comp, k->ncomp);
	free(k->raw);
	for (i = 0; i < k->ntables; i++)
		ures_close(k->tables[i]);
	free(k->tables);
}

void
i18n_names_free(struct i18n_names *n)
{
	if (n == NULL)
		return;
	names_kind_free(&n->country);
	names_kind_free(&n->language);
	if (n->ldn != NULL)
		uldn_close(n->ldn);
	i18n_cache_close(n->cache);
	free(n->cache_path);
	free(n->first);
	free(n);
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
	if ((names = names_get(ui, &st)) == NULL)
		return xstrdup(code);
	st = U_ZERO_ERROR;
	snprintf(id, sizeof id, "und_%s", code);
	n = uloc_getDisplayCountry(id, names->locale, buf, 256, &st);
	if (U_FAILURE(st) || st == U_USING_DEFAULT_WARNING || n > 256)
		return xstrdup(code);
	return names_result(buf, n, code);
}

/* The name of a language tag in the UI language, from ICU. */
static char *
names_language_name(struct i18n *ui, const char *tag)
{
	UChar buf[256];
	UErrorCode st = U_ZERO_ERROR;
	char id[ULOC_FULLNAME_CAPACITY];
	struct i18n_names *n;
	int32_t len;

	if (names_tag_id(tag, id, sizeof id) == -1)
		return xstrdup(tag);
	if ((n = names_get(ui, &st)) == NULL)
		return xstrdup(tag);
	st = U_ZERO_ERROR;
	len = uldn_localeDisplayName(n->ldn, id, buf, 256, &st);
	if (U_FAILURE(st) || len > 256)
		return xstrdup(tag);
	if (names_is_code(buf, len, id))
		return xstrdup(tag);
	return names_result(buf, len, tag);
}

char *
i18n_language_name(struct i18n *ui, const char *tag)
{
	size_t i;
	unsigned slot;

	if (strlen(tag) >= sizeof ui->langnames[0].tag)
		return names_language_name(ui, tag);
	for (i = 0; i < I18N_LANGNAMES && ui->langnames[i].name != NULL; i++)
		if (strcmp(ui->langnames[i].tag, tag) == 0)
			return xstrdup(ui->langnames[i].name);
	slot = i < I18N_LANGNAMES ? (unsigned)i : ui->nextlangname++ % I18N_LANGNAMES;
	free(ui->langnames[slot].name);
	strcpy(ui->langnames[slot].tag, tag);
	ui->langnames[slot].name = names_language_name(ui, tag);
	return xstrdup(ui->langnames[slot].name);
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
	b = ures_open(NAMES_LANG, id, &st);
	ures_close(b);
	if (U_FAILURE(st) || st == U_USING_DEFAULT_WARNING)
		return xstrdup(tag);
	st = U_ZERO_ERROR;
	ldn = uldn_open(id, ULDN_DIALECT_NAMES, &st);
	len = uldn_localeDisplayName(ldn, id, buf, 256, &st);
	uldn_close(ldn);
	if (U_FAILURE(st) || len > 256)
		return xstrdup(tag);
	if (names_is_code(buf, len, id))
		return xstrdup(tag);
	return names_result(buf, len, tag);
}

/* Codes and tags --------------------------------------------------------- */

/* Two capitals, the only form of code i18n_country_valid accepts. */
static bool
names_alpha2(const char *code)
{
	return code != NULL && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' &&
	       code[1] <= 'Z' && code[2] == '\0';
}

/*
 * The first question about a code loads ICU's whole region table (a few
 * million instructions); names.cache holds ICU's answers, for the same
 * ICU data.
 */
bool
i18n_country_valid(const char *code)
{
	int r;

	if (!names_alpha2(code))
		return false;
	if ((r = i18n_cache_country_valid(i18n_cache_shared(), code)) != -1)
		return r == 1;
	return i18n_country_valid_icu(code);
}

bool
i18n_country_valid_icu(const char *code)
{
	const URegion *r;
	UErrorCode st = U_ZERO_ERROR;

	if (!names_alpha2(code))
		return false;
	r = uregion_getRegionFromCode(code, &st);
	return U_SUCCESS(st) && r != NULL && uregion_getType(r) == URGN_TERRITORY &&
	       strcmp(uregion_getRegionCode(r), code) == 0;
}

bool
i18n_region_contains(const char *group, const char *country)
{
	int r;

	if (group == NULL || !names_alpha2(country))
		return false;
	if ((r = i18n_cache_region_contains(i18n_cache_shared(), group, country)) != -1)
		return r == 1;
	return i18n_region_contains_icu(group, country);
}

bool
i18n_region_contains_icu(const char *group, const char *country)
{
	const URegion *g, *c;
	UErrorCode st = U_ZERO_ERROR;

	if (group == NULL || !i18n_country_valid_icu(country))
		return false;
	g = uregion_getRegionFromCode(group, &st);
	if (U_FAILURE(st) || g == NULL)
		return false;
	switch (uregion_getType(g)) {
	case URGN_WORLD:
	case URGN_CONTINENT:
	case URGN_SUBCONTINENT:
	case URGN_GROUPING:
		break;
	default:
		return false;
	}
	c = uregion_getRegionFromCode(country, &st);
	return U_SUCCESS(st) && c != NULL && uregion_contains(g, c);
}

/* True when ICU knows the language subtag: ISO 639 or a CLDR name. */
static bool
names_language_known(const char *lang)
{
	const char *const *iso;
	UChar buf[64];
	UErrorCode st = U_ZERO_ERROR;
	int32_t n;

	if (lang[0] == '\0' || names_special_language(lang))
		return false;
	for (iso = uloc_getISOLanguages(); *iso != NULL; iso++)
		if (strcmp(*iso, lang) == 0)
			return true;
	n = uloc_getDisplayLanguage(lang, "en", buf, 64, &st);
	if (U_FAILURE(st) || n <= 0 || n >= 64)
		return false;
	return !names_is_code(buf, n, lang);
}

char *
i18n_language_canonical(const char *tag)
{
	char id[ULOC_FULLNAME_CAPACITY], canon[ULOC_FULLNAME_CAPACITY];
	char out[ULOC_FULLNAME_CAPACITY], lang[ULOC_LANG_CAPACITY];
	UErrorCode st = U_ZERO_ERROR;
	int32_t parsed = 0;

	if (names_tag_id(tag, id, sizeof id) == -1)
		return NULL;
	uloc_canonicalize(id, canon, sizeof canon, &st);
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
	if (names_maximize(id, lang, script) == -1 || lang[0] == '\0' ||
	    strcmp(lang, "und") == 0)
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
 * The fallbacks of the last few tags asked for: a lookup asks for the
 * same language's fallbacks for every text of every result, and working
 * them out takes several ICU calls.  Like the calendars in i18n_time.c,
 * this is process-wide; i18n_cleanup frees it.
 */
#define NAMES_FALLBACKS 8
static struct {
	char *tag;
	char **v;
	size_t n;
} names_fallbacks[NAMES_FALLBACKS];
static unsigned names_fallbacks_next;

void
i18n_names_cleanup(void)
{
	size_t i;

	for (i = 0; i < NAMES_FALLBACKS; i++) {
		free(names_fallbacks[i].tag);
		i18n_strv_free(names_fallbacks[i].v, names_fallbacks[i].n);
		names_fallbacks[i].tag = NULL;
		names_fallbacks[i].v = NULL;
		names_fallbacks[i].n = 0;
	}
}

static size_t names_fallbacks_make(const char *tag, char ***out);

size_t
i18n_language_fallbacks(const char *tag, char ***out)
{
	size_t i, k;
	unsigned slot;

	for (i = 0; i < NAMES_FALLBACKS && names_fallbacks[i].tag != NULL; i++)
		if (strcmp(names_fallbacks[i].tag, tag) == 0)
			break;
	if (i == NAMES_FALLBACKS || names_fallbacks[i].tag == NULL) {
		slot = i < NAMES_FALLBACKS ? (unsigned)i : names_fallbacks_next++ % NAMES_FALLBACKS;
		free(names_fallbacks[slot].tag);
		i18n_strv_free(names_fallbacks[slot].v, names_fallbacks[slot].n);
		names_fallbacks[slot].tag = xstrdup(tag);
		names_fallbacks[slot].n = names_fallbacks_make(tag, &names_fallbacks[slot].v);
		i = slot;
	}
	*out = NULL;
	if (names_fallbacks[i].n == 0)
		return 0;
	*out = xcalloc(names_fallbacks[i].n, sizeof **out);
	for (k = 0; k < names_fallbacks[i].n; k++)
		(*out)[k] = xstrdup(names_fallbacks[i].v[k]);
	return names_fallbacks[i].n;
}

/* The fallbacks of tag, worked out with ICU (see i18n_language_fallbacks). */
static size_t
names_fallbacks_make(const char *tag, char ***out)
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

/* Parsing ---------------------------------------------------------------- */

void
i18n_candidates_free(struct i18n_candidates *c)
{
	if (c == NULL)
		return;
	i18n_strv_free(c->codes, c->n);
	c->codes = NULL;
	c->n = 0;
}

/*
 * A collation sort key of s in the UI language, so that qsort can order
 * names without a context argument; NUL-terminated, the caller frees it.
 */
static char *
names_collkey(UCollator *coll, const UChar *s)
{
	int32_t n = ucol_getSortKey(coll, s, -1, NULL, 0);
	uint8_t *k = xcalloc((size_t)n + 1, 1);

	ucol_getSortKey(coll, s, -1, k, n + 1);
	return (char *)k;
}

/* Sorting codes by distance, then by their name in the UI language. */
struct names_sortkey {
	int code, dist;
	char *key;
};

static int
names_sortkey_cmp(const void *a, const void *b)
{
	const struct names_sortkey *x = a, *y = b;
	int r;

	if (x->dist != y->dist)
		return x->dist < y->dist ? -1 : 1;
	if ((r = strcmp(x->key, y->key)) != 0)
		return r;
	return x->code - y->code;
}

/* Fills cands with the codes whose dist[] is at most max, best first. */
static size_t
names_candidates(struct i18n *ui, const struct names_kind *k, const int *dist, int max,
		 size_t limit, struct i18n_candidates *cands)
{
	struct names_sortkey *v = xcalloc(k->ncodes, sizeof *v);
	UCollator *coll = i18n_collator(ui);
	size_t i, n = 0;

	for (i = 0; i < k->ncodes; i++) {
		if (dist[i] > max)
			continue;
		v[n].code = (int)i;
		v[n].dist = dist[i];
		v[n].key = names_collkey(coll, k->uiname[i]);
		n++;
	}
	qsort(v, n, sizeof *v, names_sortkey_cmp);
	cands->codes = NULL;
	cands->n = n < limit ? n : limit;
	if (cands->n > 0)
		cands->codes = xcalloc(cands->n, sizeof *cands->codes);
	for (i = 0; i < n; i++) {
		if (i < cands->n)
			cands->codes[i] = xstrdup(k->codes[v[i].code]);
		free(v[i].key);
	}
	free(v);
	return cands->n;
}

/* True when tag is lang itself or a regional or script form of it. */
static bool
names_tag_within(const char *tag, const char *lang)
{
	size_t n = strlen(lang);

	return strncmp(tag, lang, n) == 0 && (tag[n] == '\0' || tag[n] == '-');
}

/*
 * A set of codes that fit: one is FOUND; for languages, a language with
 * only its own regional forms beside it is FOUND too ("portug" is pt
 * even though "portugais brésilien" also starts so); else AMBIGUOUS.
 */
static enum i18n_match
names_resolve(struct i18n *ui, const struct names_kind *k, int *dist, char **out,
	      struct i18n_candidates *cands)
{
	size_t i, n = 0, first = 0;
	int base = -1;

	for (i = 0; i < k->ncodes; i++)
		if (dist[i] == 0 && n++ == 0)
			first = i;
	if (n == 1) {
		*out = xstrdup(k->codes[first]);
		return I18N_FOUND;
	}
	if (k->language) {
		for (i = 0; i < k->ncodes; i++)
			if (dist[i] == 0 && strchr(k->codes[i], '-') == NULL)
				base = base == -1 ? (int)i : -2;
		for (i = 0; base >= 0 && i < k->ncodes; i++)
			if (dist[i] == 0 && !names_tag_within(k->codes[i], k->codes[base]))
				base = -2;
		if (base >= 0) {
			*out = xstrdup(k->codes[base]);
			return I18N_FOUND;
		}
	}
	names_candidates(ui, k, dist, 0, SIZE_MAX, cands);
	return I18N_AMBIGUOUS;
}

/* Marks codes whose near (UI or English) names equal (want 2) or start
 * with (want 1) q; returns how many entries fit. */
static size_t
names_near_match(const struct names_kind *k, const UChar32 *q, int32_t qlen, int want, int *dist)
{
	size_t i, n = 0;

	for (i = 0; i < k->nnear; i++) {
		const struct names_entry *e = &k->near[i];

		if (e->flen < qlen || memcmp(e->fold, q, (size_t)qlen * sizeof *q) != 0)
			continue;
		if ((want == 2) != (e->flen == qlen))
			continue;
		dist[e->code] = 0;
		n++;
	}
	return n;
}

/* Marks codes with a UI or English name in which q starts a later word
 * ("Kinshasa", "Virgin Islands"); returns how many entries fit. */
static size_t
names_word_match(const struct names_kind *k, const UChar32 *q, int32_t qlen, int *dist)
{
	size_t i, n = 0;
	int32_t j;

	for (i = 0; i < k->nnear; i++) {
		const struct names_entry *e = &k->near[i];

		for (j = 1; j + qlen <= e->flen; j++) {
			if (e->fold[j - 1] != ' ' ||
			    memcmp(e->fold + j, q, (size_t)qlen * sizeof *q) != 0)
				continue;
			dist[e->code] = 0;
			n++;
			break;
		}
	}
	return n;
}

static int
names_max_distance(int32_t qlen)
{
	return qlen <= 4 ? 1 : qlen <= 8 ? 2 : 3;
}

/* The cache's answer to the loop over every locale's names in
 * names_parse: exact names and names that start with q. */
static void
names_cache_match(const struct i18n_cache_kind *ck, const UChar32 *q, int32_t qlen, int *edist,
		  int *pdist, size_t *nexact, size_t *nprefix)
{
	char key[NAMES_MAXFOLD * 4];
	size_t klen = i18n_cache_key(q, qlen, key), lo, hi, i, len;
	const char *s;
	int code, loc;

	i18n_cache_range(ck, key, klen, &lo, &hi);
	for (i = lo; i < hi; i++) {
		i18n_cache_entry(ck, i, &s, &len, &code, &loc);
		if (len == klen) {
			*nexact += edist[code] != 0;
			edist[code] = 0;
		} else if (qlen >= NAMES_MINPREFIX) {
			*nprefix += pdist[code] != 0;
			pdist[code] = 0;
		}
	}
}

/*
 * The distance of every cached name that starts with q[0] or q[1] (the
 * same names the live pass weighs): rd[i] for entry lo[r] + i of range r,
 * max + 1 when too far; the best per locale in locbest.  Returns the best.
 */
static int
names_cache_distances(const struct i18n_cache_kind *ck, const UChar32 *q, int32_t qlen, int max,
		      size_t lo[2], size_t hi[2], unsigned char *rd[2], int *locbest)
{
	UChar32 f[NAMES_MAXFOLD + 8], c;
	char first[4];
	const char *s;
	size_t r, i, len, flen;
	int32_t j, n;
	int best = max + 1, d, code, loc;

	for (r = 0; r < 2; r++) {
		lo[r] = hi[r] = 0;
		rd[r] = NULL;
		if (r == 1 && q[1] == q[0])
			break;
		flen = i18n_cache_key(&q[r], 1, first);
		i18n_cache_range(ck, first, flen, &lo[r], &hi[r]);
		rd[r] = xcalloc(hi[r] - lo[r] + 1, 1);
		for (i = lo[r]; i < hi[r]; i++) {
			rd[r][i - lo[r]] = (unsigned char)(max + 1);
			i18n_cache_entry(ck, i, &s, &len, &code, &loc);
			for (j = 0, n = 0; j < (int32_t)len && n <= qlen + max; n++) {
				U8_NEXT((const uint8_t *)s, j, (int32_t)len, c);
				f[n] = c;
			}
			if (n > qlen + max || n < qlen - max)
				continue;
			d = names_distance(q, qlen, f, n, max);
			rd[r][i - lo[r]] = (unsigned char)d;
			if (d < locbest[loc])
				locbest[loc] = d;
			if (d < best)
				best = d;
		}
	}
	return best;
}

/*
 * Suggestions for a near miss: the codes closest by edit distance among
 * UI and English names, and among the names of the language (or
 * languages) the input came closest to.
 */
static void
names_suggest(struct i18n *ui, struct names_kind *k, const UChar32 *q, int32_t qlen, int *dist,
	      struct i18n_candidates *cands)
{
	const UNormalizer2 *nfd = ui->names->nfd;
	int max = names_max_distance(qlen), d, best = max + 1, *locbest;
	unsigned char *rd;
	UChar32 f[NAMES_MAXFOLD], c;
	struct names_it it;
	int32_t n;
	size_t i;

	/* One or two letters are too little to guess from. */
	if (qlen <= 2)
		return;

	for (i = 0; i < k->ncodes; i++)
		dist[i] = max + 1;
	for (i = 0; i < k->nnear; i++) {
		d = names_distance(q, qlen, k->near[i].fold, k->near[i].flen, max);
		if (d < dist[k->near[i].code])
			dist[k->near[i].code] = d;
	}
	if (k->cache != NULL) {
		const struct i18n_cache_kind *ck = k->cache;
		size_t lo[2], hi[2], r, len;
		unsigned char *crd[2];
		const char *s;
		int code, loc;

		locbest = xcalloc((size_t)ck->nlocs + 1, sizeof *locbest);
		for (i = 0; i < (size_t)ck->nlocs; i++)
			locbest[i] = max + 1;
		best = names_cache_distances(ck, q, qlen, max, lo, hi, crd, locbest);
		for (r = 0; r < 2; r++) {
			for (i = lo[r]; i < hi[r]; i++) {
				d = crd[r][i - lo[r]];
				i18n_cache_entry(ck, i, &s, &len, &code, &loc);
				if (d <= max && locbest[loc] == best && d < dist[code])
					dist[code] = d;
			}
			free(crd[r]);
		}
		free(locbest);
		names_candidates(ui, k, dist, max, NAMES_SUGGEST, cands);
		return;
	}
	locbest = xcalloc((size_t)k->nlocs + 1, sizeof *locbest);
	rd = xcalloc(k->nraw + 1, 1);
	for (i = 0; i < (size_t)k->nlocs; i++)
		locbest[i] = max + 1;
	for (i = 0; i < k->nraw; i++) {
		const struct names_raw *r = &k->raw[i];

		rd[i] = (unsigned char)(max + 1);
		/*
		 * Across every language only names that begin like the input
		 * (or with its second letter, for a swap) are weighed: folding
		 * all of them would cost ten times as much, and the UI and
		 * English names above are weighed in full.
		 */
		if (r->first != q[0] && r->first != q[1])
			continue;
		/* Fold no further than a name that could still be close. */
		names_it_init(&it, nfd, r->s, r->len);
		for (n = 0; n <= qlen + max && (c = names_it_next(&it)) != U_SENTINEL; n++)
			f[n] = c;
		if (n > qlen + max || n < qlen - max)
			continue;
		d = names_distance(q, qlen, f, n, max);
		rd[i] = (unsigned char)d;
		if (d < locbest[r->loc])
			locbest[r->loc] = d;
		if (d < best)
			best = d;
	}
	for (i = 0; i < k->nraw; i++)
		if (rd[i] <= max && locbest[k->raw[i].loc] == best &&
		    rd[i] < dist[k->raw[i].code])
			dist[k->raw[i].code] = rd[i];
	free(rd);
	free(locbest);
	names_candidates(ui, k, dist, max, NAMES_SUGGEST, cands);
}

/*
 * Names in any language, cheapest first: an exact name in the UI language
 * or English; then every other locale's tables, where an exact name
 * counts together with UI and English names that start with the input
 * ("America" fits American Samoa in English but is the United States in
 * other languages; "Congo" is the Republic in Spanish, yet two countries
 * in English); then prefixes in any language; then a later word of a UI
 * or English name; then suggestions.
 */
static enum i18n_match
names_parse(struct i18n *ui, bool language, const char *input, char **out,
	    struct i18n_candidates *cands)
{
	UErrorCode st = U_ZERO_ERROR;
	struct names_kind *k = names_kind(ui, language, &st);
	const UNormalizer2 *nfd;
	enum i18n_match m = I18N_UNKNOWN;
	UChar32 *q;
	int32_t qlen;
	int *dist = NULL, *edist = NULL, *pdist = NULL;
	size_t i, nnear = 0, nexact = 0, nprefix = 0;

	if (k == NULL)
		return I18N_UNKNOWN;
	nfd = ui->names->nfd;
	if ((q = names_fold8(nfd, input, &qlen)) == NULL || qlen == 0)
		goto out;
	dist = xcalloc(k->ncodes, sizeof *dist);
	edist = xcalloc(k->ncodes, sizeof *edist);
	pdist = xcalloc(k->ncodes, sizeof *pdist);
	for (i = 0; i < k->ncodes; i++)
		dist[i] = edist[i] = pdist[i] = 1;

	if (names_near_match(k, q, qlen, 2, dist) > 0) {
		m = names_resolve(ui, k, dist, out, cands);
		goto out;
	}
	if (qlen >= NAMES_MINPREFIX)
		nnear = names_near_match(k, q, qlen, 1, dist);

	if (names_cache(ui, k) != NULL)
		names_cache_match(k->cache, q, qlen, edist, pdist, &nexact, &nprefix);
	else
		names_raw(ui, k, &st);
	for (i = 0; k->cache == NULL && i < k->nraw; i++) {
		const struct names_raw *r = &k->raw[i];
		int c;

		if (r->first != q[0] || (edist[r->code] == 0 && pdist[r->code] == 0))
			continue;
		c = names_cmp(nfd, r->s, r->len, q, qlen);
		if (c == 2) {
			nexact += edist[r->code] != 0;
			edist[r->code] = 0;
		} else if (c == 1 && qlen >= NAMES_MINPREFIX) {
			nprefix += pdist[r->code] != 0;
			pdist[r->code] = 0;
		}
	}
	if (nnear > 0) {
		for (i = 0; i < k->ncodes; i++)
			if (edist[i] == 0)
				dist[i] = 0;
		m = names_resolve(ui, k, dist, out, cands);
	} else if (nexact > 0) {
		m = names_resolve(ui, k, edist, out, cands);
	} else if (nprefix > 0) {
		m = names_resolve(ui, k, pdist, out, cands);
	} else if (qlen >= NAMES_MINWORD && names_word_match(k, q, qlen, dist) > 0) {
		m = names_resolve(ui, k, dist, out, cands);
	} else {
		names_suggest(ui, k, q, qlen, dist, cands);
		m = I18N_UNKNOWN;
	}
out:
	free(q);
	free(dist);
	free(edist);
	free(pdist);
	return m;
}

/* Skips white space at both ends; returns the length of what is left. */
static size_t
names_trim(const char **s)
{
	size_t n;

	while (**s == ' ' || **s == '\t')
		(*s)++;
	n = strlen(*s);
	while (n > 0 && ((*s)[n - 1] == ' ' || (*s)[n - 1] == '\t' || (*s)[n - 1] == '\n'))
		n--;
	return n;
}

/* Alpha-2 (any case), alpha-3 or numeric country codes. */
static char *
names_country_code(const char *input)
{
	char up[8]; /* n <= 3 below; room to spare for the compiler's sake */
	const URegion *r;
	UErrorCode st = U_ZERO_ERROR;
	size_t n = names_trim(&input), i;
	bool alpha = true, digit = true;

	if (n < 1 || n > 3)
		return NULL;
	for (i = 0; i < n; i++) {
		char c = input[i];

		alpha = alpha && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
		digit = digit && c >= '0' && c <= '9';
		up[i] = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
	}
	up[n] = '\0';
	if (alpha && n == 2)
		return i18n_country_valid(up) ? xstrdup(up) : NULL;
	if (alpha && n == 3)
		r = uregion_getRegionFromCode(up, &st);
	else if (digit) {
		char *end;
		long num = strtol(up, &end, 10);

		if (*end != '\0' || num < 0 || num > 999)
			return NULL;
		r = uregion_getRegionFromNumericCode((int32_t)num, &st);
	} else
		return NULL;
	if (U_FAILURE(st) || r == NULL || uregion_getType(r) != URGN_TERRITORY ||
	    !i18n_country_valid(uregion_getRegionCode(r)))
		return NULL;
	return xstrdup(uregion_getRegionCode(r));
}

enum i18n_match
i18n_country_parse(struct i18n *ui, const char *input, char **out, struct i18n_candidates *cands)
{
	*out = NULL;
	cands->codes = NULL;
	cands->n = 0;
	if ((*out = names_country_code(input)) != NULL)
		return I18N_FOUND;
	return names_parse(ui, false, input, out, cands);
}

enum i18n_match
i18n_language_parse(struct i18n *ui, const char *input, char **out, struct i18n_candidates *cands)
{
	const char *s = input;
	size_t n = names_trim(&s);
	char tmp[ULOC_FULLNAME_CAPACITY];

	*out = NULL;
	cands->codes = NULL;
	cands->n = 0;
	if (n > 0 && n < sizeof tmp) {
		memcpy(tmp, s, n);
		tmp[n] = '\0';
		if ((*out = i18n_language_canonical(tmp)) != NULL)
			return I18N_FOUND;
	}
	return names_parse(ui, true, input, out, cands);
}

/* Completion ------------------------------------------------------------- */

static void
names_comp_add8(struct names_kind *k, size_t *cap, const UNormalizer2 *nfd, const char *s,
		int code)
{
	int32_t len;
	UChar *u = i18n_u16(s, &len);

	if (u == NULL)
		return;
	names_entry_add(&k->comp, &k->ncomp, cap, nfd, u, len, code);
	free(u);
}

/* The name of code i in its own language: a language's autonym, a
 * country's name in its likely language; NULL when ICU has none. */
static char *
names_own(const struct names_kind *k, size_t i)
{
	char *lang, *s = NULL;
	char id[ULOC_FULLNAME_CAPACITY];
	UChar buf[256];
	UErrorCode st = U_ZERO_ERROR;
	UResourceBundle *b;
	int32_t n;

	if (k->language)
		return i18n_language_autonym(k->codes[i]);
	lang = i18n_likely_language(k->codes[i]);
	if (lang != NULL && names_tag_id(lang, id, sizeof id) == 0) {
		/* Only a language with names of its own, not ICU's default
		 * locale standing in for it. */
		b = ures_open(NAMES_REGION, id, &st);
		ures_close(b);
		if (U_SUCCESS(st) && st != U_USING_DEFAULT_WARNING) {
			char rid[16];

			snprintf(rid, sizeof rid, "und_%s", k->codes[i]);
			n = uloc_getDisplayCountry(rid, id, buf, 256, &st);
			if (U_SUCCESS(st) && st != U_USING_DEFAULT_WARNING && n > 0 && n <= 256)
				s = i18n_u8(buf, n);
		}
	}
	free(lang);
	return s;
}

char *
i18n_names_own(struct i18n *ui, bool language, size_t code)
{
	UErrorCode st = U_ZERO_ERROR;
	struct names_kind *k = names_kind(ui, language, &st);

	if (k == NULL || code >= k->ncodes)
		return NULL;
	return names_own(k, code);
}

/* The completion index: UI and English names, names in the country's own
 * language (or the language's own name), and codes. */
static void
names_comp_build(struct i18n *ui, struct names_kind *k)
{
	const UNormalizer2 *nfd = ui->names->nfd;
	size_t cap = 0, i;
	char *s;

	k->comp_built = true;
	names_cache(ui, k);
	for (i = 0; i < k->nnear; i++)
		names_entry_add(&k->comp, &k->ncomp, &cap, nfd, k->near[i].disp,
				u_strlen(k->near[i].disp), k->near[i].code);
	for (i = 0; i < k->ncodes; i++) {
		if (k->cache != NULL) {
			const char *own = i18n_cache_own(k->cache, i);

			s = own[0] != '\0' ? xstrdup(own) : NULL;
		} else {
			s = names_own(k, i);
		}
		if (s != NULL && strcmp(s, k->codes[i]) != 0)
			names_comp_add8(k, &cap, nfd, s, (int)i);
		free(s);
		names_comp_add8(k, &cap, nfd, k->codes[i], (int)i);
	}
}

struct names_hit {
	const UChar *disp;
	int group;
	char *key;
};

static int
names_hit_raw_cmp(const void *a, const void *b)
{
	const struct names_hit *x = a, *y = b;
	int r = u_strcmp(x->disp, y->disp);

	if (r != 0)
		return r;
	return x->group - y->group;
}

static int
names_hit_coll_cmp(const void *a, const void *b)
{
	const struct names_hit *x = a, *y = b;
	int r;

	if (x->group != y->group)
		return x->group - y->group;
	if ((r = strcmp(x->key, y->key)) != 0)
		return r;
	return u_strcmp(x->disp, y->disp);
}

/* Tags are equal regardless of case and of "_" for "-". */
static bool
names_tag_eq(const char *a, const char *b)
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

/* 0 for a code listed in first, 1 for the others. */
static int
names_group(const struct names_kind *k, int code, const char *const *first, size_t nfirst)
{
	size_t i;

	for (i = 0; i < nfirst; i++)
		if (first[i] != NULL && names_tag_eq(first[i], k->codes[code]))
			return 0;
	return 1;
}

static size_t
names_complete(struct i18n *ui, bool language, const char *prefix, const char *const *first,
	       size_t nfirst, char ***out)
{
	UErrorCode st = U_ZERO_ERROR;
	struct names_kind *k = names_kind(ui, language, &st);
	struct names_hit *h;
	UCollator *coll = i18n_collator(ui);
	UChar32 *q;
	int32_t qlen;
	size_t i, n = 0, m = 0;

	*out = NULL;
	if (k == NULL || (q = names_fold8(ui->names->nfd, prefix, &qlen)) == NULL)
		return 0;
	if (!k->comp_built)
		names_comp_build(ui, k);
	h = xcalloc(k->ncomp + 1, sizeof *h);
	for (i = 0; i < k->ncomp; i++) {
		const struct names_entry *e = &k->comp[i];

		if (e->flen < qlen || memcmp(e->fold, q, (size_t)qlen * sizeof *q) != 0)
			continue;
		h[n].disp = e->disp;
		h[n].group = names_group(k, e->code, first, nfirst);
		n++;
	}
	free(q);
	/* Each string once, in the best group it earned. */
	qsort(h, n, sizeof *h, names_hit_raw_cmp);
	for (i = 0; i < n; i++)
		if (m == 0 || u_strcmp(h[m - 1].disp, h[i].disp) != 0)
			h[m++] = h[i];
	for (i = 0; i < m; i++)
		h[i].key = names_collkey(coll, h[i].disp);
	qsort(h, m, sizeof *h, names_hit_coll_cmp);
	if (m > 0) {
		*out = xcalloc(m, sizeof **out);
		for (i = 0; i < m; i++) {
			(*out)[i] = names_result(h[i].disp, u_strlen(h[i].disp), "");
			free(h[i].key);
		}
	}
	free(h);
	return m;
}

size_t
i18n_country_complete(struct i18n *ui, const char *prefix, char ***out)
{
	return names_complete(ui, false, prefix, NULL, 0, out);
}

size_t
i18n_language_complete(struct i18n *ui, const char *prefix, const char *const *first,
		       size_t nfirst, char ***out)
{
	return names_complete(ui, true, prefix, first, nfirst, out);
}

size_t
i18n_language_served_by(const char *tag, char ***out)
{
	(void)tag;
	*out = NULL;
	return 0;
}

char *
i18n_region_name(struct i18n *ui, const char *code)
{
	(void)ui;
	return xstrdup(code);
}
