/*
 * A per-worker cache of rendered public pages.
 *
 * Routes flagged ROUTE_CACHE (public GET pages that look the same for every
 * visitor) are stored by their full URI after rendering, with the store's data
 * version at that moment. A later request for the same URI is answered from the
 * cache only while the data version is unchanged: any commit, by any
 * connection or process, makes every cached page stale. Each worker thread has
 * its own cache, so there are no locks; the memory is capped per worker.
 */
#ifndef VERTROUWD_HTTP_CACHE_H
#define VERTROUWD_HTTP_CACHE_H

#include <stddef.h>

#include "http/req.h"

struct page_cache;

/* A cache of at most max_entries pages (0: caching off; returns NULL). */
struct page_cache *page_cache_new(size_t max_entries);
void page_cache_free(struct page_cache *c);
/* Fill r->page and r->out from the entry for uri made at version; 1 on a hit, 0 otherwise. */
int page_cache_get(struct page_cache *c, const char *uri, long long version, struct req *r);
/* Remember r's 200 response for uri at version (best effort: failures only skip caching). */
void page_cache_put(struct page_cache *c, const char *uri, long long version, const struct req *r);

#endif
