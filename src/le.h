/*
 * le.h - the little-endian integers of the compiled files (services.idx,
 * names.cache), which are the same on every architecture.
 * Each reads from any alignment; a 64-bit one is one load where the
 * machine is little-endian.  The le_set functions store the same
 * integers, for the build-time writers.
 */
#ifndef SIGNPOST_LE_H
#define SIGNPOST_LE_H

#include <stdint.h>
#include <string.h>

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
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t v;

	memcpy(&v, p, sizeof v);
	return v;
#else
	return (uint64_t)le_u32(p) | (uint64_t)le_u32(p + 4) << 32;
#endif
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
