/*
 * i18n_cache.c - names.cache, a precompiled index of every CLDR locale's
 * country and language names, derived from ICU at build time (mknames)
 * and memory-mapped at run time, together with ICU's answers to a few
 * questions that cost it millions of instructions to answer the first
 * time: which codes are territories, which territories a grouping such as
 * EU contains (both from ICU's region data, loaded whole on first use),
 * and the best date pattern for each skeleton i18n_time.c formats with in
 * each locale (a DateTimePatternGenerator reads a locale's entire
 * calendar data).  It is an optimisation only: ICU stays the source of
 * truth, the names and their folding come from i18n_names.c, and a cache
 * that is missing, unreadable, damaged or built for another ICU, CLDR or
 * Unicode is ignored.  The reader never writes; nothing here prints or
 * exits.
 *
 * Layout (format 2), every integer little-endian, every section 8-byte
 * aligned:
 *
 *   header (64 bytes)
 *     0  magic "SPNAMES\n"      8  u32 format version
 *    12  u8[4] ICU version      16  u8[4] Unicode version
 *    20  u8[4] CLDR version     24  u32[2] offsets of the two kinds
 *    32  u64 body size (file size - 64)
 *    40  u64[2] checksums of the two kinds' sections
 *    56  u32 offset of the ICU section   60  u32 its checksum (folded)
 *   Each section runs to the next (the last to the end) and is verified
 *   on its first use only, so a country lookup never reads the languages.
 *   per kind (countries, then languages)
 *     u32 ncodes, nlocs, nentries, idsize, ownsize, keysize
 *     ids:     the table keys in code order, each NUL-terminated
 *     own_off: u32[ncodes + 1], offsets into own
 *     own:     each code's name in its own language, UTF-8, NUL-terminated
 *     entries: nentries x {u32 key offset, u16 key length, u16 code,
 *              u16 locale, u16 zero}, sorted by key bytes, code, locale
 *     keys:    folded names as UTF-8 (bytes order as code points do)
 *   ICU section
 *     u32 nterr, ngroups, nskel, nlocs, strsize, zero
 *     valid:   u8[88], bit 26 * (a - 'A') + (b - 'A') (bit i is byte
 *              i / 8, 1 << i % 8) set when i18n_country_valid accepts
 *              the code "ab": ICU lists it as a territory and it is its
 *              own canonical code
 *     terr:    nterr x u8[2], ICU's alpha-2 territories in the order
 *              uregion_getAvailable lists them (the country kind's ids),
 *              padded to 4 bytes
 *     groups:  ngroups x {char[4] code, NUL-padded; u8[88] members in
 *              the layout of valid}, every world, continent, subcontinent
 *              and grouping region ICU lists, sorted by code; a member is
 *              a valid code ICU says the region contains
 *     skel:    nskel x u32 string offset, the skeletons
 *     locs:    nlocs x {u32 id; u32[nskel] pattern}, string offsets,
 *              sorted by id bytes: every locale uloc_getAvailable lists,
 *              with the best pattern ICU's DateTimePatternGenerator gives
 *              for each skeleton (a locale whose patterns ICU cannot give
 *              is left out, and asked live)
 *     strings: strsize bytes of NUL-terminated UTF-8
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

#include <unicode/uchar.h>
#include <unicode/uenum.h>
#include <unicode/ulocdata.h>
#include <unicode/uregion.h>
#include <unicode/utf8.h>

#include "le.h"
#include "xmalloc.h"

#define CACHE_MAGIC "SPNAMES\n"
#define CACHE_FORMAT 2
#define CACHE_HEADER 64
#define CACHE_KIND_HEADER 24
#define CACHE_ENTRY 12
#define CACHE_ICU_HEADER 24
/* A set of alpha-2 codes: 26 * 26 bits, padded to 8 bytes. */
#define CACHE_BITS 88
#define CACHE_CODES 676 /* 26 * 26 */
/* A group: its code, NUL-padded, and its members. */
#define CACHE_GROUP (4 + CACHE_BITS)
/* Limits a well-formed ICU section keeps to (a pattern as time_fmt_open's
 * buffer). */
#define CACHE_MAXSKEL 64
#define CACHE_MAXPATTERN 128
/* Section 2, after the two kinds. */
#define CACHE_ICU 2

/* The ICU section, once verified. */
struct cache_icu {
	size_t nterr, ngroups, nskel, nlocs, strsize;
	const unsigned char *valid, *terr, *groups, *skel, *locs, *strs;
};

struct i18n_cache {
	int fd;                       /* open until closed; read on demand */
	unsigned char head[CACHE_HEADER];
	const unsigned char *map;     /* the whole file, mapped when names are asked */
	bool map_tried;
	unsigned char *icu_copy;      /* the ICU section, read when first needed */
	size_t size;
	struct i18n_cache_kind kind[2];
	size_t off[3], len[3]; /* each section: countries, languages, ICU */
	int state[3];          /* 0 not yet verified, 1 good, -1 bad */
	struct cache_icu icu;
	unsigned long icu_hits; /* answers the ICU section gave (for the tests) */
};

/*
 * The process's names.cache, for the answers that take no context:
 * i18n_country_valid and i18n_region_contains are called from code that
 * has none (table validation, rendering).  It stands in for ICU's region
 * data, which is process state too, and is the only mutable state here:
 * the path i18n_set_datadir gave last, mapped on first need, unmapped by
 * i18n_cleanup.
 */
static struct {
	char *path;
	bool tried;
	struct i18n_cache *cache;
} cache_shared;

/* Checksums --------------------------------------------------------------- */

/*
 * A checksum of n bytes (n a multiple of 32): four FNV-style lanes over
 * 64-bit words, so that verifying a few megabytes at every start costs a
 * fraction of a millisecond.  It catches damage, not malice.
 */
static uint64_t
cache_checksum(const unsigned char *p, size_t n)
{
	const uint64_t prime = 0x100000001b3ULL;
	uint64_t h[4] = {0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL, 0x9ce484222325cbf2ULL,
			 0x2325cbf29ce48422ULL};
	size_t i;

	for (i = 0; i + 32 <= n; i += 32) {
		h[0] = (h[0] ^ le_u64(p + i)) * prime;
		h[1] = (h[1] ^ le_u64(p + i + 8)) * prime;
		h[2] = (h[2] ^ le_u64(p + i + 16)) * prime;
		h[3] = (h[3] ^ le_u64(p + i + 24)) * prime;
	}
	return ((h[0] * prime ^ h[1]) * prime ^ h[2]) * prime ^ h[3] ^ (uint64_t)n;
}

/* The versions a cache must have been built with. */
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

size_t
i18n_cache_key(const UChar32 *q, int32_t n, char *out)
{
	int32_t i;
	size_t len = 0;

	for (i = 0; i < n; i++) {
		UBool err = 0;

		U8_APPEND((uint8_t *)out, len, (size_t)n * 4, q[i], err);
		(void)err;
	}
	return len;
}

/* Reading ---------------------------------------------------------------- */

/* Parses the kind section [off, end); false when it does not fit. */
static bool
cache_kind_parse(const struct i18n_cache *c, size_t off, size_t end, struct i18n_cache_kind *k)
{
	const unsigned char *p;
	size_t need, ids, own_off, own, ent, keys;

	if (off % 8 != 0 || off < CACHE_HEADER || off > end || end - off < CACHE_KIND_HEADER)
		return false;
	p = c->map + off;
	k->ncodes = le_u32(p);
	k->nlocs = (int)le_u32(p + 4);
	k->nentries = le_u32(p + 8);
	k->idsize = le_u32(p + 12);
	k->ownsize = le_u32(p + 16);
	k->keysize = le_u32(p + 20);
	if (k->ncodes == 0 || k->ncodes > 0xffff || k->nlocs <= 0 || k->nlocs > 0xffff)
		return false;
	/* Sizes are 32-bit, so these sums cannot overflow a 64-bit size_t;
	 * on a 32-bit one the file could not be mapped. */
	ids = off + CACHE_KIND_HEADER;
	own_off = ids + ((k->idsize + 3) & ~(size_t)3);
	own = own_off + 4 * (k->ncodes + 1);
	ent = own + ((k->ownsize + 3) & ~(size_t)3);
	keys = ent + CACHE_ENTRY * k->nentries;
	need = keys + k->keysize;
	if (need > end || k->idsize == 0 || c->map[ids + k->idsize - 1] != '\0' ||
	    k->ownsize == 0 || c->map[own + k->ownsize - 1] != '\0')
		return false;
	k->ids = c->map + ids;
	k->own_off = c->map + own_off;
	k->own = c->map + own;
	k->entries = c->map + ent;
	k->keys = c->map + keys;
	return true;
}

/*
 * Opens path and checks its header only.  Nothing else is read until it
 * is needed: the ICU section (a few dozen kilobytes, what most lookups
 * ask) is read into memory on its first use, and the name sections are
 * mapped only when a name is looked up.  Mapping the whole file at once
 * would put all of it in the process's resident memory on kernels that
 * map large page-cache folios whole.
 */
struct i18n_cache *
i18n_cache_open(const char *path)
{
	struct i18n_cache *c;
	struct stat sb;
	unsigned char want[12];
	const unsigned char *h;
	int fd;

	if (path == NULL || (fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return NULL;
	if (fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode) || sb.st_size < CACHE_HEADER ||
	    (uint64_t)sb.st_size > SIZE_MAX / 2) {
		close(fd);
		return NULL;
	}
	c = xcalloc(1, sizeof *c);
	c->fd = fd;
	c->size = (size_t)sb.st_size;
	h = c->head;
	cache_versions(want);
	if (pread(fd, c->head, CACHE_HEADER, 0) != CACHE_HEADER ||
	    memcmp(h, CACHE_MAGIC, 8) != 0 || le_u32(h + 8) != CACHE_FORMAT ||
	    memcmp(h + 12, want, 12) != 0 || le_u64(h + 32) != c->size - CACHE_HEADER)
		goto fail;
	c->off[0] = le_u32(h + 24);
	c->off[1] = le_u32(h + 28);
	c->off[CACHE_ICU] = le_u32(h + 56);
	if (c->off[0] != CACHE_HEADER || c->off[1] <= c->off[0] ||
	    c->off[CACHE_ICU] <= c->off[1] || c->off[CACHE_ICU] >= c->size ||
	    c->off[1] % 32 != 0 || c->off[CACHE_ICU] % 32 != 0 || c->size % 32 != 0)
		goto fail;
	c->len[0] = c->off[1] - c->off[0];
	c->len[1] = c->off[CACHE_ICU] - c->off[1];
	c->len[CACHE_ICU] = c->size - c->off[CACHE_ICU];
	return c;
fail:
	i18n_cache_close(c);
	return NULL;
}

/* Maps the file and parses both name sections, once; false when it
 * cannot, and then no name section is used. */
static bool
cache_map(struct i18n_cache *c)
{
	void *map;
	size_t i;

	if (c->map_tried)
		return c->map != NULL;
	c->map_tried = true;
	map = mmap(NULL, c->size, PROT_READ, MAP_PRIVATE, c->fd, 0);
	if (map == MAP_FAILED)
		return false;
	c->map = map;
	for (i = 0; i < 2; i++)
		if (!cache_kind_parse(c, c->off[i], c->off[i] + c->len[i], &c->kind[i])) {
			munmap(map, c->size);
			c->map = NULL;
			return false;
		}
	return true;
}

void
i18n_cache_close(struct i18n_cache *c)
{
	if (c == NULL)
		return;
	if (c->map != NULL)
		munmap((void *)c->map, c->size);
	free(c->icu_copy);
	close(c->fd);
	free(c);
}

const struct i18n_cache_kind *
i18n_cache_kind(struct i18n_cache *c, bool language, const char *const *ids, size_t n)
{
	const struct i18n_cache_kind *k;
	const char *p, *end;
	size_t i, len;

	if (c == NULL)
		return NULL;
	if (c->state[language] == 0)
		c->state[language] = cache_map(c) &&
					     le_u64(c->head + 40 + 8 * (size_t)language) ==
						     cache_checksum(c->map + c->off[language], c->len[language])
				     ? 1
				     : -1;
	if (c->state[language] != 1)
		return NULL;
	k = &c->kind[language];
	if (k->ncodes != n)
		return NULL;
	/* The codes must be ICU's, in ICU's order: the entries name them by
	 * number. */
	p = (const char *)k->ids;
	end = p + k->idsize;
	for (i = 0; i < n; i++) {
		len = strlen(ids[i]);
		if ((size_t)(end - p) <= len || memcmp(p, ids[i], len + 1) != 0)
			return NULL;
		p += len + 1;
	}
	for (i = 0; i <= n; i++)
		if (le_u32(k->own_off + 4 * i) >= k->ownsize ||
		    (i > 0 && k->own[le_u32(k->own_off + 4 * i) - 1] != '\0'))
			return NULL;
	return k;
}

void
i18n_cache_entry(const struct i18n_cache_kind *k, size_t i, const char **key, size_t *len,
		 int *code, int *loc)
{
	const unsigned char *e = k->entries + CACHE_ENTRY * i;
	size_t off = le_u32(e), n = le_u16(e + 4);

	/* A checksummed file is well formed; still, never read outside it. */
	if (off > k->keysize || n > k->keysize - off)
		off = n = 0;
	*key = (const char *)k->keys + off;
	*len = n;
	*code = (int)le_u16(e + 6);
	*loc = (int)le_u16(e + 8);
	if ((size_t)*code >= k->ncodes)
		*code = 0, *len = 0;
	if (*loc >= k->nlocs)
		*loc = 0;
}

/* Order of entry i's key against p: negative, zero, positive; with
 * prefix, a key that starts with p counts as equal. */
static int
cache_cmp(const struct i18n_cache_kind *k, size_t i, const char *p, size_t plen, bool prefix)
{
	const char *key;
	size_t len;
	int code, loc, r;

	i18n_cache_entry(k, i, &key, &len, &code, &loc);
	if ((r = memcmp(key, p, len < plen ? len : plen)) != 0)
		return r;
	if (len < plen)
		return -1;
	return prefix || len == plen ? 0 : 1;
}

void
i18n_cache_range(const struct i18n_cache_kind *k, const char *key, size_t len, size_t *lo,
		 size_t *hi)
{
	size_t a = 0, b = k->nentries, m;

	while (a < b) {
		m = a + (b - a) / 2;
		if (cache_cmp(k, m, key, len, false) < 0)
			a = m + 1;
		else
			b = m;
	}
	*lo = a;
	b = k->nentries;
	while (a < b) {
		m = a + (b - a) / 2;
		if (cache_cmp(k, m, key, len, true) <= 0)
			a = m + 1;
		else
			b = m;
	}
	*hi = a;
}

const char *
i18n_cache_own(const struct i18n_cache_kind *k, size_t code)
{
	if (code >= k->ncodes)
		return "";
	return (const char *)k->own + le_u32(k->own_off + 4 * code);
}

/* The ICU section ---------------------------------------------------------- */

/* The 64-bit checksum folded into the header's 32 bits. */
static uint32_t
cache_fold(uint64_t h)
{
	return (uint32_t)(h ^ h >> 32);
}

/* Parses the ICU section; false when it does not fit its section. */
static bool
cache_icu_parse(struct i18n_cache *c)
{
	struct cache_icu *u = &c->icu;
	size_t p = 0, end = c->len[CACHE_ICU];
	const unsigned char *h = c->icu_copy;

	if (c->len[CACHE_ICU] < CACHE_ICU_HEADER + CACHE_BITS)
		return false;
	u->nterr = le_u32(h);
	u->ngroups = le_u32(h + 4);
	u->nskel = le_u32(h + 8);
	u->nlocs = le_u32(h + 12);
	u->strsize = le_u32(h + 16);
	if (u->nterr > CACHE_CODES || u->ngroups > 0xffff || u->nskel > CACHE_MAXSKEL ||
	    u->nlocs > 0xffff || u->strsize == 0)
		return false;
	/* Bounded as above, these sums cannot overflow. */
	p += CACHE_ICU_HEADER;
	u->valid = h + p;
	p += CACHE_BITS;
	u->terr = h + p;
	p += (2 * u->nterr + 3) & ~(size_t)3;
	u->groups = h + p;
	p += CACHE_GROUP * u->ngroups;
	u->skel = h + p;
	p += 4 * u->nskel;
	u->locs = h + p;
	p += 4 * (1 + u->nskel) * u->nlocs;
	u->strs = h + p;
	p += u->strsize;
	if (p > end || u->strs[u->strsize - 1] != '\0')
		return false;
	/* Two capitals each: i18n_names.c indexes them by their letters. */
	for (p = 0; p < u->nterr; p++)
		if (u->terr[2 * p] < 'A' || u->terr[2 * p] > 'Z' || u->terr[2 * p + 1] < 'A' ||
		    u->terr[2 * p + 1] > 'Z')
			return false;
	return true;
}

/* The ICU section, verified on the first call; NULL when c is NULL or the
 * section is damaged. */
static const struct cache_icu *
cache_icu(struct i18n_cache *c)
{
	if (c == NULL)
		return NULL;
	if (c->state[CACHE_ICU] == 0) {
		size_t len = c->len[CACHE_ICU];
		bool good;

		c->icu_copy = xmalloc(len);
		good = pread(c->fd, c->icu_copy, len, (off_t)c->off[CACHE_ICU]) == (ssize_t)len &&
		       le_u32(c->head + 60) == cache_fold(cache_checksum(c->icu_copy, len));
		c->state[CACHE_ICU] = good && cache_icu_parse(c) ? 1 : -1;
	}
	return c->state[CACHE_ICU] == 1 ? &c->icu : NULL;
}

/* String at offset off of the section's strings ("" if out of range: the
 * strings end with a NUL, so any offset inside them is a string). */
static const char *
cache_icu_str(const struct cache_icu *u, uint32_t off)
{
	return off < u->strsize ? (const char *)u->strs + off : "";
}

/* True when s is two capitals, the codes a set of alpha-2 codes holds. */
static bool
cache_alpha2(const char *s)
{
	return s != NULL && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' &&
	       s[2] == '\0';
}

/* Whether alpha-2 code (two capitals) is in the set bits. */
static bool
cache_bit(const unsigned char *bits, const char *code)
{
	unsigned i = (unsigned)(code[0] - 'A') * 26 + (unsigned)(code[1] - 'A');

	return (bits[i / 8] >> (i % 8) & 1) != 0;
}

int
i18n_cache_country_valid(struct i18n_cache *c, const char *code)
{
	const struct cache_icu *u = cache_icu(c);

	if (u == NULL || !cache_alpha2(code))
		return -1;
	c->icu_hits++;
	return cache_bit(u->valid, code);
}

int
i18n_cache_region_contains(struct i18n_cache *c, const char *group, const char *country)
{
	const struct cache_icu *u = cache_icu(c);
	const unsigned char *g;
	size_t i, len;

	if (u == NULL || group == NULL || !cache_alpha2(country))
		return -1;
	if (!cache_bit(u->valid, country)) {
		c->icu_hits++;
		return 0; /* ICU too asks i18n_country_valid first */
	}
	/* A territory is its own region, never a grouping. */
	if (cache_alpha2(group) && cache_bit(u->valid, group)) {
		c->icu_hits++;
		return 0;
	}
	if ((len = strlen(group)) == 0 || len > 3)
		return -1;
	for (i = 0; i < u->ngroups; i++) {
		g = u->groups + CACHE_GROUP * i;
		if (memcmp(g, group, len) == 0 && (len == 3 || g[len] == '\0')) {
			c->icu_hits++;
			return cache_bit(g + 4, country);
		}
	}
	/* An alias ("QU") or a code ICU does not know: ask ICU. */
	return -1;
}

const char *
i18n_cache_territories(struct i18n_cache *c, size_t *n)
{
	const struct cache_icu *u = cache_icu(c);

	*n = 0;
	if (u == NULL || u->nterr == 0)
		return NULL;
	c->icu_hits++;
	*n = u->nterr;
	return (const char *)u->terr;
}

const char *
i18n_cache_pattern(struct i18n_cache *c, const char *locale, const char *skeleton)
{
	const struct cache_icu *u = cache_icu(c);
	const unsigned char *e;
	size_t s, a = 0, b, m;
	int r;

	if (u == NULL || locale == NULL || skeleton == NULL)
		return NULL;
	for (s = 0; s < u->nskel; s++)
		if (strcmp(cache_icu_str(u, le_u32(u->skel + 4 * s)), skeleton) == 0)
			break;
	if (s == u->nskel)
		return NULL;
	for (b = u->nlocs; a < b;) {
		m = a + (b - a) / 2;
		e = u->locs + 4 * (1 + u->nskel) * m;
		if ((r = strcmp(locale, cache_icu_str(u, le_u32(e)))) == 0) {
			c->icu_hits++;
			return cache_icu_str(u, le_u32(e + 4 + 4 * s));
		}
		if (r < 0)
			b = m;
		else
			a = m + 1;
	}
	return NULL;
}

unsigned long
i18n_cache_hits(const struct i18n_cache *c)
{
	return c != NULL ? c->icu_hits : 0;
}

/* The process's cache ------------------------------------------------------ */

void
i18n_cache_shared_path(const char *path)
{
	if (path == NULL ||
	    (cache_shared.path != NULL && strcmp(cache_shared.path, path) == 0))
		return;
	i18n_cache_shared_free();
	cache_shared.path = xstrdup(path);
}

struct i18n_cache *
i18n_cache_shared(void)
{
	if (!cache_shared.tried) {
		cache_shared.tried = true;
		cache_shared.cache = i18n_cache_open(cache_shared.path);
	}
	return cache_shared.cache;
}

void
i18n_cache_shared_free(void)
{
	i18n_cache_close(cache_shared.cache);
	free(cache_shared.path);
	memset(&cache_shared, 0, sizeof cache_shared);
}

/* Writing ---------------------------------------------------------------- */

struct cache_buf {
	unsigned char *p;
	size_t n, cap;
};

static void
cbuf_put(struct cache_buf *b, const void *s, size_t n)
{
	if (n == 0) /* s may be NULL then */
		return;
	if (b->n + n > b->cap) {
		while (b->n + n > b->cap)
			b->cap = b->cap ? b->cap * 2 : 1 << 20;
		b->p = xreallocarray(b->p, b->cap, 1);
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
}

static void
cbuf_u32(struct cache_buf *b, uint32_t v)
{
	unsigned char x[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
			      (unsigned char)(v >> 24)};

	cbuf_put(b, x, 4);
}

static void
cbuf_u16(struct cache_buf *b, uint32_t v)
{
	unsigned char x[2] = {(unsigned char)v, (unsigned char)(v >> 8)};

	cbuf_put(b, x, 2);
}

static void
cbuf_align(struct cache_buf *b, size_t a)
{
	/* The largest alignment asked for is the header's (64 bytes). */
	static const unsigned char zero[64];
	size_t pad = (a - b->n % a) % a;

	if (pad > sizeof zero)
		abort(); /* a programming error: no such alignment is used */
	cbuf_put(b, zero, pad);
}

static void
cbuf_set32(struct cache_buf *b, size_t at, uint32_t v)
{
	b->p[at] = (unsigned char)v;
	b->p[at + 1] = (unsigned char)(v >> 8);
	b->p[at + 2] = (unsigned char)(v >> 16);
	b->p[at + 3] = (unsigned char)(v >> 24);
}

static void
cbuf_set64(struct cache_buf *b, size_t at, uint64_t v)
{
	cbuf_set32(b, at, (uint32_t)v);
	cbuf_set32(b, at + 4, (uint32_t)(v >> 32));
}

struct cache_item {
	char *key;
	size_t len;
	int code, loc;
};

static int
cache_item_cmp(const void *a, const void *b)
{
	const struct cache_item *x = a, *y = b;
	int r = memcmp(x->key, y->key, x->len < y->len ? x->len : y->len);

	if (r != 0)
		return r;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	if (x->code != y->code)
		return x->code - y->code;
	return x->loc - y->loc;
}

/* Appends one kind's section; -1 with *cause when ICU fails or a count
 * does not fit the format. */
static int
cache_write_kind(struct i18n *ui, bool language, struct cache_buf *b, char **cause)
{
	const char *const *ids;
	const struct names_raw *raw;
	struct cache_item *v;
	struct cache_buf own = {0}, keys = {0};
	size_t ncodes, nraw, i, n = 0, m = 0, head;
	int nlocs;

	if (i18n_names_collect(ui, language, &ids, &ncodes, &raw, &nraw, &nlocs) == -1) {
		*cause = xasprintf("cannot read the %s names from ICU",
				   language ? "language" : "country");
		return -1;
	}
	if (ncodes == 0 || ncodes > 0xffff || nlocs <= 0 || nlocs > 0xffff) {
		*cause = xasprintf("%zu codes and %d locales do not fit the format", ncodes, nlocs);
		return -1;
	}
	/* Fold every name once, in full, exactly as a lookup folds it. */
	v = xcalloc(nraw + 1, sizeof *v);
	for (i = 0; i < nraw; i++) {
		int32_t flen;
		UChar32 *f = i18n_names_fold_all(raw[i].s, raw[i].len, &flen);

		if (flen > 0 && flen <= 0x3fff) {
			v[n].key = xcalloc((size_t)flen * 4 + 1, 1);
			v[n].len = i18n_cache_key(f, flen, v[n].key);
			v[n].code = raw[i].code;
			v[n].loc = raw[i].loc;
			n++;
		}
		free(f);
	}
	qsort(v, n, sizeof *v, cache_item_cmp);

	head = b->n;
	cbuf_u32(b, (uint32_t)ncodes);
	cbuf_u32(b, (uint32_t)nlocs);
	cbuf_u32(b, 0); /* nentries, below */
	cbuf_u32(b, 0); /* idsize */
	cbuf_u32(b, 0); /* ownsize */
	cbuf_u32(b, 0); /* keysize */
	for (i = 0; i < ncodes; i++)
		cbuf_put(b, ids[i], strlen(ids[i]) + 1);
	cbuf_set32(b, head + 12, (uint32_t)(b->n - head - CACHE_KIND_HEADER));
	cbuf_align(b, 4);
	for (i = 0; i < ncodes; i++) {
		char *s = i18n_names_own(ui, language, i);

		cbuf_u32(b, (uint32_t)own.n);
		cbuf_put(&own, s != NULL ? s : "", s != NULL ? strlen(s) + 1 : 1);
		free(s);
	}
	cbuf_u32(b, (uint32_t)own.n);
	cbuf_put(&own, "", 1); /* so that the last offset points inside */
	cbuf_put(b, own.p, own.n);
	cbuf_set32(b, head + 16, (uint32_t)own.n);
	cbuf_align(b, 4);
	/* Entries; one key for each run of equal keys, one entry for each
	 * distinct (key, code, locale). */
	for (i = 0; i < n; i++) {
		if (i > 0 && cache_item_cmp(&v[i - 1], &v[i]) == 0)
			continue;
		if (i == 0 || v[i - 1].len != v[i].len ||
		    memcmp(v[i - 1].key, v[i].key, v[i].len) != 0)
			cbuf_put(&keys, v[i].key, v[i].len);
		cbuf_u32(b, (uint32_t)(keys.n - v[i].len));
		cbuf_u16(b, (uint32_t)v[i].len);
		cbuf_u16(b, (uint32_t)v[i].code);
		cbuf_u16(b, (uint32_t)v[i].loc);
		cbuf_u16(b, 0);
		m++;
	}
	cbuf_put(b, keys.p, keys.n);
	cbuf_set32(b, head + 8, (uint32_t)m);
	cbuf_set32(b, head + 20, (uint32_t)keys.n);
	cbuf_align(b, 32);
	for (i = 0; i < n; i++)
		free(v[i].key);
	free(v);
	free(own.p);
	free(keys.p);
	return 0;
}

/* The strings of the ICU section, each stored once, in byte order. */
struct cache_strs {
	char **v;
	size_t n, cap;
	uint32_t *off; /* of v[i] in the pool, once cache_strs_pool ran */
};

/* Adds s, which the set now owns. */
static void
cache_strs_add(struct cache_strs *t, char *s)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 1024;
		t->v = xreallocarray(t->v, t->cap, sizeof *t->v);
	}
	t->v[t->n++] = s;
}

static int
cache_str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts the strings, drops duplicates and appends the pool to pool. */
static void
cache_strs_pool(struct cache_strs *t, struct cache_buf *pool)
{
	size_t i, m = 0;

	qsort(t->v, t->n, sizeof *t->v, cache_str_cmp);
	for (i = 0; i < t->n; i++) {
		if (m > 0 && strcmp(t->v[m - 1], t->v[i]) == 0)
			free(t->v[i]);
		else
			t->v[m++] = t->v[i];
	}
	t->n = m;
	t->off = xcalloc(m + 1, sizeof *t->off);
	for (i = 0; i < m; i++) {
		t->off[i] = (uint32_t)pool->n;
		cbuf_put(pool, t->v[i], strlen(t->v[i]) + 1);
	}
}

/* The pool offset of s, which was added. */
static uint32_t
cache_strs_off(const struct cache_strs *t, const char *s)
{
	char *const *p = bsearch(&s, t->v, t->n, sizeof *t->v, cache_str_cmp);

	if (p == NULL)
		abort(); /* a programming error: every string is added first */
	return t->off[p - t->v];
}

static void
cache_strs_free(struct cache_strs *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->v[i]);
	free(t->v);
	free(t->off);
}

/* One locale's patterns, as the ICU section stores them. */
struct cache_loc {
	char *id;
	char *pat[I18N_SKELETONS];
};

static int
cache_loc_cmp(const void *a, const void *b)
{
	return strcmp(((const struct cache_loc *)a)->id, ((const struct cache_loc *)b)->id);
}

/* The best pattern for every skeleton in loc, into l (UTF-8, allocated);
 * false when ICU gives none, or one time_fmt_open could not hold. */
static bool
cache_loc_patterns(const char *loc, struct cache_loc *l)
{
	UErrorCode st = U_ZERO_ERROR;
	UDateTimePatternGenerator *gen = udatpg_open(loc, &st);
	UChar pat[CACHE_MAXPATTERN];
	int32_t len;
	size_t i;
	bool ok = U_SUCCESS(st);

	memset(l, 0, sizeof *l);
	for (i = 0; ok && i < I18N_SKELETONS; i++) {
		len = i18n_time_best_pattern(gen, i18n_time_skeletons[i], pat, CACHE_MAXPATTERN,
					     &st);
		ok = U_SUCCESS(st) && (l->pat[i] = i18n_u8(pat, len)) != NULL;
	}
	if (gen != NULL)
		udatpg_close(gen);
	if (!ok) {
		for (i = 0; i < I18N_SKELETONS; i++)
			free(l->pat[i]);
		return false;
	}
	l->id = xstrdup(loc);
	return true;
}

/* Sets code's bit in the set bits (layout of the section's valid). */
static void
cache_set_bit(unsigned char *bits, const char *code)
{
	unsigned i = (unsigned)(code[0] - 'A') * 26 + (unsigned)(code[1] - 'A');

	bits[i / 8] |= (unsigned char)(1u << (i % 8));
}

/*
 * Appends the ICU section: ICU's own answers, asked live here (ui has no
 * cache), for every question the reader answers.  -1 with *cause when ICU
 * fails.
 */
static int
cache_write_icu(struct i18n *ui, struct cache_buf *b, char **cause)
{
	static const URegionType types[] = {URGN_WORLD, URGN_CONTINENT, URGN_SUBCONTINENT,
					    URGN_GROUPING};
	const char *const *ids, *s;
	const struct names_raw *raw;
	struct cache_strs groups = {0}, strs = {0};
	struct cache_loc *locs = NULL;
	struct cache_buf pool = {0};
	unsigned char valid[CACHE_BITS] = {0}, bits[CACHE_BITS];
	char code[3] = "AA", gcode[4];
	size_t ncodes, nraw, nlocs = 0, i, j, t, head = b->n;
	int32_t nav = uloc_countAvailable();
	int nl, rc = -1;

	if (i18n_names_collect(ui, false, &ids, &ncodes, &raw, &nraw, &nl) == -1) {
		*cause = xasprintf("cannot read the territories from ICU");
		return -1;
	}
	for (i = 0; i < ncodes; i++) {
		if (!cache_alpha2(ids[i])) {
			*cause = xasprintf("territory \"%s\" is not an alpha-2 code", ids[i]);
			return -1;
		}
	}
	for (t = 0; t < sizeof types / sizeof types[0]; t++) {
		UErrorCode st = U_ZERO_ERROR;
		UEnumeration *e = uregion_getAvailable(types[t], &st);

		while (U_SUCCESS(st) && (s = uenum_next(e, NULL, &st)) != NULL)
			if (strlen(s) >= 1 && strlen(s) <= 3) /* longer ones are asked live */
				cache_strs_add(&groups, xstrdup(s));
		uenum_close(e);
		if (U_FAILURE(st)) {
			*cause = xasprintf("uregion_getAvailable: %s", u_errorName(st));
			goto out;
		}
	}
	qsort(groups.v, groups.n, sizeof *groups.v, cache_str_cmp);
	for (i = 0; i < I18N_SKELETONS; i++)
		cache_strs_add(&strs, xstrdup(i18n_time_skeletons[i]));
	locs = xcalloc((size_t)(nav > 0 ? nav : 0) + 1, sizeof *locs);
	for (i = 0; i < (size_t)(nav > 0 ? nav : 0); i++) {
		if ((s = uloc_getAvailable((int32_t)i)) == NULL || !cache_loc_patterns(s, &locs[nlocs]))
			continue;
		cache_strs_add(&strs, xstrdup(locs[nlocs].id));
		for (j = 0; j < I18N_SKELETONS; j++)
			cache_strs_add(&strs, xstrdup(locs[nlocs].pat[j]));
		nlocs++;
	}
	qsort(locs, nlocs, sizeof *locs, cache_loc_cmp);
	cache_strs_pool(&strs, &pool);

	cbuf_u32(b, (uint32_t)ncodes);
	cbuf_u32(b, (uint32_t)groups.n);
	cbuf_u32(b, I18N_SKELETONS);
	cbuf_u32(b, (uint32_t)nlocs);
	cbuf_u32(b, (uint32_t)pool.n);
	cbuf_u32(b, 0);
	for (code[0] = 'A'; code[0] <= 'Z'; code[0]++)
		for (code[1] = 'A'; code[1] <= 'Z'; code[1]++)
			if (i18n_country_valid_icu(code))
				cache_set_bit(valid, code);
	cbuf_put(b, valid, sizeof valid);
	for (i = 0; i < ncodes; i++)
		cbuf_put(b, ids[i], 2);
	cbuf_align(b, 4);
	for (i = 0; i < groups.n; i++) {
		memset(gcode, 0, sizeof gcode);
		memcpy(gcode, groups.v[i], strlen(groups.v[i]));
		memset(bits, 0, sizeof bits);
		for (code[0] = 'A'; code[0] <= 'Z'; code[0]++)
			for (code[1] = 'A'; code[1] <= 'Z'; code[1]++)
				if (i18n_region_contains_icu(groups.v[i], code))
					cache_set_bit(bits, code);
		cbuf_put(b, gcode, sizeof gcode);
		cbuf_put(b, bits, sizeof bits);
	}
	for (i = 0; i < I18N_SKELETONS; i++)
		cbuf_u32(b, cache_strs_off(&strs, i18n_time_skeletons[i]));
	for (i = 0; i < nlocs; i++) {
		cbuf_u32(b, cache_strs_off(&strs, locs[i].id));
		for (j = 0; j < I18N_SKELETONS; j++)
			cbuf_u32(b, cache_strs_off(&strs, locs[i].pat[j]));
	}
	cbuf_put(b, pool.p, pool.n);
	cbuf_align(b, 32);
	if (b->n - head > UINT32_MAX / 2) {
		*cause = xasprintf("the ICU section would be %zu bytes, too large", b->n - head);
		goto out;
	}
	rc = 0;
out:
	for (i = 0; i < nlocs; i++) {
		free(locs[i].id);
		for (j = 0; j < I18N_SKELETONS; j++)
			free(locs[i].pat[j]);
	}
	free(locs);
	free(pool.p);
	cache_strs_free(&groups);
	cache_strs_free(&strs);
	return rc;
}

int
i18n_cache_write(const char *path, char **cause)
{
	struct i18n ui;
	struct cache_buf b = {0};
	unsigned char v[12];
	char *tmp = NULL;
	FILE *f = NULL;
	int rc = -1;
	size_t i;

	*cause = NULL;
	/* A context with no catalog: the collection depends on no UI
	 * language (the names of every locale, the codes ICU lists). */
	memset(&ui, 0, sizeof ui);
	strcpy(ui.locale, "en");
	cbuf_put(&b, CACHE_MAGIC, 8);
	cbuf_u32(&b, CACHE_FORMAT);
	cache_versions(v);
	cbuf_put(&b, v, 12);
	cbuf_align(&b, CACHE_HEADER);
	for (i = 0; i < 2; i++) {
		cbuf_set32(&b, 24 + 4 * i, (uint32_t)b.n);
		if (cache_write_kind(&ui, i == 1, &b, cause) == -1)
			goto out;
	}
	cbuf_set32(&b, 56, (uint32_t)b.n);
	if (cache_write_icu(&ui, &b, cause) == -1)
		goto out;
	if (b.n > UINT32_MAX) {
		*cause = xasprintf("the cache would be %zu bytes, too large", b.n);
		goto out;
	}
	cbuf_set64(&b, 32, b.n - CACHE_HEADER);
	for (i = 0; i < 2; i++) {
		size_t off = le_u32(b.p + 24 + 4 * i), end = le_u32(b.p + (i == 0 ? 28 : 56));

		cbuf_set64(&b, 40 + 8 * i, cache_checksum(b.p + off, end - off));
	}
	cbuf_set32(&b, 60, cache_fold(cache_checksum(b.p + le_u32(b.p + 56), b.n - le_u32(b.p + 56))));

	tmp = xasprintf("%s.tmp", path);
	if ((f = fopen(tmp, "wb")) == NULL || fwrite(b.p, 1, b.n, f) != b.n) {
		*cause = xasprintf("%s: %s", tmp, strerror(errno));
		goto out;
	}
	if (fclose(f) != 0) {
		f = NULL;
		*cause = xasprintf("%s: %s", tmp, strerror(errno));
		goto out;
	}
	f = NULL;
	if (rename(tmp, path) == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (f != NULL)
		fclose(f);
	if (rc == -1 && tmp != NULL)
		remove(tmp);
	free(tmp);
	free(b.p);
	i18n_names_free(ui.names);
	return rc;
}
