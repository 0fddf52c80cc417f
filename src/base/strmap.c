/*
 * Strings to counts (strmap.h): linear probing in a power-of-two table kept at
 * most half full. strmap_slot returns NULL when memory runs out, and the map
 * then holds what it held before (a failed grow keeps the old table).
 */
#include <string.h>

#include "base/hash.h"
#include "base/mem.h"
#include "base/strmap.h"

static size_t home(const char *key, size_t cap)
{
	return hash64(key, strlen(key)) & (cap - 1);
}

long long *strmap_get(const struct strmap *m, const char *key)
{
	if (!m->cap)
		return NULL;
	for (size_t k = home(key, m->cap);; k = (k + 1) & (m->cap - 1))
		if (!m->slots[k].key || !strcmp(m->slots[k].key, key))
			return m->slots[k].key ? &m->slots[k].value : NULL;
}

/* Twice the room, every key moved to its place in the new table. */
static int grow(struct strmap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 256;
	struct strmap_entry *slots = mem_calloc(cap, sizeof(*slots));
	if (!slots)
		return -1;
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->slots[i].key)
			continue;
		size_t k = home(m->slots[i].key, cap);
		while (slots[k].key)
			k = (k + 1) & (cap - 1);
		slots[k] = m->slots[i];
	}
	mem_free(m->slots);
	m->slots = slots;
	m->cap = cap;
	return 0;
}

long long *strmap_slot(struct strmap *m, const char *key)
{
	long long *v = strmap_get(m, key);
	if (v)
		return v;
	if ((m->used + 1) * 2 > m->cap && grow(m))
		return NULL;
	size_t k = home(key, m->cap);
	while (m->slots[k].key)
		k = (k + 1) & (m->cap - 1);
	if (!(m->slots[k].key = mem_strdup(key)))
		return NULL;
	m->slots[k].value = 0;
	m->used++;
	return &m->slots[k].value;
}

void strmap_free(struct strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		mem_free(m->slots[i].key);
	mem_free(m->slots);
	m->slots = NULL;
	m->cap = m->used = 0;
}
