/*
 * i18n_parse.c - understanding a country, region or language a person
 * typed, in any language, and completing one.  The rule is safety: a code
 * or a name is taken only when the input, case and accents folded, is
 * exactly a code or a name that names.cache holds; anything else is a
 * list of candidates for the person to choose from, never a guess.  Every
 * name comes from names.cache (i18n_cache.h), folded as i18n_fold.c folds
 * the input.  Nothing here prints or exits.
 */
#include "i18n_impl.h"

#include <stdlib.h>
#include <string.h>

#include "distance.h"
#include "i18n_cache.h"
#include "xmalloc.h"

/* At most this many suggestions when nothing fits exactly. */
#define PARSE_SUGGEST 5
/* Of the codes that fit as well, at most this many are sorted by name. */
#define PARSE_SORTED 64
/* An input must be this long (folded code points) for names that start
 * with it, and for later words and near misses. */
#define PARSE_MINPREFIX 2
#define PARSE_MINWORD   3

void
i18n_candidates_free(struct i18n_candidates *c)
{
	if (c == NULL)
		return;
	i18n_strv_free(c->codes, c->n);
	c->codes = NULL;
	c->n = 0;
}

/* How well the input fits a code's names, best first: the tier (names
 * that start with it, a later word that does, a near miss), the edit
 * distance, whether a fitting name is in the UI language or English (or
 * is an alias or a code), and how many names fit so. */
enum { FIT_PREFIX, FIT_WORD, FIT_NEAR, FIT_NONE };
struct parse_fit {
	unsigned char tier, dist, other;
	unsigned count;
};

static void
parse_fit(struct parse_fit *f, unsigned tier, unsigned dist, bool other)
{
	unsigned a = tier << 16 | dist << 8 | other,
		 b = (unsigned)f->tier << 16 | (unsigned)f->dist << 8 | f->other;

	if (a < b) {
		f->tier = (unsigned char)tier;
		f->dist = (unsigned char)dist;
		f->other = other;
		f->count = 1;
	} else if (a == b) {
		f->count++;
	}
}

static bool
parse_in(unsigned loc, const unsigned *locs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (locs[i] == loc)
			return true;
	return false;
}

/* A code's name in the UI language, for showing and sorting. */
static char *
parse_display(struct i18n *ui, bool language, const char *code)
{
	if (language)
		return i18n_language_name(ui, code);
	return i18n_region_name(ui, code);
}

struct parse_rank {
	unsigned code;
	struct parse_fit fit;
	bool sub; /* a region of a country, or a language's regional form */
	char *key;
};

/* Best first: by fit, then countries before regions (and languages before
 * their regional forms), then by name in the UI language when both have
 * one, then by code. */
static int
parse_rank_cmp(const void *a, const void *b)
{
	const struct parse_rank *x = a, *y = b;
	int r;

	if (x->fit.tier != y->fit.tier)
		return x->fit.tier < y->fit.tier ? -1 : 1;
	if (x->fit.dist != y->fit.dist)
		return x->fit.dist < y->fit.dist ? -1 : 1;
	if (x->fit.other != y->fit.other)
		return x->fit.other < y->fit.other ? -1 : 1;
	if (x->fit.count != y->fit.count)
		return x->fit.count > y->fit.count ? -1 : 1;
	if (x->sub != y->sub)
		return x->sub ? 1 : -1;
	if (x->key != NULL && y->key != NULL && (r = strcmp(x->key, y->key)) != 0)
		return r;
	return x->code < y->code ? -1 : x->code > y->code;
}

/*
 * Fills cands with the codes whose fit is not FIT_NONE, best first, at
 * most limit; ties are broken by the name in the UI language.  sub says
 * which codes are regions (they come after the countries).
 */
static void
parse_candidates(struct i18n *ui, const struct cache_names *k, bool language,
		 const struct parse_fit *fit, size_t limit, struct i18n_candidates *cands)
{
	struct parse_rank *v = xcalloc(k->ncodes + 1, sizeof *v);
	const char *code;
	unsigned parent, own;
	size_t i, n = 0, keep;
	char *name;

	for (i = 0; i < k->ncodes; i++) {
		if (fit[i].tier == FIT_NONE || !i18n_cache_code(k, i, &code, &parent, &own))
			continue;
		v[n].code = (unsigned)i;
		v[n].fit = fit[i];
		v[n].sub = language ? strchr(code, '-') != NULL : parent != CACHE_NONE;
		n++;
	}
	if (n > 1)
		qsort(v, n, sizeof *v, parse_rank_cmp);
	/* Names only for the best few: naming costs an ICU call each. */
	keep = n < PARSE_SORTED ? n : PARSE_SORTED;
	for (i = 0; i < keep; i++) {
		if (!i18n_cache_code(k, v[i].code, &code, &parent, &own))
			continue;
		name = parse_display(ui, language, code);
		v[i].key = i18n_sort_key(ui, name);
		free(name);
	}
	if (keep > 1)
		qsort(v, keep, sizeof *v, parse_rank_cmp);
	cands->n = 0;
	cands->codes = NULL;
	if (keep > limit)
		keep = limit;
	if (keep > 0)
		cands->codes = xcalloc(keep, sizeof *cands->codes);
	for (i = 0; i < keep; i++)
		if (i18n_cache_code(k, v[i].code, &code, &parent, &own))
			cands->codes[cands->n++] = xstrdup(code);
	for (i = 0; i < n && i < PARSE_SORTED; i++)
		free(v[i].key);
	free(v);
}

/* True when tag is lang's regional or script form ("pt-BR" of "pt"). */
static bool
parse_tag_within(const char *tag, const char *lang)
{
	size_t n = strlen(lang);

	return strncmp(tag, lang, n) == 0 && tag[n] == '-';
}

/*
 * The codes with exactly the input's name (exact[i]): one is FOUND; one
 * country with only its own regions beside it, or one language with only
 * its own regional forms, is FOUND too (a country contains its regions:
 * taking it is no guess); anything else is AMBIGUOUS.
 */
static enum i18n_match
parse_resolve(struct i18n *ui, const struct cache_names *k, bool language,
	      const unsigned char *exact, char **out, struct i18n_candidates *cands)
{
	struct parse_fit *fit;
	const char *code, *base = NULL;
	unsigned parent, own;
	size_t i, n = 0, one = 0;
	long b = -1;
	bool all_within = true;

	for (i = 0; i < k->ncodes; i++) {
		if (!exact[i] || !i18n_cache_code(k, i, &code, &parent, &own))
			continue;
		n++;
		one = i;
		if (language ? strchr(code, '-') == NULL : parent == CACHE_NONE) {
			all_within = all_within && b == -1;
			b = (long)i;
			base = code;
		}
	}
	for (i = 0; b >= 0 && all_within && i < k->ncodes; i++) {
		if (!exact[i] || i == (size_t)b || !i18n_cache_code(k, i, &code, &parent, &own))
			continue;
		all_within = language ? parse_tag_within(code, base) : parent == (unsigned)b;
	}
	if (n == 1 || (b >= 0 && all_within)) {
		if (!i18n_cache_code(k, n == 1 ? one : (size_t)b, &code, &parent, &own))
			return I18N_NO_DATA;
		*out = xstrdup(code);
		return I18N_FOUND;
	}
	fit = xcalloc(k->ncodes, sizeof *fit);
	for (i = 0; i < k->ncodes; i++)
		fit[i].tier = exact[i] ? FIT_PREFIX : FIT_NONE;
	parse_candidates(ui, k, language, fit, SIZE_MAX, cands);
	free(fit);
	return I18N_AMBIGUOUS;
}

/* Whether entry e's key has a word after the first that starts with
 * key[0..klen). */
static bool
parse_word(const struct cache_entry *e, const char *key, size_t klen)
{
	size_t p;

	for (p = 1; p + klen <= e->klen; p++)
		if (e->key[p - 1] == ' ' && memcmp(e->key + p, key, klen) == 0)
			return true;
	return false;
}

/* The edit distance between q and entry e's key, max + 1 when farther. */
static int
parse_distance(const UChar32 *q, int32_t qlen, const struct cache_entry *e, int max)
{
	UChar32 f[DISTANCE_MAX + 8];
	int32_t n;

	/* No name is near one longer than distance() compares (f holds
	 * qlen + max + 1 code points); a key has at least one byte and at
	 * most four per code point. */
	if (qlen > DISTANCE_MAX || (int32_t)e->klen < qlen - max ||
	    e->klen > 4 * (size_t)(qlen + max))
		return max + 1;
	n = i18n_fold_decode(e->key, e->klen, f, qlen + max + 1);
	if (n > qlen + max || n < qlen - max)
		return max + 1;
	return distance(q, (size_t)qlen, f, (size_t)n, max);
}

/*
 * When nothing fits exactly: names that start with the input, names with
 * a later word that does (in the UI language and English), and near
 * misses, weighed among all names in the UI language and English and,
 * in other languages, among names that begin like the input (or with its
 * second letter, for a swap) in the language or languages the input comes
 * closest to.  False when the cache turns out damaged.
 */
static bool
parse_suggest(struct i18n *ui, struct i18n_cache *c, const struct cache_names *k, bool language,
	      const UChar32 *q, int32_t qlen, const char *key, size_t klen, size_t lo, size_t hi,
	      struct i18n_candidates *cands)
{
	struct parse_fit *fit = xcalloc(k->ncodes, sizeof *fit);
	unsigned locs[I18N_CHAIN];
	size_t nlocs = i18n_names_chain(ui, c, locs), ncl = i18n_cache_nlocales(c), i, j, r;
	size_t a, b, rlo[2], rhi[2];
	struct cache_entry e;
	int max = qlen <= 4 ? 1 : qlen <= 8 ? 2 : 3, d, best, *locbest = NULL;
	unsigned char *rd[2] = {NULL, NULL};
	char first[8];
	bool ok = false;

	for (i = 0; i < k->ncodes; i++)
		fit[i].tier = FIT_NONE;
	if (qlen >= PARSE_MINPREFIX) {
		for (i = lo; i < hi; i++) {
			if (!i18n_cache_entry(k, i, &e))
				goto out;
			parse_fit(&fit[e.code], FIT_PREFIX, 0,
				  e.loc != CACHE_NONE && !parse_in(e.loc, locs, nlocs) &&
					  !(e.flags & CACHE_F_ALIAS));
		}
	}
	if (qlen < PARSE_MINWORD)
		goto rank;
	/* Later words and near misses among the UI language's and English
	 * names, all of them. */
	for (i = 0; i < nlocs; i++) {
		if (!i18n_cache_loc_range(k, locs[i], CACHE_NONE, &a, &b))
			goto out;
		for (j = a; j < b; j++) {
			if (!i18n_cache_entry(k, i18n_cache_byloc(k, j), &e))
				goto out;
			if (parse_word(&e, key, klen))
				parse_fit(&fit[e.code], FIT_WORD, 0, false);
			if ((d = parse_distance(q, qlen, &e, max)) <= max)
				parse_fit(&fit[e.code], FIT_NEAR, (unsigned)d, false);
		}
	}
	/* Near misses in the other languages. */
	locbest = xcalloc(ncl + 1, sizeof *locbest);
	for (i = 0; i <= ncl; i++)
		locbest[i] = max + 1;
	best = max + 1;
	for (r = 0; r < 2; r++) {
		rlo[r] = rhi[r] = 0;
		if (r == 1 && q[1] == q[0])
			break;
		if (!i18n_cache_range(k, first, i18n_fold_utf8(&q[r], 1, first), &rlo[r], &rhi[r]))
			goto out;
		rd[r] = xcalloc(rhi[r] - rlo[r] + 1, 1);
		for (i = rlo[r]; i < rhi[r]; i++) {
			rd[r][i - rlo[r]] = (unsigned char)(max + 1);
			if (!i18n_cache_entry(k, i, &e))
				goto out;
			if (e.loc == CACHE_NONE || e.loc >= ncl || parse_in(e.loc, locs, nlocs))
				continue;
			d = parse_distance(q, qlen, &e, max);
			rd[r][i - rlo[r]] = (unsigned char)d;
			if (d < locbest[e.loc])
				locbest[e.loc] = d;
			if (d < best)
				best = d;
		}
	}
	for (r = 0; r < 2; r++) {
		for (i = rlo[r]; i < rhi[r]; i++) {
			if (rd[r][i - rlo[r]] > max || !i18n_cache_entry(k, i, &e) ||
			    locbest[e.loc] != best)
				continue;
			parse_fit(&fit[e.code], FIT_NEAR, rd[r][i - rlo[r]], true);
		}
	}
rank:
	parse_candidates(ui, k, language, fit, PARSE_SUGGEST, cands);
	ok = true;
out:
	free(rd[0]);
	free(rd[1]);
	free(locbest);
	free(fit);
	return ok;
}

/* Exact names first, then candidates (see i18n.h). */
static enum i18n_match
parse_names(struct i18n *ui, bool language, const char *input, char **out,
	    struct i18n_candidates *cands)
{
	struct i18n_cache *c = i18n_cache_shared();
	const struct cache_names *k;
	enum i18n_match m = I18N_NO_DATA;
	struct cache_entry e;
	unsigned char *exact = NULL;
	unsigned locs[I18N_CHAIN];
	UChar32 *q;
	int32_t qlen;
	char *key = NULL;
	size_t klen, lo, hi, i, n = 0, nlocs;
	bool mine = false;

	if (c == NULL || (k = i18n_cache_names(c, language)) == NULL)
		return I18N_NO_DATA;
	if ((q = i18n_fold8(input, &qlen)) == NULL || qlen == 0) {
		free(q);
		return I18N_UNKNOWN;
	}
	key = xmalloc((size_t)qlen * 4 + 1);
	klen = i18n_fold_utf8(q, qlen, key);
	if (klen > CACHE_MAXKEY) {
		m = I18N_UNKNOWN;
		goto out;
	}
	if (!i18n_cache_range(k, key, klen, &lo, &hi))
		goto out;
	exact = xcalloc(k->ncodes, 1);
	nlocs = i18n_names_chain(ui, c, locs);
	for (i = lo; i < hi; i++) {
		if (!i18n_cache_entry(k, i, &e))
			goto out;
		if (e.klen != klen)
			continue;
		/* A name of the UI language or English, an alias or a code. */
		if (e.loc == CACHE_NONE || (e.flags & CACHE_F_ALIAS) ||
		    parse_in(e.loc, locs, nlocs))
			exact[e.code] |= 2, mine = true;
		exact[e.code] |= 1;
	}
	/*
	 * The UI language's and English names, the aliases and the codes come
	 * first: "England" is GB-ENG in English, whatever Walser calls the
	 * United Kingdom.  Only when none fits do other languages' names
	 * count.  Such a name is no safe answer when, in the UI language or
	 * English, it is the first word of other names: "Congo" is the
	 * Republic of the Congo in Spanish, and in English the first word of
	 * two countries' names.  Those codes are candidates too.
	 */
	for (i = 0; i < k->ncodes; i++) {
		if (mine)
			exact[i] = exact[i] >> 1;
		n += exact[i] != 0;
	}
	for (i = lo; n > 0 && !mine && i < hi; i++) {
		if (!i18n_cache_entry(k, i, &e))
			goto out;
		if (e.klen > klen && e.key[klen] == ' ' && e.loc != CACHE_NONE &&
		    parse_in(e.loc, locs, nlocs) && !exact[e.code]) {
			exact[e.code] = 1;
			n++;
		}
	}
	if (n > 0)
		m = parse_resolve(ui, k, language, exact, out, cands);
	else if (parse_suggest(ui, c, k, language, q, qlen, key, klen, lo, hi, cands))
		m = I18N_UNKNOWN;
out:
	if (m == I18N_NO_DATA || m == I18N_UNKNOWN) {
		free(*out);
		*out = NULL;
	}
	if (m == I18N_NO_DATA)
		i18n_candidates_free(cands);
	free(exact);
	free(key);
	free(q);
	return m;
}

/* Skips white space at both ends; returns the length of what is left. */
static size_t
parse_trim(const char **s)
{
	size_t n;

	while (**s == ' ' || **s == '\t')
		(*s)++;
	n = strlen(*s);
	while (n > 0 && ((*s)[n - 1] == ' ' || (*s)[n - 1] == '\t' || (*s)[n - 1] == '\n'))
		n--;
	return n;
}

enum i18n_match
i18n_country_parse(struct i18n *ui, const char *input, char **out, struct i18n_candidates *cands)
{
	const char *s = input;
	size_t n = parse_trim(&s);
	char up[3];

	*out = NULL;
	cands->codes = NULL;
	cands->n = 0;
	/* Two letters that are a country's code; other codes are names. */
	if (n == 2 && ((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z') &&
	    ((s[1] | 0x20) >= 'a' && (s[1] | 0x20) <= 'z')) {
		up[0] = (char)(s[0] & ~0x20);
		up[1] = (char)(s[1] & ~0x20);
		up[2] = '\0';
		if (i18n_country_valid(up)) {
			*out = xstrdup(up);
			return I18N_FOUND;
		}
	}
	return parse_names(ui, false, input, out, cands);
}

enum i18n_match
i18n_language_parse(struct i18n *ui, const char *input, char **out, struct i18n_candidates *cands)
{
	const char *s = input;
	size_t n = parse_trim(&s);
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
	return parse_names(ui, true, input, out, cands);
}

/* Completion ------------------------------------------------------------- */

struct parse_hit {
	char *disp;
	int group;
	char *key;
	const char *code; /* in the cache */
};

static int
parse_hit_raw_cmp(const void *a, const void *b)
{
	const struct parse_hit *x = a, *y = b;
	int r = strcmp(x->disp, y->disp);

	return r != 0 ? r : x->group - y->group;
}

static int
parse_hit_coll_cmp(const void *a, const void *b)
{
	const struct parse_hit *x = a, *y = b;
	int r;

	if (x->group != y->group)
		return x->group - y->group;
	if ((r = strcmp(x->key, y->key)) != 0)
		return r;
	return strcmp(x->disp, y->disp);
}

struct parse_hits {
	struct parse_hit *v;
	size_t n, cap;
	const char *const *first;
	size_t nfirst;
};

static void
parse_hit_add(struct parse_hits *h, const char *disp, size_t len, const char *code)
{
	size_t i;
	int group = 1;

	for (i = 0; i < h->nfirst; i++)
		if (h->first[i] != NULL && i18n_tag_eq(h->first[i], code))
			group = 0;
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 64;
		h->v = xreallocarray(h->v, h->cap, sizeof *h->v);
	}
	h->v[h->n].disp = xstrndup(disp, len);
	h->v[h->n].group = group;
	h->v[h->n].key = NULL;
	h->v[h->n].code = code;
	h->n++;
}

/* Whether the code, folded as a name is ("GB-SCT" -> "gb sct"), starts
 * with key. */
static bool
parse_code_starts(const char *code, const char *key, size_t klen)
{
	size_t i;

	for (i = 0; i < klen; i++) {
		char c = code[i];

		if (c == '\0')
			return false;
		c = c == '-' || c == '_' ? ' ' : c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
		if (c != key[i])
			return false;
	}
	return true;
}

/* Adds entry e when it is a name in the UI language, English or its
 * code's own language; false on damage. */
static bool
parse_complete_entry(const struct cache_names *k, const struct cache_entry *e, const unsigned *locs,
		     size_t nlocs, struct parse_hits *h)
{
	const char *code;
	unsigned parent, own;

	if (e->flags & CACHE_F_CODE)
		return true;
	if (!i18n_cache_code(k, e->code, &code, &parent, &own))
		return false;
	if (parse_in(e->loc, locs, nlocs) || (e->loc == own && !(e->flags & CACHE_F_ALIAS)))
		parse_hit_add(h, e->display, e->dlen, code);
	return true;
}

/*
 * One name per place or language: where several names of one code fit
 * ("Czechia" and "Czech Republic" for "cz"), the one signpost shows for
 * it in the UI language stays and the others go.  Returns the new count.
 */
static size_t
parse_one_name_each(struct i18n *ui, bool language, struct parse_hit *v, size_t n)
{
	size_t i, j, m = 0;
	bool *drop = xcalloc(n + 1, sizeof *drop);

	for (i = 0; i < n; i++) {
		char *shown = NULL;
		bool have = false;

		for (j = 0; j < n && !have; j++)
			have = j != i && v[j].code == v[i].code;
		if (!have)
			continue;
		shown = language ? i18n_language_name(ui, v[i].code)
				 : i18n_region_name(ui, v[i].code);
		for (j = 0; j < n; j++)
			if (v[j].code == v[i].code && strcmp(v[j].disp, shown) == 0)
				break;
		/* Drop this one if the name shown is among the hits and this
		 * is not it. */
		drop[i] = j < n && strcmp(v[i].disp, shown) != 0;
		free(shown);
	}
	for (i = 0; i < n; i++) {
		if (drop[i])
			free(v[i].disp);
		else
			v[m++] = v[i];
	}
	free(drop);
	return m;
}

static size_t
parse_complete(struct i18n *ui, bool language, const char *prefix, const char *const *first,
	       size_t nfirst, char ***out)
{
	struct i18n_cache *c = i18n_cache_shared();
	const struct cache_names *k;
	struct parse_hits h = {.first = first, .nfirst = nfirst};
	struct cache_entry e;
	unsigned locs[I18N_CHAIN], parent, own;
	size_t nlocs, klen, lo, hi, i, j, m = 0;
	const char *code;
	UChar32 *q;
	int32_t qlen;
	char *key;
	bool ok = true;

	*out = NULL;
	if (c == NULL || (k = i18n_cache_names(c, language)) == NULL ||
	    (q = i18n_fold8(prefix, &qlen)) == NULL)
		return 0;
	key = xmalloc((size_t)qlen * 4 + 1);
	klen = i18n_fold_utf8(q, qlen, key);
	free(q);
	nlocs = i18n_names_chain(ui, c, locs);
	if (klen > 0) {
		ok = i18n_cache_range(k, key, klen, &lo, &hi);
		for (i = lo; ok && i < hi; i++)
			ok = i18n_cache_entry(k, i, &e) &&
			     parse_complete_entry(k, &e, locs, nlocs, &h);
	} else {
		/* Everything: the UI language's and English names, and each
		 * code's name in its own language. */
		for (i = 0; ok && i < nlocs; i++) {
			ok = i18n_cache_loc_range(k, locs[i], CACHE_NONE, &lo, &hi);
			for (j = lo; ok && j < hi; j++)
				ok = i18n_cache_entry(k, i18n_cache_byloc(k, j), &e) &&
				     parse_complete_entry(k, &e, locs, nlocs, &h);
		}
		for (i = 0; ok && i < k->ncodes; i++) {
			ok = i18n_cache_code(k, i, &code, &parent, &own);
			if (!ok || own == CACHE_NONE || parse_in(own, locs, nlocs))
				continue;
			ok = i18n_cache_loc_range(k, own, (unsigned)i, &lo, &hi);
			for (j = lo; ok && j < hi; j++)
				ok = i18n_cache_entry(k, i18n_cache_byloc(k, j), &e) &&
				     parse_complete_entry(k, &e, locs, nlocs, &h);
		}
	}
	/* Codes once a subdivision's is being typed ("CZ-", "gb-w"): a
	 * country's own code is no completion of itself. */
	for (i = 0; ok && memchr(key, ' ', klen) != NULL && i < k->ncodes; i++)
		if ((ok = i18n_cache_code(k, i, &code, &parent, &own)) &&
		    parse_code_starts(code, key, klen))
			parse_hit_add(&h, code, strlen(code), code);
	free(key);
	/* Each string once, in the best group it earned. */
	if (h.n > 1)
		qsort(h.v, h.n, sizeof *h.v, parse_hit_raw_cmp);
	for (i = 0; i < h.n; i++) {
		if (m > 0 && strcmp(h.v[m - 1].disp, h.v[i].disp) == 0)
			free(h.v[i].disp);
		else
			h.v[m++] = h.v[i];
	}
	if (!ok || m == 0) {
		for (i = 0; i < m; i++)
			free(h.v[i].disp);
		free(h.v);
		return 0;
	}
	m = parse_one_name_each(ui, language, h.v, m);
	for (i = 0; i < m; i++)
		h.v[i].key = i18n_sort_key(ui, h.v[i].disp);
	if (m > 1)
		qsort(h.v, m, sizeof *h.v, parse_hit_coll_cmp);
	if (m > 0)
		*out = xcalloc(m, sizeof **out);
	for (i = 0; i < m; i++) {
		(*out)[i] = h.v[i].disp;
		free(h.v[i].key);
	}
	free(h.v);
	return m;
}

size_t
i18n_country_complete(struct i18n *ui, const char *prefix, char ***out)
{
	return parse_complete(ui, false, prefix, NULL, 0, out);
}

size_t
i18n_language_complete(struct i18n *ui, const char *prefix, const char *const *first, size_t nfirst,
		       char ***out)
{
	return parse_complete(ui, true, prefix, first, nfirst, out);
}
