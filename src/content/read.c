/*
 * Reading content for the handlers (read.h). Each function asks the store
 * once and passes its answer through: the store's error (ERR_NOT_FOUND,
 * ERR_DB, ERR_NOMEM, ...) comes back unchanged, and nothing is written.
 */
#include "content/read.h"
#include "store/schedules.h"
#include "store/search.h"

int content_item_find(struct store *st, struct arena *a, const char *type, const char *slug, struct item *out)
{
	return store_item_find(st, a, type, slug, out);
}

int content_item_list(struct store *st, struct arena *a, const struct item_filter *f, long long offset, int limit,
		      struct item **items, size_t *n)
{
	return store_item_list(st, a, f, offset, limit, items, n);
}

int content_item_count(struct store *st, struct arena *a, const struct item_filter *f, long long *total)
{
	return store_item_count(st, a, f, total);
}

int content_item_urls(struct store *st, long long limit,
		      int (*fn)(void *ctx, const char *type, const char *slug, const char *updated_at), void *ctx)
{
	return store_item_urls(st, limit, fn, ctx);
}

int content_item_file(struct store *st, struct arena *a, const char *type, const char *slug, const char **name,
		      const char **content_type, struct buf *out)
{
	return store_item_file(st, a, type, slug, name, content_type, out);
}

int content_item_text(struct store *st, struct arena *a, long long id, const char **lead, const char **body)
{
	return store_item_text(st, a, id, lead, body);
}

int content_redirect_find(struct store *st, struct arena *a, const char *type, const char *old_slug, const char **slug)
{
	return store_redirect_find(st, a, type, old_slug, slug);
}

int content_search_facets(struct store *st, struct arena *a, const char *match, struct search_facet **types,
			  size_t *ntypes, struct search_facet **cats, size_t *ncats)
{
	return store_search_facets(st, a, match, types, ntypes, cats, ncats);
}

int content_item_get(struct store *st, struct arena *a, const char *type, const char *slug, struct item *out)
{
	return store_item_get(st, a, type, slug, out);
}

int content_item_list_all(struct store *st, struct arena *a, const char *type, const char *status, const char *text,
			  long long offset, int limit, struct item **items, size_t *n)
{
	return store_item_list_all(st, a, type, status, text, offset, limit, items, n);
}

int content_item_schedule(struct store *st, long long item_id, long long *at)
{
	return store_schedule_get(st, item_id, at);
}

int content_revision_list(struct store *st, struct arena *a, long long item_id, int limit, struct revision **out,
			  size_t *n)
{
	return store_revision_list(st, a, item_id, limit, out, n);
}

int content_revision_get(struct store *st, struct arena *a, long long item_id, long long id, struct revision *out)
{
	return store_revision_get(st, a, item_id, id, out);
}

int content_revision_count(struct store *st, long long item_id, long long *n)
{
	return store_revision_count(st, item_id, n);
}

int content_category_find(struct store *st, struct arena *a, const char *slug, struct item_category *out)
{
	return store_category_find(st, a, slug, out);
}

int content_category_counts(struct store *st, struct arena *a, const char *type, struct category_count **out, size_t *n)
{
	return store_category_counts(st, a, type, out, n);
}

int content_category_all(struct store *st, struct arena *a, struct category_count **out, size_t *n)
{
	return store_category_all(st, a, out, n);
}
