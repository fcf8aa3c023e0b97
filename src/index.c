/*
 * index.c - reads a compiled index (see index.h) and assembles, from the
 * ranges it names, a small YAML document holding only what one lookup
 * needs, which table_load_mem then loads as usual.  Only reads: the index
 * is written by the build tool signpost-mkindex, never here.
 */
#include "index.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "le.h"
#include "xmalloc.h"
#include "ynode.h"

void
index_primary(const char *tag, char *out)
{
	size_t i;

	for (i = 0; tag[i] && tag[i] != '-' && tag[i] != '_' && i < INDEX_KEY_SIZE - 2; i++)
		out[i] = (char)(tag[i] >= 'A' && tag[i] <= 'Z' ? tag[i] + 32 : tag[i]);
	out[i] = '\0';
}

struct index_map {
	const unsigned char *p;
	size_t len;       /* mapped; only the front (up to the trees) is read */
	uint64_t filelen;
	int fd;           /* the trees are read with pread */
	uint32_t nrec, nkey;
	uint64_t yaml_size;
	const unsigned char *date;
	uint32_t date_len;
	const unsigned char *emerg, *recs, *keys, *post;
	size_t npost;
};

/* Checks the layout; returns 0 or -1. */
static int
index_parse(struct index_map *m)
{
	size_t off, need;

	if (m->len < 32 || memcmp(m->p, INDEX_MAGIC, 8) != 0)
		return -1;
	m->nrec = le_u32(m->p + 8);
	m->nkey = le_u32(m->p + 12);
	m->yaml_size = le_u64(m->p + 16);
	m->date_len = le_u32(m->p + 24);
	if (m->date_len > 32) /* a YYYY-MM-DD date, with room to spare */
		return -1;
	m->date = m->p + 28;
	off = 28 + ((m->date_len + 3) & ~3u);
	m->emerg = m->p + off;
	off += INDEX_REC_SIZE;
	m->recs = m->p + off;
	if (m->nrec > 10000000 || m->nkey > 10000000)
		return -1;
	need = off + (size_t)m->nrec * INDEX_REC_SIZE + (size_t)m->nkey * (INDEX_KEY_SIZE + 8);
	if (need > m->len)
		return -1;
	m->keys = m->recs + (size_t)m->nrec * INDEX_REC_SIZE;
	m->post = m->keys + (size_t)m->nkey * (INDEX_KEY_SIZE + 8);
	/* The postings run to the first tree, which the emergency record names. */
	if (le_u64(m->emerg + 24) < need || le_u64(m->emerg + 24) > m->len ||
	    (le_u64(m->emerg + 24) - need) % 4 != 0)
		return -1;
	m->npost = (size_t)(le_u64(m->emerg + 24) - need) / 4;
	return 0;
}

/* The length of the index's front (everything before the trees), read
 * from its first bytes; 0 when it cannot be an index. */
static size_t
index_front(int fd, uint64_t filelen)
{
	unsigned char b[128];
	uint32_t date_len;
	uint64_t front;
	ssize_t n = pread(fd, b, sizeof b, 0);

	if (n < 32 || memcmp(b, INDEX_MAGIC, 8) != 0)
		return 0;
	date_len = le_u32(b + 24);
	if (date_len > 32 || 28 + ((date_len + 3) & ~3u) + INDEX_REC_SIZE > (size_t)n)
		return 0;
	front = le_u64(b + 28 + ((date_len + 3) & ~3u) + 24);
	if (front < 32 || front > filelen || front > SIZE_MAX)
		return 0;
	return (size_t)front;
}

/* The postings of key, or count 0. */
static const unsigned char *
index_find(const struct index_map *m, const char *key, uint32_t *count)
{
	char k[INDEX_KEY_SIZE] = {0};
	size_t lo = 0, hi = m->nkey;

	*count = 0;
	if (strlen(key) >= INDEX_KEY_SIZE)
		return NULL;
	memcpy(k, key, strlen(key) + 1);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const unsigned char *e = m->keys + mid * (INDEX_KEY_SIZE + 8);
		int c = memcmp(k, e, INDEX_KEY_SIZE);

		if (c == 0) {
			uint32_t first = le_u32(e + INDEX_KEY_SIZE);
			uint32_t n = le_u32(e + INDEX_KEY_SIZE + 4);

			if ((size_t)first + n > m->npost)
				return NULL;
			*count = n;
			return m->post + (size_t)first * 4;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/*
 * One record: reads its range of the YAML and checks that it still hashes
 * as when the index was built, then decodes the tree parsed from it then.
 * NULL if the range changed or anything is out of bounds.
 */
static struct ynode *
index_record(int fd, const struct index_map *m, const unsigned char *r,
	     const struct ynode_limits *lim)
{
	uint64_t off = le_u64(r), hash = le_u64(r + 16);
	uint64_t toff = le_u64(r + 24), thash = le_u64(r + 32);
	uint32_t len = le_u32(r + 8), tlen = le_u32(r + 12);
	unsigned char *tmp;
	struct ynode *n = NULL;
	bool same;

	if (off > m->yaml_size || len > m->yaml_size - off || toff > m->filelen ||
	    tlen > m->filelen - toff)
		return NULL;
	tmp = xmalloc((size_t)(len > tlen ? len : tlen) + 1);
	same = pread(fd, tmp, len, (off_t)off) == (ssize_t)len && ynode_hash(tmp, len) == hash;
	/* The trees are read, not mapped: a lookup touches a few of them, and
	 * mapped pages would be faulted in by the block (memory = file size). */
	if (same && pread(m->fd, tmp, tlen, (off_t)toff) == (ssize_t)tlen &&
	    ynode_hash(tmp, tlen) == thash)
		n = ynode_decode(tmp, tlen, lim);
	free(tmp);
	return n;
}

/* A scalar node, for the root the index puts together. */
static struct ynode *
index_scalar(const char *s)
{
	struct ynode *n = xcalloc(1, sizeof *n);

	n->type = YNODE_SCALAR;
	n->s = xstrdup(s);
	n->len = strlen(s);
	n->line = n->column = 1;
	return n;
}

static void
index_push(struct ynode *parent, struct ynode *child)
{
	parent->v = xreallocarray(parent->v, parent->n + 1, sizeof(struct ynode *));
	parent->v[parent->n++] = child;
}

/*
 * The records of one lookup, as the source of its table: they are read
 * once to load the table and, when the table keeps its services slim,
 * again one at a time as they are shown.  It owns the open files, the
 * mapped front and the record numbers until the table closes it.
 */
struct index_src {
	struct index_map m;
	void *map;
	int yfd;
	uint32_t *recs;
	struct ynode_limits lim;
};

static struct ynode *
index_src_read(void *ctx, size_t i)
{
	struct index_src *x = ctx;

	return index_record(x->yfd, &x->m, x->m.recs + (size_t)x->recs[i] * INDEX_REC_SIZE, &x->lim);
}

static void
index_src_close(void *ctx)
{
	struct index_src *x = ctx;

	if (x->map != MAP_FAILED)
		munmap(x->map, x->m.len);
	if (x->yfd != -1)
		close(x->yfd);
	if (x->m.fd != -1)
		close(x->m.fd);
	free(x->recs);
	free(x);
}

static int
index_cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

struct table *
index_load(const char *yaml_path, const char *idx_path, const char *country,
	   const char *language, bool english, const struct table_options *o)
{
	struct index_src *x = xcalloc(1, sizeof *x);
	struct index_map *m = &x->m;
	struct table_source *src;
	struct stat ys, is;
	size_t front;
	struct table *t = NULL;
	uint32_t n = 0;
	struct ynode *root = NULL, *services, *node;
	struct problems pr = {0};
	char date[40];
	char key[INDEX_KEY_SIZE], prim[INDEX_KEY_SIZE];
	const char *keys[3];
	size_t k, i;

	x->map = MAP_FAILED;
	x->yfd = -1;
	x->lim = o && o->limits ? *o->limits : ynode_default_limits;
	if ((m->fd = open(idx_path, O_RDONLY | O_CLOEXEC)) == -1)
		goto fail;
	if ((x->yfd = open(yaml_path, O_RDONLY | O_CLOEXEC)) == -1)
		goto fail;
	/* A YAML newer than its index, or of another size, was edited. */
	if (fstat(m->fd, &is) == -1 || fstat(x->yfd, &ys) == -1 || is.st_size < 32 ||
	    ys.st_mtime > is.st_mtime)
		goto fail;
	/* Only the front (records, keys, postings) is mapped, up to the first
	 * tree, which the emergency record names: mapping the trees too would
	 * make them resident on kernels that map large page-cache folios
	 * whole.  The header, date and that record fit in the first bytes. */
	front = index_front(m->fd, (uint64_t)is.st_size);
	if (front == 0)
		goto fail;
	x->map = mmap(NULL, front, PROT_READ, MAP_PRIVATE, m->fd, 0);
	if (x->map == MAP_FAILED)
		goto fail;
	m->p = x->map;
	m->len = front;
	m->filelen = (uint64_t)is.st_size;
	if (index_parse(m) == -1 || m->yaml_size != (uint64_t)ys.st_size)
		goto fail;

	index_primary(language, prim);
	key[0] = '*';
	memcpy(key + 1, prim, strlen(prim) + 1); /* prim has at most 14 bytes */
	keys[0] = country;
	keys[1] = key;
	keys[2] = "*en";
	for (k = 0; k < (english && strcmp(prim, "en") != 0 ? 3u : 2u); k++) {
		uint32_t cnt;
		const unsigned char *p = index_find(m, keys[k], &cnt);

		x->recs = xreallocarray(x->recs, (size_t)n + cnt + 1, sizeof *x->recs);
		for (i = 0; p && i < cnt; i++) {
			uint32_t r = le_u32(p + i * 4);

			if (r >= m->nrec)
				goto fail;
			x->recs[n++] = r;
		}
	}
	if (x->recs == NULL)
		x->recs = xcalloc(1, sizeof *x->recs);
	qsort(x->recs, n, sizeof *x->recs, index_cmp_u32);
	for (i = k = 0; i < n; i++) /* a service under two keys is read once */
		if (k == 0 || x->recs[i] != x->recs[k - 1])
			x->recs[k++] = x->recs[i];
	n = (uint32_t)k;

	/* The table these records make, as the loader would have parsed it:
	 * {schema: 1, date: ..., services: [...], emergency: [...]}, the
	 * services read and loaded one at a time. */
	root = xcalloc(1, sizeof *root);
	root->type = YNODE_MAP;
	root->line = root->column = 1;
	memcpy(date, m->date, m->date_len);
	date[m->date_len] = '\0';
	index_push(root, index_scalar("schema"));
	index_push(root, index_scalar("1"));
	index_push(root, index_scalar("date"));
	index_push(root, index_scalar(date));
	index_push(root, index_scalar("services"));
	services = xcalloc(1, sizeof *services);
	services->type = YNODE_SEQ;
	services->line = services->column = 1;
	index_push(root, services);
	node = index_record(x->yfd, m, m->emerg, &x->lim);
	if (node == NULL)
		goto fail;
	index_push(root, index_scalar("emergency"));
	index_push(root, node);
	src = xcalloc(1, sizeof *src);
	src->read = index_src_read;
	src->close = index_src_close;
	src->ctx = x;
	src->n = n;
	/* A long answer keeps its services slim, each read again when shown. */
	t = table_load_each(yaml_path, root, src, n > INDEX_WHOLE, o, &pr);
	if (t != NULL)
		t->partial = true;
	problems_free(&pr);
	ynode_free(root);
	return t;
fail:
	ynode_free(root);
	index_src_close(x);
	return NULL;
}
