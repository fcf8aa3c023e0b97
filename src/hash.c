/*
 * hash.c - SipHash-1-3 (Aumasson and Bernstein), the keyed hash that
 * Python, Perl and Rust use for their hash tables for the same reason:
 * without the key, nobody can choose strings that collide.
 */
#include "hash.h"

#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "le.h"

/*
 * The key: set once, from the kernel's random numbers, on first use.  It
 * is the only state here and never changes after that; results never
 * depend on it (only how full a hash table's probe runs are).
 */
static uint64_t hash_k0, hash_k1;
static int hash_keyed;

static void
hash_key(void)
{
	unsigned char k[16];
	struct timespec ts;

	if (getrandom(k, sizeof k, GRND_NONBLOCK) == (ssize_t)sizeof k) {
		hash_k0 = le_u64(k);
		hash_k1 = le_u64(k + 8);
	} else {
		/* No entropy yet (early boot): what differs between runs. */
		clock_gettime(CLOCK_MONOTONIC, &ts);
		hash_k0 = (uint64_t)ts.tv_nsec * 0x9e3779b97f4a7c15ULL ^ (uint64_t)getpid();
		hash_k1 = (uint64_t)ts.tv_sec ^ (uint64_t)(uintptr_t)&ts;
	}
	hash_keyed = 1;
}

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND                                                                                   \
	do {                                                                                       \
		v0 += v1;                                                                          \
		v1 = ROTL(v1, 13);                                                                 \
		v1 ^= v0;                                                                          \
		v0 = ROTL(v0, 32);                                                                 \
		v2 += v3;                                                                          \
		v3 = ROTL(v3, 16);                                                                 \
		v3 ^= v2;                                                                          \
		v0 += v3;                                                                          \
		v3 = ROTL(v3, 21);                                                                 \
		v3 ^= v0;                                                                          \
		v2 += v1;                                                                          \
		v1 = ROTL(v1, 17);                                                                 \
		v1 ^= v2;                                                                          \
		v2 = ROTL(v2, 32);                                                                 \
	} while (0)

uint64_t
hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t v0, v1, v2, v3, m, b = (uint64_t)n << 56;
	size_t i, left = n & 7;

	if (!hash_keyed)
		hash_key();
	v0 = 0x736f6d6570736575ULL ^ hash_k0;
	v1 = 0x646f72616e646f6dULL ^ hash_k1;
	v2 = 0x6c7967656e657261ULL ^ hash_k0;
	v3 = 0x7465646279746573ULL ^ hash_k1;
	for (i = 0; i + 8 <= n; i += 8) {
		m = le_u64(s + i);
		v3 ^= m;
		SIPROUND;
		v0 ^= m;
	}
	for (i = 0; i < left; i++)
		b |= (uint64_t)s[n - left + i] << (8 * i);
	v3 ^= b;
	SIPROUND;
	v0 ^= b;
	v2 ^= 0xff;
	SIPROUND;
	SIPROUND;
	SIPROUND;
	return v0 ^ v1 ^ v2 ^ v3;
}

uint64_t
hash_str(const char *s)
{
	return hash_bytes(s, strlen(s));
}
