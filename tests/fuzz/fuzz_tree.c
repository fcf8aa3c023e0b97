/*
 * fuzz_tree.c - libFuzzer harness for the YAML reader (ynode.h) on its
 * own, under small limits: whole documents and streamed items.  Never a
 * crash; every mapping it returns has each key once (the duplicate check
 * is a hash set: keys chosen to collide must not get past it); no tree is
 * deeper or larger than the limits allow.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ynode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct ynode_limits limits = {
	.max_bytes = 1 << 20, .max_scalar = 4096, .max_depth = 8, .max_nodes = 4096};

/* Checks n; returns how many nodes it holds. */
static size_t
tree_check(const struct ynode *n, size_t depth)
{
	size_t i, j, count = 1;

	if (depth > limits.max_depth + 1)
		abort();
	if (n->type == YNODE_SCALAR) {
		if (n->s == NULL || strlen(n->s) != n->len || n->len > limits.max_scalar)
			abort();
		return 1;
	}
	if (n->type == YNODE_MAP) {
		if (n->n % 2 != 0)
			abort();
		for (i = 0; i < n->n; i += 2) {
			if (n->v[i]->type != YNODE_SCALAR)
				abort();
			/* Quadratic, but the node limit keeps it small. */
			for (j = 0; j < i; j += 2)
				if (strcmp(n->v[i]->s, n->v[j]->s) == 0)
					abort();
		}
	}
	for (i = 0; i < n->n; i++)
		count += tree_check(n->v[i], depth + 1);
	return count;
}

static size_t items;

static void
tree_item(void *ctx, const char *key, struct ynode *item)
{
	(void)ctx;
	(void)key;
	if (tree_check(item, 2) > limits.max_nodes)
		abort();
	items++;
	ynode_free(item);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const keys[] = {"services", "calendars", NULL};
	char *cause = NULL;
	struct ynode *n = ynode_parse("f.yaml", (const char *)data, size, &limits, &cause);

	if (n != NULL) {
		if (tree_check(n, 0) > limits.max_nodes)
			abort();
		ynode_free(n);
	}
	free(cause);
	cause = NULL;
	items = 0;
	n = ynode_parse_items("f.yaml", (const char *)data, size, 1, keys, tree_item, NULL, &limits,
			      &cause);
	if (n != NULL) {
		if (tree_check(n, 0) > limits.max_nodes)
			abort();
		ynode_free(n);
	}
	free(cause);
	return 0;
}
