/*
 * The one place memory comes from.
 *
 * Every allocation in vertrouwd goes through these functions (SQLite's too, see
 * store/), so tests can fail the Nth allocation with mem_fail_after() and check
 * that each failure ends in a clean error without a leak. The countdown costs
 * one relaxed atomic load per allocation when it is off.
 */
#ifndef VERTROUWD_BASE_MEM_H
#define VERTROUWD_BASE_MEM_H

#include <stddef.h>

/* malloc/calloc/realloc/free; return NULL on failure (or on an injected failure). */
void *mem_alloc(size_t n);
void *mem_calloc(size_t count, size_t size);
void *mem_realloc(void *p, size_t n);
void mem_free(void *p);
/* A copy of s, or NULL. */
char *mem_strdup(const char *s);

/* Make the nth allocation from now fail (n >= 1); n = 0 turns injection off. */
void mem_fail_after(long n);
/* Whether an injected failure happened since the last mem_fail_after(n > 0). */
int mem_fail_fired(void);

#endif
