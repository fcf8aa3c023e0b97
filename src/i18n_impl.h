/*
 * i18n_impl.h - the inside of struct i18n, shared by the i18n*.c files
 * only (they alone may include ICU headers).
 */
#ifndef SIGNPOST_I18N_IMPL_H
#define SIGNPOST_I18N_IMPL_H

#include <stdbool.h>

#include <unicode/ucol.h>
#include <unicode/uloc.h>
#include <unicode/ucnv.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>

#include "catalog.h"
#include "i18n.h"

struct i18n_names; /* private to i18n_names.c */

struct i18n {
	char tag[32];         /* catalog chosen, BCP 47 ("pt") */
	char locale[ULOC_FULLNAME_CAPACITY]; /* ICU locale for formatting ("pt_BR"); region kept */
	char home_region[4];  /* from the environment locale, or "" */
	char worker_zone[64]; /* IANA zone of the worker */
	bool rtl;
	bool utf8;
	char *locales_dir;
	struct catalog *cat;  /* the chosen catalog */
	struct catalog *en;   /* English, loaded on first missing key */
	UCollator *coll;      /* opened on first use */
	UConverter *conv;     /* terminal charset when not UTF-8 */
	UTransliterator *translit;
	struct i18n_names *names; /* name indexes, built on first use */
	/* Date formats are costly to build: one pattern generator, and the
	 * formats already used, keyed by zone and skeleton (i18n_time.c). */
	UDateTimePatternGenerator *dtpg;
	struct {
		char key[96];
		UDateFormat *fmt;
	} fmts[6];
	UDateFormat *weekdays; /* for i18n_weekday */
	void *brk;             /* UBreakIterator for i18n_wrap, reused */
};

/* Frees what i18n_time.c cached in ui. */
void i18n_time_free(struct i18n *ui);

/* Frees what i18n_names.c cached in ui->names. */
void i18n_names_free(struct i18n_names *n);

/* UTF-8 <-> UTF-16 helpers; results allocated, NULL only on invalid input. */
UChar *i18n_u16(const char *s, int32_t *len);
char *i18n_u8(const UChar *s, int32_t len);
/* The collator, opened on first use (never NULL; root if the locale fails). */
UCollator *i18n_collator(struct i18n *ui);

#endif
