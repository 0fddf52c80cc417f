/*
 * The arena (arena.h): 8 KiB blocks from mem_alloc, and a block of its own for
 * anything larger than half of one. Every allocator returns NULL and sets
 * a->failed when the cap would be passed or mem_alloc fails; what was handed
 * out before stays valid until arena_free.
 */
#include "base/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/mem.h"

#define BLOCK_SIZE 8192

struct arena_block {
	struct arena_block *next;
	size_t size, off;
	alignas(max_align_t) unsigned char data[];
};

static void *fail(struct arena *a)
{
	a->failed = 1;
	return NULL;
}

void *arena_alloc(struct arena *a, size_t n)
{
	const size_t align = alignof(max_align_t);
	if (n > SIZE_MAX - align)
		return fail(a);
	n = (n + align - 1) & ~(align - 1);
	if (n == 0)
		n = align;
	if (n > a->max || a->used > a->max - n)
		return fail(a);
	struct arena_block *b = a->head;
	if (!b || b->size - b->off < n) {
		size_t size = n > BLOCK_SIZE / 2 ? n : BLOCK_SIZE;
		b = mem_alloc(sizeof(*b) + size);
		if (!b)
			return fail(a);
		b->size = size;
		b->off = 0;
		if (a->head && size != BLOCK_SIZE) {
			/* A large block goes behind the head so the head's free space stays usable. */
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	void *p = b->data + b->off;
	b->off += n;
	a->used += n;
	return p;
}

void *arena_calloc(struct arena *a, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		return fail(a);
	void *p = arena_alloc(a, count * size);
	if (p)
		memset(p, 0, count * size);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	if (!s)
		return NULL;
	char *d = arena_alloc(a, n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap, cp;
	va_start(ap, fmt);
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	char *d = n < 0 ? fail(a) : arena_alloc(a, (size_t) n + 1);
	if (d)
		vsnprintf(d, (size_t) n + 1, fmt, ap);
	va_end(ap);
	return d;
}

void *arena_grow(struct arena *a, void *items, size_t n, size_t *cap, size_t elem)
{
	if (n < *cap)
		return items;
	size_t ncap = *cap ? *cap * 2 : 16;
	void *p = arena_calloc(a, ncap, elem);
	if (!p)
		return NULL;
	if (n)
		memcpy(p, items, n * elem);
	*cap = ncap;
	return p;
}

void arena_free(struct arena *a)
{
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		mem_free(b);
		b = next;
	}
	a->head = NULL;
	a->used = 0;
	a->failed = 0;
}
