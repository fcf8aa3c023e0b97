/*
 * index.h - a compiled index of a resource table, so a lookup reads only
 * the services it can show.  The YAML stays the only source of truth: the
 * index (built at build time by signpost-mkindex, never by signpost) maps
 * countries and worldwide languages to the byte ranges of services in the
 * YAML, and each range carries a hash (ynode_hash) checked when it is
 * read.  A missing, foreign or stale index (the YAML changed size or is
 * newer) is ignored and the whole YAML is read instead, so behaviour
 * never depends on it.
 *
 * File format 3 (all integers little-endian, so the file is the same on
 * every architecture):
 *   header   "SPIDX\0\0\3" u32 nrec u32 nkey u64 yaml_size
 *            u32 date_len, date bytes padded to 4
 *   emerg    one record for the emergency: list
 *   records  nrec x (u64 off u32 len u32 tree_len u64 hash u64 tree_off
 *            u64 tree_hash): the service's byte range in the YAML and its
 *            hash, and the service already parsed (ynode_encode) and its
 *            hash, so a lookup neither runs the YAML parser nor trusts a
 *            range that changed
 *   keys     nkey x (char key[16] u32 first u32 count), sorted by key
 *   postings u32 record numbers
 *   trees    the encoded trees
 * Keys: a country code ("CZ"), or "*" and a primary language ("*cs") for
 * services open worldwide.
 */
#ifndef SIGNPOST_INDEX_H
#define SIGNPOST_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "table.h"

#define INDEX_MAGIC "SPIDX\0\0\3"
#define INDEX_REC_SIZE 40
#define INDEX_KEY_SIZE 16
/* Up to this many services a lookup keeps them whole; beyond, slim (see
 * table_load_each): read twice, but memory no longer grows with the
 * answer beyond a few hundred bytes a service. */
#define INDEX_WHOLE 512

/* The primary language subtag of a canonical tag, lower case, into out
 * (INDEX_KEY_SIZE - 1 bytes at most). */
void index_primary(const char *tag, char *out);

/*
 * Loads from the index at idx_path only the parts of the table at
 * yaml_path that a lookup for (country, language) can show: the services
 * for the country, the worldwide ones in the language, with english also
 * the worldwide ones in English (needed only when nothing else matches),
 * and the emergency numbers.  The result is a table with partial set.
 * Returns NULL when the index cannot be used for any reason (missing,
 * another format, stale, a range that no longer hashes the same); the
 * caller then loads the whole table, which reports any real problem.
 */
struct table *index_load(const char *yaml_path, const char *idx_path, const char *country,
			 const char *language, bool english, const struct table_options *o);

#endif
