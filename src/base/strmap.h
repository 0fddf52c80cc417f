/*
 * strmap: strings to counts, in one open-addressed table (the search
 * vocabulary of a reindex, the document frequencies a connection has seen).
 * Keys are copied; allocation goes through base/mem.
 */
#ifndef VERTROUWD_BASE_STRMAP_H
#define VERTROUWD_BASE_STRMAP_H

#include <stddef.h>

struct strmap {
	struct strmap_entry {
		char *key;
		long long value;
	} * slots;
	size_t cap, used;
};

#define STRMAP_INIT                                                                                                    \
	{                                                                                                              \
		0                                                                                                      \
	}

/* The value of key, or NULL when it is not there. */
long long *strmap_get(const struct strmap *m, const char *key);
/* The value of key, added as 0 when it is not there; NULL when out of memory. */
long long *strmap_slot(struct strmap *m, const char *key);
void strmap_free(struct strmap *m);

#endif
