/*
 * Reading content for the handlers: items, categories, revisions, schedules,
 * redirects and search facets. The one way web/ reaches stored content, so
 * that a check every read needs (the tenant, once organisations own content)
 * has one home.
 *
 * Strings in results live in the caller's arena. On error the out-parameters
 * are unspecified and nothing is changed; errors are ERR_NOT_FOUND where said,
 * otherwise ERR_DB (the store failed) or ERR_NOMEM (the arena is full).
 */
#ifndef VERTROUWD_CONTENT_READ_H
#define VERTROUWD_CONTENT_READ_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/items.h"

struct store;
struct buf;
struct search_facet;

/* ---- published items: the public pages, feeds and search ---- */

/* A published item by type and slug; ERR_NOT_FOUND when there is none (or it is not published). */
int content_item_find(struct store *st, struct arena *a, const char *type, const char *slug, struct item *out) WUR;
/* Published items matching f, newest first, at most limit from offset. */
int content_item_list(struct store *st, struct arena *a, const struct item_filter *f, long long offset, int limit,
		      struct item **items, size_t *n) WUR;
/* How many published items match f. */
int content_item_count(struct store *st, struct arena *a, const struct item_filter *f, long long *total) WUR;
/*
 * Call fn with the type, slug and last change (UTC) of each published item, by
 * type and slug, at most limit of them; stops at fn's first non-zero return
 * and returns it.
 */
int content_item_urls(struct store *st, long long limit,
		      int (*fn)(void *ctx, const char *type, const char *slug, const char *updated_at), void *ctx) WUR;
/*
 * The attached file of a published item appended to out, with its name and
 * content type; ERR_NOT_FOUND when there is none, ERR_IO when its bytes are
 * missing from the media directory, ERR_TOO_LARGE past out's cap. On error
 * out keeps its old length.
 */
int content_item_file(struct store *st, struct arena *a, const char *type, const char *slug, const char **name,
		      const char **content_type, struct buf *out) WUR;
/* The lead and body (Markdown) of published item id, for search snippets; ERR_NOT_FOUND. */
int content_item_text(struct store *st, struct arena *a, long long id, const char **lead, const char **body) WUR;
/* The current slug an item's old slug redirects to; ERR_NOT_FOUND when it never had that slug. */
int content_redirect_find(struct store *st, struct arena *a, const char *type, const char *old_slug,
			  const char **slug) WUR;
/* Match counts per type and per category for a search/ expression (no filter). */
int content_search_facets(struct store *st, struct arena *a, const char *match, struct search_facet **types,
			  size_t *ntypes, struct search_facet **cats, size_t *ncats) WUR;

/* ---- the editor: any status ---- */

/* An item of any status by type and slug; ERR_NOT_FOUND. */
int content_item_get(struct store *st, struct arena *a, const char *type, const char *slug, struct item *out) WUR;
/* Items of any status, newest change first, filtered by type, status and a text in the title (each may be NULL). */
int content_item_list_all(struct store *st, struct arena *a, const char *type, const char *status, const char *text,
			  long long offset, int limit, struct item **items, size_t *n) WUR;
/* When item_id goes live (Unix seconds); *at is 0 when it has no schedule. */
int content_item_schedule(struct store *st, long long item_id, long long *at) WUR;
/* The newest limit revisions of an item (without snapshots), newest first. */
int content_revision_list(struct store *st, struct arena *a, long long item_id, int limit, struct revision **out,
			  size_t *n) WUR;
/* One revision of item_id with its snapshot; ERR_NOT_FOUND (also for another item's revision). */
int content_revision_get(struct store *st, struct arena *a, long long item_id, long long id, struct revision *out) WUR;
/* How many revisions item_id has. */
int content_revision_count(struct store *st, long long item_id, long long *n) WUR;

/* ---- categories ---- */

/* A category by slug; ERR_NOT_FOUND when there is none. */
int content_category_find(struct store *st, struct arena *a, const char *slug, struct item_category *out) WUR;
/* Every category with at least one published item of type (NULL: any type), by name, with that count. */
int content_category_counts(struct store *st, struct arena *a, const char *type, struct category_count **out,
			    size_t *n) WUR;
/* Every category with its number of items of any status, by name (for the editor). */
int content_category_all(struct store *st, struct arena *a, struct category_count **out, size_t *n) WUR;

#endif
