/*
 * hash64 (hash.h): eight bytes per multiply-xorshift step, for ETags and hash
 * tables. It cannot fail; it is not keyed, so never use it for secrets.
 */
#include "base/hash.h"

#include <string.h>

/*
 * Eight bytes per step (multiply-xorshift, in the spirit of FxHash/wyhash): an
 * ETag over a 10 KB page costs about a microsecond.
 */
static inline uint64_t mix(uint64_t h, uint64_t v)
{
	h ^= v;
	h *= 0x9E3779B97F4A7C15ULL;
	return h ^ (h >> 29);
}

uint64_t hash64(const void *data, size_t n)
{
	const unsigned char *p = data;
	uint64_t h = 0xcbf29ce484222325ULL ^ n;
	for (; n >= 8; p += 8, n -= 8) {
		uint64_t v;
		memcpy(&v, p, 8);
		h = mix(h, v);
	}
	uint64_t tail = 0;
	memcpy(&tail, p, n);
	h = mix(h, tail);
	h ^= h >> 32;
	h *= 0xD6E8FEB86659FD93ULL;
	return h ^ (h >> 32);
}
