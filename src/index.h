/*
 * index.h - the index of a data file (services.yaml, emergency.yaml,
 * holidays.yaml, or a large local table), so that a lookup parses only
 * the items it can show.  It holds byte ranges and keys, never data: what
 * is shown of an item is always parsed and checked from the YAML itself
 * (table.c), so the index can make a lookup faster, never different.  One
 * number is taken from keys alone, the count of services offered in
 * English ("m:" keys below): the same as a full read's while the index is
 * the one mkindex made, as keys always are.  It is built
 * by signpost-mkindex (at build time, and by maintainers of large local
 * tables) after a full check of the file, and is believed only while the
 * YAML has the size it had then and is not newer than the index; each
 * range read must still hash as it did.  Reading only;
 * index_build makes the bytes in memory for mkindex to write and for
 * `signpost --check` to compare.
 *
 * File format 5 (integers little-endian, so the file is the same on every
 * architecture):
 *   header   "SPIDX\0\0\4"  u64 yaml_size  u64 head_hash
 *            u32 head_len  u32 nrec  u32 nkey  u32 npost  u32 pool_len
 *   records  nrec x (u64 off  u32 len  u32 line  u64 hash)
 *   keys     nkey x (u32 pool_off  u32 len  u32 first  u32 count),
 *            sorted by the key's bytes
 *   postings npost x u32 record numbers, ascending within a key
 *   pool     the keys' bytes
 *   check    u64 ynode_hash of everything before it
 * head_len: the file's first bytes, up to the first item of its list,
 * which hold the top-level fields (schema, date).  A record is one item
 * of the list: its byte range (whole lines, starting with the item's
 * "- "), the line it starts on, and ynode_hash of the range.  The records
 * cover the file after the head, in order, without gap or overlap, and
 * every item starts with "- " at the same column; a reader checks both,
 * so a range cannot begin inside another item (in a block of text that
 * looks like YAML).  A record's line is believed, as it cannot be
 * checked without reading what comes before: a crafted one can misplace
 * the line named in a message about that item, never what is shown.
 *
 * Keys (made by table_keys_of; an ended service has only its i: key):
 *   c:CC    services for country CC
 *   w:LL    services open worldwide in language LL (primary subtag, also
 *           for languages served through interpreters)
 *   w:*     services open worldwide with interpreters for any language
 *   m:AUD   services open worldwide in English for audience AUD (self,
 *           close, professional) that every caller can use at any date: a
 *           contact for callers from anywhere, and no study with an end
 *           date.  A lookup counts them ("N more services are offered in
 *           English") without reading them; those it reads for another key
 *           are checked to have it.
 *   u:en    the other services open worldwide in English that some caller
 *           can use (a study with an end date, or contacts only for
 *           callers from some countries): read to count.  Those no caller
 *           can use (no contact, a study that takes no one) have neither.
 *   i:ID    the service with id ID
 *   e:CC    the emergency numbers of CC (or EU)
 *   h:ID    the holiday calendar ID
 */
#ifndef SIGNPOST_INDEX_H
#define SIGNPOST_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "xmalloc.h"

#define INDEX_MAGIC "SPIDX\0\0\5"

struct index;

struct index_rec {
	uint64_t off;
	uint32_t len, line;
	uint64_t hash;
};

/* The index of the YAML at yaml_path: yaml_path with ".yaml" replaced by
 * ".idx" (or ".idx" appended).  The caller frees it. */
char *index_path(const char *yaml_path);

/*
 * Opens the index at idx_path for the YAML file whose status is ys.
 * Returns NULL when there is none, when it is not a regular file, or when
 * it is of another format, damaged (a count out of bounds) or stale (the
 * YAML has another size, or was modified after the index).  No time is
 * stored in the index, so two builds make the same bytes.
 */
struct index *index_open(const char *idx_path, const struct stat *ys);
/* Why index_open would or would not use an index (for --version). */
enum index_state {
	INDEX_USED,
	INDEX_MISSING,
	INDEX_NOT_FILE,
	INDEX_STALE,
	INDEX_DAMAGED,
	INDEX_FORMAT /* made by another version of signpost-mkindex */
};
enum index_state index_state_of(const char *idx_path, const struct stat *ys);
void index_close(struct index *ix);

/* The length of the head (see above) and its hash. */
size_t index_head(const struct index *ix);
uint64_t index_head_hash(const struct index *ix);
/* The number of records. */
size_t index_count(const struct index *ix);
/* Record r into *out; returns 0, or -1 when r is out of range. */
int index_record(const struct index *ix, uint32_t r, struct index_rec *out);
/*
 * The records of key: the count, and the i-th with index_posting
 * (UINT32_MAX when the index is damaged there).  0 when the key is not
 * there.
 */
size_t index_find(const struct index *ix, const char *key, size_t *first);
uint32_t index_posting(const struct index *ix, size_t first, size_t i);
/* True when key is in the index. */
bool index_has(const struct index *ix, const char *key);

/* What index_build needs: the YAML's status and head, its records, and
 * every (key, record) pair in any order. */
struct index_input {
	uint64_t yaml_size;
	uint64_t head_hash;
	uint32_t head_len;
	const struct index_rec *recs;
	size_t nrec;
	const char *const *keys; /* npairs keys ... */
	const uint32_t *key_rec; /* ... and the record each names */
	size_t npairs;
};
/* Appends the index bytes of in to out.  Deterministic: the same input
 * gives the same bytes. */
void index_build(const struct index_input *in, struct buf *out);

#endif
