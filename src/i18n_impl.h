/*
 * i18n_impl.h - the inside of struct i18n, shared by the i18n*.c files
 * only (they alone may include ICU headers).
 */
#ifndef SIGNPOST_I18N_IMPL_H
#define SIGNPOST_I18N_IMPL_H

#include <stdbool.h>

#include <unicode/ucol.h>
#include <unicode/umsg.h>
#include <unicode/uloc.h>
#include <unicode/ucnv.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>

#include "i18n.h"
#include "i18n_catalog.h"

struct i18n_names; /* private to i18n_names.c */

struct i18n {
	char tag[32];         /* catalog chosen, BCP 47 ("pt") */
	char locale[ULOC_FULLNAME_CAPACITY]; /* ICU locale for formatting ("pt_BR"); region kept */
	char home_region[4];  /* from the environment locale, or "" */
	char worker_zone[64]; /* IANA zone of the worker */
	bool rtl;
	bool utf8;
	char *locales_dir;
	struct i18n_catalog *cat; /* the chosen catalog */
	struct i18n_catalog *en;  /* English, opened on the first missing key */
	UCollator *coll;      /* opened on first use */
	UConverter *conv;     /* terminal charset when not UTF-8 */
	UTransliterator *translit;
	struct i18n_names *names; /* name indexes, built on first use */
	/* Date formats are costly to build: one pattern generator (when
	 * names.cache has no patterns for the locale), and the formats already
	 * used, keyed by zone, skeleton and calendar (i18n_time.c). */
	UDateTimePatternGenerator *dtpg;
	struct {
		char key[96];      /* zone, and "|p" when proleptic */
		char skeleton[16]; /* whose pattern fmt has now */
		UDateFormat *fmt;
	} fmts[8];
	UDateFormat *weekdays; /* for i18n_weekday */
	/* Compiled message formats, by pattern address (i18n.c). */
#define I18N_FMT_CACHE 512
	struct {
		const char *pattern;
		UMessageFormat *fmt;
	} fmtcache[I18N_FMT_CACHE];
	void *brk;             /* UBreakIterator for i18n_wrap, reused */
	/* Language names already asked for, by tag: every result names its
	 * languages, and the same few come back (i18n_names.c). */
#define I18N_LANGNAMES 16
	struct {
		char tag[32];
		char *name;
	} langnames[I18N_LANGNAMES];
	unsigned nextlangname; /* the slot to reuse when all are taken */
};

/* Frees the calendars i18n_time.c keeps per zone (from i18n_cleanup). */
void i18n_time_cleanup(void);
/* Frees what i18n_time.c cached in ui. */
void i18n_time_free(struct i18n *ui);

/* Frees the language fallbacks i18n_names.c remembers (from i18n_cleanup). */
void i18n_names_cleanup(void);

/* Frees what i18n_names.c cached in ui->names. */
void i18n_names_free(struct i18n_names *n);

/*
 * The names index and its cache (i18n_names.c, i18n_cache.c).
 *
 * One name from another locale's table, as the live scan collects it: s
 * points into ICU's mapped data, code indexes the kind's codes, loc counts
 * the language-only locales in the order ICU lists them.
 */
struct names_raw {
	const UChar *s;
	int32_t len;
	UChar32 first; /* first folded code point */
	int code;
	int loc;
};

/* Folds a whole UTF-16 string the way every name is matched (no length
 * cap): an allocated array of *flen code points, NULL-free. */
UChar32 *i18n_names_fold_all(const UChar *s, int32_t len, int32_t *flen);

/*
 * Everything the cache stores for one kind (countries, or languages when
 * language is true), collected exactly as the live scan collects it: the
 * table keys in code order, every name of every language-only locale, the
 * number of those locales.  The pointers stay valid until ui is freed.
 * Returns 0, or -1 when ICU fails.
 */
int i18n_names_collect(struct i18n *ui, bool language, const char *const **ids, size_t *ncodes,
		       const struct names_raw **raw, size_t *nraw, int *nlocs);
/* True when ui's lookups of this kind have been answered from names.cache
 * (for the tests: the cache is an optimisation nobody else can see). */
bool i18n_names_cache_used(const struct i18n *ui, bool language);
/* True when ui's country codes came from names.cache (for the tests). */
bool i18n_names_codes_cached(const struct i18n *ui);
/* The name of code number `code` in its own language (completion), UTF-8,
 * allocated; NULL when ICU has none. */
char *i18n_names_own(struct i18n *ui, bool language, size_t code);

/* A mapped names.cache (i18n_cache.c); one section per kind. */
struct i18n_cache;
struct i18n_cache_kind {
	size_t ncodes, nentries;
	int nlocs;
	const unsigned char *ids, *own_off, *own, *entries, *keys;
	size_t idsize, ownsize, keysize;
};

/* Maps path read-only; NULL (silently) when it is missing, unreadable,
 * malformed, or of another format, ICU, Unicode or CLDR version. */
struct i18n_cache *i18n_cache_open(const char *path);
void i18n_cache_close(struct i18n_cache *c);
/* One kind's section, or NULL unless its checksum matches (verified on
 * the first call) and its codes are exactly ids[0..n). */
const struct i18n_cache_kind *i18n_cache_kind(struct i18n_cache *c, bool language,
					      const char *const *ids, size_t n);
/* Entries [*lo, *hi) whose folded key starts with key[0..len) (UTF-8). */
void i18n_cache_range(const struct i18n_cache_kind *k, const char *key, size_t len, size_t *lo,
		      size_t *hi);
/* Entry i: its folded key (UTF-8, not NUL-terminated), code and locale. */
void i18n_cache_entry(const struct i18n_cache_kind *k, size_t i, const char **key, size_t *len,
		      int *code, int *loc);
/* The own name of a code (UTF-8), "" when none. */
const char *i18n_cache_own(const struct i18n_cache_kind *k, size_t code);
/*
 * The ICU section of names.cache (format 2): ICU's own answers, written
 * by mknames, so that a lookup need not load ICU's region data or a
 * pattern generator.  Each verifies the section on its first use; each
 * answers from it only when c is not NULL and the section is good.
 *
 * i18n_country_valid's answer for code: 1 or 0, or -1 for none (no good
 * section, or code not two capitals).
 */
int i18n_cache_country_valid(struct i18n_cache *c, const char *code);
/* i18n_region_contains's answer: 1 or 0, or -1 for none (no good
 * section, or a group code the section does not list: ask ICU). */
int i18n_cache_region_contains(struct i18n_cache *c, const char *group, const char *country);
/* The country kind's ids, the alpha-2 territories in the order ICU lists
 * them: *n codes of 2 bytes each (not NUL-terminated), inside the
 * mapping; NULL with *n = 0 for none. */
const char *i18n_cache_territories(struct i18n_cache *c, size_t *n);
/* The best pattern ICU gives for skeleton in locale (exactly one of the
 * IDs uloc_getAvailable lists), UTF-8 inside the mapping; NULL for none. */
const char *i18n_cache_pattern(struct i18n_cache *c, const char *locale, const char *skeleton);
/* How many answers the four above gave from c (for the tests). */
unsigned long i18n_cache_hits(const struct i18n_cache *c);
/*
 * The process's names.cache, for i18n_country_valid and
 * i18n_region_contains (which take no context) and for date patterns:
 * i18n_set_datadir names it (a new path replaces the old), it is mapped
 * on first need (NULL when there is none or it is unusable), and
 * i18n_cleanup unmaps it.
 */
void i18n_cache_shared_path(const char *path);
struct i18n_cache *i18n_cache_shared(void);
void i18n_cache_shared_free(void);

/* ICU's live answers, without names.cache (what the cache must equal). */
bool i18n_country_valid_icu(const char *code);
bool i18n_region_contains_icu(const char *group, const char *country);

/* The skeletons i18n_time.c formats with: i18n_date's by the number of
 * parts (year; year and month; a full date), then i18n_time's with and
 * without the weekday.  names.cache holds each one's pattern per locale. */
#define I18N_SKELETONS 5
extern const char *const i18n_time_skeletons[I18N_SKELETONS];
/* The best pattern gen gives for skeleton (ASCII), into pat (cap units,
 * NUL-terminated); returns its length.  A pattern that does not fit is
 * U_BUFFER_OVERFLOW_ERROR. */
int32_t i18n_time_best_pattern(UDateTimePatternGenerator *gen, const char *skeleton, UChar *pat,
			       int32_t cap, UErrorCode *status);

/* Encodes folded code points as UTF-8 into out (4 * n bytes); returns the
 * length. */
size_t i18n_cache_key(const UChar32 *q, int32_t n, char *out);
/* Writes the cache for this ICU to path (via a temporary file renamed
 * into place); 0, or -1 with an allocated *cause. */
int i18n_cache_write(const char *path, char **cause);

/* UTF-8 <-> UTF-16 helpers; results allocated, NULL only on invalid input. */
UChar *i18n_u16(const char *s, int32_t *len);
char *i18n_u8(const UChar *s, int32_t len);
/* The collator, opened on first use (never NULL; root if the locale fails). */
UCollator *i18n_collator(struct i18n *ui);

#endif
