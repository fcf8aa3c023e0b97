/*
 * catalog.h - a UI message catalog: one YAML file per language in
 * locales/, mapping message keys to ICU MessageFormat patterns.  This
 * module only reads and looks up; formatting is i18n's job.
 */
#ifndef SIGNPOST_CATALOG_H
#define SIGNPOST_CATALOG_H

#include <stdbool.h>
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
	bool compiled; /* read from the compiled form (LANG.ytree), not parsed */
};

/*
 * Loads a catalog file:
 *   language: cs
 *   messages:
 *     key: pattern
 * When the compiled form beside it (ynode_tree_path: locales/cs.ytree,
 * built by signpost-mkindex --catalog) was made from exactly these bytes,
 * its tree is used instead of parsing the YAML; the result is the same.
 * Returns NULL on error and sets *cause to "FILE:LINE:COLUMN: what".
 */
struct catalog *catalog_load(const char *path, char **cause);
/* The same from memory, always parsed; name is used in messages. */
struct catalog *catalog_load_mem(const char *name, const char *data, size_t len, char **cause);
void catalog_free(struct catalog *c);
/* The pattern of key, or NULL; owned by c. */
const char *catalog_get(const struct catalog *c, const char *key);

#endif
