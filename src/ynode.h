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

struct ynode {
	enum ynode_type type;
	int line, column; /* 1-based */
	char *s;          /* scalar text, NUL-terminated */
	size_t len;
	bool plain;       /* an unquoted scalar */
	struct ynode **v; /* sequence items; for a map keys at 2i, values at 2i+1 */
	size_t n;         /* items, or 2 * pairs */
};

struct ynode_limits {
	size_t max_bytes;  /* whole file */
	size_t max_scalar; /* one scalar, in bytes */
	size_t max_depth;  /* nesting of collections */
	size_t max_nodes;  /* all nodes */
};

/* The limits for resource tables. */
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
 * anchor, an alias, a tag, or anything over a limit is an error.
 */
struct ynode *ynode_parse(const char *name, const char *data, size_t len,
			  const struct ynode_limits *lim, char **cause);
void ynode_free(struct ynode *n);

/*
 * A tree as bytes, for the compiled index: per
 * node a type byte, a plain byte, line and column (u32 little-endian),
 * then a scalar's length and bytes or a collection's item count and items.  ynode_decode checks
 * every length against the buffer and the limits' depth and node count,
 * so corrupt bytes give NULL, never a crash.
 */
void ynode_encode(const struct ynode *n, struct buf *out);
struct ynode *ynode_decode(const unsigned char *p, size_t len, const struct ynode_limits *lim);

/*
 * A 64-bit hash of n bytes, eight at a time: enough to notice an edited
 * file, not a security measure (the index is trusted as much as
 * the YAML beside it).  An edit within one 8-byte word always changes it.
 */
uint64_t ynode_hash(const void *p, size_t n);

/* The value of key in map n, or NULL. */
const struct ynode *ynode_get(const struct ynode *n, const char *key);

#endif
