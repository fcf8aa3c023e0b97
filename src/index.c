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

#include "xmalloc.h"

uint64_t
index_hash(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

void
index_primary(const char *tag, char *out)
{
	size_t i;

	for (i = 0; tag[i] && tag[i] != '-' && tag[i] != '_' && i < INDEX_KEY_SIZE - 2; i++)
		out[i] = (char)(tag[i] >= 'A' && tag[i] <= 'Z' ? tag[i] + 32 : tag[i]);
	out[i] = '\0';
}

static uint32_t
index_u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t
index_u64(const unsigned char *p)
{
	return (uint64_t)index_u32(p) | (uint64_t)index_u32(p + 4) << 32;
}

struct index_map {
	const unsigned char *p;
	size_t len;
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
	m->nrec = index_u32(m->p + 8);
	m->nkey = index_u32(m->p + 12);
	m->yaml_size = index_u64(m->p + 16);
	m->date_len = index_u32(m->p + 24);
	if (m->date_len > 32)
		return -1;
	m->date = m->p + 28;
	off = 28 + ((m->date_len + 3) & ~3u);
	m->emerg = m->p + off;
	off += 24;
	m->recs = m->p + off;
	need = off + (size_t)m->nrec * 24 + (size_t)m->nkey * (INDEX_KEY_SIZE + 8);
	if (m->nrec > 10000000 || m->nkey > 10000000 || need > m->len)
		return -1;
	m->keys = m->recs + (size_t)m->nrec * 24;
	m->post = m->keys + (size_t)m->nkey * (INDEX_KEY_SIZE + 8);
	m->npost = (m->len - need) / 4;
	return 0;
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
			uint32_t first = index_u32(e + INDEX_KEY_SIZE);
			uint32_t n = index_u32(e + INDEX_KEY_SIZE + 4);

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

/* Reads one range of the YAML and checks its hash; appends it to b. */
static int
index_range(int fd, const unsigned char *r, uint64_t yaml_size, struct buf *b)
{
	uint64_t off = index_u64(r), hash = index_u64(r + 16);
	uint32_t len = index_u32(r + 8);
	char *tmp;
	ssize_t got;

	if (off > yaml_size || len > yaml_size - off)
		return -1;
	tmp = xmalloc(len + 1);
	got = pread(fd, tmp, len, (off_t)off);
	if (got != (ssize_t)len || index_hash(tmp, len) != hash) {
		free(tmp);
		return -1;
	}
	buf_addn(b, tmp, len);
	if (len == 0 || tmp[len - 1] != '\n')
		buf_addc(b, '\n');
	free(tmp);
	return 0;
}

static int
index_cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

struct table *
index_load(const char *yaml_path, const char *idx_path, const char *country,
	   const char *language, const struct table_options *o)
{
	struct index_map m = {0};
	struct stat ys, is;
	int ifd = -1, yfd = -1;
	void *map = MAP_FAILED;
	struct table *t = NULL;
	uint32_t *recs = NULL, n = 0;
	struct buf doc = {0};
	struct problems pr = {0};
	char key[INDEX_KEY_SIZE], prim[INDEX_KEY_SIZE];
	const char *keys[3];
	size_t k, i;

	if ((ifd = open(idx_path, O_RDONLY | O_CLOEXEC)) == -1)
		return NULL;
	if ((yfd = open(yaml_path, O_RDONLY | O_CLOEXEC)) == -1)
		goto out;
	/* A YAML newer than its index, or of another size, was edited. */
	if (fstat(ifd, &is) == -1 || fstat(yfd, &ys) == -1 || is.st_size < 32 ||
	    ys.st_mtime > is.st_mtime)
		goto out;
	map = mmap(NULL, (size_t)is.st_size, PROT_READ, MAP_PRIVATE, ifd, 0);
	if (map == MAP_FAILED)
		goto out;
	m.p = map;
	m.len = (size_t)is.st_size;
	if (index_parse(&m) == -1 || m.yaml_size != (uint64_t)ys.st_size)
		goto out;

	index_primary(language, prim);
	key[0] = '*';
	memcpy(key + 1, prim, strlen(prim) + 1); /* prim has at most 14 bytes */
	keys[0] = country;
	keys[1] = key;
	keys[2] = "*en";
	for (k = 0; k < 3; k++) {
		uint32_t cnt;
		const unsigned char *p = index_find(&m, keys[k], &cnt);

		recs = xreallocarray(recs, (size_t)n + cnt + 1, sizeof *recs);
		for (i = 0; p && i < cnt; i++) {
			uint32_t r = index_u32(p + i * 4);

			if (r >= m.nrec)
				goto out;
			recs[n++] = r;
		}
	}
	qsort(recs, n, sizeof *recs, index_cmp_u32);

	buf_add(&doc, "schema: 1\ndate: \"");
	buf_addn(&doc, (const char *)m.date, m.date_len);
	buf_add(&doc, "\"\n");
	buf_add(&doc, n ? "services:\n" : "services: []\n");
	for (i = 0; i < n; i++) {
		if (i && recs[i] == recs[i - 1])
			continue;
		if (index_range(yfd, m.recs + (size_t)recs[i] * 24, m.yaml_size, &doc) == -1)
			goto out;
	}
	if (index_range(yfd, m.emerg, m.yaml_size, &doc) == -1)
		goto out;
	t = table_load_mem(yaml_path, doc.s, doc.len, o, &pr);
	if (t != NULL)
		t->partial = true;
out:
	problems_free(&pr);
	buf_free(&doc);
	free(recs);
	if (map != MAP_FAILED)
		munmap(map, m.len);
	if (yfd != -1)
		close(yfd);
	close(ifd);
	return t;
}
