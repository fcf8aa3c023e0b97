/*
 * hash.h - a keyed hash of strings for the hash sets that take names from
 * files (duplicate mapping keys, service ids while overlays merge).  The
 * key is random per process, so a hostile file cannot be written so that
 * all its keys collide and every insertion costs a scan: lookups stay
 * constant time on average whatever the file holds.  Not for anything
 * stored or compared between runs (ynode_hash is that one).  No I/O
 * beyond asking the kernel for the key.
 */
#ifndef SIGNPOST_HASH_H
#define SIGNPOST_HASH_H

#include <stddef.h>
#include <stdint.h>

/* SipHash-1-3 of the n bytes at p under this process's key. */
uint64_t hash_bytes(const void *p, size_t n);
/* hash_bytes of a NUL-terminated string. */
uint64_t hash_str(const char *s);

#endif
