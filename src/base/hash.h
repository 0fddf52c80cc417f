/* hash: a fast non-cryptographic 64-bit hash for ETags and tables (not for secrets). */
#ifndef VERTROUWD_BASE_HASH_H
#define VERTROUWD_BASE_HASH_H

#include <stddef.h>
#include <stdint.h>

uint64_t hash64(const void *data, size_t n);

#endif
