/*
 * ynode.c - libyaml events into a bounded tree of strings.  This file
 * knows YAML, not services: the table and catalog loaders give it meaning.
 */
#include "ynode.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

#include "hash.h"
#include "le.h"
#include "xmalloc.h"

const struct ynode_limits ynode_default_limits = {
	.max_bytes = 64u << 20,
	.max_scalar = 16384,
	.max_depth = 16,
	.max_nodes = 4000000,
};

char *
ynode_read_file(const char *path, const struct ynode_limits *lim, size_t *len, char **cause)
{
	FILE *f;
	struct buf b = {0};
	char chunk[65536];
	size_t got;

	if ((f = fopen(path, "rb")) == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + got > lim->max_bytes) {
			*cause = xasprintf("%s: file is larger than %zu bytes", path,
					   lim->max_bytes);
			fclose(f);
			buf_free(&b);
			return NULL;
		}
		buf_addn(&b, chunk, got);
	}
	if (ferror(f)) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		fclose(f);
		buf_free(&b);
		return NULL;
	}
	fclose(f);
	*len = b.len;
	return buf_detach(&b);
}

/*
 * The memory of one parsed tree: nodes, their texts and their lists of
 * children come from a chain of blocks, freed together (a lookup parses a
 * few thousand nodes; one allocation each cost more than libyaml's scan).
 */
struct ynode_block {
	struct ynode_block *next;
	size_t used, cap;
	struct ynode data[]; /* aligned for nodes and pointers; used as bytes */
};

#define YNODE_BLOCK_FIRST 4096
#define YNODE_BLOCK_MAX   (64u << 10)

static void
ynode_blocks_free(struct ynode_block *b)
{
	while (b != NULL) {
		struct ynode_block *next = b->next;

		free(b);
		b = next;
	}
}

/* n zeroed objects of size bytes from *head, aligned as a node; a new
 * block (twice the last, up to YNODE_BLOCK_MAX, or as large as asked)
 * when it is full. */
static void *
ynode_alloc(struct ynode_block **head, size_t n, size_t size)
{
	const size_t align = _Alignof(struct ynode);
	struct ynode_block *b = *head;
	void *p;

	if (size != 0 && n > (SIZE_MAX - align) / size)
		(void)xmalloc(SIZE_MAX); /* fails: out of memory, as xreallocarray */
	size = (n * size + align - 1) / align * align;
	if (b == NULL || b->cap - b->used < size) {
		size_t cap = b == NULL ? YNODE_BLOCK_FIRST
				       : (b->cap < YNODE_BLOCK_MAX ? b->cap * 2 : YNODE_BLOCK_MAX);

		if (cap < size)
			cap = size;
		b = xmalloc(sizeof *b + cap);
		b->next = *head;
		b->used = 0;
		b->cap = cap;
		*head = b;
	}
	p = (char *)b->data + b->used;
	b->used += size;
	memset(p, 0, size);
	return p;
}

void
ynode_free(struct ynode *n)
{
	size_t i;

	if (n == NULL)
		return;
	if (n->blocks != NULL) {
		ynode_blocks_free(n->blocks);
		return;
	}
	if (n->pooled)
		return;
	for (i = 0; i < n->n; i++)
		ynode_free(n->v[i]);
	free(n->v);
	free(n->s);
	free(n);
}

const struct ynode *
ynode_get(const struct ynode *n, const char *key)
{
	size_t i;

	if (n == NULL || n->type != YNODE_MAP)
		return NULL;
	for (i = 0; i + 1 < n->n; i += 2)
		if (strcmp(n->v[i]->s, key) == 0)
			return n->v[i + 1];
	return NULL;
}

struct ynode_parser {
	yaml_parser_t p;
	const char *name;
	const struct ynode_limits *lim;
	int line0;                  /* added to libyaml's 0-based lines */
	size_t nodes;               /* in the current item, or in the document */
	struct ynode_block *blocks; /* of the tree being built */
	char *cause;
	/* Streaming (ynode_parse_items): the items of this sequence are
	 * handed to fn one at a time instead of being kept. */
	const char *const *keys; /* top-level keys whose lists are streamed; NULL: the root list */
	const char *key;         /* the one being streamed */
	ynode_item_fn fn;
	void *ctx;
};

static void
ynode_fail(struct ynode_parser *yp, const yaml_mark_t *m, const char *what)
{
	if (yp->cause == NULL)
		yp->cause = xasprintf("%s:%zu:%zu: %s", yp->name, m->line + 1 + (size_t)yp->line0,
				      m->column + 1, what);
}

/* A new node, in the blocks of the tree being built; a scalar of len
 * bytes gets room for its text right after the node. */
static struct ynode *
ynode_new(struct ynode_parser *yp, enum ynode_type t, const yaml_mark_t *m, size_t len)
{
	struct ynode *n;

	if (++yp->nodes > yp->lim->max_nodes) {
		ynode_fail(yp, m, "too many nodes in the document");
		return NULL;
	}
	n = ynode_alloc(&yp->blocks, 1, sizeof *n + (t == YNODE_SCALAR ? len + 1 : 0));
	if (t == YNODE_SCALAR)
		n->s = (char *)(n + 1);
	n->type = t;
	n->pooled = true;
	n->line = (int)m->line + 1 + yp->line0;
	n->column = (int)m->column + 1;
	return n;
}

/* Appends child; the list doubles (in the same blocks) when full. */
static void
ynode_push(struct ynode_parser *yp, struct ynode *parent, struct ynode *child)
{
	if (parent->n >= 4 && (parent->n & (parent->n - 1)) == 0) {
		struct ynode **v = ynode_alloc(&yp->blocks, 2 * parent->n, sizeof(struct ynode *));

		for (size_t i = 0; i < parent->n; i++)
			v[i] = parent->v[i];
		parent->v = v;
	} else if (parent->n == 0) {
		parent->v = ynode_alloc(&yp->blocks, 4, sizeof(struct ynode *));
	}
	parent->v[parent->n++] = child;
}

static int
ynode_next(struct ynode_parser *yp, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&yp->p, ev)) {
		char *what;
		const char *prob = yp->p.problem ? yp->p.problem : "malformed YAML";

		if (yp->p.context)
			what = xasprintf("%s %s", prob, yp->p.context);
		else
			what = xasprintf("%s", prob);
		/* libyaml reports reader problems at an offset, parser ones at a mark. */
		if (yp->p.error == YAML_READER_ERROR) {
			yaml_mark_t m = {0};
			const unsigned char *s = yp->p.buffer.start;
			size_t i, off = yp->p.problem_offset;

			/* Compute the line and column of the offending byte. */
			m.line = 0;
			m.column = 0;
			for (i = 0; s != NULL && i < off && s + i < yp->p.buffer.last; i++) {
				if (s[i] == '\n') {
					m.line++;
					m.column = 0;
				} else if ((s[i] & 0xc0) != 0x80) {
					m.column++;
				}
			}
			free(what);
			what = xasprintf("invalid UTF-8 (%s)", prob);
			ynode_fail(yp, &m, what);
		} else {
			ynode_fail(yp, &yp->p.problem_mark, what);
		}
		free(what);
		return -1;
	}
	return 0;
}

/*
 * The keys of one mapping, for the duplicate check: an open-addressing
 * set of key numbers under a keyed hash (hash.h), so a mapping of n keys
 * costs O(n), not O(n^2), even when its keys were chosen to collide.
 */
#define YNODE_FEW 12

/* A slot: the key's index + 1 (0: empty) and its hash, so that growing
 * the set and most misses never touch the keys themselves. */
struct ynode_slot {
	size_t key;
	uint64_t hash;
};

struct ynode_keyset {
	struct ynode_slot *slot;
	size_t cap; /* a power of two, or 0 */
};

static void
ynode_keyset_put(struct ynode_keyset *ks, size_t key, uint64_t hash)
{
	size_t h = (size_t)hash & (ks->cap - 1);

	while (ks->slot[h].key != 0)
		h = (h + 1) & (ks->cap - 1);
	ks->slot[h].key = key + 1;
	ks->slot[h].hash = hash;
}

/* Adds key i of map n; returns the index of an earlier equal key, or -1. */
static long
ynode_keyset_add(struct ynode_keyset *ks, const struct ynode *n, size_t i)
{
	size_t nkeys = i / 2 + 1, h, j;
	uint64_t hash;

	/* Small mappings (nearly all of them) are searched directly: at most
	 * YNODE_FEW comparisons per key, and no allocation. */
	if (nkeys <= YNODE_FEW) {
		for (j = 0; j < i; j += 2)
			if (strcmp(n->v[j]->s, n->v[i]->s) == 0)
				return (long)j;
		return -1;
	}
	if (ks->slot == NULL || ks->cap < 2 * nkeys) {
		struct ynode_slot *old = ks->slot;
		size_t cap = ks->cap ? ks->cap * 2 : 64, oldcap = ks->cap;

		while (cap < 2 * nkeys)
			cap *= 2;
		ks->slot = xcalloc(cap, sizeof *ks->slot);
		ks->cap = cap;
		/* Leaving the direct search: the keys so far go in. */
		if (oldcap == 0)
			for (j = 0; j < i; j += 2)
				ynode_keyset_put(ks, j, hash_str(n->v[j]->s));
		for (j = 0; j < oldcap; j++)
			if (old[j].key != 0)
				ynode_keyset_put(ks, old[j].key - 1, old[j].hash);
		free(old);
	}
	hash = hash_str(n->v[i]->s);
	for (h = (size_t)hash & (ks->cap - 1); ks->slot[h].key != 0; h = (h + 1) & (ks->cap - 1))
		if (ks->slot[h].hash == hash &&
		    strcmp(n->v[ks->slot[h].key - 1]->s, n->v[i]->s) == 0)
			return (long)(ks->slot[h].key - 1);
	ks->slot[h].key = i + 1;
	ks->slot[h].hash = hash;
	return -1;
}

static struct ynode *ynode_value(struct ynode_parser *yp, yaml_event_t *ev, size_t depth,
				 bool stream);

/*
 * Parses the children of the collection n until its end event.  With
 * stream, n is the streamed list: each item goes to yp->fn as soon as it
 * is complete, and the node count starts again for the next one.
 */
static int
ynode_children(struct ynode_parser *yp, struct ynode *n, yaml_event_type_t end, size_t depth,
	       bool stream)
{
	struct ynode_keyset ks = {0};
	yaml_event_t ev;
	struct ynode *c;
	long dup;
	int rc = -1;

	for (;;) {
		size_t before = yp->nodes;
		bool value_of_key = false;

		if (ynode_next(yp, &ev) == -1)
			goto out;
		if (ev.type == end) {
			yaml_event_delete(&ev);
			rc = 0;
			goto out;
		}
		/* The streamed list is the value of yp->key at the top level. */
		value_of_key = false;
		if (n->type == YNODE_MAP && depth == 0 && n->n % 2 == 1 && yp->keys != NULL &&
		    yp->fn != NULL)
			for (const char *const *k = yp->keys; *k && !value_of_key; k++)
				if (strcmp(n->v[n->n - 1]->s, *k) == 0) {
					value_of_key = true;
					yp->key = *k;
				}
		/* Each streamed item is counted on its own, and is a tree of
		 * its own: fn owns it and its blocks. */
		if (stream) {
			struct ynode_block *outer = yp->blocks;

			yp->nodes = 0;
			yp->blocks = NULL;
			c = ynode_value(yp, &ev, depth + 1, value_of_key);
			yaml_event_delete(&ev);
			yp->nodes = before;
			if (c == NULL) {
				ynode_blocks_free(yp->blocks);
				yp->blocks = outer;
				goto out;
			}
			c->blocks = yp->blocks;
			yp->blocks = outer;
			yp->fn(yp->ctx, yp->key, c);
			continue;
		}
		c = ynode_value(yp, &ev, depth + 1, value_of_key);
		yaml_event_delete(&ev);
		if (c == NULL)
			goto out;
		if (n->type == YNODE_MAP && n->n % 2 == 0) {
			if (c->type != YNODE_SCALAR) {
				yaml_mark_t at = {.line = (size_t)(c->line - 1 - yp->line0),
						  .column = (size_t)c->column - 1};

				ynode_fail(yp, &at, "a mapping key must be a plain string");
				ynode_free(c);
				goto out;
			}
			ynode_push(yp, n, c);
			if ((dup = ynode_keyset_add(&ks, n, n->n - 1)) >= 0) {
				yaml_mark_t at = {.line = (size_t)(c->line - 1 - yp->line0),
						  .column = (size_t)c->column - 1};
				char *w = xasprintf("duplicate key \"%s\" (first at line %d)", c->s,
						    n->v[dup]->line);

				ynode_fail(yp, &at, w);
				free(w);
				goto out;
			}
			continue;
		}
		ynode_push(yp, n, c);
	}
out:
	free(ks.slot);
	return rc;
}

static struct ynode *
ynode_value(struct ynode_parser *yp, yaml_event_t *ev, size_t depth, bool stream)
{
	struct ynode *n = NULL;
	const unsigned char *anchor = NULL, *tag = NULL;

	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		ynode_fail(yp, &ev->start_mark, "aliases are not allowed");
		return NULL;
	case YAML_SCALAR_EVENT:
		anchor = ev->data.scalar.anchor;
		tag = ev->data.scalar.tag;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
		break;
	default:
		ynode_fail(yp, &ev->start_mark, "unexpected YAML event");
		return NULL;
	}
	if (anchor != NULL) {
		ynode_fail(yp, &ev->start_mark, "anchors are not allowed");
		return NULL;
	}
	if (tag != NULL) {
		ynode_fail(yp, &ev->start_mark, "tags are not allowed");
		return NULL;
	}
	if (depth > yp->lim->max_depth) {
		ynode_fail(yp, &ev->start_mark, "nesting is too deep");
		return NULL;
	}
	if (ev->type == YAML_SCALAR_EVENT) {
		if (ev->data.scalar.length > yp->lim->max_scalar) {
			char *w = xasprintf("value is longer than %zu bytes", yp->lim->max_scalar);
			ynode_fail(yp, &ev->start_mark, w);
			free(w);
			return NULL;
		}
		if (memchr(ev->data.scalar.value, '\0', ev->data.scalar.length) != NULL) {
			ynode_fail(yp, &ev->start_mark, "value contains a NUL character");
			return NULL;
		}
		if ((n = ynode_new(yp, YNODE_SCALAR, &ev->start_mark, ev->data.scalar.length)) ==
		    NULL)
			return NULL;
		memcpy(n->s, ev->data.scalar.value, ev->data.scalar.length);
		n->len = ev->data.scalar.length;
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		return n;
	}
	if (ev->type == YAML_SEQUENCE_START_EVENT) {
		if ((n = ynode_new(yp, YNODE_SEQ, &ev->start_mark, 0)) == NULL)
			return NULL;
		if (ynode_children(yp, n, YAML_SEQUENCE_END_EVENT, depth, stream) == -1)
			goto fail;
		return n;
	}
	if ((n = ynode_new(yp, YNODE_MAP, &ev->start_mark, 0)) == NULL)
		return NULL;
	if (ynode_children(yp, n, YAML_MAPPING_END_EVENT, depth, false) == -1)
		goto fail;
	return n;
fail:
	ynode_free(n);
	return NULL;
}

/* The parser behind ynode_parse and ynode_parse_items. */
static struct ynode *
ynode_run(struct ynode_parser *yp, const char *data, size_t len, char **cause)
{
	yaml_event_t ev;
	struct ynode *root = NULL;
	int state = 0; /* 0 before the document, 1 root read */

	*cause = NULL;
	if (len > yp->lim->max_bytes) {
		*cause = xasprintf("%s: file is larger than %zu bytes", yp->name,
				   yp->lim->max_bytes);
		return NULL;
	}
	if (!yaml_parser_initialize(&yp->p)) {
		*cause = xasprintf("%s: cannot initialise the YAML parser", yp->name);
		return NULL;
	}
	yaml_parser_set_input_string(&yp->p, (const unsigned char *)data, len);
	yaml_parser_set_encoding(&yp->p, YAML_UTF8_ENCODING);
	for (;;) {
		if (ynode_next(yp, &ev) == -1)
			goto fail;
		switch (ev.type) {
		case YAML_STREAM_START_EVENT:
		case YAML_DOCUMENT_END_EVENT:
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (state != 0) {
				ynode_fail(yp, &ev.start_mark, "only one YAML document is allowed");
				yaml_event_delete(&ev);
				goto fail;
			}
			break;
		case YAML_STREAM_END_EVENT:
			yaml_event_delete(&ev);
			if (root == NULL) {
				yaml_mark_t m = {0};

				ynode_fail(yp, &m, "empty file");
				goto fail;
			}
			yaml_parser_delete(&yp->p);
			return root;
		default:
			if (state != 0) {
				ynode_fail(yp, &ev.start_mark, "only one YAML document is allowed");
				yaml_event_delete(&ev);
				goto fail;
			}
			/* With no key, a root list is the streamed one. */
			root = ynode_value(yp, &ev, 0,
					   yp->fn != NULL && yp->keys == NULL &&
						   ev.type == YAML_SEQUENCE_START_EVENT);
			if (root == NULL) {
				yaml_event_delete(&ev);
				goto fail;
			}
			root->blocks = yp->blocks;
			yp->blocks = NULL;
			state = 1;
			break;
		}
		yaml_event_delete(&ev);
	}
fail:
	ynode_free(root);
	ynode_blocks_free(yp->blocks); /* a root not finished */
	yaml_parser_delete(&yp->p);
	*cause = yp->cause ? yp->cause : xasprintf("%s: malformed YAML", yp->name);
	return NULL;
}

struct ynode *
ynode_parse(const char *name, const char *data, size_t len, const struct ynode_limits *lim,
	    char **cause)
{
	struct ynode_parser yp = {.name = name, .lim = lim};

	return ynode_run(&yp, data, len, cause);
}

struct ynode *
ynode_parse_items(const char *name, const char *data, size_t len, int first_line,
		  const char *const *keys, ynode_item_fn fn, void *ctx,
		  const struct ynode_limits *lim, char **cause)
{
	struct ynode_parser yp = {.name = name,
				  .lim = lim,
				  .line0 = first_line - 1,
				  .keys = keys,
				  .fn = fn,
				  .ctx = ctx};

	return ynode_run(&yp, data, len, cause);
}

/* One step of the hash: each of the three operations is a bijection of h
 * for a given w, so two inputs that differ in one word never collide. */
static uint64_t
ynode_mix(uint64_t h, uint64_t w)
{
	h ^= w;
	h *= 0x9e3779b97f4a7c15ULL;
	return h ^ h >> 32;
}

uint64_t
ynode_hash(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 0xcbf29ce484222325ULL ^ (uint64_t)n, w = 0;
	size_t i;

	/* Words are read little-endian, so the hash (stored in compiled
	 * files) is the same on every architecture. */
	for (; n >= 8; s += 8, n -= 8)
		h = ynode_mix(h, le_u64(s));
	for (i = n; i > 0; i--)
		w = w << 8 | s[i - 1];
	h = ynode_mix(h, w);
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	return h ^ h >> 33;
}
