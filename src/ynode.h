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
 * anchor, an alias, a tag, or anything over a limit is an error.
 */
struct ynode *ynode_parse(const char *name, const char *data, size_t len,
			  const struct ynode_limits *lim, char **cause);
void ynode_free(struct ynode *n);

/*
 * A tree as bytes, for the compiled index and compiled documents: per
 * node a type byte, a plain byte, line and column (u32 little-endian),
 * then a scalar's length and bytes or a collection's item count and items.  ynode_decode checks
 * every length against the buffer and the limits' depth and node count,
 * so corrupt bytes give NULL, never a crash.
 */
void ynode_encode(const struct ynode *n, struct buf *out);
struct ynode *ynode_decode(const unsigned char *p, size_t len, const struct ynode_limits *lim);

/*
 * A compiled document: a YAML file parsed at build time (by
 * signpost-mkindex --catalog, never by signpost), so that a reader skips
 * the YAML parser.  It sits beside its YAML with the extension
 * YNODE_TREE_EXT (locales/cs.yaml -> locales/cs.ytree).  The YAML stays
 * the only source of truth: the compiled file names the size and hash of
 * the bytes it was made from and is believed only while they match, so a
 * missing, stale, foreign or damaged one costs time, never a difference.
 *
 * File format 1 (all integers little-endian, so the file is the same on
 * every architecture):
 *   header  "SPTREE\0\1" u64 yaml_size u64 yaml_hash u64 tree_len
 *           u64 tree_hash (YNODE_TREE_HEADER bytes)
 *   tree    tree_len bytes: ynode_encode of the parsed document
 * Both hashes are ynode_hash.  A file whose tree_len is not the rest of
 * the file, or whose tree is longer than 16 bytes per byte of YAML plus
 * 1024, is not a compiled form of it.
 */
#define YNODE_TREE_MAGIC "SPTREE\0\1"
#define YNODE_TREE_HEADER 40
#define YNODE_TREE_EXT ".ytree"

/*
 * A 64-bit hash of n bytes, eight at a time: enough to notice an edited
 * file, not a security measure (the compiled file is trusted as much as
 * the YAML beside it).  An edit within one 8-byte word always changes it.
 */
uint64_t ynode_hash(const void *p, size_t n);

/*
 * Appends to out the compiled form (format above) of root, the document
 * parsed from the len bytes at data.  Deterministic: the same document
 * gives the same bytes.
 */
void ynode_compile(const struct ynode *root, const char *data, size_t len, struct buf *out);

/*
 * The path of the compiled form of the YAML file at path: a final ".yaml"
 * replaced by YNODE_TREE_EXT, otherwise the extension appended.  The
 * caller frees it.
 */
char *ynode_tree_path(const char *path);

/*
 * Parses one YAML document like ynode_parse, through its compiled form
 * when that can be believed: when tree_path (may be NULL) names a file in
 * the format above whose size and hashes match the len bytes at data and
 * whose tree decodes within lim.  Otherwise the bytes are parsed, so the
 * result and every error (with its line and column) are exactly those of
 * ynode_parse.  *compiled (may be NULL) says whether the compiled form was
 * used.  Returns the root, or NULL with *cause = "NAME:LINE:COLUMN: what".
 * Only reads tree_path; never writes it.
 */
struct ynode *ynode_parse_compiled(const char *name, const char *data, size_t len,
				   const char *tree_path, const struct ynode_limits *lim,
				   bool *compiled, char **cause);

/* The value of key in map n, or NULL. */
const struct ynode *ynode_get(const struct ynode *n, const char *key);

#endif
