/*
 * catalog.h - a UI message catalog: one YAML file per language in
 * locales/, mapping message keys to ICU MessageFormat patterns.  This
 * module only reads and looks up; formatting is i18n's job.
 */
#ifndef SIGNPOST_CATALOG_H
#define SIGNPOST_CATALOG_H

#include <stddef.h>

struct catalog_entry {
	char *key;
	char *pattern;
	int line, column;
};

struct catalog {
	char *path;
	char *language; /* the `language:` field */
	struct catalog_entry *v; /* sorted by key */
	size_t n;
};

/*
 * Loads a catalog file:
 *   language: cs
 *   messages:
 *     key: pattern
 * Returns NULL on error and sets *cause to "FILE:LINE:COLUMN: what".
 */
struct catalog *catalog_load(const char *path, char **cause);
/* The same from memory; name is used in messages. */
struct catalog *catalog_load_mem(const char *name, const char *data, size_t len, char **cause);
void catalog_free(struct catalog *c);
/* The pattern of key, or NULL; owned by c. */
const char *catalog_get(const struct catalog *c, const char *key);

#endif
