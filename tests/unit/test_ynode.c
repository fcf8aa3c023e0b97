/*
 * test_ynode.c - the bounded YAML reader: positions of nodes, scalars kept
 * as strings, and every refusal (aliases, anchors, tags, depth, scalar
 * length, node count, file size, duplicate keys, invalid UTF-8) with its
 * exact message and place; lists read one item at a time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "xmalloc.h"
#include "ynode.h"

static const struct ynode_limits small = {
	.max_bytes = 200, .max_scalar = 8, .max_depth = 3, .max_nodes = 12,
};

static const struct {
	const char *yaml;
	const char *cause;
} bad[] = {
	{"", "y:1:1: empty file"},
	{"a: &x 1\n", "y:1:4: anchors are not allowed"},
	{"a: [1]\nb: *x\n", "y:2:4: aliases are not allowed"},
	{"a: !!int 1\n", "y:1:4: tags are not allowed"},
	{"a: [[[[1]]]]\n", "y:1:7: nesting is too deep"},
	{"a: 123456789\n", "y:1:4: value is longer than 8 bytes"},
	{"[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]\n", "y:1:37: too many nodes in the document"},
	{"a: 1\nb: 2\na: 3\n", "y:3:1: duplicate key \"a\" (first at line 1)"},
	{"m: {x: 1, x: 2}\n", "y:1:11: duplicate key \"x\" (first at line 1)"},
	{"[1]: 2\n", "y:1:1: a mapping key must be a plain string"},
	{"a: \"\\0\"\n", "y:1:4: value contains a NUL character"},
	{"a: 1\n---\nb: 1\n", "y:2:1: only one YAML document is allowed"},
	{"a: 1\nb: \"ok\xc3\"\n", "y:2:7: invalid UTF-8 (invalid trailing UTF-8 octet)"},
	{"ab: \xff\n", "y:1:5: invalid UTF-8 (invalid leading UTF-8 octet)"},
	{"x:\n  - \xc3\xa9t\xc3\xa9\n  - b\xed\xa0\x80\n",
	 "y:3:6: invalid UTF-8 (invalid Unicode character)"},
	{"a: [1\n", "y:2:1: did not find expected ',' or ']' while parsing a flow sequence"},
};

static void
test_bad(void)
{
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *cause = (char *)"unset";
		struct ynode *n = ynode_parse("y", bad[i].yaml, strlen(bad[i].yaml), &small, &cause);

		CHECK(n == NULL);
		CHECK_STR(cause, bad[i].cause);
		ynode_free(n);
		if (n == NULL)
			free(cause);
	}
}

static void
test_good(void)
{
	const char *y = "name: Demo\ncode: NO\nlist:\n  - \"x\"\n  - {k: v}\n";
	char *cause = NULL;
	struct ynode *n = ynode_parse("y", y, strlen(y), &small, &cause);
	const struct ynode *v;

	CHECK(n != NULL && cause == NULL);
	if (n == NULL) {
		free(cause);
		return;
	}
	CHECK(n->type == YNODE_MAP && n->n == 6);
	v = ynode_get(n, "code");
	CHECK(v != NULL && v->type == YNODE_SCALAR && v->plain);
	CHECK_STR(v ? v->s : NULL, "NO"); /* never the YAML 1.1 boolean */
	CHECK(v && v->line == 2 && v->column == 7);
	v = ynode_get(n, "list");
	CHECK(v && v->type == YNODE_SEQ && v->n == 2);
	CHECK(v && !v->v[0]->plain && v->v[0]->line == 4 && v->v[0]->column == 5);
	CHECK(v && v->v[1]->type == YNODE_MAP && ynode_get(v->v[1], "k") != NULL);
	CHECK(ynode_get(n, "nothing") == NULL);
	CHECK(ynode_get(v, "k") == NULL); /* not a map */
	ynode_free(n);
	ynode_free(NULL);
}

/* The whole-file limit applies before any parsing. */
static void
test_size(void)
{
	char big[300];
	char *cause = NULL;

	memset(big, 'a', sizeof big);
	CHECK(ynode_parse("y", big, sizeof big, &small, &cause) == NULL);
	CHECK_STR(cause, "y: file is larger than 200 bytes");
	free(cause);
	/* The default limits accept depth 16 but not 17. */
	{
		struct buf b = {0};
		int i;

		for (i = 0; i < 17; i++)
			buf_addc(&b, '[');
		for (i = 0; i < 17; i++)
			buf_addc(&b, ']');
		struct ynode *n = ynode_parse("y", b.s, b.len, &ynode_default_limits, &cause);
		CHECK(n != NULL);
		ynode_free(n);
		buf_reset(&b);
		for (i = 0; i < 18; i++)
			buf_addc(&b, '[');
		for (i = 0; i < 18; i++)
			buf_addc(&b, ']');
		n = ynode_parse("y", b.s, b.len, &ynode_default_limits, &cause);
		CHECK(n == NULL);
		CHECK_STR(cause, "y:1:18: nesting is too deep");
		free(cause);
		buf_free(&b);
	}
}

/* Items of a list are handed over one at a time, with the positions of
 * the file; the node limit counts each item on its own. */
struct items_seen {
	int n;
	int line[8];
	char key[8][16];
};

static void
items_cb(void *ctx, const char *key, struct ynode *item)
{
	struct items_seen *s = ctx;

	if (s->n < 8) {
		s->line[s->n] = item->line;
		snprintf(s->key[s->n], sizeof s->key[0], "%s", key ? key : "(root)");
	}
	s->n++;
	ynode_free(item);
}

static void
test_items(void)
{
	static const char doc[] = "schema: 1\nservices:\n  - id: a\n    x: [1, 2, 3, 4]\n"
				  "  - id: b\n    x: [1, 2, 3, 4]\n  - id: c\n    x: [1, 2, 3, 4]\n";
	static const char *const keys[] = {"services", NULL};
	static const struct ynode_limits lim = {.max_bytes = 1000, .max_scalar = 16,
						.max_depth = 4, .max_nodes = 12};
	struct items_seen seen = {0};
	char *cause = NULL;
	struct ynode *root;
	const struct ynode *list;

	/* Three items of 8 nodes each: over 12 as one tree, fine one by one. */
	CHECK(ynode_parse("y", doc, sizeof doc - 1, &lim, &cause) == NULL);
	free(cause);
	root = ynode_parse_items("y", doc, sizeof doc - 1, 1, keys, items_cb, &seen, &lim, &cause);
	CHECK(root != NULL);
	CHECK(seen.n == 3);
	CHECK(seen.line[0] == 3 && seen.line[1] == 5 && seen.line[2] == 7);
	CHECK_STR(seen.key[0], "services");
	list = ynode_get(root, "services");
	CHECK(list != NULL && list->type == YNODE_SEQ && list->n == 0);
	ynode_free(root);
	/* A range of a file, given its first line: positions are the file's. */
	memset(&seen, 0, sizeof seen);
	{
		const char *b = strstr(doc, "  - id: b"), *c = strstr(doc, "  - id: c");

		root = ynode_parse_items("y", b, (size_t)(c - b), 5, NULL, items_cb, &seen, &lim,
					 &cause);
	}
	CHECK(root != NULL);
	CHECK(seen.n == 1 && seen.line[0] == 5);
	CHECK_STR(seen.key[0], "(root)");
	ynode_free(root);
	/* Errors in a range name the file's line. */
	root = ynode_parse_items("y", "  - a: [\n", 9, 40, NULL, items_cb, &seen, &lim, &cause);
	CHECK(root == NULL);
	CHECK(cause != NULL && strncmp(cause, "y:41:", 5) == 0);
	free(cause);
}

/* Duplicate keys are found in time linear in the number of keys: a
 * mapping of 200,000 keys (the quadratic check took minutes). */
static void
test_many_keys(void)
{
	static const struct ynode_limits lim = {.max_bytes = 8u << 20, .max_scalar = 64,
						.max_depth = 4, .max_nodes = 1000000};
	struct buf b = {0};
	char *cause = NULL;
	struct ynode *n;
	int i;

	for (i = 0; i < 200000; i++)
		buf_addf(&b, "k%d: v\n", i);
	n = ynode_parse("y", b.s, b.len, &lim, &cause);
	CHECK(n != NULL && n->n == 400000);
	ynode_free(n);
	buf_addf(&b, "k%d: v\n", 123456);
	n = ynode_parse("y", b.s, b.len, &lim, &cause);
	CHECK(n == NULL);
	CHECK_STR(cause, "y:200001:1: duplicate key \"k123456\" (first at line 123457)");
	free(cause);
	buf_free(&b);
}

/* The hash is part of the index format: a change to it must change
 * INDEX_MAGIC (index.h), which these pinned values are here to remind.
 * They were computed by a separate implementation of ynode.h's
 * description, not by this code. */
static void
test_hash(void)
{
	unsigned char b[24] = {0};
	uint64_t seen[1 + 24 * 8];
	size_t n = 0, i, j, bit;

	CHECK(ynode_hash("", 0) == 0xe10b10d247be0c3dULL);
	CHECK(ynode_hash("signpost", 8) == 0x958122eb0ab866a5ULL);
	CHECK(ynode_hash("signpost!", 9) == 0x26d26959fffd99f6ULL);
	/* Lengths of zero bytes differ, and so does every single flipped bit. */
	CHECK(ynode_hash(b, 7) != ynode_hash(b, 8) && ynode_hash(b, 8) != ynode_hash(b, 9));
	seen[n++] = ynode_hash(b, sizeof b);
	for (i = 0; i < sizeof b; i++)
		for (bit = 0; bit < 8; bit++) {
			b[i] ^= (unsigned char)(1u << bit);
			seen[n++] = ynode_hash(b, sizeof b);
			b[i] ^= (unsigned char)(1u << bit);
		}
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			CHECK(seen[i] != seen[j]);
}

int
main(void)
{
	test_hash();
	test_items();
	test_many_keys();
	test_bad();
	test_good();
	test_size();
	return check_done();
}
