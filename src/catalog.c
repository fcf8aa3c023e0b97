/*
 * catalog.c - reads one UI catalog (locales/LANG.yaml) into a sorted
 * key -> pattern array.  Patterns are checked by ICU elsewhere (i18n and
 * the catalog tests); here only the shape of the file is checked.
 */
#include "catalog.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"
#include "ynode.h"

static int
catalog_cmp(const void *a, const void *b)
{
	return strcmp(((const struct catalog_entry *)a)->key, ((const struct catalog_entry *)b)->key);
}

static char *
catalog_at(const char *name, const struct ynode *n, const char *what)
{
	return xasprintf("%s:%d:%d: %s", name, n->line, n->column, what);
}

/*
 * The catalog in the parsed document root (consumed: freed in any case);
 * name is used in messages.  NULL with *cause on a shape error.
 */
static struct catalog *
catalog_from_tree(const char *name, struct ynode *root, char **cause)
{
	const struct ynode *lang, *msgs;
	struct catalog *c;
	size_t i;

	if (root->type != YNODE_MAP) {
		*cause = catalog_at(name, root, "a catalog must be a mapping with language and messages");
		ynode_free(root);
		return NULL;
	}
	for (i = 0; i < root->n; i += 2) {
		const char *k = root->v[i]->s;

		if (strcmp(k, "language") != 0 && strcmp(k, "messages") != 0) {
			char *w = xasprintf("unknown key \"%s\"", k);

			*cause = catalog_at(name, root->v[i], w);
			free(w);
			ynode_free(root);
			return NULL;
		}
	}
	lang = ynode_get(root, "language");
	msgs = ynode_get(root, "messages");
	if (lang == NULL || lang->type != YNODE_SCALAR) {
		*cause = catalog_at(name, lang ? lang : root, "\"language\" must be a language tag");
		ynode_free(root);
		return NULL;
	}
	if (msgs == NULL || msgs->type != YNODE_MAP) {
		*cause = catalog_at(name, msgs ? msgs : root, "\"messages\" must be a mapping");
		ynode_free(root);
		return NULL;
	}
	c = xcalloc(1, sizeof *c);
	c->path = xstrdup(name);
	c->language = xstrdup(lang->s);
	c->v = xcalloc(msgs->n / 2 + 1, sizeof *c->v);
	for (i = 0; i + 1 < msgs->n; i += 2) {
		struct ynode *k = msgs->v[i], *v = msgs->v[i + 1];

		if (v->type != YNODE_SCALAR) {
			char *w = xasprintf("message \"%s\" must be a string", k->s);

			*cause = catalog_at(name, v, w);
			free(w);
			ynode_free(root);
			catalog_free(c);
			return NULL;
		}
		/* The strings move from the tree, which is freed below. */
		c->v[c->n].key = k->s;
		c->v[c->n].pattern = v->s;
		k->s = v->s = NULL;
		c->v[c->n].line = v->line;
		c->v[c->n].column = v->column;
		c->n++;
	}
	qsort(c->v, c->n, sizeof *c->v, catalog_cmp);
	ynode_free(root);
	return c;
}

struct catalog *
catalog_load_mem(const char *name, const char *data, size_t len, char **cause)
{
	struct ynode *root;

	if ((root = ynode_parse(name, data, len, &ynode_default_limits, cause)) == NULL)
		return NULL;
	return catalog_from_tree(name, root, cause);
}

struct catalog *
catalog_load(const char *path, char **cause)
{
	size_t len;
	char *data;
	struct ynode *root;

	if ((data = ynode_read_file(path, &ynode_default_limits, &len, cause)) == NULL)
		return NULL;
	root = ynode_parse(path, data, len, &ynode_default_limits, cause);
	free(data);
	if (root == NULL)
		return NULL;
	return catalog_from_tree(path, root, cause);
}

void
catalog_free(struct catalog *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++) {
		free(c->v[i].key);
		free(c->v[i].pattern);
	}
	free(c->v);
	free(c->path);
	free(c->language);
	free(c);
}

const char *
catalog_get(const struct catalog *c, const char *key)
{
	struct catalog_entry k = {.key = (char *)key}, *e;

	if (c == NULL)
		return NULL;
	e = bsearch(&k, c->v, c->n, sizeof *c->v, catalog_cmp);
	return e ? e->pattern : NULL;
}
