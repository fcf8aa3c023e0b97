/*
 * test_ynode.c - the bounded YAML reader: positions of nodes, scalars kept
 * as strings, and every refusal (aliases, anchors, tags, depth, scalar
 * length, node count, file size, duplicate keys, invalid UTF-8) with its
 * exact message and place; the tree codec and hash the index stores.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* The compiled index stores parsed trees: they round-trip exactly, and
 * every truncation or flipped byte of one is refused or decodes to a
 * valid tree, never read out of bounds. */
static void
test_codec(void)
{
	static const char doc[] = "a: [x, \"y\", {k: v}]\nb:\n  - 1\n  - 'two'\nc: ''\n";
	char *cause = NULL;
	struct ynode *n = ynode_parse("t", doc, sizeof doc - 1, &ynode_default_limits, &cause), *m;
	struct buf a = {0}, b = {0};
	size_t i;

	CHECK(n != NULL);
	if (n == NULL)
		return;
	ynode_encode(n, &a);
	m = ynode_decode((const unsigned char *)a.s, a.len, &ynode_default_limits);
	CHECK(m != NULL);
	if (m != NULL) {
		ynode_encode(m, &b);
		CHECK(a.len == b.len && memcmp(a.s, b.s, a.len) == 0);
		CHECK_STR(ynode_get(ynode_get(m, "a")->v[2], "k")->s, "v");
		CHECK(ynode_get(m, "b")->v[1]->line == 4 && ynode_get(m, "b")->v[1]->column == 5);
		CHECK(ynode_get(m, "b")->v[0]->plain && !ynode_get(m, "b")->v[1]->plain);
		CHECK_STR(ynode_get(m, "c")->s, "");
		ynode_free(m);
	}
	for (i = 0; i < a.len; i++) { /* every truncation is refused */
		m = ynode_decode((const unsigned char *)a.s, i, &ynode_default_limits);
		CHECK(m == NULL);
		ynode_free(m);
	}
	for (i = 0; i < a.len; i++) { /* every flipped byte: refused or a tree */
		a.s[i] ^= 0xff;
		m = ynode_decode((const unsigned char *)a.s, a.len, &ynode_default_limits);
		ynode_free(m);
		a.s[i] ^= 0xff;
	}
	CHECK(ynode_decode((const unsigned char *)"\x07", 1, &ynode_default_limits) == NULL);
	buf_free(&a);
	buf_free(&b);
	ynode_free(n);
}

/* The hash is part of the index's file format: a change to it must
 * change the index's magic, which these pinned values are here to remind.
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
	test_codec();
	test_bad();
	test_good();
	test_size();
	return check_done();
}
