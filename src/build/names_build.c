/*
 * names_build.c - builds names.cache (format in i18n_cache.h) at build
 * time: every locale's country and language names from ICU's region and
 * lang data, CLDR's subdivision names and language equivalences (as
 * data/tools/cldr_names.py extracts them), data/aliases.yaml, ICU's region
 * groupings and its best date patterns.  This is the only code that scans
 * every locale's names or opens a DateTimePatternGenerator: the program
 * reads the result and never asks ICU those questions itself.  It lives
 * in the build-only library, with the one function that writes a file.
 */
#include "i18n_impl.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/udatpg.h>
#include <unicode/uenum.h>
#include <unicode/ulocdata.h>
#include <unicode/uregion.h>
#include <unicode/ures.h>

#include "i18n_cache.h"
#include "le.h"
#include "names_build.h"
#include "xmalloc.h"
#include "ynode.h"

/* Little-endian integers onto a buffer. */
static void
nb_u16(struct buf *b, uint32_t v)
{
	unsigned char x[2];

	le_set16(x, v);
	buf_addn(b, (const char *)x, 2);
}

static void
nb_u32(struct buf *b, uint32_t v)
{
	unsigned char x[4];

	le_set32(x, v);
	buf_addn(b, (const char *)x, 4);
}

static void
nb_pad(struct buf *b, size_t align)
{
	while (b->len % align != 0)
		buf_addc(b, '\0');
}

static int
nb_strcmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A growing list of strings. */
struct nb_strv {
	char **v;
	size_t n, cap;
};

static void
nb_strv_add(struct nb_strv *s, char *x)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = xreallocarray(s->v, s->cap, sizeof *s->v);
	}
	s->v[s->n++] = x;
}

/* Sorts and drops duplicates. */
static void
nb_strv_uniq(struct nb_strv *s)
{
	size_t i, m = 0;

	if (s->n > 1)
		qsort(s->v, s->n, sizeof *s->v, nb_strcmp);
	for (i = 0; i < s->n; i++) {
		if (m > 0 && strcmp(s->v[m - 1], s->v[i]) == 0)
			free(s->v[i]);
		else
			s->v[m++] = s->v[i];
	}
	s->n = m;
}

static long
nb_strv_find(const struct nb_strv *s, const char *x)
{
	char *const *p = s->n ? bsearch(&x, s->v, s->n, sizeof *s->v, nb_strcmp) : NULL;

	return p != NULL ? (long)(p - s->v) : -1;
}

static void
nb_strv_free(struct nb_strv *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof *s);
}

/* One name of a code, in a locale (an index into the builder's locales
 * in the order met, CACHE_NONE for a code), as arena offsets. */
struct nb_item {
	size_t key, disp;
	unsigned klen, dlen, code, loc, flags;
};

/* Countries (with their subdivisions) or languages. */
struct nb_kind {
	struct nb_strv codes;   /* sorted */
	unsigned *parent, *own; /* per code; own is a locale index as met */
	struct nb_item *items;
	size_t nitems, cap;
};

struct nb {
	struct buf arena;       /* keys and display names of the items */
	struct nb_strv locs;    /* locale ids, in the order met */
	struct nb_kind kind[2]; /* countries, languages */
	struct nb_strv terr;    /* valid alpha-2 codes, sorted */
	/* The languages' table keys ("pt_BR", "tl") and their codes. */
	struct nb_strv langkeys;
	unsigned *langcode;
	char *cause;
	size_t naliases;
};

/* The index of locale id, added when new (a few hundred: a line search). */
static unsigned
nb_loc(struct nb *b, const char *id)
{
	size_t i;

	for (i = 0; i < b->locs.n; i++)
		if (strcmp(b->locs.v[i], id) == 0)
			return (unsigned)i;
	nb_strv_add(&b->locs, xstrdup(id));
	return (unsigned)(b->locs.n - 1);
}

static long
nb_loc_find(const struct nb *b, const char *id)
{
	size_t i;

	for (i = 0; i < b->locs.n; i++)
		if (strcmp(b->locs.v[i], id) == 0)
			return (long)i;
	return -1;
}

/* Adds a name (UTF-16) of code: its folded key and itself. */
static void
nb_add16(struct nb *b, struct nb_kind *k, const UChar *s, int32_t len, unsigned code, unsigned loc,
	 unsigned flags)
{
	UChar32 *f;
	int32_t flen;
	char *key, *disp;
	size_t klen;
	struct nb_item *it;

	if (len <= 0 || (disp = i18n_u8(s, len)) == NULL)
		return;
	f = i18n_fold(s, len, &flen);
	key = xmalloc((size_t)flen * 4 + 1);
	klen = i18n_fold_utf8(f, flen, key);
	free(f);
	/* A name that folds to nothing, or to more than a key holds, cannot
	 * be typed usefully; the longest CLDR names are far shorter. */
	if (klen > 0 && klen <= CACHE_MAXKEY && strlen(disp) <= 0xffff) {
		if (k->nitems == k->cap) {
			k->cap = k->cap ? k->cap * 2 : 65536;
			k->items = xreallocarray(k->items, k->cap, sizeof *k->items);
		}
		it = &k->items[k->nitems++];
		it->key = b->arena.len;
		it->klen = (unsigned)klen;
		buf_addn(&b->arena, key, klen);
		it->disp = b->arena.len;
		it->dlen = (unsigned)strlen(disp);
		buf_addn(&b->arena, disp, it->dlen);
		it->code = code;
		it->loc = loc;
		it->flags = flags;
	}
	free(key);
	free(disp);
}

static void
nb_add8(struct nb *b, struct nb_kind *k, const char *s, unsigned code, unsigned loc, unsigned flags)
{
	int32_t len;
	UChar *u = i18n_u16(s, &len);

	if (u != NULL)
		nb_add16(b, k, u, len, code, loc, flags);
	free(u);
}

/* Regions ------------------------------------------------------------------ */

static bool
nb_alpha2(const char *code)
{
	return code != NULL && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' &&
	       code[1] <= 'Z' && code[2] == '\0';
}

bool
names_build_country_valid(const char *code)
{
	const URegion *r;
	UErrorCode st = U_ZERO_ERROR;

	if (!nb_alpha2(code))
		return false;
	r = uregion_getRegionFromCode(code, &st);
	return U_SUCCESS(st) && r != NULL && uregion_getType(r) == URGN_TERRITORY &&
	       strcmp(uregion_getRegionCode(r), code) == 0;
}

bool
names_build_region_contains(const char *group, const char *country)
{
	const URegion *g, *c;
	UErrorCode st = U_ZERO_ERROR;

	if (group == NULL || !names_build_country_valid(country))
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

static void
nb_set_bit(unsigned char *bits, const char *code)
{
	unsigned i = (unsigned)(code[0] - 'A') * 26 + (unsigned)(code[1] - 'A');

	bits[i / 8] |= (unsigned char)(1u << (i % 8));
}

/* The territories ICU knows by their own alpha-2 code, into b->terr. */
static int
nb_territories(struct nb *b)
{
	char code[3] = "AA";

	for (code[0] = 'A'; code[0] <= 'Z'; code[0]++)
		for (code[1] = 'A'; code[1] <= 'Z'; code[1]++)
			if (names_build_country_valid(code))
				nb_strv_add(&b->terr, xstrdup(code));
	if (b->terr.n < 200) {
		b->cause = xasprintf("ICU lists only %zu territories", b->terr.n);
		return -1;
	}
	return 0;
}

/* The REGIONS section. */
static int
nb_regions(struct nb *b, struct buf *out)
{
	static const URegionType types[] = {URGN_WORLD, URGN_CONTINENT, URGN_SUBCONTINENT,
					    URGN_GROUPING};
	unsigned char valid[CACHE_BITS] = {0}, bits[CACHE_BITS];
	char code[3] = "AA", g[4];
	struct nb_strv groups = {0};
	const char *s;
	size_t t, i;

	for (i = 0; i < b->terr.n; i++)
		nb_set_bit(valid, b->terr.v[i]);
	for (t = 0; t < sizeof types / sizeof types[0]; t++) {
		UErrorCode st = U_ZERO_ERROR;
		UEnumeration *e = uregion_getAvailable(types[t], &st);

		while (U_SUCCESS(st) && (s = uenum_next(e, NULL, &st)) != NULL)
			if (strlen(s) >= 1 && strlen(s) <= 3)
				nb_strv_add(&groups, xstrdup(s));
		uenum_close(e);
		if (U_FAILURE(st)) {
			b->cause = xasprintf("uregion_getAvailable: %s", u_errorName(st));
			nb_strv_free(&groups);
			return -1;
		}
	}
	/* And the codes ICU takes for a group by another name ("QU" for
	 * EU), under those names. */
	for (code[0] = 'A'; code[0] <= 'Z'; code[0]++) {
		for (code[1] = 'A'; code[1] <= 'Z'; code[1]++) {
			UErrorCode st = U_ZERO_ERROR;
			const URegion *r = uregion_getRegionFromCode(code, &st);

			if (U_SUCCESS(st) && r != NULL &&
			    (uregion_getType(r) == URGN_WORLD ||
			     uregion_getType(r) == URGN_CONTINENT ||
			     uregion_getType(r) == URGN_SUBCONTINENT ||
			     uregion_getType(r) == URGN_GROUPING))
				nb_strv_add(&groups, xstrdup(code));
		}
	}
	nb_strv_uniq(&groups);
	if (groups.n < 20) {
		b->cause = xasprintf("ICU lists only %zu groupings", groups.n);
		nb_strv_free(&groups);
		return -1;
	}
	nb_u32(out, (uint32_t)groups.n);
	nb_u32(out, 0);
	buf_addn(out, (const char *)valid, sizeof valid);
	for (i = 0; i < groups.n; i++) {
		memset(g, 0, sizeof g);
		memcpy(g, groups.v[i], strlen(groups.v[i]));
		memset(bits, 0, sizeof bits);
		for (code[0] = 'A'; code[0] <= 'Z'; code[0]++)
			for (code[1] = 'A'; code[1] <= 'Z'; code[1]++)
				if (names_build_region_contains(groups.v[i], code))
					nb_set_bit(bits, code);
		buf_addn(out, g, sizeof g);
		buf_addn(out, (const char *)bits, sizeof bits);
	}
	nb_strv_free(&groups);
	return 0;
}

/* Tab-separated text ----------------------------------------------------------- */

/* Reads a TSV file: rows of exactly ncol fields, in *rows (each row an
 * array of ncol pointers into *text).  Returns the number of rows or -1. */
static long
nb_tsv(struct nb *b, const char *path, size_t ncol, char **text, char ****rows)
{
	struct ynode_limits lim = {.max_bytes = 256u << 20};
	size_t len, n = 0, cap = 0, line = 0, f;
	char *p, *nl, **row, ***v = NULL, *cause = NULL;

	if ((*text = ynode_read_file(path, &lim, &len, &cause)) == NULL) {
		b->cause = cause;
		return -1;
	}
	for (p = *text; *p != '\0'; p = nl + 1) {
		line++;
		if ((nl = strchr(p, '\n')) == NULL) {
			b->cause = xasprintf("%s:%zu: the last line has no newline", path, line);
			goto fail;
		}
		*nl = '\0';
		row = xcalloc(ncol, sizeof *row);
		for (f = 0; f < ncol; f++) {
			row[f] = p;
			p = strchr(p, '\t');
			if ((p == NULL) != (f == ncol - 1)) {
				free(row);
				b->cause = xasprintf("%s:%zu: not %zu tab-separated fields", path,
						     line, ncol);
				goto fail;
			}
			if (p != NULL)
				*p++ = '\0';
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n++] = row;
	}
	*rows = v;
	return (long)n;
fail:
	while (n > 0)
		free(v[--n]);
	free(v);
	free(*text);
	*text = NULL;
	return -1;
}

static void
nb_rows_free(char *text, char ***rows, long n)
{
	while (n > 0)
		free(rows[--n]);
	free(rows);
	free(text);
}

/* A bare language subtag ("ar", "arz"). */
static bool
nb_language_only(const char *s)
{
	size_t n = strlen(s), i;

	for (i = 0; i < n; i++)
		if (s[i] < 'a' || s[i] > 'z')
			return false;
	return n == 2 || n == 3;
}

/* Countries and subdivisions -------------------------------------------------- */

/* The ICU id of a CLDR file's BCP 47 locale ("sr-Latn" -> "sr_Latn"). */
static char *
nb_icu_id(const char *tag)
{
	char *id = xstrdup(tag), *p;

	for (p = id; *p != '\0'; p++)
		if (*p == '-')
			*p = '_';
	return id;
}

/* Whether a subdivision row is one names.cache holds: top-level (its
 * parent is its country, which ICU knows) and approved or contributed. */
static bool
nb_subdivision_kept(const struct nb *b, char **row)
{
	return nb_strv_find(&b->terr, row[4]) != -1 && strncmp(row[0], row[4], 2) == 0 &&
	       row[0][2] == '-' &&
	       (strcmp(row[3], "approved") == 0 || strcmp(row[3], "contributed") == 0);
}

/* Likely language of a country as an ICU id ("cs", "sr_Latn"), or "". */
static void
nb_likely(const char *country, char *out, size_t cap)
{
	char id[16], max[ULOC_FULLNAME_CAPACITY], lang[ULOC_LANG_CAPACITY];
	char script[ULOC_SCRIPT_CAPACITY], max0[ULOC_FULLNAME_CAPACITY];
	char script0[ULOC_SCRIPT_CAPACITY];
	UErrorCode st = U_ZERO_ERROR;

	out[0] = '\0';
	snprintf(id, sizeof id, "und_%s", country);
	uloc_addLikelySubtags(id, max, sizeof max, &st);
	uloc_getLanguage(max, lang, sizeof lang, &st);
	uloc_getScript(max, script, sizeof script, &st);
	uloc_addLikelySubtags(lang, max0, sizeof max0, &st);
	uloc_getScript(max0, script0, sizeof script0, &st);
	if (U_FAILURE(st) || lang[0] == '\0' || strcmp(lang, "und") == 0)
		return;
	if (strcmp(script, script0) == 0)
		snprintf(out, cap, "%s", lang);
	else
		snprintf(out, cap, "%s_%s", lang, script);
}

/* Every name in table (and its %variant, %short forms) of every locale
 * ICU's tree holds, without ICU's fallback to other locales. */
static int
nb_scan(struct nb *b, struct nb_kind *k, const char *tree, const char *table, bool language)
{
	static const char *const alt[] = {"", "%variant", "%short"};
	UErrorCode st = U_ZERO_ERROR;
	UEnumeration *e = ures_openAvailableLocales(tree, &st);
	const char *loc, *id;
	char key[32];
	size_t a;

	while (U_SUCCESS(st) && (loc = uenum_next(e, NULL, &st)) != NULL) {
		UErrorCode bst = U_ZERO_ERROR;
		UResourceBundle *bundle;
		unsigned l;

		if (strcmp(loc, "root") == 0)
			continue;
		bundle = ures_open(tree, loc, &bst);
		if (U_FAILURE(bst) || bst == U_USING_DEFAULT_WARNING) {
			ures_close(bundle);
			continue;
		}
		l = nb_loc(b, loc);
		for (a = 0; a < sizeof alt / sizeof alt[0]; a++) {
			UErrorCode tst = U_ZERO_ERROR;
			UResourceBundle *t;

			snprintf(key, sizeof key, "%s%s", table, alt[a]);
			t = ures_getByKey(bundle, key, NULL, &tst);
			if (U_FAILURE(tst) || tst == U_USING_FALLBACK_WARNING) {
				ures_close(t);
				continue;
			}
			while (ures_hasNext(t)) {
				UErrorCode sst = U_ZERO_ERROR;
				const UChar *s;
				int32_t len;
				long code;

				s = ures_getNextString(t, &len, &id, &sst);
				if (U_FAILURE(sst) || id == NULL)
					continue;
				if (language) {
					long i = nb_strv_find(&b->langkeys, id);

					code = i < 0 || b->langcode[i] == CACHE_NONE
						       ? -1
						       : (long)b->langcode[i];
				} else {
					code = nb_strv_find(&k->codes, id);
				}
				if (code >= 0)
					nb_add16(b, k, s, len, (unsigned)code, l, 0);
			}
			ures_close(t);
		}
		ures_close(bundle);
	}
	uenum_close(e);
	if (U_FAILURE(st)) {
		b->cause = xasprintf("ures_openAvailableLocales(%s): %s", tree, u_errorName(st));
		return -1;
	}
	return 0;
}

/* Adds the codes people type: alpha-3 and numeric country codes as ICU
 * maps them, and the ISO 3166-2 codes. */
static void
nb_country_codes(struct nb *b, struct nb_kind *k)
{
	char c3[4] = "AAA", num[8];
	long code;
	int n, f;

	for (c3[0] = 'A'; c3[0] <= 'Z'; c3[0]++)
		for (c3[1] = 'A'; c3[1] <= 'Z'; c3[1]++)
			for (c3[2] = 'A'; c3[2] <= 'Z'; c3[2]++) {
				UErrorCode st = U_ZERO_ERROR;
				const URegion *r = uregion_getRegionFromCode(c3, &st);

				if (U_SUCCESS(st) && r != NULL &&
				    uregion_getType(r) == URGN_TERRITORY &&
				    (code = nb_strv_find(&k->codes, uregion_getRegionCode(r))) >=
					    0 &&
				    nb_alpha2(uregion_getRegionCode(r)))
					nb_add8(b, k, c3, (unsigned)code, CACHE_NONE, CACHE_F_CODE);
			}
	for (n = 0; n <= 999; n++) {
		UErrorCode st = U_ZERO_ERROR;
		const URegion *r = uregion_getRegionFromNumericCode(n, &st);

		if (U_FAILURE(st) || r == NULL || uregion_getType(r) != URGN_TERRITORY ||
		    !nb_alpha2(uregion_getRegionCode(r)) ||
		    (code = nb_strv_find(&k->codes, uregion_getRegionCode(r))) < 0)
			continue;
		/* As typed: "40" and "040" (and "4", "04", "004"); the
		 * duplicates go when the entries are sorted. */
		for (f = 1; f <= 3; f++) {
			snprintf(num, sizeof num, "%0*d", f, n);
			nb_add8(b, k, num, (unsigned)code, CACHE_NONE, CACHE_F_CODE);
		}
	}
	for (code = 0; (size_t)code < k->codes.n; code++)
		if (strlen(k->codes.v[code]) > 2)
			nb_add8(b, k, k->codes.v[code], (unsigned)code, CACHE_NONE, CACHE_F_CODE);
}

static int
nb_countries(struct nb *b, const struct names_build_input *in)
{
	struct nb_kind *k = &b->kind[0];
	char *text, ***rows, likely[ULOC_FULLNAME_CAPACITY], *id;
	long n, i, c, p;
	size_t j;

	if ((n = nb_tsv(b, in->subdivisions, 5, &text, &rows)) == -1)
		return -1;
	for (j = 0; j < b->terr.n; j++)
		nb_strv_add(&k->codes, xstrdup(b->terr.v[j]));
	for (i = 0; i < n; i++)
		if (nb_subdivision_kept(b, rows[i]))
			nb_strv_add(&k->codes, xstrdup(rows[i][0]));
	nb_strv_uniq(&k->codes);
	if (k->codes.n >= CACHE_NONE) {
		b->cause = xasprintf("%zu country and region codes do not fit", k->codes.n);
		nb_rows_free(text, rows, n);
		return -1;
	}
	k->parent = xcalloc(k->codes.n, sizeof *k->parent);
	k->own = xcalloc(k->codes.n, sizeof *k->own);
	if (nb_scan(b, k, I18N_TREE_REGION, "Countries", false) == -1) {
		nb_rows_free(text, rows, n);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (!nb_subdivision_kept(b, rows[i]))
			continue;
		c = nb_strv_find(&k->codes, rows[i][0]);
		id = nb_icu_id(rows[i][1]);
		nb_add8(b, k, rows[i][2], (unsigned)c, nb_loc(b, id), 0);
		free(id);
	}
	nb_rows_free(text, rows, n);
	/* Each code's own language; a subdivision's is its country's. */
	for (j = 0; j < k->codes.n; j++) {
		char cc[3] = {k->codes.v[j][0], k->codes.v[j][1], '\0'};

		p = strlen(k->codes.v[j]) > 2 ? nb_strv_find(&k->codes, cc) : -1;
		k->parent[j] = p >= 0 ? (unsigned)p : CACHE_NONE;
		nb_likely(cc, likely, sizeof likely);
		c = likely[0] != '\0' ? nb_loc_find(b, likely) : -1;
		k->own[j] = c >= 0 ? (unsigned)c : CACHE_NONE;
	}
	nb_country_codes(b, k);
	return 0;
}

/* Languages -------------------------------------------------------------------- */

static int
nb_languages(struct nb *b)
{
	struct nb_kind *k = &b->kind[1];
	UErrorCode st = U_ZERO_ERROR;
	UResourceBundle *en, *t;
	const char *key;
	char **canon;
	size_t i;
	long c;

	/* The languages: what CLDR names in English, by canonical tag (tl and
	 * fil are one language, Filipino). */
	en = ures_open(I18N_TREE_LANG, "en", &st);
	t = ures_getByKey(en, "Languages", NULL, &st);
	while (U_SUCCESS(st) && ures_hasNext(t)) {
		ures_getNextString(t, NULL, &key, &st);
		if (U_SUCCESS(st) && key != NULL && !i18n_language_special(key))
			nb_strv_add(&b->langkeys, xstrdup(key));
	}
	ures_close(t);
	ures_close(en);
	if (U_FAILURE(st) || b->langkeys.n < 200) {
		b->cause = xasprintf("ICU's English language names: %s, %zu names", u_errorName(st),
				     b->langkeys.n);
		return -1;
	}
	nb_strv_uniq(&b->langkeys);
	canon = xcalloc(b->langkeys.n, sizeof *canon);
	for (i = 0; i < b->langkeys.n; i++) {
		if ((canon[i] = i18n_language_canonical(b->langkeys.v[i])) != NULL)
			nb_strv_add(&k->codes, xstrdup(canon[i]));
	}
	nb_strv_uniq(&k->codes);
	b->langcode = xcalloc(b->langkeys.n, sizeof *b->langcode);
	for (i = 0; i < b->langkeys.n; i++) {
		c = canon[i] != NULL ? nb_strv_find(&k->codes, canon[i]) : -1;
		b->langcode[i] = c >= 0 ? (unsigned)c : CACHE_NONE;
		free(canon[i]);
	}
	free(canon);
	if (k->codes.n >= CACHE_NONE) {
		b->cause = xasprintf("%zu languages do not fit", k->codes.n);
		return -1;
	}
	k->parent = xcalloc(k->codes.n, sizeof *k->parent);
	k->own = xcalloc(k->codes.n, sizeof *k->own);
	if (nb_scan(b, k, I18N_TREE_LANG, "Languages", true) == -1)
		return -1;
	for (i = 0; i < k->codes.n; i++) {
		char *id = nb_icu_id(k->codes.v[i]), *u;

		k->parent[i] = CACHE_NONE;
		/* Its own name is in its own locale, or its language's. */
		c = nb_loc_find(b, id);
		if (c < 0 && (u = strchr(id, '_')) != NULL) {
			*u = '\0';
			c = nb_loc_find(b, id);
		}
		k->own[i] = c >= 0 ? (unsigned)c : CACHE_NONE;
		free(id);
	}
	return 0;
}

/* Aliases ------------------------------------------------------------------------ */

static const char *
nb_scalar(const struct ynode *map, const char *key)
{
	const struct ynode *v = ynode_get(map, key);

	return v != NULL && v->type == YNODE_SCALAR ? v->s : NULL;
}

/* data/aliases.yaml: names people say that CLDR does not have.  Its
 * checker (tests/datacheck/aliases_test.py) checks the sources; here each
 * must name a code names.cache knows. */
static int
nb_aliases(struct nb *b, const char *path)
{
	char *text, *cause = NULL, *id, *canon;
	size_t len, i;
	struct ynode *root = NULL;
	const struct ynode *list;
	int rc = -1;

	if ((text = ynode_read_file(path, &ynode_default_limits, &len, &cause)) == NULL ||
	    (root = ynode_parse(path, text, len, &ynode_default_limits, &cause)) == NULL) {
		b->cause = cause;
		goto out;
	}
	if ((list = ynode_get(root, "aliases")) == NULL || list->type != YNODE_SEQ) {
		b->cause = xasprintf("%s: no list of aliases", path);
		goto out;
	}
	for (i = 0; i < list->n; i++) {
		const struct ynode *a = list->v[i];
		const char *name = nb_scalar(a, "name"), *lang = nb_scalar(a, "language");
		const char *code = nb_scalar(a, "code"), *tag = nb_scalar(a, "tag");
		struct nb_kind *k = &b->kind[tag != NULL];
		long c = -1;

		if (name == NULL || lang == NULL || (code == NULL) == (tag == NULL)) {
			b->cause = xasprintf("%s:%d: an alias needs name, language and either code "
					     "or tag",
					     path, a->line);
			goto out;
		}
		if (code != NULL) {
			c = nb_strv_find(&k->codes, code);
		} else if ((canon = i18n_language_canonical(tag)) != NULL) {
			c = nb_strv_find(&k->codes, canon);
			free(canon);
		}
		if (c < 0) {
			b->cause = xasprintf("%s:%d: %s \"%s\" is not one signpost knows", path,
					     a->line, code != NULL ? "code" : "tag",
					     code != NULL ? code : tag);
			goto out;
		}
		id = nb_icu_id(lang);
		nb_add8(b, k, name, (unsigned)c, nb_loc(b, id), CACHE_F_ALIAS);
		free(id);
		b->naliases++;
	}
	rc = 0;
out:
	ynode_free(root);
	free(text);
	return rc;
}

/* Language equivalences ------------------------------------------------------------ */

struct nb_pair {
	char *tag, *served;
};

static int
nb_pair_cmp(const void *a, const void *b)
{
	const struct nb_pair *x = a, *y = b;
	int r = strcmp(x->tag, y->tag);

	return r != 0 ? r : strcmp(x->served, y->served);
}

/* A BCP 47 tag of a language with at most a script and a region. */
static bool
nb_simple_tag(const char *s)
{
	const char *d = strchr(s, '-');
	size_t n = d != NULL ? (size_t)(d - s) : strlen(s);
	char lang[4];

	if (n < 2 || n > 3)
		return false;
	memcpy(lang, s, n);
	lang[n] = '\0';
	if (!nb_language_only(lang))
		return false;
	while (d != NULL) {
		const char *e = strchr(d + 1, '-');
		size_t m = e != NULL ? (size_t)(e - d - 1) : strlen(d + 1);

		if (m != 2 && m != 4)
			return false;
		d = e;
	}
	return true;
}

static void
nb_pair_add(struct nb_pair **v, size_t *n, size_t *cap, const char *tag, const char *served)
{
	if (strcmp(tag, served) == 0)
		return;
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[*n].tag = xstrdup(tag);
	(*v)[(*n)++].served = xstrdup(served);
}

/* The SERVED section: CLDR's language aliases both ways (tl and fil), and
 * its language matches between bare languages up to
 * NAMES_BUILD_MAX_DISTANCE, both ways unless CLDR says oneway (arz is
 * served by ar, ar not by arz). */
static int
nb_served(struct nb *b, const struct names_build_input *in, struct buf *out)
{
	char *text, ***rows;
	struct nb_pair *v = NULL;
	struct buf strs = {0};
	struct nb_strv all = {0};
	size_t n = 0, cap = 0, i, m = 0;
	long r, nr;

	if ((nr = nb_tsv(b, in->language_aliases, 3, &text, &rows)) == -1)
		return -1;
	for (r = 0; r < nr; r++) {
		if (!nb_language_only(rows[r][0]) || !nb_simple_tag(rows[r][1]))
			continue;
		nb_pair_add(&v, &n, &cap, rows[r][0], rows[r][1]);
		nb_pair_add(&v, &n, &cap, rows[r][1], rows[r][0]);
	}
	nb_rows_free(text, rows, nr);
	if ((nr = nb_tsv(b, in->language_matches, 4, &text, &rows)) == -1) {
		for (i = 0; i < n; i++)
			free(v[i].tag), free(v[i].served);
		free(v);
		return -1;
	}
	for (r = 0; r < nr; r++) {
		if (!nb_language_only(rows[r][0]) || !nb_language_only(rows[r][1]) ||
		    strtol(rows[r][2], NULL, 10) > NAMES_BUILD_MAX_DISTANCE)
			continue;
		nb_pair_add(&v, &n, &cap, rows[r][0], rows[r][1]);
		if (strcmp(rows[r][3], "true") != 0)
			nb_pair_add(&v, &n, &cap, rows[r][1], rows[r][0]);
	}
	nb_rows_free(text, rows, nr);
	if (n > 1)
		qsort(v, n, sizeof *v, nb_pair_cmp);
	for (i = 0; i < n; i++) {
		if (m > 0 && nb_pair_cmp(&v[m - 1], &v[i]) == 0) {
			free(v[i].tag);
			free(v[i].served);
			continue;
		}
		v[m++] = v[i];
	}
	n = m;
	for (i = 0; i < n; i++) {
		nb_strv_add(&all, xstrdup(v[i].tag));
		nb_strv_add(&all, xstrdup(v[i].served));
	}
	nb_strv_uniq(&all);
	for (i = 0; i < all.n; i++)
		buf_addn(&strs, all.v[i], strlen(all.v[i]) + 1);
	nb_u32(out, (uint32_t)n);
	nb_u32(out, (uint32_t)strs.len);
	for (i = 0; i < n; i++) {
		long a = nb_strv_find(&all, v[i].tag), s = nb_strv_find(&all, v[i].served);
		size_t off = 0, j;

		for (j = 0; j < (size_t)a; j++)
			off += strlen(all.v[j]) + 1;
		nb_u32(out, (uint32_t)off);
		for (off = 0, j = 0; j < (size_t)s; j++)
			off += strlen(all.v[j]) + 1;
		nb_u32(out, (uint32_t)off);
		free(v[i].tag);
		free(v[i].served);
	}
	buf_addn(out, strs.s != NULL ? strs.s : "", strs.len);
	free(v);
	buf_free(&strs);
	nb_strv_free(&all);
	return 0;
}

/* Date patterns -------------------------------------------------------------- */

char *
names_build_pattern(const char *locale, const char *skeleton)
{
	UErrorCode st = U_ZERO_ERROR;
	UDateTimePatternGenerator *gen = udatpg_open(locale, &st);
	UChar skel[16], pat[128];
	int32_t len;
	char *s = NULL;

	if (strlen(skeleton) < sizeof skel / sizeof skel[0]) {
		u_charsToUChars(skeleton, skel, (int32_t)strlen(skeleton) + 1);
		len = udatpg_getBestPattern(gen, skel, -1, pat, 128, &st);
		if (U_SUCCESS(st) && len < 128)
			s = i18n_u8(pat, len);
	}
	if (gen != NULL)
		udatpg_close(gen);
	return s;
}

/* The PATTERNS section: every available locale, alone and with each
 * hour cycle a user can ask for (-u-hc-), as i18n_time.c looks them up. */
static int
nb_patterns(struct nb *b, struct buf *out)
{
	static const char *const hours[] = {"", "@hours=h11", "@hours=h12", "@hours=h23",
					    "@hours=h24"};
	struct nb_strv ids = {0}, strs = {0};
	struct buf pool = {0};
	char ***pats;
	size_t i, j, h;
	int32_t n = uloc_countAvailable();
	long off;

	for (i = 0; i < (size_t)(n > 0 ? n : 0); i++)
		for (h = 0; h < sizeof hours / sizeof hours[0]; h++)
			nb_strv_add(&ids,
				    xasprintf("%s%s", uloc_getAvailable((int32_t)i), hours[h]));
	nb_strv_uniq(&ids);
	pats = xcalloc(ids.n + 1, sizeof *pats);
	for (i = 0; i < ids.n; i++) {
		UErrorCode st = U_ZERO_ERROR;
		UDateTimePatternGenerator *gen = udatpg_open(ids.v[i], &st);

		pats[i] = xcalloc(I18N_SKELETONS, sizeof **pats);
		for (j = 0; j < I18N_SKELETONS && U_SUCCESS(st); j++) {
			UChar skel[16], pat[128];
			int32_t len;

			u_charsToUChars(i18n_time_skeletons[j], skel,
					(int32_t)strlen(i18n_time_skeletons[j]) + 1);
			len = udatpg_getBestPattern(gen, skel, -1, pat, 128, &st);
			if (U_SUCCESS(st) && len < 128 && (pats[i][j] = i18n_u8(pat, len)) != NULL)
				nb_strv_add(&strs, xstrdup(pats[i][j]));
			else if (U_SUCCESS(st))
				st = U_BUFFER_OVERFLOW_ERROR;
		}
		if (gen != NULL)
			udatpg_close(gen);
		if (U_FAILURE(st)) {
			b->cause = xasprintf("udatpg for %s: %s", ids.v[i], u_errorName(st));
			goto fail;
		}
	}
	for (i = 0; i < ids.n; i++)
		nb_strv_add(&strs, xstrdup(ids.v[i]));
	for (j = 0; j < I18N_SKELETONS; j++)
		nb_strv_add(&strs, xstrdup(i18n_time_skeletons[j]));
	nb_strv_uniq(&strs);
	{
		uint32_t *offs = xcalloc(strs.n + 1, sizeof *offs);

		for (i = 0; i < strs.n; i++) {
			offs[i] = (uint32_t)pool.len;
			buf_addn(&pool, strs.v[i], strlen(strs.v[i]) + 1);
		}
		nb_u32(out, I18N_SKELETONS);
		nb_u32(out, (uint32_t)ids.n);
		nb_u32(out, (uint32_t)pool.len);
		nb_u32(out, 0);
		for (j = 0; j < I18N_SKELETONS; j++)
			nb_u32(out, offs[nb_strv_find(&strs, i18n_time_skeletons[j])]);
		for (i = 0; i < ids.n; i++) {
			nb_u32(out, offs[nb_strv_find(&strs, ids.v[i])]);
			for (j = 0; j < I18N_SKELETONS; j++)
				nb_u32(out, offs[(off = nb_strv_find(&strs, pats[i][j]))]);
		}
		buf_addn(out, pool.s, pool.len);
		free(offs);
	}
	for (i = 0; i < ids.n; i++) {
		for (j = 0; j < I18N_SKELETONS; j++)
			free(pats[i][j]);
		free(pats[i]);
	}
	free(pats);
	nb_strv_free(&ids);
	nb_strv_free(&strs);
	buf_free(&pool);
	return 0;
fail:
	for (i = 0; i < ids.n; i++) {
		if (pats[i] != NULL)
			for (j = 0; j < I18N_SKELETONS; j++)
				free(pats[i][j]);
		free(pats[i]);
	}
	free(pats);
	nb_strv_free(&ids);
	nb_strv_free(&strs);
	buf_free(&pool);
	return -1;
}

/* Writing the name sections -------------------------------------------------------- */

/* The locales sorted by id: the final index of locale i as met. */
static unsigned *
nb_loc_order(struct nb *b, struct nb_strv *sorted)
{
	unsigned *map = xcalloc(b->locs.n + 1, sizeof *map);
	size_t i;

	for (i = 0; i < b->locs.n; i++)
		nb_strv_add(sorted, xstrdup(b->locs.v[i]));
	nb_strv_uniq(sorted);
	for (i = 0; i < b->locs.n; i++)
		map[i] = (unsigned)nb_strv_find(sorted, b->locs.v[i]);
	return map;
}

static const struct nb *nb_sorting; /* qsort has no context argument */

static int
nb_item_cmp(const void *x, const void *y)
{
	const struct nb_item *a = x, *b = y;
	const char *ar = nb_sorting->arena.s;
	int r = memcmp(ar + a->key, ar + b->key, a->klen < b->klen ? a->klen : b->klen);

	if (r != 0)
		return r;
	if (a->klen != b->klen)
		return a->klen < b->klen ? -1 : 1;
	if (a->code != b->code)
		return a->code < b->code ? -1 : 1;
	if (a->loc != b->loc)
		return a->loc < b->loc ? -1 : 1;
	if (a->flags != b->flags)
		return a->flags < b->flags ? -1 : 1;
	r = memcmp(ar + a->disp, ar + b->disp, a->dlen < b->dlen ? a->dlen : b->dlen);
	if (r != 0)
		return r;
	return a->dlen == b->dlen ? 0 : a->dlen < b->dlen ? -1 : 1;
}

static const struct nb_item *nb_byloc_items;

static int
nb_byloc_cmp(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	const struct nb_item *p = &nb_byloc_items[a], *q = &nb_byloc_items[b];

	if (p->loc != q->loc)
		return p->loc < q->loc ? -1 : 1;
	if (p->code != q->code)
		return p->code < q->code ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* A pool of byte strings, each stored once. */
struct nb_pool {
	struct buf b;
	uint32_t *slot; /* open addressing: offset + 1, or 0 */
	uint32_t *slen;
	size_t size, n;
};

static uint32_t
nb_pool_add(struct nb_pool *p, const char *s, size_t len, bool nul)
{
	uint64_t h = ynode_hash(s, len) ^ (nul ? 1 : 0);
	size_t i, j;

	if ((p->n + 1) * 2 > p->size) {
		size_t old = p->size;
		uint32_t *os = p->slot, *ol = p->slen;

		p->size = p->size ? p->size * 2 : 1 << 16;
		p->slot = xcalloc(p->size, sizeof *p->slot);
		p->slen = xcalloc(p->size, sizeof *p->slen);
		for (i = 0; i < old; i++) {
			if (os[i] == 0)
				continue;
			h = ynode_hash(p->b.s + os[i] - 1, ol[i] & 0x7fffffff) ^ (ol[i] >> 31);
			for (j = h & (p->size - 1); p->slot[j] != 0; j = (j + 1) & (p->size - 1))
				;
			p->slot[j] = os[i];
			p->slen[j] = ol[i];
		}
		free(os);
		free(ol);
		h = ynode_hash(s, len) ^ (nul ? 1 : 0);
	}
	for (j = h & (p->size - 1); p->slot[j] != 0; j = (j + 1) & (p->size - 1))
		if (p->slen[j] == ((uint32_t)len | (nul ? 0x80000000u : 0)) &&
		    memcmp(p->b.s + p->slot[j] - 1, s, len) == 0)
			return p->slot[j] - 1;
	p->slot[j] = (uint32_t)p->b.len + 1;
	p->slen[j] = (uint32_t)len | (nul ? 0x80000000u : 0);
	p->n++;
	buf_addn(&p->b, s, len);
	if (nul)
		buf_addc(&p->b, '\0');
	return p->slot[j] - 1;
}

static void
nb_pool_free(struct nb_pool *p)
{
	buf_free(&p->b);
	free(p->slot);
	free(p->slen);
}

/* One names section: codes, entries sorted by key, the by-locale order,
 * the pool. */
static int
nb_names(struct nb *b, struct nb_kind *k, const unsigned *locmap, struct buf *out)
{
	struct nb_pool pool = {0};
	uint32_t *byloc, *codeoff;
	size_t i, m = 0;
	struct buf ent = {0};

	for (i = 0; i < k->nitems; i++)
		if (k->items[i].loc != CACHE_NONE)
			k->items[i].loc = locmap[k->items[i].loc];
	nb_sorting = b;
	if (k->nitems > 1)
		qsort(k->items, k->nitems, sizeof *k->items, nb_item_cmp);
	for (i = 0; i < k->nitems; i++)
		if (m == 0 || nb_item_cmp(&k->items[m - 1], &k->items[i]) != 0)
			k->items[m++] = k->items[i];
	k->nitems = m;
	if (m > UINT32_MAX / 32) {
		b->cause = xasprintf("%zu names do not fit", m);
		return -1;
	}
	codeoff = xcalloc(k->codes.n + 1, sizeof *codeoff);
	for (i = 0; i < k->codes.n; i++)
		codeoff[i] = nb_pool_add(&pool, k->codes.v[i], strlen(k->codes.v[i]), true);
	for (i = 0; i < k->nitems; i++) {
		const struct nb_item *it = &k->items[i];
		uint32_t koff = nb_pool_add(&pool, b->arena.s + it->key, it->klen, false);
		uint32_t doff = nb_pool_add(&pool, b->arena.s + it->disp, it->dlen, false);

		nb_u32(&ent, koff);
		nb_u32(&ent, doff);
		nb_u16(&ent, it->code);
		nb_u16(&ent, it->loc);
		buf_addc(&ent, (char)it->klen);
		buf_addc(&ent, (char)it->flags);
		nb_u16(&ent, it->dlen);
	}
	byloc = xcalloc(k->nitems + 1, sizeof *byloc);
	for (i = 0; i < k->nitems; i++)
		byloc[i] = (uint32_t)i;
	nb_byloc_items = k->items;
	if (k->nitems > 1)
		qsort(byloc, k->nitems, sizeof *byloc, nb_byloc_cmp);

	nb_u32(out, (uint32_t)k->codes.n);
	nb_u32(out, (uint32_t)k->nitems);
	nb_u32(out, (uint32_t)pool.b.len);
	nb_u32(out, 0);
	for (i = 0; i < k->codes.n; i++) {
		unsigned own = k->own[i] != CACHE_NONE ? locmap[k->own[i]] : CACHE_NONE;

		nb_u32(out, codeoff[i]);
		nb_u16(out, k->parent[i]);
		nb_u16(out, own);
	}
	buf_addn(out, ent.s, ent.len);
	for (i = 0; i < k->nitems; i++)
		nb_u32(out, byloc[i]);
	buf_addn(out, pool.b.s, pool.b.len);
	free(byloc);
	free(codeoff);
	buf_free(&ent);
	nb_pool_free(&pool);
	return 0;
}

static void
nb_locales(const struct nb_strv *sorted, struct buf *out)
{
	size_t i, off = 0;

	nb_u32(out, (uint32_t)sorted->n);
	for (i = 0; i < sorted->n; i++)
		off += strlen(sorted->v[i]) + 1;
	nb_u32(out, (uint32_t)off);
	for (i = 0, off = 0; i < sorted->n; i++) {
		nb_u32(out, (uint32_t)off);
		off += strlen(sorted->v[i]) + 1;
	}
	for (i = 0; i < sorted->n; i++)
		buf_addn(out, sorted->v[i], strlen(sorted->v[i]) + 1);
}

static void
nb_free(struct nb *b)
{
	size_t i;

	buf_free(&b->arena);
	nb_strv_free(&b->locs);
	nb_strv_free(&b->terr);
	nb_strv_free(&b->langkeys);
	free(b->langcode);
	for (i = 0; i < 2; i++) {
		nb_strv_free(&b->kind[i].codes);
		free(b->kind[i].parent);
		free(b->kind[i].own);
		free(b->kind[i].items);
	}
}

int
names_build(const struct names_build_input *in, struct buf *out, char **cause)
{
	struct nb b;
	struct buf body = {0};
	struct nb_strv sorted = {0};
	unsigned *locmap = NULL, nloc;
	size_t off[CACHE_NSECT], len[CACHE_NSECT], s, i, nblocks, hlen, about_at;
	unsigned char *h = NULL, v[12];
	UVersionInfo icu, uni, cldr = {0};
	UErrorCode st = U_ZERO_ERROR;
	char about[512], iv[U_MAX_VERSION_STRING_LENGTH], cv[U_MAX_VERSION_STRING_LENGTH];
	int rc = -1, r = 0;

	memset(&b, 0, sizeof b);
	*cause = NULL;
	/* Every name first: the sections below list their locales. */
	if (nb_territories(&b) == -1 || nb_languages(&b) == -1 || nb_countries(&b, in) == -1 ||
	    nb_aliases(&b, in->aliases) == -1)
		goto out;
	locmap = nb_loc_order(&b, &sorted);
	for (s = 0; s < CACHE_NSECT && r == 0; s++) {
		/* The name sections start on a block of the body, so that the
		 * reader reads what is below them and maps them. */
		if (s == CACHE_COUNTRIES)
			while (body.len % CACHE_BLOCK != 0)
				buf_addc(&body, '\0');
		off[s] = body.len;
		switch (s) {
		case CACHE_REGIONS:
			r = nb_regions(&b, &body);
			break;
		case CACHE_SERVED:
			r = nb_served(&b, in, &body);
			break;
		case CACHE_LOCALES:
			nb_locales(&sorted, &body);
			break;
		case CACHE_PATTERNS:
			r = nb_patterns(&b, &body);
			break;
		default:
			r = nb_names(&b, &b.kind[s == CACHE_LANGUAGES], locmap, &body);
			break;
		}
		len[s] = body.len - off[s];
		nb_pad(&body, 8);
	}
	if (r == -1)
		goto out;

	u_getVersion(icu);
	u_getUnicodeVersion(uni);
	ulocdata_getCLDRVersion(cldr, &st);
	u_versionToString(icu, iv);
	u_versionToString(cldr, cv);
	memcpy(v, icu, 4);
	memcpy(v + 4, uni, 4);
	memcpy(v + 8, cldr, 4);
	nloc = 0;
	snprintf(about, sizeof about,
		 "ICU %s with CLDR %s locale data; CLDR %s subdivision names and language "
		 "equivalences; %zu names from aliases.yaml",
		 iv, cv, in->cldr_version != NULL ? in->cldr_version : "?", b.naliases);
	nblocks = (body.len + CACHE_BLOCK - 1) / CACHE_BLOCK;
	about_at = CACHE_HEADER + 8 * CACHE_NSECT + 8 * nblocks;
	hlen = (about_at + strlen(about) + 1 + 7) & ~(size_t)7;
	if (hlen + body.len > UINT32_MAX) {
		b.cause = xasprintf("names.cache would be %zu bytes, too large", hlen + body.len);
		goto out;
	}
	h = xcalloc(hlen, 1);
	memcpy(h, CACHE_MAGIC, 8);
	le_set32(h + 8, CACHE_FORMAT);
	le_set32(h + 12, CACHE_BLOCK);
	memcpy(h + 16, v, 12);
	le_set32(h + 28, (uint32_t)nblocks);
	le_set64(h + 32, i18n_cache_data_key(&nloc));
	le_set64(h + 40, hlen + body.len);
	le_set32(h + 56, (uint32_t)hlen);
	le_set32(h + 60, (uint32_t)about_at);
	for (s = 0; s < CACHE_NSECT; s++) {
		le_set32(h + CACHE_HEADER + 8 * s, (uint32_t)(hlen + off[s]));
		le_set32(h + CACHE_HEADER + 8 * s + 4, (uint32_t)len[s]);
	}
	for (i = 0; i < nblocks; i++) {
		size_t n = body.len - i * CACHE_BLOCK;

		le_set64(h + CACHE_HEADER + 8 * CACHE_NSECT + 8 * i,
			 ynode_hash(body.s + i * CACHE_BLOCK, n < CACHE_BLOCK ? n : CACHE_BLOCK));
	}
	memcpy(h + about_at, about, strlen(about));
	le_set64(h + 48, ynode_hash(h + CACHE_HEADER, hlen - CACHE_HEADER));
	buf_reset(out);
	buf_addn(out, (const char *)h, hlen);
	buf_addn(out, body.s, body.len);
	rc = 0;
out:
	if (rc == -1)
		*cause = b.cause != NULL ? b.cause : xstrdup("cannot build names.cache");
	else
		free(b.cause);
	free(h);
	buf_free(&body);
	nb_strv_free(&sorted);
	free(locmap);
	nb_free(&b);
	return rc;
}

int
build_write_file(const char *path, const void *p, size_t len, char **cause)
{
	char *tmp = xasprintf("%s.tmp", path);
	FILE *f;
	bool ok;

	*cause = NULL;
	if ((f = fopen(tmp, "wb")) == NULL) {
		*cause = xasprintf("%s: %s", tmp, strerror(errno));
		free(tmp);
		return -1;
	}
	ok = fwrite(p, 1, len, f) == len;
	if (fclose(f) != 0 || !ok) {
		*cause = xasprintf("%s: %s", tmp, strerror(errno));
		remove(tmp);
		free(tmp);
		return -1;
	}
	if (rename(tmp, path) == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		remove(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}
