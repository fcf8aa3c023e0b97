/*
 * index.c - reads the index of a data file (format in index.h) and builds
 * its bytes in memory.  It never writes a file and never decides what is
 * shown: the table loader parses every item it is pointed to.
 */
#include "index.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "file.h"
#include "le.h"
#include "ynode.h"

#define INDEX_HEADER 48
#define INDEX_REC    24
#define INDEX_KEY    16

struct index {
	void *map;
	size_t len;
	uint64_t yaml_size;
	uint32_t head_len, nrec, nkey, npost, pool_len;
	uint64_t head_hash;
	const unsigned char *recs, *keys, *post, *pool;
};

char *
index_path(const char *yaml_path)
{
	size_t n = strlen(yaml_path);

	if (n > 5 && strcmp(yaml_path + n - 5, ".yaml") == 0)
		return xasprintf("%.*s.idx", (int)(n - 5), yaml_path);
	return xasprintf("%s.idx", yaml_path);
}

static struct index *index_open_why(const char *idx_path, const struct stat *ys,
				    enum index_state *why);

struct index *
index_open(const char *idx_path, const struct stat *ys)
{
	enum index_state why;

	return index_open_why(idx_path, ys, &why);
}

enum index_state
index_state_of(const char *idx_path, const struct stat *ys)
{
	enum index_state why;

	index_close(index_open_why(idx_path, ys, &why));
	return why;
}

static struct index *
index_open_why(const char *idx_path, const struct stat *ys, enum index_state *why)
{
	struct stat st;
	char *cause = NULL;
	int fd = file_open(idx_path, &st, &cause);
	struct index *ix;
	const unsigned char *p;
	uint64_t need;

	free(cause);
	*why = errno == ENOENT ? INDEX_MISSING : INDEX_NOT_FILE;
	if (fd == -1)
		return NULL;
	*why = INDEX_DAMAGED;
	if (st.st_size < INDEX_HEADER || (uint64_t)st.st_size > SIZE_MAX) {
		close(fd);
		return NULL;
	}
	ix = xcalloc(1, sizeof *ix);
	ix->len = (size_t)st.st_size;
	ix->map = mmap(NULL, ix->len, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (ix->map == MAP_FAILED) {
		free(ix);
		return NULL;
	}
	p = ix->map;
	/* A YAML edited after its index was made is not what it indexes. */
	*why = INDEX_STALE;
	if (ys->st_mtim.tv_sec > st.st_mtim.tv_sec ||
	    (ys->st_mtim.tv_sec == st.st_mtim.tv_sec && ys->st_mtim.tv_nsec > st.st_mtim.tv_nsec))
		goto bad;
	if (memcmp(p, INDEX_MAGIC, 5) == 0 && memcmp(p, INDEX_MAGIC, 8) != 0) {
		*why = INDEX_FORMAT;
		goto bad;
	}
	if (memcmp(p, INDEX_MAGIC, 8) != 0 || le_u64(p + 8) != (uint64_t)ys->st_size)
		goto bad;
	*why = INDEX_DAMAGED;
	ix->head_hash = le_u64(p + 16);
	ix->head_len = le_u32(p + 24);
	ix->nrec = le_u32(p + 28);
	ix->nkey = le_u32(p + 32);
	ix->npost = le_u32(p + 36);
	ix->pool_len = le_u32(p + 40);
	need = INDEX_HEADER + (uint64_t)ix->nrec * INDEX_REC + (uint64_t)ix->nkey * INDEX_KEY +
	       (uint64_t)ix->npost * 4 + ix->pool_len + 8;
	if (need != ix->len || ix->head_len > (uint64_t)ys->st_size)
		goto bad;
	/* The whole index is checked once: a damaged byte anywhere (a
	 * count, a posting) makes it unused, never half believed. */
	if (ynode_hash(p, ix->len - 8) != le_u64(p + ix->len - 8))
		goto bad;
	ix->recs = p + INDEX_HEADER;
	ix->keys = ix->recs + (size_t)ix->nrec * INDEX_REC;
	ix->post = ix->keys + (size_t)ix->nkey * INDEX_KEY;
	ix->pool = ix->post + (size_t)ix->npost * 4;
	ix->yaml_size = (uint64_t)ys->st_size;
	/* The records cover the file after the head, in order, without gap
	 * or overlap: a range cannot start inside another item. */
	{
		uint64_t at = ix->head_len;
		size_t i;

		for (i = 0; i < ix->nrec; i++) {
			const unsigned char *r = ix->recs + i * INDEX_REC;

			if (le_u64(r) != at || le_u32(r + 8) == 0)
				goto bad;
			at += le_u32(r + 8);
		}
		if (at != ix->yaml_size)
			goto bad;
	}
	*why = INDEX_USED;
	return ix;
bad:
	index_close(ix);
	return NULL;
}

void
index_close(struct index *ix)
{
	if (ix == NULL)
		return;
	munmap(ix->map, ix->len);
	free(ix);
}

size_t
index_head(const struct index *ix)
{
	return ix->head_len;
}

uint64_t
index_head_hash(const struct index *ix)
{
	return ix->head_hash;
}

size_t
index_count(const struct index *ix)
{
	return ix->nrec;
}

int
index_record(const struct index *ix, uint32_t r, struct index_rec *out)
{
	const unsigned char *p;

	if (r >= ix->nrec)
		return -1;
	p = ix->recs + (size_t)r * INDEX_REC;
	out->off = le_u64(p);
	out->len = le_u32(p + 8);
	if (out->off > ix->yaml_size || out->len > ix->yaml_size - out->off)
		return -1;
	out->line = le_u32(p + 12);
	out->hash = le_u64(p + 16);
	return 0;
}

/* Compares key with key number i of ix, like memcmp on the bytes and
 * then the lengths. */
static int
index_keycmp(const struct index *ix, size_t i, const char *key, size_t klen)
{
	const unsigned char *e = ix->keys + i * INDEX_KEY;
	size_t elen = le_u32(e + 4);
	int c;

	/* A key outside the pool compares as the empty key. */
	if ((uint64_t)le_u32(e) + elen > ix->pool_len)
		elen = 0;
	c = memcmp(key, ix->pool + (elen ? le_u32(e) : 0), klen < elen ? klen : elen);

	return c ? c : (klen > elen) - (klen < elen);
}

size_t
index_find(const struct index *ix, const char *key, size_t *first)
{
	size_t lo = 0, hi = ix->nkey, klen = strlen(key);

	*first = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = index_keycmp(ix, mid, key, klen);

		if (c == 0) {
			const unsigned char *e = ix->keys + mid * INDEX_KEY;

			if ((uint64_t)le_u32(e + 8) + le_u32(e + 12) > ix->npost)
				return 0;
			*first = le_u32(e + 8);
			return le_u32(e + 12);
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

uint32_t
index_posting(const struct index *ix, size_t first, size_t i)
{
	uint32_t r = le_u32(ix->post + (first + i) * 4);

	return r < ix->nrec ? r : UINT32_MAX;
}

bool
index_has(const struct index *ix, const char *key)
{
	size_t first;

	return index_find(ix, key, &first) > 0;
}

/* ---- building ---- */

static void
index_put32(struct buf *b, uint32_t v)
{
	char c[4] = {(char)(v & 0xff), (char)(v >> 8 & 0xff), (char)(v >> 16 & 0xff),
		     (char)(v >> 24 & 0xff)};

	buf_addn(b, c, 4);
}

static void
index_put64(struct buf *b, uint64_t v)
{
	index_put32(b, (uint32_t)v);
	index_put32(b, (uint32_t)(v >> 32));
}

struct index_pair {
	const char *key;
	uint32_t rec;
};

static int
index_pair_cmp(const void *a, const void *b)
{
	const struct index_pair *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->rec > y->rec) - (x->rec < y->rec);
}

void
index_build(const struct index_input *in, struct buf *out)
{
	struct index_pair *v = xcalloc(in->npairs + 1, sizeof *v);
	size_t i, j, n = 0, nkey = 0, pool = 0, first = 0, start = out->len;

	for (i = 0; i < in->npairs; i++)
		v[i] = (struct index_pair){in->keys[i], in->key_rec[i]};
	if (in->npairs > 1)
		qsort(v, in->npairs, sizeof *v, index_pair_cmp);
	/* One posting per (key, record). */
	for (i = 0; i < in->npairs; i++)
		if (n == 0 || strcmp(v[n - 1].key, v[i].key) != 0 || v[n - 1].rec != v[i].rec)
			v[n++] = v[i];
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && strcmp(v[j].key, v[i].key) == 0; j++)
			;
		nkey++;
		pool += strlen(v[i].key);
	}
	buf_addn(out, INDEX_MAGIC, 8);
	index_put64(out, in->yaml_size);
	index_put64(out, in->head_hash);
	index_put32(out, in->head_len);
	index_put32(out, (uint32_t)in->nrec);
	index_put32(out, (uint32_t)nkey);
	index_put32(out, (uint32_t)n);
	index_put32(out, (uint32_t)pool);
	index_put32(out, 0); /* reserved, keeps the records 8-byte aligned */
	for (i = 0; i < in->nrec; i++) {
		index_put64(out, in->recs[i].off);
		index_put32(out, in->recs[i].len);
		index_put32(out, in->recs[i].line);
		index_put64(out, in->recs[i].hash);
	}
	pool = 0;
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && strcmp(v[j].key, v[i].key) == 0; j++)
			;
		index_put32(out, (uint32_t)pool);
		index_put32(out, (uint32_t)strlen(v[i].key));
		index_put32(out, (uint32_t)first);
		index_put32(out, (uint32_t)(j - i));
		pool += strlen(v[i].key);
		first += j - i;
	}
	for (i = 0; i < n; i++)
		index_put32(out, v[i].rec);
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && strcmp(v[j].key, v[i].key) == 0; j++)
			;
		buf_add(out, v[i].key);
	}
	index_put64(out, ynode_hash(out->s + start, out->len - start));
	free(v);
}
