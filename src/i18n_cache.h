/*
 * i18n_cache.h - names.cache, the generated data every question about
 * names, codes and date patterns is answered from: its format (shared by
 * the reader, i18n_cache.c, and the build-time writer, build/names_build.c)
 * and the reader's interface.  Only the i18n*.c files and the build
 * library include it; nothing here writes a file.
 *
 * The file is built from the ICU signpost is linked with, CLDR's XML
 * (subdivision names, language aliases and matches) and data/aliases.yaml,
 * and is trusted only by the same ICU version with the same locale data:
 * the header records ICU's, Unicode's and CLDR's versions and a hash of
 * the lists of locales ICU's data holds (i18n_cache_data_key).
 *
 * Layout (format 3).  Every integer is little-endian; every section starts
 * on a multiple of 8.
 *
 *   header (64 bytes)
 *     0  "SPNAMES\n"            8  u32 format (3)
 *    12  u32 block size B       16  u8[4] ICU version
 *    20  u8[4] Unicode version  24  u8[4] CLDR version of ICU's data
 *    28  u32 number of blocks   32  u64 data key
 *    40  u64 file size          48  u64 hash of bytes [64, body)
 *    56  u32 body offset        60  u32 offset of the about text
 *   section table: CACHE_NSECT x {u32 offset, u32 length}
 *   block hashes:  nblocks x u64, the hash of body block i, the bytes
 *                  [body + i B, body + (i + 1) B) (the last one shorter)
 *   about text:    what the file was built from, UTF-8, NUL-terminated
 *   body:          the sections, in the order of enum cache_section
 *
 * Every hash is ynode_hash.  A block is verified the first time a byte of
 * it is read, so a lookup reads and checks only the few blocks it needs.
 *
 * REGIONS   u32 ngroups, u32 0; valid: u8[CACHE_BITS], bit 26 (a - 'A') +
 *           (b - 'A') (byte i / 8, 1 << i % 8) set when "ab" is a
 *           territory ICU knows under that canonical code; groups:
 *           ngroups x {char[4] code, NUL-padded; u8[CACHE_BITS] members},
 *           every world, continent, subcontinent and grouping region ICU
 *           lists, sorted by code.
 * SERVED    u32 npairs, u32 strsize; npairs x {u32 tag, u32 served}
 *           (string offsets), sorted by tag then served: a caller who
 *           speaks tag is served by services in served (CLDR).
 *           strings: strsize bytes, NUL-terminated UTF-8.
 * LOCALES   u32 nlocs, u32 strsize; nlocs x u32 string offset, sorted by
 *           id bytes: the ICU locale ids ("cs", "sr_Latn", "de_CH") whose
 *           names the name sections hold (a name's loc indexes this list).
 *           strings.
 * PATTERNS  u32 nskel, u32 nlocs, u32 strsize, u32 0; skel: nskel x u32
 *           string offset (i18n_time_skeletons); locs: nlocs x {u32 id;
 *           u32[nskel] pattern}, sorted by id bytes: every locale
 *           uloc_getAvailable lists, alone and with each @hours= keyword,
 *           with the best pattern ICU's DateTimePatternGenerator gives
 *           there for each skeleton.  strings.
 * COUNTRIES and LANGUAGES, one names section each:
 *           u32 ncodes, u32 nentries, u32 poolsize, u32 0
 *           codes:   ncodes x {u32 code (pool offset, NUL-terminated),
 *                    u16 parent (the country of a subdivision, else
 *                    CACHE_NONE), u16 own (the loc of the code's own
 *                    language, or CACHE_NONE)}, sorted by code bytes:
 *                    countries "CZ" and ISO 3166-2 regions "GB-SCT";
 *                    languages as canonical BCP 47 tags "pt-BR".
 *           entries: nentries x {u32 key, u32 display (pool offsets),
 *                    u16 code, u16 loc (CACHE_NONE for a code), u8 key
 *                    length, u8 flags (CACHE_F_*), u16 display length},
 *                    sorted by key bytes, code, loc, flags, display: every
 *                    name of every code in every locale, folded (the key,
 *                    as i18n_fold does it) and as written (the display).
 *           byloc:   nentries x u32 entry number, sorted by loc, code,
 *                    entry number.
 *           pool:    poolsize bytes.
 */
#ifndef SIGNPOST_I18N_CACHE_H
#define SIGNPOST_I18N_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CACHE_MAGIC  "SPNAMES\n"
#define CACHE_FORMAT 3
#define CACHE_HEADER 64
#define CACHE_BLOCK  4096
enum cache_section {
	CACHE_REGIONS,
	CACHE_SERVED,
	CACHE_LOCALES,
	CACHE_PATTERNS,
	CACHE_COUNTRIES,
	CACHE_LANGUAGES,
	CACHE_NSECT
};
/* A set of alpha-2 codes: 26 * 26 bits, padded to 8 bytes. */
#define CACHE_BITS  88
#define CACHE_GROUP (4 + CACHE_BITS)
#define CACHE_CODE  8
#define CACHE_ENTRY 16
#define CACHE_NONE  0xffff
/* The longest folded name, in bytes, that a key holds. */
#define CACHE_MAXKEY 255
/* Entry flags: a code as people type it ("CZE", "203", "GB-SCT"), or a
 * name from data/aliases.yaml. */
#define CACHE_F_CODE  1
#define CACHE_F_ALIAS 2

/* Why a names.cache cannot be used (CACHE_OK when it can). */
enum cache_state {
	CACHE_OK,
	CACHE_NO_PATH,    /* no data directory was given */
	CACHE_MISSING,    /* no such file */
	CACHE_UNREADABLE, /* open or read failed (errno in err) */
	CACHE_NOT_FILE,   /* not a regular file (a FIFO, a directory, a device) */
	CACHE_NOT_NAMES,  /* not a names.cache of this format */
	CACHE_OTHER_ICU,  /* built for another ICU, Unicode or CLDR version */
	CACHE_OTHER_DATA, /* built from other locale data */
	CACHE_DAMAGED     /* a hash does not match */
};

struct i18n_cache;

/*
 * The key of the ICU locale data this process sees: a hash of ICU's data
 * version, of the list of locales in its main data and of how many its
 * region and language data hold (what a distribution's split or filtered
 * ICU data changes), and the number of locales in the main list.  The
 * writer records it, the reader compares it.
 */
uint64_t i18n_cache_data_key(unsigned *nlocales);

/* Why a cache could not be opened: the state, errno for
 * CACHE_UNREADABLE, and for CACHE_OTHER_ICU the ICU version the file
 * names. */
struct cache_why {
	enum cache_state state;
	int err;
	char icu[32];
};

/*
 * Opens path and checks its header and tables against this ICU and its
 * locale data.  Returns the cache, or NULL with *why saying why.  The
 * header and tables are read at open; a block of the sections below the
 * name sections is read into memory when first used, and the name
 * sections are mapped on first use.  Blocks are verified as they are
 * read; one that cannot be read leaves the cache CACHE_UNREADABLE.
 */
struct i18n_cache *i18n_cache_open(const char *path, struct cache_why *why);
void i18n_cache_close(struct i18n_cache *c);
/* Verifies every block now (--check); returns the state. */
enum cache_state i18n_cache_verify(struct i18n_cache *c);
/* What the file says it was built from (UTF-8, inside c). */
const char *i18n_cache_about(const struct i18n_cache *c);

/* Region answers: 1 or 0, or -1 when the data cannot be read. */
int i18n_cache_country_valid(struct i18n_cache *c, const char *code);
int i18n_cache_region_contains(struct i18n_cache *c, const char *group, const char *country);
/* The best pattern for skeleton in locale (one of the ids the section
 * lists), UTF-8 inside the cache; NULL for none or on damage. */
const char *i18n_cache_pattern(struct i18n_cache *c, const char *locale, const char *skeleton);
/* The languages served for tag: calls fn for each; -1 on damage. */
int i18n_cache_served(struct i18n_cache *c, const char *tag, void (*fn)(void *, const char *),
		      void *arg);

/* Locales: how many, and the index of an ICU locale id (or -1). */
size_t i18n_cache_nlocales(struct i18n_cache *c);
int i18n_cache_locale_find(struct i18n_cache *c, const char *id);

/* One names section (COUNTRIES or LANGUAGES), once its header is read. */
struct cache_names {
	struct i18n_cache *c;
	size_t ncodes, nentries, poolsize;
	size_t codes, entries, byloc, pool; /* file offsets */
};
/* One entry, as the reader hands it out: key and display point into the
 * cache and are not NUL-terminated. */
struct cache_entry {
	const char *key, *display;
	size_t klen, dlen;
	unsigned code, loc, flags;
};
/* The section, or NULL when it cannot be read. */
const struct cache_names *i18n_cache_names(struct i18n_cache *c, bool language);
/* Code i: its string, parent and own loc; false on damage. */
bool i18n_cache_code(const struct cache_names *k, size_t i, const char **code, unsigned *parent,
		     unsigned *own);
/* The index of code, or -1 (also on damage). */
long i18n_cache_code_find(const struct cache_names *k, const char *code);
/* Entry i; false on damage. */
bool i18n_cache_entry(const struct cache_names *k, size_t i, struct cache_entry *e);
/* Entry number of the i-th entry in (loc, code) order; SIZE_MAX on damage. */
size_t i18n_cache_byloc(const struct cache_names *k, size_t i);
/* The entries [*lo, *hi) whose key starts with key[0..len); false on
 * damage. */
bool i18n_cache_range(const struct cache_names *k, const char *key, size_t len, size_t *lo,
		      size_t *hi);
/* The positions [*lo, *hi) in byloc order of loc's entries (of code, or
 * of every code when code is CACHE_NONE); false on damage. */
bool i18n_cache_loc_range(const struct cache_names *k, unsigned loc, unsigned code, size_t *lo,
			  size_t *hi);

/*
 * The process's names.cache: i18n_set_datadir names it, it is opened on
 * first need and i18n_cleanup closes it.  i18n_cache_shared returns NULL
 * when it cannot be used, and i18n_cache_shared_why says why.
 */
void i18n_cache_shared_path(const char *path);
/* The path it was given, or NULL. */
const char *i18n_cache_shared_file(void);
struct i18n_cache *i18n_cache_shared(void);
/* Into *why: why the shared cache is not usable (opening it first if
 * nothing tried yet), or CACHE_OK in why->state. */
void i18n_cache_shared_why(struct cache_why *why);
void i18n_cache_shared_free(void);

#endif
