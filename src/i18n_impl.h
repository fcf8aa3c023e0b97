/*
 * i18n_impl.h - the inside of struct i18n, shared by the i18n*.c files
 * only (they alone may include ICU headers).
 */
#ifndef SIGNPOST_I18N_IMPL_H
#define SIGNPOST_I18N_IMPL_H

#include <stdbool.h>

#include <unicode/ucnv.h>
#include <unicode/ucol.h>
#include <unicode/udat.h>
#include <unicode/udata.h>
#include <unicode/uloc.h>
#include <unicode/umsg.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "i18n.h"
#include "i18n_catalog.h"

struct i18n_names; /* private to i18n_names.c */

/* The trees of ICU's data that hold territory and language names. */
#define I18N_TREE_REGION U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "region"
#define I18N_TREE_LANG   U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "lang"

/* A compiled message format and the catalog pattern it was made from. */
struct i18n_compiled_fmt {
	const char *pattern;
	UMessageFormat *fmt;
};

/* A date format of one zone and calendar (ui->fmts). */
struct i18n_time_fmt {
	char key[96];      /* zone, and "|p" when proleptic */
	char skeleton[16]; /* whose pattern fmt has now */
	UDateFormat *fmt;
};

struct i18n {
	char tag[32];                        /* catalog chosen, BCP 47 ("pt") */
	char locale[ULOC_FULLNAME_CAPACITY]; /* ICU locale for formatting ("pt_BR"); region kept */
	char home_region[4];                 /* from the environment locale, or "" */
	char worker_zone[64];                /* IANA zone of the worker */
	bool zone_unknown;                   /* TZ named no zone ICU knows: worker_zone is UTC */
	char zone_asked[64];                 /* ... and what TZ said */
	bool rtl;
	bool utf8;
	char *locales_dir;
	struct i18n_catalog *cat; /* the chosen catalog */
	struct i18n_catalog *en;  /* English, opened on the first missing key */
	UCollator *coll;          /* opened on first use */
	UConverter *conv;         /* terminal charset when not UTF-8 */
	UTransliterator *translit;
	struct i18n_names *names; /* the UI locale's place among names.cache's locales */
	/* Date formats are costly to build: one per zone and calendar,
	 * kept while ui lives, its pattern changed per skeleton; nfmts of
	 * them, in an array that grows (i18n_time.c). */
	struct i18n_time_fmt *fmts;
	size_t nfmts;
	UDateFormat *weekdays; /* for i18n_weekday */

	/* Compiled message formats, by pattern address (i18n_compiled): an
	 * open-addressing table of fmtcap slots (a power of two), grown at
	 * half full, so that it never refuses a pattern. */
	struct i18n_compiled_fmt *fmtcache;
	size_t fmtcap, nfmt;

	void *brk; /* UBreakIterator for i18n_wrap, reused */
};

/* Frees the calendars i18n_time.c keeps per zone (from i18n_cleanup). */
void i18n_time_cleanup(void);
/* Frees what i18n_time.c cached in ui. */
void i18n_time_free(struct i18n *ui);

/*
 * The locales of names.cache c that are the UI's, best first: ui's locale
 * without keywords, its parents, then English (those c holds); their
 * indexes into locs, and their count.
 */
struct i18n_cache;
#define I18N_CHAIN 8
size_t i18n_names_chain(struct i18n *ui, struct i18n_cache *c, unsigned locs[I18N_CHAIN]);

/* Closes the process's names.cache (i18n_cache.h; from i18n_cleanup). */
void i18n_cache_shared_free(void);
/* Closes ICU's language alias table that i18n_names.c keeps open. */
void i18n_names_cleanup(void);
/* Frees ui->names. */
void i18n_names_free(struct i18n_names *n);

/*
 * Folding (i18n_fold.c): how every name is matched.  i18n_fold folds a
 * UTF-16 string (canonical decomposition, nonspacing marks dropped,
 * default full case folding, apostrophes dropped, runs of other
 * punctuation and spaces made one space): an allocated array of *flen
 * code points.  i18n_fold8 does the same from UTF-8, NULL when it is not
 * valid UTF-8.  i18n_fold_utf8 writes n folded code points as UTF-8 into
 * out (4 n bytes), the form of names.cache's keys, whose byte order is the
 * code points' order; i18n_fold_decode reads at most cap of them back.
 */
UChar32 *i18n_fold(const UChar *s, int32_t len, int32_t *flen);
UChar32 *i18n_fold8(const char *s, int32_t *flen);
size_t i18n_fold_utf8(const UChar32 *q, int32_t n, char *out);
int32_t i18n_fold_decode(const char *key, size_t klen, UChar32 *out, int32_t cap);
/* Special codes of ISO 639 that name no language: mis, mul, root, und,
 * zxx (i18n_names.c; the names builder skips them too). */
bool i18n_language_special(const char *id);
/* Tags are equal regardless of case and of "_" for "-" (i18n_names.c). */
bool i18n_tag_eq(const char *a, const char *b);

/*
 * The skeletons i18n_time.c formats with: i18n_date's by the number of
 * parts (year; year and month; a full date), i18n_time's with and without
 * the weekday, and i18n_month_day's day of the year.  names.cache holds
 * each one's pattern per locale.
 */
#define I18N_SKELETONS 6
extern const char *const i18n_time_skeletons[I18N_SKELETONS];

/* UTF-8 <-> UTF-16 helpers; results allocated, NULL only on invalid input. */
UChar *i18n_u16(const char *s, int32_t *len);
char *i18n_u8(const UChar *s, int32_t len);
/* The collator, opened on first use (never NULL; root if the locale fails). */
UCollator *i18n_collator(struct i18n *ui);

#endif
