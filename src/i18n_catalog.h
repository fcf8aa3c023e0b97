/*
 * i18n_catalog.h - the UI message catalogs: one ICU resource bundle per
 * language (locales/LL.res, built from locales/LL.po by po2icu.py and
 * genrb), mapping message keys to ICU MessageFormat patterns.  This room
 * only lists and reads catalogs; formatting is i18n.c's job.  It prints
 * nothing and never writes a file.
 */
#ifndef SIGNPOST_I18N_CATALOG_H
#define SIGNPOST_I18N_CATALOG_H

#include <stddef.h>

struct i18n_catalog;

/*
 * Opens dir/NAME.res (NAME is a bundle name such as "cs" or "pt_BR") and
 * checks that every message is a string, under keys in order and each
 * once (as genrb writes them); the bundle stays open, and a message is
 * converted to UTF-8 only when first asked for.  Each pattern is made safe for a terminal as data
 * is (sanitize_text: controls and bidi controls become visible
 * placeholders, invalid text U+FFFD; newlines stay), so nothing a catalog
 * holds can drive the terminal, whatever the directory it came from; that
 * is done when a pattern is first asked for (i18n_catalog_get), and only
 * a safe pattern is ever handed out.
 * Returns NULL on error and sets *cause to "DIR/NAME.res: what" (the
 * caller frees it).
 */
struct i18n_catalog *i18n_catalog_open(const char *dir, const char *name, char **cause);
/* Frees c; i18n_catalog_free(NULL) does nothing. */
void i18n_catalog_free(struct i18n_catalog *c);
/* The pattern of key, or NULL when c (which may be NULL) has none; owned
 * by c, and at the same address for as long as c is open. */
const char *i18n_catalog_get(struct i18n_catalog *c, const char *key);
/* The number of messages, and message i (0 <= i < count) in key order;
 * the strings are owned by c.  For the tests. */
size_t i18n_catalog_count(const struct i18n_catalog *c);
const char *i18n_catalog_key(const struct i18n_catalog *c, size_t i);
const char *i18n_catalog_pattern(struct i18n_catalog *c, size_t i);

/*
 * The bundle names of the catalogs in dir (files NAME.res whose NAME is a
 * well-formed locale: "cs", "pt_BR"), sorted.  Returns the count; *out is
 * an array the caller frees with i18n_strv_free (NULL for none, also when
 * dir cannot be read).
 */
size_t i18n_catalog_list(const char *dir, char ***out);

#endif
