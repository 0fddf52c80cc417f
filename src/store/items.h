/*
 * Content items in the store: news, articles, knowledge-base pages, employer
 * guidance and downloads, with their categories.
 *
 * Strings in results live in the caller's arena. A slug is unique per type.
 */
#ifndef VERTROUWD_STORE_ITEMS_H
#define VERTROUWD_STORE_ITEMS_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"

struct store;
struct buf;

struct item_category {
	const char *slug;
	const char *name;
};

struct item {
	long long id;
	const char *type; /* nieuws | artikel | kennisbank | organisaties | download */
	const char *slug;
	const char *title;
	const char *lead;
	const char *body; /* Markdown */
	const char *author;
	const char *published; /* YYYY-MM-DD */
	const char *status;    /* concept | gepland | gepubliceerd | gearchiveerd */
	const char *updated_at;
	const char *image; /* optional picture URL, with its alt text */
	const char *image_alt;
	struct item_category *categories;
	size_t ncategories;
	long long words; /* words in the body (set by the store on save) */
	/* An attached file (downloads): name, type and size when read; data only when saving. */
	const char *file_name;
	const char *file_type;
	long long file_size;
	const void *file_data;
	size_t file_len;
	int keep_file;	      /* saving without file data keeps the attached file (the editor) */
	long long publish_at; /* gepland: when it goes live, Unix seconds (the editor; see store/schedules.h) */
};

/*
 * Insert or update (by type and slug) an item and replace its categories,
 * creating categories that do not exist yet (their slug is taken from the
 * given one). Run it inside store_begin()/store_commit(). *id gets the row id.
 */
int store_item_save(struct store *st, const struct item *it, long long *id) WUR;
/* A published item by type and slug; ERR_NOT_FOUND when there is none. */
int store_item_find(struct store *st, struct arena *a, const char *type, const char *slug, struct item *out) WUR;
/*
 * Call fn for every item (any status), by type and slug, with its body and
 * categories; strings live in a, which the caller may reset between calls
 * only after fn returns. Stops at the first non-zero return of fn and returns it.
 */
int store_item_each(struct store *st, struct arena *a, int (*fn)(void *ctx, const struct item *it), void *ctx) WUR;
/* The attached file of item id (any status), appended to out; ERR_NOT_FOUND when there is none. */
int store_item_file_by_id(struct store *st, struct arena *a, long long id, struct buf *out) WUR;

/* The attached file of a published item, for download, appended to out; ERR_NOT_FOUND when there is none. */
int store_item_file(struct store *st, struct arena *a, const char *type, const char *slug, const char **name,
		    const char **content_type, struct buf *out) WUR;

/* ---- the editor: any status ---- */

/* An item of any status by type and slug; ERR_NOT_FOUND. */
int store_item_get(struct store *st, struct arena *a, const char *type, const char *slug, struct item *out) WUR;
/* Items of any status, newest change first, filtered by type, status and a text in the title (each may be NULL). */
int store_item_list_all(struct store *st, struct arena *a, const char *type, const char *status, const char *text,
			long long offset, int limit, struct item **items, size_t *n) WUR;
/* Change an item's slug and leave a redirect from the old one; ERR_CONFLICT when the new slug is taken. */
int store_item_rename(struct store *st, const char *type, const char *old_slug, const char *new_slug) WUR;
/* The current slug an old slug redirects to; ERR_NOT_FOUND. */
int store_redirect_find(struct store *st, struct arena *a, const char *type, const char *old_slug,
			const char **slug) WUR;
/* Delete an item (its categories, revisions and redirects go with it); *id gets its row; ERR_NOT_FOUND. */
int store_item_delete(struct store *st, const char *type, const char *slug, long long *id) WUR;
int store_revision_add(struct store *st, long long item_id, const char *actor, const char *snapshot) WUR;
struct revision {
	long long id;
	const char *at; /* UTC, "YYYY-MM-DDTHH:MM:SSZ" */
	const char *actor;
	const char *snapshot; /* the item as Markdown with front matter; NULL in lists */
};
/* The newest limit revisions of an item, newest first. */
int store_revision_list(struct store *st, struct arena *a, long long item_id, int limit, struct revision **out,
			size_t *n) WUR;
/* One revision of item_id with its snapshot; ERR_NOT_FOUND (also for another item's revision). */
int store_revision_get(struct store *st, struct arena *a, long long item_id, long long id, struct revision *out) WUR;
int store_revision_count(struct store *st, long long item_id, long long *n) WUR;

/* Which published items a list shows. */
struct item_filter {
	const char *type;	       /* NULL: every type */
	const char *const *categories; /* category slugs; an item in any of them matches */
	size_t ncategories;	       /* 0: no category filter */
};

/* Published items matching f, newest first. */
int store_item_list(struct store *st, struct arena *a, const struct item_filter *f, long long offset, int limit,
		    struct item **items, size_t *n) WUR;
/* How many published items match f. */
int store_item_count(struct store *st, struct arena *a, const struct item_filter *f, long long *total) WUR;
/* How many items there are, of any status. */
int store_item_count_all(struct store *st, long long *total) WUR;
/*
 * Call fn with the type, slug and last change (UTC) of each published item, by
 * type and slug, at most limit of them: the strings last until fn returns.
 */
int store_item_urls(struct store *st, long long limit,
		    int (*fn)(void *ctx, const char *type, const char *slug, const char *updated_at), void *ctx) WUR;

struct category_count {
	const char *slug;
	const char *name;
	long long count; /* published items of the type asked for */
};

/* Every category with at least one published item of type (NULL: any), by name. */
int store_category_counts(struct store *st, struct arena *a, const char *type, struct category_count **out,
			  size_t *n) WUR;
/* Every category with its number of items of any status, by name (for the editor). */
int store_category_all(struct store *st, struct arena *a, struct category_count **out, size_t *n) WUR;
/* Category management; run inside store_begin()/store_commit(). ERR_CONFLICT: slug taken (add). */
int store_category_add(struct store *st, const char *slug, const char *name) WUR;
/* A new name; the slug (and so every address) stays. ERR_NOT_FOUND. */
int store_category_rename(struct store *st, const char *slug, const char *name) WUR;
/* Items of from move to into (both must exist and differ; checked by the caller), then from goes. */
int store_category_merge(struct store *st, const char *from, const char *into) WUR;
/* Only an empty category: ERR_CONFLICT when items still use it (or it does not exist). */
int store_category_delete(struct store *st, const char *slug) WUR;
/* A category by slug; ERR_NOT_FOUND when there is none. */
int store_category_find(struct store *st, struct arena *a, const char *slug, struct item_category *out) WUR;

#endif
