/*
 * ynode.h - a YAML document as a small tree of strings, with the position
 * of every node.  Built from libyaml events under hard limits, so a hostile
 * file cannot make signpost use unbounded time or memory: anchors and
 * aliases are refused outright (no "billion laughs"), and size, scalar
 * length, nesting depth and node count are capped.  Scalars stay strings:
 * no YAML 1.1 guessing, so the country code NO is never the boolean false.
 */
#ifndef SIGNPOST_YNODE_H
#define SIGNPOST_YNODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xmalloc.h"

enum ynode_type { YNODE_SCALAR, YNODE_SEQ, YNODE_MAP };

struct ynode_block;

struct ynode {
	enum ynode_type type;
	int line, column; /* 1-based */
	bool plain;       /* an unquoted scalar */
	bool pooled;      /* in its tree's blocks (parsed): freed with its root */
	char *s;          /* scalar text, NUL-terminated */
	size_t len;
	struct ynode **v;           /* sequence items; for a map keys at 2i, values at 2i+1 */
	size_t n;                   /* items, or 2 * pairs */
	struct ynode_block *blocks; /* on the root of a parsed tree: all its memory */
};

struct ynode_limits {
	size_t max_bytes;  /* whole file */
	size_t max_scalar; /* one scalar, in bytes */
	size_t max_depth;  /* nesting of collections */
	size_t max_nodes;  /* all nodes */
};

/* The limits for resource tables and catalogs. */
extern const struct ynode_limits ynode_default_limits;

/*
 * Reads a whole file (at most lim->max_bytes).  Returns the bytes (NUL
 * terminated, length in *len) or NULL with *cause = "FILE: what".
 */
char *ynode_read_file(const char *path, const struct ynode_limits *lim, size_t *len, char **cause);

/*
 * Parses one YAML document.  name is the file name used in messages.
 * Returns the root node or NULL with *cause = "NAME:LINE:COLUMN: what".
 * An empty document, a second document, a duplicate mapping key, an
 * anchor, an alias, a tag, or anything over a limit is an error.  Time
 * and memory are linear in len.
 */
struct ynode *ynode_parse(const char *name, const char *data, size_t len,
			  const struct ynode_limits *lim, char **cause);

/*
 * Frees a tree.  A parsed tree (a document, or one streamed item) lives in
 * blocks of its own, freed at once through its root; freeing a node inside
 * it does nothing.  A node built by hand (zeroed, not pooled) is freed with
 * its v and s and its children, which may be roots of parsed trees.
 */
void ynode_free(struct ynode *n);

/*
 * Parses one YAML document like ynode_parse, but hands the items of
 * lists to fn as soon as each is complete (fn owns the item and frees it)
 * instead of keeping them: the lists that are the values of the top-level
 * keys in keys (NULL-terminated; fn gets the key) when the root is a
 * mapping, or the root itself when keys is NULL and the root is a list
 * (fn gets a NULL key).  Those lists stay in the returned root, empty.  Limits on nodes apply to each item and to the rest of the
 * document separately, so a table's size is bounded by max_bytes, not by
 * one tree.  first_line is the line in the file where data starts
 * (1 for a whole file; later for a range of it, so positions stay those
 * of the file).  Returns the root or NULL with *cause as ynode_parse.
 */
typedef void (*ynode_item_fn)(void *ctx, const char *key, struct ynode *item);
struct ynode *ynode_parse_items(const char *name, const char *data, size_t len, int first_line,
				const char *const *keys, ynode_item_fn fn, void *ctx,
				const struct ynode_limits *lim, char **cause);

/*
 * A 64-bit hash of n bytes, eight at a time, read little-endian so the
 * same bytes hash the same on every architecture: enough to notice an
 * edited range of a file, not a security measure.  An edit within one
 * 8-byte word always changes it.
 */
uint64_t ynode_hash(const void *p, size_t n);

/* The value of key in map n, or NULL. */
const struct ynode *ynode_get(const struct ynode *n, const char *key);

#endif
