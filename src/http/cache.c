/*
 * The per-worker page cache (cache.h): rendered public pages by URI and data
 * version, in a bounded table owned by one thread. Nothing here fails to the
 * caller: a page that cannot be stored (no memory, too large) is simply not
 * cached, and a miss renders the page as usual.
 */
#include "http/cache.h"

#include <string.h>

#include "base/hash.h"
#include "base/mem.h"

#define CACHE_MAX_BYTES ((size_t) 32 << 20) /* per worker */
#define CACHE_MAX_PAGE	((size_t) 1 << 20)

struct entry {
	char *uri; /* NULL: free slot */
	long long version;
	int status;
	char *content_type, *etag, *last_modified, *cache_control, *disposition, *body;
	size_t len;
};

struct page_cache {
	struct entry *slots;
	size_t nslots, used, max_entries, bytes;
};

struct page_cache *page_cache_new(size_t max_entries)
{
	if (!max_entries)
		return NULL;
	struct page_cache *c = mem_calloc(1, sizeof(*c));
	size_t n = 16;
	while (n < max_entries * 2)
		n *= 2;
	if (c && !(c->slots = mem_calloc(n, sizeof(*c->slots)))) {
		mem_free(c);
		return NULL;
	}
	if (c) {
		c->nslots = n;
		c->max_entries = max_entries;
	}
	return c;
}

static void clear_entry(struct entry *e)
{
	char *parts[] = {e->uri, e->content_type, e->etag, e->last_modified, e->cache_control, e->disposition, e->body};
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		mem_free(parts[i]);
	memset(e, 0, sizeof(*e));
}

static void clear_all(struct page_cache *c)
{
	for (size_t i = 0; i < c->nslots; i++)
		if (c->slots[i].uri)
			clear_entry(&c->slots[i]);
	c->used = c->bytes = 0;
}

void page_cache_free(struct page_cache *c)
{
	if (!c)
		return;
	clear_all(c);
	mem_free(c->slots);
	mem_free(c);
}

/* The slot holding uri, or the free slot where it would go. */
static struct entry *slot(struct page_cache *c, const char *uri)
{
	size_t mask = c->nslots - 1, i = (size_t) hash64(uri, strlen(uri)) & mask;
	while (c->slots[i].uri && strcmp(c->slots[i].uri, uri))
		i = (i + 1) & mask;
	return &c->slots[i];
}

static const char *copy_to(struct req *r, const char *s)
{
	return s ? arena_strdup(&r->arena, s) : NULL;
}

int page_cache_get(struct page_cache *c, const char *uri, long long version, struct req *r)
{
	if (!c)
		return 0;
	struct entry *e = slot(c, uri);
	if (!e->uri || e->version != version)
		return 0;
	/* The body is copied: the entry may be replaced before the response is sent. */
	if (buf_add(&r->out, e->body, e->len))
		return 0;
	r->page.status = e->status;
	r->page.content_type = copy_to(r, e->content_type);
	r->page.etag = copy_to(r, e->etag);
	r->page.last_modified = copy_to(r, e->last_modified);
	r->page.cache_control = copy_to(r, e->cache_control);
	r->page.disposition = copy_to(r, e->disposition);
	return !r->arena.failed;
}

static char *dup_or_null(const char *s, int *fail)
{
	if (!s)
		return NULL;
	char *d = mem_strdup(s);
	*fail |= !d;
	return d;
}

void page_cache_put(struct page_cache *c, const char *uri, long long version, const struct req *r)
{
	if (!c || r->page.status != 200 || r->page.static_body || r->out.len > CACHE_MAX_PAGE)
		return;
	struct entry *e = slot(c, uri);
	if (e->uri) {
		c->bytes -= e->len;
		c->used--;
		clear_entry(e);
	}
	if (c->used + 1 > c->max_entries || c->bytes + r->out.len > CACHE_MAX_BYTES) {
		/* Full: start over rather than track recency; a hot page comes back at once. */
		clear_all(c);
		e = slot(c, uri);
	}
	int fail = 0;
	e->uri = dup_or_null(uri, &fail);
	e->content_type = dup_or_null(r->page.content_type, &fail);
	e->etag = dup_or_null(r->page.etag, &fail);
	e->last_modified = dup_or_null(r->page.last_modified, &fail);
	e->cache_control = dup_or_null(r->page.cache_control, &fail);
	e->disposition = dup_or_null(r->page.disposition, &fail);
	e->body = mem_alloc(r->out.len + 1);
	if (fail || !e->body || !e->uri) {
		clear_entry(e);
		return;
	}
	memcpy(e->body, r->out.ptr, r->out.len);
	e->len = r->out.len;
	e->version = version;
	e->status = r->page.status;
	c->used++;
	c->bytes += e->len;
}
