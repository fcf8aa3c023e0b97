/*
 * le.h - the little-endian integers of the compiled files (services.idx,
 * names.cache), which are the same on every architecture.
 * Each reads from any alignment, byte by byte, on every machine (the
 * compiler makes one load of it where the machine is little-endian).
 * The le_set functions store the same integers, for the build-time
 * writers.
 */
#ifndef SIGNPOST_LE_H
#define SIGNPOST_LE_H

#include <stdint.h>

static inline uint32_t
le_u16(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static inline uint32_t
le_u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t
le_u64(const unsigned char *p)
{
	return (uint64_t)le_u32(p) | (uint64_t)le_u32(p + 4) << 32;
}

static inline void
le_set16(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
}

static inline void
le_set32(unsigned char *p, uint32_t v)
{
	le_set16(p, v);
	le_set16(p + 2, v >> 16);
}

static inline void
le_set64(unsigned char *p, uint64_t v)
{
	le_set32(p, (uint32_t)v);
	le_set32(p + 4, (uint32_t)(v >> 32));
}

#endif
