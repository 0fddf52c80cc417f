/*
 * Allocation (mem.h): malloc and friends behind the test fault countdown.
 * Every allocator returns NULL when malloc does or when the countdown set by
 * mem_fail_after() runs out, and mem_fail_fired() tells the test it did. A
 * size of 0 allocates 1 byte, so NULL always means failure.
 */
#include "base/mem.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

static atomic_long countdown;
static atomic_int fired;

static int inject(void)
{
	if (atomic_load_explicit(&countdown, memory_order_relaxed) <= 0)
		return 0;
	if (atomic_fetch_sub(&countdown, 1) == 1) {
		atomic_store(&fired, 1);
		return 1;
	}
	return 0;
}

void mem_fail_after(long n)
{
	/* Turning injection off keeps the "fired" flag for the caller to read. */
	if (n > 0)
		atomic_store(&fired, 0);
	atomic_store(&countdown, n > 0 ? n : 0);
}

int mem_fail_fired(void)
{
	return atomic_load(&fired);
}

void *mem_alloc(size_t n)
{
	return inject() ? NULL : malloc(n ? n : 1);
}

void *mem_calloc(size_t count, size_t size)
{
	return inject() ? NULL : calloc(count ? count : 1, size ? size : 1);
}

void *mem_realloc(void *p, size_t n)
{
	return inject() ? NULL : realloc(p, n ? n : 1);
}

void mem_free(void *p)
{
	free(p);
}

char *mem_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = mem_alloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}
