/*
 * i18n_cache.c - the reader of names.cache (format in i18n_cache.h), the
 * generated data that names, codes, region groupings, language
 * equivalences and date patterns are answered from.  It is required: a
 * cache that is missing, damaged or built for another ICU or other locale
 * data is refused, with the reason, and nothing falls back to asking ICU.
 * Every byte is read through cache_at, which checks bounds and verifies
 * the hash of each block the first time it is read.  Nothing here writes,
 * prints or exits.
 */
#include "i18n_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unicode/icudataver.h>
#include <unicode/uenum.h>
#include <unicode/ulocdata.h>
#include <unicode/ures.h>

#include "file.h"
#include "i18n_cache.h"
#include "le.h"
#include "xmalloc.h"
#include "ynode.h"

struct i18n_cache {
	int fd;
	size_t size, body, nblocks;
	size_t head_len;          /* bytes [0, head_len) are in head */
	unsigned char *head;      /* tables, read at open; small sections, per block */
	const unsigned char *map; /* the whole file, mapped for the names */
	bool map_tried;
	unsigned char *verified; /* per block: 1 once its hash matched */
	size_t off[CACHE_NSECT], len[CACHE_NSECT];
	enum cache_state state;
	struct cache_names names[2];
	int names_state[2]; /* 0 not yet read, 1 good, -1 bad */
};

/*
 * The process's names.cache.  i18n_country_valid, i18n_region_contains
 * and i18n_language_served_by take no context, and every context of a
 * process uses the same data directory, so there is one: the path
 * i18n_set_datadir gave last, opened on first need, closed by
 * i18n_cleanup.
 */
static struct {
	char *path;
	bool tried;
	struct i18n_cache *cache;
	struct cache_why why;
} cache_shared = {.why.state = CACHE_NO_PATH};

/* The versions a cache must have been built with: ICU, Unicode, CLDR. */
static void
cache_versions(unsigned char v[12])
{
	UVersionInfo icu, uni, cldr = {0};
	UErrorCode st = U_ZERO_ERROR;

	u_getVersion(icu);
	u_getUnicodeVersion(uni);
	ulocdata_getCLDRVersion(cldr, &st);
	memcpy(v, icu, 4);
	memcpy(v + 4, uni, 4);
	memcpy(v + 8, cldr, 4);
}

/* Appends how many locales tree holds (its index's size: iterating the
 * names would cost more than the rest of a lookup). */
static void
cache_key_tree(struct buf *b, const char *tree)
{
	UErrorCode st = U_ZERO_ERROR;
	UEnumeration *e = ures_openAvailableLocales(tree, &st);
	int32_t n = uenum_count(e, &st);

	buf_addf(b, "%s %d %s\n", tree, (int)n, U_SUCCESS(st) ? "" : u_errorName(st));
	uenum_close(e);
}

uint64_t
i18n_cache_data_key(unsigned *nlocales)
{
	UVersionInfo dv = {0};
	UErrorCode st = U_ZERO_ERROR;
	struct buf b = {0};
	char v[U_MAX_VERSION_STRING_LENGTH];
	int32_t i, n = uloc_countAvailable();
	uint64_t h;

	u_getDataVersion(dv, &st);
	u_versionToString(dv, v);
	buf_addf(&b, "data %s %s\n", U_SUCCESS(st) ? v : "?", U_ICU_VERSION);
	for (i = 0; i < n; i++) {
		buf_add(&b, uloc_getAvailable(i));
		buf_addc(&b, ' ');
	}
	buf_addc(&b, '\n');
	cache_key_tree(&b, I18N_TREE_REGION);
	cache_key_tree(&b, I18N_TREE_LANG);
	h = ynode_hash(b.s, b.len);
	buf_free(&b);
	if (nlocales != NULL)
		*nlocales = n > 0 ? (unsigned)n : 0;
	return h;
}

/* Opening ------------------------------------------------------------------ */

/* Reads n bytes at off into p; false on a short read (errno set). */
static bool
cache_pread(int fd, void *p, size_t n, size_t off)
{
	size_t done = 0;
	ssize_t r;

	while (done < n) {
		r = pread(fd, (char *)p + done, n - done, (off_t)(off + done));
		if (r <= 0) {
			if (r == 0)
				errno = EIO;
			if (r < 0 && errno == EINTR)
				continue;
			return false;
		}
		done += (size_t)r;
	}
	return true;
}

/* Checks the header and tables in c->head[0, c->body); the state. */
static enum cache_state
cache_check_head(struct i18n_cache *c)
{
	const unsigned char *h = c->head;
	size_t i, about = le_u32(h + 60), names = 0;

	if (le_u64(h + 48) != ynode_hash(h + CACHE_HEADER, c->body - CACHE_HEADER) ||
	    about < CACHE_HEADER + 8 * CACHE_NSECT + 8 * c->nblocks || about >= c->body ||
	    memchr(h + about, '\0', c->body - about) == NULL)
		return CACHE_DAMAGED;
	for (i = 0; i < CACHE_NSECT; i++) {
		c->off[i] = le_u32(h + CACHE_HEADER + 8 * i);
		c->len[i] = le_u32(h + CACHE_HEADER + 8 * i + 4);
		/* In order, inside the body, each after the last. */
		if (c->off[i] % 8 != 0 ||
		    c->off[i] < (i == 0 ? c->body : c->off[i - 1] + c->len[i - 1]) ||
		    c->off[i] > c->size || c->len[i] > c->size - c->off[i])
			return CACHE_DAMAGED;
	}
	/* The name sections start on a block, so that no block is partly
	 * in memory and partly mapped. */
	names = c->off[CACHE_COUNTRIES];
	if ((names - c->body) % CACHE_BLOCK != 0)
		return CACHE_DAMAGED;
	c->head_len = names;
	return CACHE_OK;
}

struct i18n_cache *
i18n_cache_open(const char *path, struct cache_why *why)
{
	struct i18n_cache *c;
	struct stat sb;
	unsigned char want[12], h[CACHE_HEADER];
	enum cache_state *state = &why->state;
	char *cause = NULL;
	int fd;

	memset(why, 0, sizeof *why);
	errno = 0;
	if (path == NULL) {
		*state = CACHE_NO_PATH;
		return NULL;
	}
	/* Like every file signpost reads: a FIFO here must not hang every
	 * lookup, a device must not be read forever (file.h). */
	if ((fd = file_open(path, &sb, &cause)) == -1) {
		*state = errno == ENOENT   ? CACHE_MISSING
			 : errno == EINVAL ? CACHE_NOT_FILE
					   : CACHE_UNREADABLE;
		why->err = errno;
		free(cause);
		return NULL;
	}
	if (sb.st_size < CACHE_HEADER || (uint64_t)sb.st_size > UINT32_MAX ||
	    !cache_pread(fd, h, CACHE_HEADER, 0) || memcmp(h, CACHE_MAGIC, 8) != 0 ||
	    le_u32(h + 8) != CACHE_FORMAT || le_u32(h + 12) != CACHE_BLOCK) {
		*state = CACHE_NOT_NAMES;
		close(fd);
		return NULL;
	}
	cache_versions(want);
	if (memcmp(h + 16, want, 12) != 0) {
		*state = CACHE_OTHER_ICU;
		u_versionToString(h + 16, why->icu);
		close(fd);
		return NULL;
	}
	c = xcalloc(1, sizeof *c);
	c->fd = fd;
	c->size = (size_t)sb.st_size;
	c->body = le_u32(h + 56);
	c->nblocks = le_u32(h + 28);
	*state = CACHE_DAMAGED;
	if (le_u64(h + 40) != c->size || c->body < CACHE_HEADER || c->body > c->size ||
	    c->body % 8 != 0 || c->nblocks != (c->size - c->body + CACHE_BLOCK - 1) / CACHE_BLOCK)
		goto fail;
	if (le_u64(h + 32) != i18n_cache_data_key(NULL)) {
		*state = CACHE_OTHER_DATA;
		goto fail;
	}
	c->head = xmalloc(c->body);
	if (!cache_pread(fd, c->head, c->body, 0)) {
		*state = CACHE_UNREADABLE;
		why->err = errno;
		goto fail;
	}
	if ((*state = cache_check_head(c)) != CACHE_OK)
		goto fail;
	/* Room for the small sections, below the names: each block is read
	 * into it when first used (cache_block), so a lookup's memory holds
	 * the few blocks it reads, not all of them. */
	c->head = xreallocarray(c->head, c->head_len, 1);
	c->verified = xcalloc(c->nblocks + 1, 1);
	c->state = CACHE_OK;
	return c;
fail:
	i18n_cache_close(c);
	return NULL;
}

void
i18n_cache_close(struct i18n_cache *c)
{
	if (c == NULL)
		return;
	if (c->map != NULL)
		munmap((void *)c->map, c->size);
	free(c->head);
	free(c->verified);
	close(c->fd);
	free(c);
}

const char *
i18n_cache_about(const struct i18n_cache *c)
{
	return (const char *)c->head + le_u32(c->head + 60);
}

/* Reading ---------------------------------------------------------------- */

/* The bytes of the file from `from` on, in memory or mapped; NULL when
 * they cannot be mapped. */
static const unsigned char *
cache_base(struct i18n_cache *c, size_t from)
{
	void *map;

	if (from < c->head_len)
		return c->head;
	if (!c->map_tried) {
		c->map_tried = true;
		map = mmap(NULL, c->size, PROT_READ, MAP_PRIVATE, c->fd, 0);
		if (map != MAP_FAILED)
			c->map = map;
	}
	return c->map;
}

/* Verifies block b; false (and the cache is damaged) when it fails. */
static bool
cache_block(struct i18n_cache *c, size_t b)
{
	size_t start = c->body + b * CACHE_BLOCK, n = c->size - start;
	const unsigned char *base;

	if (c->verified[b])
		return true;
	if (n > CACHE_BLOCK)
		n = CACHE_BLOCK;
	if (start < c->head_len && !cache_pread(c->fd, c->head + start, n, start)) {
		c->state = CACHE_UNREADABLE;
		return false;
	}
	if ((base = cache_base(c, start)) == NULL ||
	    ynode_hash(base + start, n) !=
		    le_u64(c->head + CACHE_HEADER + (size_t)8 * CACHE_NSECT + (size_t)8 * b)) {
		c->state = CACHE_DAMAGED;
		return false;
	}
	c->verified[b] = 1;
	return true;
}

/*
 * The n bytes at off, verified; NULL when they are outside the file or a
 * block they lie in is damaged.  A read never spans the head and the
 * mapping: sections lie wholly on one side.
 */
static const unsigned char *
cache_at(struct i18n_cache *c, size_t off, size_t n)
{
	size_t b, last;
	const unsigned char *base;

	if (c->state != CACHE_OK || off > c->size || n > c->size - off || off < c->body)
		return NULL;
	if (n > 0) {
		for (b = (off - c->body) / CACHE_BLOCK,
		    last = (off + n - 1 - c->body) / CACHE_BLOCK;
		     b <= last; b++)
			if (!cache_block(c, b))
				return NULL;
	}
	if ((base = cache_base(c, off)) == NULL)
		return NULL;
	return base + off;
}

/* A NUL-terminated string at off, at most max bytes long with its NUL,
 * inside [off, end); NULL when there is none. */
static const char *
cache_str(struct i18n_cache *c, size_t off, size_t end, size_t max)
{
	const unsigned char *p;
	size_t n;

	if (off >= end)
		return NULL;
	n = end - off < max ? end - off : max;
	if ((p = cache_at(c, off, n)) == NULL || memchr(p, '\0', n) == NULL)
		return NULL;
	return (const char *)p;
}

enum cache_state
i18n_cache_verify(struct i18n_cache *c)
{
	size_t b;

	for (b = 0; b < c->nblocks && c->state == CACHE_OK; b++)
		(void)cache_block(c, b);
	return c->state;
}

/* Regions ---------------------------------------------------------------- */

static bool
cache_alpha2(const char *s)
{
	return s != NULL && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' &&
	       s[2] == '\0';
}

static int
cache_bit(const unsigned char *bits, const char *code)
{
	unsigned i = (unsigned)(code[0] - 'A') * 26 + (unsigned)(code[1] - 'A');

	return bits[i / 8] >> (i % 8) & 1;
}

int
i18n_cache_country_valid(struct i18n_cache *c, const char *code)
{
	const unsigned char *p;

	if (c->len[CACHE_REGIONS] < 8 + CACHE_BITS ||
	    (p = cache_at(c, c->off[CACHE_REGIONS], 8 + CACHE_BITS)) == NULL)
		return -1;
	return cache_alpha2(code) ? cache_bit(p + 8, code) : 0;
}

int
i18n_cache_region_contains(struct i18n_cache *c, const char *group, const char *country)
{
	const unsigned char *p, *g;
	size_t n, i, len = group != NULL ? strlen(group) : 0;
	int valid = i18n_cache_country_valid(c, country);

	if (valid != 1)
		return valid;
	if ((p = cache_at(c, c->off[CACHE_REGIONS], 8)) == NULL)
		return -1;
	n = le_u32(p);
	if (n > (c->len[CACHE_REGIONS] - 8 - CACHE_BITS) / CACHE_GROUP ||
	    (g = cache_at(c, c->off[CACHE_REGIONS] + 8 + CACHE_BITS, n * CACHE_GROUP)) == NULL)
		return -1;
	if (len == 0 || len > 3)
		return 0;
	for (i = 0; i < n; i++, g += CACHE_GROUP)
		if (memcmp(g, group, len) == 0 && g[len] == '\0')
			return cache_bit(g + 4, country);
	return 0;
}

/* Patterns, locales, equivalences ------------------------------------------- */

/* A string of a section whose strings start at base and run size bytes. */
static const char *
cache_sstr(struct i18n_cache *c, size_t base, size_t size, uint32_t off)
{
	return off < size ? cache_str(c, base + off, base + size, 256) : NULL;
}

const char *
i18n_cache_pattern(struct i18n_cache *c, const char *locale, const char *skeleton)
{
	size_t off = c->off[CACHE_PATTERNS], nskel, nlocs, strsize, row, locs, strs, s, a = 0, b, m;
	const unsigned char *h, *e;
	const char *id;
	int r;

	if (locale == NULL || skeleton == NULL || c->len[CACHE_PATTERNS] < 16 ||
	    (h = cache_at(c, off, 16)) == NULL)
		return NULL;
	nskel = le_u32(h);
	nlocs = le_u32(h + 4);
	strsize = le_u32(h + 8);
	row = 4 * (1 + nskel);
	locs = off + 16 + 4 * nskel;
	strs = locs + row * nlocs;
	if (nskel > 64 || nlocs > 0xfffff || strs + strsize > off + c->len[CACHE_PATTERNS])
		return NULL;
	for (s = 0; s < nskel; s++) {
		if ((e = cache_at(c, off + 16 + 4 * s, 4)) == NULL ||
		    (id = cache_sstr(c, strs, strsize, le_u32(e))) == NULL)
			return NULL;
		if (strcmp(id, skeleton) == 0)
			break;
	}
	if (s == nskel)
		return NULL;
	for (b = nlocs; a < b;) {
		m = a + (b - a) / 2;
		if ((e = cache_at(c, locs + row * m, row)) == NULL ||
		    (id = cache_sstr(c, strs, strsize, le_u32(e))) == NULL)
			return NULL;
		if ((r = strcmp(locale, id)) == 0)
			return cache_sstr(c, strs, strsize, le_u32(e + 4 + 4 * s));
		if (r < 0)
			b = m;
		else
			a = m + 1;
	}
	return NULL;
}

/* The header of a string-pair or string-list section: its count, the
 * start of its rows and of its strings; false when they do not fit. */
static bool
cache_list(struct i18n_cache *c, enum cache_section s, size_t rowsize, size_t *n, size_t *rows,
	   size_t *strs, size_t *strsize)
{
	const unsigned char *h;

	if (c->len[s] < 8 || (h = cache_at(c, c->off[s], 8)) == NULL)
		return false;
	*n = le_u32(h);
	*strsize = le_u32(h + 4);
	*rows = c->off[s] + 8;
	*strs = *rows + rowsize * *n;
	return *n <= 0xfffff && *strs + *strsize <= c->off[s] + c->len[s];
}

int
i18n_cache_served(struct i18n_cache *c, const char *tag, void (*fn)(void *, const char *),
		  void *arg)
{
	size_t n, rows, strs, strsize, a = 0, b, m;
	const unsigned char *e;
	const char *t, *u;

	if (!cache_list(c, CACHE_SERVED, 8, &n, &rows, &strs, &strsize))
		return -1;
	/* The first pair whose tag is not below tag. */
	for (b = n; a < b;) {
		m = a + (b - a) / 2;
		if ((e = cache_at(c, rows + 8 * m, 8)) == NULL ||
		    (t = cache_sstr(c, strs, strsize, le_u32(e))) == NULL)
			return -1;
		if (strcmp(t, tag) < 0)
			a = m + 1;
		else
			b = m;
	}
	for (; a < n; a++) {
		if ((e = cache_at(c, rows + 8 * a, 8)) == NULL ||
		    (t = cache_sstr(c, strs, strsize, le_u32(e))) == NULL ||
		    (u = cache_sstr(c, strs, strsize, le_u32(e + 4))) == NULL)
			return -1;
		if (strcmp(t, tag) != 0)
			break;
		fn(arg, u);
	}
	return 0;
}

size_t
i18n_cache_nlocales(struct i18n_cache *c)
{
	size_t n, rows, strs, strsize;

	return cache_list(c, CACHE_LOCALES, 4, &n, &rows, &strs, &strsize) ? n : 0;
}

int
i18n_cache_locale_find(struct i18n_cache *c, const char *id)
{
	size_t n, rows, strs, strsize, a = 0, b, m;
	const unsigned char *e;
	const char *t;
	int r;

	if (!cache_list(c, CACHE_LOCALES, 4, &n, &rows, &strs, &strsize))
		return -1;
	for (b = n; a < b;) {
		m = a + (b - a) / 2;
		if ((e = cache_at(c, rows + 4 * m, 4)) == NULL ||
		    (t = cache_sstr(c, strs, strsize, le_u32(e))) == NULL)
			return -1;
		if ((r = strcmp(id, t)) == 0)
			return (int)m;
		if (r < 0)
			b = m;
		else
			a = m + 1;
	}
	return -1;
}

/* Names ------------------------------------------------------------------- */

const struct cache_names *
i18n_cache_names(struct i18n_cache *c, bool language)
{
	enum cache_section s = language ? CACHE_LANGUAGES : CACHE_COUNTRIES;
	struct cache_names *k = &c->names[language];
	const unsigned char *h;
	size_t end = c->off[s] + c->len[s];

	if (c->names_state[language] == 0) {
		c->names_state[language] = -1;
		if (c->len[s] < 16 || (h = cache_at(c, c->off[s], 16)) == NULL)
			return NULL;
		k->c = c;
		k->ncodes = le_u32(h);
		k->nentries = le_u32(h + 4);
		k->poolsize = le_u32(h + 8);
		k->codes = c->off[s] + 16;
		k->entries = k->codes + CACHE_CODE * k->ncodes;
		k->byloc = k->entries + CACHE_ENTRY * k->nentries;
		k->pool = k->byloc + 4 * k->nentries;
		if (k->ncodes == 0 || k->ncodes >= CACHE_NONE || k->nentries > UINT32_MAX / 32 ||
		    k->pool > end || k->poolsize > end - k->pool)
			return NULL;
		c->names_state[language] = 1;
	}
	return c->names_state[language] == 1 ? k : NULL;
}

bool
i18n_cache_code(const struct cache_names *k, size_t i, const char **code, unsigned *parent,
		unsigned *own)
{
	const unsigned char *p;

	if (i >= k->ncodes || (p = cache_at(k->c, k->codes + CACHE_CODE * i, CACHE_CODE)) == NULL ||
	    le_u32(p) >= k->poolsize ||
	    (*code = cache_str(k->c, k->pool + le_u32(p), k->pool + k->poolsize, 32)) == NULL)
		return false;
	*parent = le_u16(p + 4);
	*own = le_u16(p + 6);
	return *parent == CACHE_NONE || *parent < k->ncodes;
}

long
i18n_cache_code_find(const struct cache_names *k, const char *code)
{
	size_t a = 0, b = k->ncodes, m;
	const char *s;
	unsigned parent, own;
	int r;

	while (a < b) {
		m = a + (b - a) / 2;
		if (!i18n_cache_code(k, m, &s, &parent, &own))
			return -1;
		if ((r = strcmp(code, s)) == 0)
			return (long)m;
		if (r < 0)
			b = m;
		else
			a = m + 1;
	}
	return -1;
}

bool
i18n_cache_entry(const struct cache_names *k, size_t i, struct cache_entry *e)
{
	const unsigned char *p, *key, *disp;
	size_t koff, doff;

	if (i >= k->nentries ||
	    (p = cache_at(k->c, k->entries + CACHE_ENTRY * i, CACHE_ENTRY)) == NULL)
		return false;
	koff = le_u32(p);
	doff = le_u32(p + 4);
	e->code = le_u16(p + 8);
	e->loc = le_u16(p + 10);
	e->klen = p[12];
	e->flags = p[13];
	e->dlen = le_u16(p + 14);
	if (e->code >= k->ncodes || koff > k->poolsize || e->klen > k->poolsize - koff ||
	    doff > k->poolsize || e->dlen > k->poolsize - doff ||
	    (key = cache_at(k->c, k->pool + koff, e->klen)) == NULL ||
	    (disp = cache_at(k->c, k->pool + doff, e->dlen)) == NULL)
		return false;
	e->key = (const char *)key;
	e->display = (const char *)disp;
	return true;
}

size_t
i18n_cache_byloc(const struct cache_names *k, size_t i)
{
	const unsigned char *p;
	size_t v;

	if (i >= k->nentries || (p = cache_at(k->c, k->byloc + 4 * i, 4)) == NULL ||
	    (v = le_u32(p)) >= k->nentries)
		return SIZE_MAX;
	return v;
}

/* What a search compares an entry with: a key that the entry's key may
 * extend, or (by_loc) a locale and a code (code CACHE_NONE: any). */
struct cache_probe {
	bool by_loc;
	const char *key;
	size_t len;
	unsigned loc, code;
};

/* Order of the entry at position i against p: by key for a key probe, in
 * the byloc order for a locale probe.  An entry whose key starts with
 * p->key counts as equal.  -2 on damage. */
static int
cache_probe_cmp(const struct cache_names *k, size_t i, const struct cache_probe *p)
{
	struct cache_entry e;
	int r;

	if (p->by_loc)
		i = i18n_cache_byloc(k, i);
	if (i == SIZE_MAX || !i18n_cache_entry(k, i, &e))
		return -2;
	if (p->by_loc) {
		if (e.loc != p->loc)
			return e.loc < p->loc ? -1 : 1;
		if (p->code == CACHE_NONE || e.code == p->code)
			return 0;
		return e.code < p->code ? -1 : 1;
	}
	if ((r = memcmp(e.key, p->key, e.klen < p->len ? e.klen : p->len)) != 0)
		return r < 0 ? -1 : 1;
	return e.klen < p->len ? -1 : 0;
}

/* The positions [*lo, *hi) that compare equal to p: two binary searches,
 * the first position not before p and the first after it. */
static bool
cache_equal_range(const struct cache_names *k, const struct cache_probe *p, size_t *lo, size_t *hi)
{
	for (int upper = 0; upper < 2; upper++) {
		size_t a = upper ? *lo : 0, b = k->nentries, m;
		int r;

		while (a < b) {
			m = a + (b - a) / 2;
			if ((r = cache_probe_cmp(k, m, p)) == -2)
				return false;
			if (r < 0 || (upper && r == 0))
				a = m + 1;
			else
				b = m;
		}
		*(upper ? hi : lo) = a;
	}
	return true;
}

bool
i18n_cache_range(const struct cache_names *k, const char *key, size_t len, size_t *lo, size_t *hi)
{
	struct cache_probe p = {.key = key, .len = len};

	return cache_equal_range(k, &p, lo, hi);
}

bool
i18n_cache_loc_range(const struct cache_names *k, unsigned loc, unsigned code, size_t *lo,
		     size_t *hi)
{
	struct cache_probe p = {.by_loc = true, .loc = loc, .code = code};

	return cache_equal_range(k, &p, lo, hi);
}

/* The process's cache ------------------------------------------------------ */

void
i18n_cache_shared_path(const char *path)
{
	if (path == NULL || (cache_shared.path != NULL && strcmp(cache_shared.path, path) == 0))
		return;
	i18n_cache_shared_free();
	cache_shared.path = xstrdup(path);
}

const char *
i18n_cache_shared_file(void)
{
	return cache_shared.path;
}

struct i18n_cache *
i18n_cache_shared(void)
{
	if (!cache_shared.tried) {
		cache_shared.tried = true;
		cache_shared.cache = i18n_cache_open(cache_shared.path, &cache_shared.why);
	}
	if (cache_shared.cache != NULL && cache_shared.cache->state != CACHE_OK)
		return NULL;
	return cache_shared.cache;
}

void
i18n_cache_shared_why(struct cache_why *why)
{
	(void)i18n_cache_shared();
	*why = cache_shared.why;
	if (cache_shared.cache != NULL)
		why->state = cache_shared.cache->state;
}

void
i18n_cache_shared_free(void)
{
	i18n_cache_close(cache_shared.cache);
	free(cache_shared.path);
	memset(&cache_shared, 0, sizeof cache_shared);
	cache_shared.why.state = CACHE_NO_PATH;
}
