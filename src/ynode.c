/*
 * ynode.c - libyaml events into a bounded tree of strings.  This file
 * knows YAML, not services: the table loader gives it meaning.
 */
#include "ynode.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

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
			*cause = xasprintf("%s: file is larger than %zu bytes", path, lim->max_bytes);
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

void
ynode_free(struct ynode *n)
{
	size_t i;

	if (n == NULL)
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
	size_t nodes;
	char *cause;
};

static void
ynode_fail(struct ynode_parser *yp, const yaml_mark_t *m, const char *what)
{
	if (yp->cause == NULL)
		yp->cause = xasprintf("%s:%zu:%zu: %s", yp->name, m->line + 1, m->column + 1, what);
}

static struct ynode *
ynode_new(struct ynode_parser *yp, enum ynode_type t, const yaml_mark_t *m)
{
	struct ynode *n;

	if (++yp->nodes > yp->lim->max_nodes) {
		ynode_fail(yp, m, "too many nodes in the document");
		return NULL;
	}
	n = xcalloc(1, sizeof *n);
	n->type = t;
	n->line = (int)m->line + 1;
	n->column = (int)m->column + 1;
	return n;
}

static void
ynode_push(struct ynode *parent, struct ynode *child)
{
	if ((parent->n & (parent->n - 1)) == 0)
		parent->v = xreallocarray(parent->v, parent->n ? parent->n * 2 : 4,
					  sizeof(struct ynode *));
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

static struct ynode *ynode_value(struct ynode_parser *yp, yaml_event_t *ev, size_t depth);

/* Parses the children of the collection n until its end event. */
static int
ynode_children(struct ynode_parser *yp, struct ynode *n, yaml_event_type_t end, size_t depth)
{
	yaml_event_t ev;
	struct ynode *c;

	for (;;) {
		if (ynode_next(yp, &ev) == -1)
			return -1;
		if (ev.type == end) {
			yaml_event_delete(&ev);
			return 0;
		}
		c = ynode_value(yp, &ev, depth + 1);
		yaml_event_delete(&ev);
		if (c == NULL)
			return -1;
		if (n->type == YNODE_MAP && n->n % 2 == 0) {
			yaml_mark_t at = {.line = (size_t)c->line - 1, .column = (size_t)c->column - 1};
			size_t i;

			if (c->type != YNODE_SCALAR) {
				ynode_fail(yp, &at, "a mapping key must be a plain string");
				ynode_free(c);
				return -1;
			}
			for (i = 0; i < n->n; i += 2) {
				if (strcmp(n->v[i]->s, c->s) == 0) {
					char *w = xasprintf("duplicate key \"%s\" (first at line %d)",
							    c->s, n->v[i]->line);
					ynode_fail(yp, &at, w);
					free(w);
					ynode_free(c);
					return -1;
				}
			}
		}
		ynode_push(n, c);
	}
}

static struct ynode *
ynode_value(struct ynode_parser *yp, yaml_event_t *ev, size_t depth)
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
		if ((n = ynode_new(yp, YNODE_SCALAR, &ev->start_mark)) == NULL)
			return NULL;
		n->s = xstrndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
		n->len = ev->data.scalar.length;
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		return n;
	}
	if (ev->type == YAML_SEQUENCE_START_EVENT) {
		if ((n = ynode_new(yp, YNODE_SEQ, &ev->start_mark)) == NULL)
			return NULL;
		if (ynode_children(yp, n, YAML_SEQUENCE_END_EVENT, depth) == -1)
			goto fail;
		return n;
	}
	if ((n = ynode_new(yp, YNODE_MAP, &ev->start_mark)) == NULL)
		return NULL;
	if (ynode_children(yp, n, YAML_MAPPING_END_EVENT, depth) == -1)
		goto fail;
	return n;
fail:
	ynode_free(n);
	return NULL;
}

struct ynode *
ynode_parse(const char *name, const char *data, size_t len, const struct ynode_limits *lim,
	    char **cause)
{
	struct ynode_parser yp = {.name = name, .lim = lim};
	yaml_event_t ev;
	struct ynode *root = NULL;
	int state = 0; /* 0 before the document, 1 root read */

	*cause = NULL;
	if (len > lim->max_bytes) {
		*cause = xasprintf("%s: file is larger than %zu bytes", name, lim->max_bytes);
		return NULL;
	}
	if (!yaml_parser_initialize(&yp.p)) {
		*cause = xasprintf("%s: cannot initialise the YAML parser", name);
		return NULL;
	}
	yaml_parser_set_input_string(&yp.p, (const unsigned char *)data, len);
	yaml_parser_set_encoding(&yp.p, YAML_UTF8_ENCODING);
	for (;;) {
		if (ynode_next(&yp, &ev) == -1)
			goto fail;
		switch (ev.type) {
		case YAML_STREAM_START_EVENT:
		case YAML_DOCUMENT_END_EVENT:
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (state != 0) {
				ynode_fail(&yp, &ev.start_mark, "only one YAML document is allowed");
				yaml_event_delete(&ev);
				goto fail;
			}
			break;
		case YAML_STREAM_END_EVENT:
			yaml_event_delete(&ev);
			if (root == NULL) {
				yaml_mark_t m = {0};

				ynode_fail(&yp, &m, "empty file");
				goto fail;
			}
			yaml_parser_delete(&yp.p);
			return root;
		default:
			if (state != 0) {
				ynode_fail(&yp, &ev.start_mark, "only one YAML document is allowed");
				yaml_event_delete(&ev);
				goto fail;
			}
			root = ynode_value(&yp, &ev, 0);
			if (root == NULL) {
				yaml_event_delete(&ev);
				goto fail;
			}
			state = 1;
			break;
		}
		yaml_event_delete(&ev);
	}
fail:
	ynode_free(root);
	yaml_parser_delete(&yp.p);
	*cause = yp.cause ? yp.cause : xasprintf("%s: malformed YAML", name);
	return NULL;
}

static void
ynode_put32(struct buf *b, size_t v)
{
	unsigned char c[4] = {(unsigned char)(v & 0xff), (unsigned char)(v >> 8 & 0xff),
			      (unsigned char)(v >> 16 & 0xff), (unsigned char)(v >> 24 & 0xff)};

	buf_addn(b, (const char *)c, 4);
}

void
ynode_encode(const struct ynode *n, struct buf *out)
{
	size_t i;

	buf_addc(out, (char)n->type);
	buf_addc(out, (char)(n->plain ? 1 : 0));
	ynode_put32(out, (size_t)n->line);
	ynode_put32(out, (size_t)n->column);
	if (n->type == YNODE_SCALAR) {
		ynode_put32(out, n->len);
		buf_addn(out, n->s, n->len);
		return;
	}
	ynode_put32(out, n->n);
	for (i = 0; i < n->n; i++)
		ynode_encode(n->v[i], out);
}

struct ynode_reader {
	const unsigned char *p, *end;
	const struct ynode_limits *lim;
	size_t nodes;
};

static int
ynode_get32(struct ynode_reader *r, size_t *v)
{
	if (r->end - r->p < 4)
		return -1;
	*v = (size_t)r->p[0] | (size_t)r->p[1] << 8 | (size_t)r->p[2] << 16 | (size_t)r->p[3] << 24;
	r->p += 4;
	return 0;
}

static struct ynode *
ynode_read(struct ynode_reader *r, size_t depth)
{
	struct ynode *n;
	size_t line, col, len, i;

	if (depth > r->lim->max_depth || ++r->nodes > r->lim->max_nodes || r->end - r->p < 2)
		return NULL;
	if (r->p[0] > YNODE_MAP)
		return NULL;
	n = xcalloc(1, sizeof *n);
	n->type = (enum ynode_type)r->p[0];
	n->plain = r->p[1] != 0;
	r->p += 2;
	if (ynode_get32(r, &line) == -1 || ynode_get32(r, &col) == -1 ||
	    ynode_get32(r, &len) == -1 || line > 0x7fffffff || col > 0x7fffffff)
		goto fail;
	n->line = (int)line;
	n->column = (int)col;
	if (n->type == YNODE_SCALAR) {
		if (len > r->lim->max_scalar || (size_t)(r->end - r->p) < len ||
		    memchr(r->p, '\0', len) != NULL)
			goto fail;
		n->s = xstrndup((const char *)r->p, len);
		n->len = len;
		r->p += len;
		return n;
	}
	/* Each item takes at least 14 bytes: a count beyond that is corrupt. */
	if (len > (size_t)(r->end - r->p) / 14 || (n->type == YNODE_MAP && len % 2 != 0))
		goto fail;
	n->v = xcalloc(len + 1, sizeof(struct ynode *));
	for (i = 0; i < len; i++) {
		if ((n->v[i] = ynode_read(r, depth + 1)) == NULL)
			goto fail;
		n->n++;
		if (n->type == YNODE_MAP && i % 2 == 0 && n->v[i]->type != YNODE_SCALAR)
			goto fail;
	}
	return n;
fail:
	ynode_free(n);
	return NULL;
}

struct ynode *
ynode_decode(const unsigned char *p, size_t len, const struct ynode_limits *lim)
{
	struct ynode_reader r = {p, p + len, lim, 0};
	struct ynode *n = ynode_read(&r, 0);

	if (n != NULL && r.p != r.end) { /* trailing bytes: not what was encoded */
		ynode_free(n);
		return NULL;
	}
	return n;
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
