/*
 * fuzz_index.c - libFuzzer harness for reading a table through its index
 * (index.h): an index may make a lookup faster, never different.  The
 * input is a YAML table and then changes to make to its index: the index
 * signpost-mkindex would make is built, changed byte by byte, and made
 * self-consistent again (record and head hashes of the ranges it now
 * names, and its checksum), so that only the reader's own checks stand
 * between a lying index and a wrong answer.  Every service read through
 * it must be, field by field, the service of the same id in a full read;
 * with the index unchanged, exactly the services of the keys asked for
 * must be read.  Never a crash.
 *
 * Input: u16 length of the YAML (little-endian), the YAML, then changes
 * of 4 bytes each: u16 offset into the index, u8 value to xor, u8 spare.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "index.h"
#include "le.h"
#include "table.h"
#include "xmalloc.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64], *yaml_path, *idx_path, *holidays_path;

/* The private directory goes when the fuzzer ends. */
static void
fuzz_clean(void)
{
	unlink(yaml_path);
	unlink(idx_path);
	rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	snprintf(dir, sizeof dir, "%s/signpost-fuzz.XXXXXX",
		 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	if (mkdtemp(dir) == NULL)
		abort();
	atexit(fuzz_clean);
	yaml_path = xasprintf("%s/t.yaml", dir);
	idx_path = xasprintf("%s/t.idx", dir);
	holidays_path = xasprintf("%s/holidays.yaml", SIGNPOST_FUZZ_DATADIR);
	/* Country codes are checked against the build's names.cache. */
	i18n_set_datadir(NULL, SIGNPOST_FUZZ_DATADIR);
	if (!i18n_names_ready(NULL, false, NULL))
		abort();
	return 0;
}

static void
put(const char *path, const void *p, size_t n)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || (n > 0 && fwrite(p, 1, n, f) != n) || fclose(f) != 0)
		abort();
}

static void
put_u64(unsigned char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

/* ---- field by field ---- */

#define SAME(c) \
	do { \
		if (!(c)) \
			abort(); \
	} while (0)

static void
same_str(const char *a, const char *b)
{
	SAME((a == NULL) == (b == NULL));
	SAME(a == NULL || strcmp(a, b) == 0);
}

static void
same_strv(const struct strv *a, const struct strv *b)
{
	SAME(a->n == b->n);
	for (size_t i = 0; i < a->n; i++)
		same_str(a->v[i], b->v[i]);
}

static void
same_texts(const struct texts *a, const struct texts *b)
{
	SAME(a->n == b->n);
	for (size_t i = 0; i < a->n; i++) {
		same_str(a->v[i].lang, b->v[i].lang);
		same_str(a->v[i].text, b->v[i].text);
	}
}

static void
same_hours(const struct hours *a, const struct hours *b)
{
	SAME((a == NULL) == (b == NULL));
	if (a == NULL)
		return;
	same_str(a->zone, b->zone);
	same_str(a->calendar, b->calendar);
	SAME(a->holidays == b->holidays && a->n == b->n && a->nclosed == b->nclosed);
	SAME(a->n == 0 || memcmp(a->v, b->v, a->n * sizeof *a->v) == 0);
	SAME(a->nclosed == 0 || memcmp(a->closed, b->closed, a->nclosed * sizeof *a->closed) == 0);
}

/* lines: compare the lines too.  A record's line is believed from the
 * index (index.h): a changed index may misplace it, nothing else. */
static void
same_service(const struct service *a, const struct service *b, bool lines)
{
	size_t i;

	same_str(a->id, b->id);
	same_str(a->name, b->name);
	same_str(a->organization, b->organization);
	SAME(a->status == b->status && a->recruiting == b->recruiting);
	same_str(a->study_ends, b->study_ends);
	same_str(a->registry, b->registry);
	same_str(a->successor, b->successor);
	same_str(a->ended, b->ended);
	same_strv(&a->countries, &b->countries);
	same_strv(&a->regions, &b->regions);
	same_strv(&a->languages, &b->languages);
	SAME(a->audience == b->audience && a->offers == b->offers && a->cost == b->cost);
	SAME(a->anonymous == b->anonymous && a->reporting == b->reporting);
	same_str(a->min_age, b->min_age);
	same_str(a->max_age, b->max_age);
	same_texts(&a->description, &b->description);
	same_texts(&a->eligibility, &b->eligibility);
	same_texts(&a->confidentiality, &b->confidentiality);
	SAME(a->ncontacts == b->ncontacts);
	for (i = 0; i < a->ncontacts; i++) {
		const struct contact *x = &a->contacts[i], *y = &b->contacts[i];

		SAME(x->type == y->type && x->cost == y->cost && x->has_cost == y->has_cost);
		SAME(x->interpreters_all == y->interpreters_all);
		same_str(x->value, y->value);
		same_str(x->international, y->international);
		same_texts(&x->label, &y->label);
		same_strv(&x->languages, &y->languages);
		same_strv(&x->interpreters, &y->interpreters);
		same_strv(&x->from, &y->from);
		same_strv(&x->weekly, &y->weekly);
		same_texts(&x->hours_note, &y->hours_note);
		same_hours(x->hours, y->hours);
	}
	same_strv(&a->unknown, &b->unknown);
	SAME(a->nsources == b->nsources);
	for (i = 0; i < a->nsources; i++) {
		same_str(a->sources[i].url, b->sources[i].url);
		same_str(a->sources[i].date, b->sources[i].date);
		same_str(a->sources[i].evidence, b->sources[i].evidence);
		same_strv(&a->sources[i].supports, &b->sources[i].supports);
	}
	same_str(a->checked, b->checked);
	SAME(a->column == b->column);
	SAME(!lines || a->line == b->line);
}

/* ---- the keys of a service, as index.h has them ---- */

static bool
has_key(const struct service *s, const char *key)
{
	size_t i;

	if (strncmp(key, "i:", 2) == 0)
		return strcmp(s->id, key + 2) == 0;
	if (s->status == STATUS_ENDED)
		return false;
	if (strncmp(key, "c:", 2) == 0) {
		for (i = 0; i < s->countries.n; i++)
			if (strcmp(s->countries.v[i], key + 2) == 0)
				return true;
	}
	return false; /* w: keys: not judged here */
}

/* The services with the count key m:self (index.h), by id, from the
 * keys signpost-mkindex writes. */
struct counted {
	char *id[64];
	bool self[64];
	size_t n;
};

static void
counted_key(void *ctx, size_t item, int line, const char *key)
{
	struct counted *c = ctx;

	(void)line;
	if (item >= 64)
		return;
	if (item >= c->n)
		c->n = item + 1;
	if (key != NULL && strncmp(key, "i:", 2) == 0 && c->id[item] == NULL)
		c->id[item] = xstrdup(key + 2);
	if (key != NULL && strcmp(key, "m:self") == 0)
		c->self[item] = true;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct table_options o = {.stale_days = -1};
	struct problems pr = {0};
	struct table_files f = {yaml_path, ORIGIN_DATA, NULL, holidays_path};
	struct buf idx = {0};
	struct table *full = NULL, *part = NULL;
	const char *keys[10] = {"c:CZ", "c:AT", "w:de", "e:CZ", "u:en", "m:self", NULL};
	char *ids[4] = {NULL};
	struct table_want want = {keys, 6};
	struct counted cnt = {0};
	size_t len, i, nchanges;
	bool changed = false;

	if (size < 2)
		return 0;
	len = (size_t)data[0] | (size_t)data[1] << 8;
	if (len > size - 2)
		len = size - 2;
	put(yaml_path, data + 2, len);
	unlink(idx_path);
	/* The index signpost-mkindex would make: only of a valid table. */
	if (table_index_make(yaml_path, &o, &idx, &pr) != 0 ||
	    (full = table_load(&f, NULL, &o, &pr)) == NULL || table_finish(full, &pr) != 0)
		goto out;
	/* Some ids, as --show asks for them: every other one, so that what
	 * is read is a part of the table. */
	for (i = 1; i < full->nservices && want.nkeys < 10; i += 2) {
		char **id = &ids[want.nkeys - 6];

		if (strlen(full->services[i].id) >= 40)
			continue;
		*id = xasprintf("i:%s", full->services[i].id);
		keys[want.nkeys++] = *id;
	}
	/* The changes, then the index made consistent with itself again. */
	nchanges = (size - 2 - len) / 4;
	for (i = 0; i < nchanges && idx.len > 0; i++) {
		const uint8_t *c = data + 2 + len + 4 * i;
		size_t at = ((size_t)c[0] | (size_t)c[1] << 8) % idx.len;

		if (c[2] != 0) {
			idx.s[at] ^= (char)c[2];
			changed = true;
		}
	}
	if (idx.len >= 52) {
		unsigned char *p = (unsigned char *)idx.s;
		uint32_t head = le_u32(p + 24), nrec = le_u32(p + 28);

		if (head <= len)
			put_u64(p + 16, ynode_hash(data + 2, head));
		for (i = 0; i < nrec && 44 + (i + 1) * 24 <= idx.len; i++) {
			unsigned char *r = p + 44 + i * 24;
			uint64_t off = le_u64(r);
			uint32_t n = le_u32(r + 8);

			if (off <= len && n <= len - off)
				put_u64(r + 16, ynode_hash(data + 2 + off, n));
		}
		put_u64(p + idx.len - 8, ynode_hash(p, idx.len - 8));
	}
	put(idx_path, idx.s, idx.len);
	problems_free(&pr);
	part = table_load(&f, &want, &o, &pr);
	if (part == NULL || table_finish(part, &pr) != 0)
		abort(); /* the full read succeeded: so must this one */
	for (i = 0; i < part->nservices; i++) {
		const struct service *s = &part->services[i], *t = table_find(full, s->id);

		SAME(t != NULL);
		same_service(s, t, !changed);
	}
	if (getenv("SIGNPOST_FUZZ_VERBOSE") != NULL)
		fprintf(stderr, "fuzz_index: %zu services, %zu read through the index (%s)\n",
			full->nservices, part->nservices, part->partial ? "used" : "not used");
	/* Unchanged, the index reads what the keys name, all of it. */
	if (!changed)
		for (i = 0; i < full->nservices; i++) {
			const struct service *s = &full->services[i];
			bool wanted = false;

			for (size_t k = 0; k < want.nkeys; k++)
				wanted |= has_key(s, keys[k]);
			if (wanted)
				SAME(table_find(part, s->id) != NULL);
		}
	/* Unchanged, those of the count key that were not read are the
	 * ones counted, each once. */
	if (!changed && part->partial && full->nservices <= 64 &&
	    table_keys_of(yaml_path, &o, counted_key, &cnt, &pr) == 0) {
		size_t want_unread = 0;

		for (i = 0; i < cnt.n; i++)
			want_unread += cnt.self[i] && cnt.id[i] != NULL &&
				       table_find(part, cnt.id[i]) == NULL;
		SAME(want_unread == part->nunread);
	}
out:
	for (i = 0; i < 64; i++)
		free(cnt.id[i]);
	for (i = 0; i < 4; i++)
		free(ids[i]);
	table_free(part);
	table_free(full);
	buf_free(&idx);
	problems_free(&pr);
	return 0;
}
