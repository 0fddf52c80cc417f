/*
 * arena: per-request memory, released all at once.
 *
 * Everything a request needs (parsed input, view values, rendered fragments)
 * comes from its arena and is freed when the response is done. Allocation
 * failures are sticky: once arena_alloc() returns NULL, a->failed stays set, so
 * code that builds a large structure can check once at the end instead of at
 * every step. An arena also has a total cap (a runaway request cannot eat the
 * machine).
 */
#ifndef VERTROUWD_BASE_ARENA_H
#define VERTROUWD_BASE_ARENA_H

#include <stdarg.h>
#include <stddef.h>

#include "base/err.h"

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t used; /* bytes handed out, for the cap */
	size_t max;  /* total cap */
	int failed;  /* set by the first failed allocation */
};

#define ARENA_MAX_DEFAULT ((size_t) 64 << 20)
#define ARENA_INIT                                                                                                     \
	{                                                                                                              \
		.head = NULL, .used = 0, .max = ARENA_MAX_DEFAULT, .failed = 0                                         \
	}

/* n bytes aligned for any type, or NULL (and a->failed set). */
void *arena_alloc(struct arena *a, size_t n);
void *arena_calloc(struct arena *a, size_t count, size_t size);
/* Copies that end in NUL; NULL on failure or when s is NULL. */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) PRINTF_LIKE(2, 3);
/*
 * Room for one more element in an array kept in the arena: returns items (or a
 * copy twice the size, updating *cap) with space for element n, or NULL on
 * allocation failure (items stay valid).
 */
void *arena_grow(struct arena *a, void *items, size_t n, size_t *cap, size_t elem);
/* Release everything; the arena can be used again. */
void arena_free(struct arena *a);

#endif
