/*
 * mkindex.c - signpost-mkindex TABLE.yaml INDEX: the build-time tool that
 * compiles a resource table's index (format in index.h).  It validates
 * the table exactly as `signpost --check` does and refuses a broken one,
 * so signpost can trust the ranges it reads.  With --catalog
 * CATALOG.yaml TREE it compiles a UI catalog instead (format in ynode.h),
 * validated exactly as catalog_load validates it.  signpost itself never
 * writes a file; this tool is run by the build (and by maintainers of
 * large local tables), never by signpost.
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "config.h"
#include "i18n.h"
#include "index.h"
#include "table.h"
#include "xmalloc.h"
#include "ynode.h"

/* A build-time input is the maintainer's own file: allow large tables. */
static const struct ynode_limits mkindex_limits = {
	.max_bytes = (size_t)1 << 30,
	.max_scalar = 16384,
	.max_depth = 16,
	.max_nodes = (size_t)200 << 20,
};

struct mkindex_rec {
	uint64_t off;
	uint32_t len;
	uint64_t hash;
	struct buf tree; /* ynode_encode of the parsed service */
};

struct mkindex_post {
	char key[INDEX_KEY_SIZE];
	uint32_t rec;
};

static void
put32(struct buf *b, uint32_t v)
{
	unsigned char c[4] = {v & 0xff, v >> 8 & 0xff, v >> 16 & 0xff, v >> 24 & 0xff};

	buf_addn(b, (const char *)c, 4);
}

static void
put64(struct buf *b, uint64_t v)
{
	put32(b, (uint32_t)v);
	put32(b, (uint32_t)(v >> 32));
}

/* One record; *tree_off advances past its tree. */
static void
mkindex_put_rec(struct buf *b, const struct mkindex_rec *r, uint64_t *tree_off)
{
	put64(b, r->off);
	put32(b, r->len);
	put32(b, (uint32_t)r->tree.len);
	put64(b, r->hash);
	put64(b, *tree_off);
	put64(b, ynode_hash(r->tree.s, r->tree.len));
	*tree_off += r->tree.len;
}

static int
mkindex_post_cmp(const void *a, const void *b)
{
	const struct mkindex_post *x = a, *y = b;
	int c = memcmp(x->key, y->key, INDEX_KEY_SIZE);

	return c ? c : (x->rec > y->rec) - (x->rec < y->rec);
}

static const char mkindex_usage[] =
    "usage: signpost-mkindex TABLE.yaml INDEX\n"
    "       signpost-mkindex --catalog CATALOG.yaml TREE\n"
    "       signpost-mkindex --help | --version\n";

/* --help: the usage, then what the tool is for, on stdout. */
static int
mkindex_help(void)
{
	fputs(mkindex_usage, stdout);
	fputs("\n"
	      "Validates the signpost resource table TABLE.yaml as `signpost --check`\n"
	      "does and writes its compiled index to INDEX (TABLE.idx beside the\n"
	      "table), so that lookups read only what they can show.  Re-run it after\n"
	      "every edit of the table; a stale index is ignored.\n"
	      "\n"
	      "  --catalog   compile the UI catalog CATALOG.yaml to TREE instead\n"
	      "  --help      show this help and exit\n"
	      "  --version   show the version and exit\n"
	      "\n"
	      "See signpost(5), LOCAL TABLES and FILES.\n",
	      stdout);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}

/* Reports "signpost-mkindex: A: B" (B may be empty); returns 1. */
static int
mkindex_die(const char *a, const char *b)
{
	fprintf(stderr, "signpost-mkindex: %s%s%s\n", a, *b ? ": " : "", b);
	return 1;
}

/*
 * Writes the len bytes at p to path, through path.tmp renamed into place,
 * so that a signpost reading the old file while it is rebuilt (a long
 * answer reads its index again as it prints) keeps reading the old one.
 * Returns 0, or -1 with nothing left behind.
 */
static int
mkindex_write(const char *path, const char *p, size_t len)
{
	char *tmp = xasprintf("%s.tmp", path);
	FILE *f;
	int rc = -1;

	if ((f = fopen(tmp, "wb")) != NULL) {
		bool written = fwrite(p, 1, len, f) == len;

		if (fclose(f) == 0 && written && rename(tmp, path) == 0)
			rc = 0;
		else
			remove(tmp);
	}
	free(tmp);
	return rc;
}

/*
 * --catalog IN OUT: the compiled form of the catalog IN.  IN is read with
 * the limits signpost reads catalogs with, and refused if catalog_load
 * would refuse it, so that only a catalog signpost accepts is compiled and
 * the decoded tree always fits signpost's limits.  Returns the exit status.
 */
static int
mkindex_catalog(const char *in, const char *out)
{
	struct catalog *c;
	struct ynode *root;
	struct buf b = {0};
	char *data, *cause = NULL;
	size_t len;
	int rc = 0;

	if ((data = ynode_read_file(in, &ynode_default_limits, &len, &cause)) == NULL) {
		rc = mkindex_die(cause, "");
		free(cause);
		return rc;
	}
	if ((c = catalog_load_mem(in, data, len, &cause)) == NULL) {
		rc = mkindex_die(cause, "");
		free(cause);
		free(data);
		return rc;
	}
	catalog_free(c);
	/* Parsed again: catalog_load_mem keeps no tree, and this is the tree
	 * signpost's own parse of these bytes would give. */
	if ((root = ynode_parse(in, data, len, &ynode_default_limits, &cause)) == NULL) {
		rc = mkindex_die(cause, "");
		free(cause);
		free(data);
		return rc;
	}
	ynode_compile(root, data, len, &b);
	if (mkindex_write(out, b.s, b.len) == -1)
		rc = mkindex_die(out, "cannot write");
	buf_free(&b);
	ynode_free(root);
	free(data);
	return rc;
}

int
main(int argc, char **argv)
{
	struct table_options to = {.stale_days = -1, .limits = &mkindex_limits};
	struct problems pr = {0};
	struct table *t;
	struct ynode *root;
	const struct ynode *services, *emergency = NULL;
	char *data, *cause = NULL;
	size_t len, i, j, nlines = 0, *line_off, nstarts = 0, *starts, npost = 0, nkey = 0;
	struct mkindex_rec *recs, emerg = {0};
	struct mkindex_post *post = NULL;
	struct buf out = {0};
	const char *date;

	static const struct option longopts[] = {
		{"catalog", no_argument, NULL, 'C'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	bool catalog = false;
	int opt;

	while ((opt = getopt_long(argc, argv, "hV", longopts, NULL)) != -1) {
		switch (opt) {
		case 'C':
			catalog = true;
			break;
		case 'h':
			return mkindex_help();
		case 'V':
			printf("signpost-mkindex (signpost) %s\n", SIGNPOST_VERSION);
			return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
		default: /* getopt_long has named the option */
			fputs(mkindex_usage, stderr);
			return 1;
		}
	}
	argc -= optind - 1;
	argv += optind - 1;
	if (argc != 3) {
		fputs(mkindex_usage, stderr);
		return 1;
	}
	if (catalog)
		return mkindex_catalog(argv[1], argv[2]);
	if ((data = ynode_read_file(argv[1], &mkindex_limits, &len, &cause)) == NULL)
		return mkindex_die(cause, "");
	t = table_load_mem(argv[1], data, len, &to, &pr);
	if (t == NULL || table_finish(t, &pr) != 0) {
		for (i = 0; i < pr.n; i++)
			if (!pr.v[i].warning)
				fprintf(stderr, "signpost-mkindex: %s: %s\n", pr.v[i].where, pr.v[i].what);
		return 1;
	}
	date = NULL;
	if ((root = ynode_parse(argv[1], data, len, &mkindex_limits, &cause)) == NULL)
		return mkindex_die(cause, "");

	/* Byte offset of the start of every line (1-based lines). */
	line_off = xcalloc(2, sizeof *line_off);
	line_off[0] = line_off[1] = 0;
	nlines = 1;
	for (i = 0; i < len; i++)
		if (data[i] == '\n') {
			line_off = xreallocarray(line_off, nlines + 2, sizeof *line_off);
			line_off[++nlines] = i + 1;
		}
	line_off = xreallocarray(line_off, nlines + 2, sizeof *line_off);
	line_off[nlines + 1] = len; /* one past the last line */

	services = ynode_get(root, "services");
	emergency = ynode_get(root, "emergency");
	date = ynode_get(root, "date") ? ynode_get(root, "date")->s : "";
	if (services == NULL || services->type != YNODE_SEQ || emergency == NULL)
		return mkindex_die(argv[1], "no services or emergency list");

	/* Where each part starts: service items and top-level keys. */
	starts = xcalloc(services->n + root->n + 2, sizeof *starts);
	for (i = 0; i < services->n; i++) {
		const struct ynode *it = services->v[i];
		const char *l = data + line_off[it->line];

		/* The item must open with "- " on its own first line. */
		if (it->type != YNODE_MAP || it->column < 3 || l[it->column - 3] != '-' ||
		    l[it->column - 2] != ' ')
			return mkindex_die(argv[1], "services must be block items starting \"- key:\"");
		starts[nstarts++] = (size_t)it->line;
	}
	for (i = 0; i < root->n; i += 2)
		starts[nstarts++] = (size_t)root->v[i]->line;
	starts[nstarts++] = nlines + 1;

	recs = xcalloc(services->n + 1, sizeof *recs);
	for (i = 0; i < services->n; i++) {
		const struct ynode *it = services->v[i], *c, *l;
		size_t first = (size_t)it->line, end = nlines + 1;
		char key[INDEX_KEY_SIZE];

		for (j = 0; j < nstarts; j++)
			if (starts[j] > first && starts[j] < end)
				end = starts[j];
		recs[i].off = line_off[first];
		recs[i].len = (uint32_t)(line_off[end] - line_off[first]);
		recs[i].hash = ynode_hash(data + recs[i].off, recs[i].len);
		ynode_encode(it, &recs[i].tree);
		c = ynode_get(it, "countries");
		l = ynode_get(it, "languages");
		for (j = 0; c && j < c->n; j++) {
			size_t k;

			if (strcmp(c->v[j]->s, "world") != 0) {
				memset(key, 0, sizeof key);
				memcpy(key, c->v[j]->s, strlen(c->v[j]->s) < 3 ? strlen(c->v[j]->s) : 3);
				post = xreallocarray(post, npost + 1, sizeof *post);
				memcpy(post[npost].key, key, sizeof key);
				post[npost++].rec = (uint32_t)i;
				continue;
			}
			for (k = 0; l && k < l->n; k++) {
				char *canon = i18n_language_canonical(l->v[k]->s), prim[INDEX_KEY_SIZE];

				index_primary(canon ? canon : l->v[k]->s, prim);
				free(canon);
				memset(key, 0, sizeof key);
				key[0] = '*';
				memcpy(key + 1, prim, strlen(prim) + 1); /* at most 14 bytes and NUL */
				post = xreallocarray(post, npost + 1, sizeof *post);
				memcpy(post[npost].key, key, sizeof key);
				post[npost++].rec = (uint32_t)i;
			}
		}
	}
	{
		size_t first = 0, end = nlines + 1;

		for (i = 0; i < root->n; i += 2)
			if (strcmp(root->v[i]->s, "emergency") == 0)
				first = (size_t)root->v[i]->line;
		for (j = 0; j < nstarts; j++)
			if (starts[j] > first && starts[j] < end)
				end = starts[j];
		emerg.off = line_off[first];
		emerg.len = (uint32_t)(line_off[end] - line_off[first]);
		emerg.hash = ynode_hash(data + emerg.off, emerg.len);
		ynode_encode(emergency, &emerg.tree);
	}
	if (npost > 1) /* post is NULL when there are none */
		qsort(post, npost, sizeof *post, mkindex_post_cmp);
	for (i = 0; i < npost; i++)
		if (i == 0 || memcmp(post[i].key, post[i - 1].key, INDEX_KEY_SIZE) != 0)
			nkey++;

	/* Where the trees start: after the header, records, keys and postings. */
	{
		size_t head = 28 + ((strlen(date) + 3) & ~(size_t)3);
		uint64_t tree_off = head + (uint64_t)(services->n + 1) * INDEX_REC_SIZE +
				    (uint64_t)nkey * (INDEX_KEY_SIZE + 8) + (uint64_t)npost * 4;

		buf_addn(&out, INDEX_MAGIC, 8);
		put32(&out, (uint32_t)services->n);
		put32(&out, (uint32_t)nkey);
		put64(&out, len);
		put32(&out, (uint32_t)strlen(date));
		buf_addn(&out, date, strlen(date));
		while (out.len % 4)
			buf_addc(&out, '\0');
		mkindex_put_rec(&out, &emerg, &tree_off);
		for (i = 0; i < services->n; i++)
			mkindex_put_rec(&out, &recs[i], &tree_off);
		for (i = 0; i < npost; i = j) {
			for (j = i; j < npost && memcmp(post[j].key, post[i].key, INDEX_KEY_SIZE) == 0;
			     j++)
				;
			buf_addn(&out, post[i].key, INDEX_KEY_SIZE);
			put32(&out, (uint32_t)i);
			put32(&out, (uint32_t)(j - i));
		}
		for (i = 0; i < npost; i++)
			put32(&out, post[i].rec);
		if (out.len != head + (size_t)(services->n + 1) * INDEX_REC_SIZE +
				       nkey * (INDEX_KEY_SIZE + 8) + npost * 4)
			return mkindex_die(argv[2], "internal error: layout");
		buf_addn(&out, emerg.tree.s, emerg.tree.len);
		buf_free(&emerg.tree);
		for (i = 0; i < services->n; i++) {
			buf_addn(&out, recs[i].tree.s, recs[i].tree.len);
			buf_free(&recs[i].tree);
		}
	}

	if (mkindex_write(argv[2], out.s, out.len) == -1)
		return mkindex_die(argv[2], "cannot write");
	buf_free(&out);
	free(post);
	free(recs);
	free(starts);
	free(line_off);
	ynode_free(root);
	table_free(t);
	problems_free(&pr);
	free(data);
	i18n_cleanup();
	return 0;
}
