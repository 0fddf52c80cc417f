/*
 * content: the public content domain (news now; articles, knowledge base,
 * employer pages and downloads share the same item shape).
 *
 * Plain functions over the store with typed arguments; no HTTP here.
 */
#ifndef VERTROUWD_CONTENT_CONTENT_H
#define VERTROUWD_CONTENT_CONTENT_H

#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "store/items.h"

struct store;

struct content_type {
	const char *name;  /* as stored and in front matter: "nieuws" */
	const char *path;  /* URL prefix: "/nieuws" */
	const char *label; /* Dutch, for pages: "Nieuws" */
	const char *dir;   /* folder for files of this type in import/export trees: "nieuws" */
};

extern const struct content_type content_types[];
extern const size_t content_type_count;

/* The type named name, or NULL. */
const struct content_type *content_type_find(const char *name);
/* Whether status is one of concept, gepland, gepubliceerd, gearchiveerd. */
int content_status_valid(const char *status);

/*
 * Parse a Markdown file with YAML front matter (see demo/ and the README).
 * Unknown keys, missing or bad values are ERR_INVALID with "PATH:LINE: what
 * to do" (Dutch) in err. Strings live in a.
 */
int content_parse(struct arena *a, const char *path, const char *text, size_t len, struct item *out, char *err,
		  size_t errlen) WUR;

struct import_report {
	int files, imported, failed;
};

/*
 * Import every *.md file under dir, each in its own transaction: a broken file
 * is reported on stderr with its path and line and changes nothing; the others
 * still import. progress (may be NULL) is called after each file with (done,
 * total). Returns 0 when every file imported, ERR_INVALID when some failed,
 * or ERR_IO when dir cannot be read. With search (may be NULL) each item is
 * indexed in the same transaction.
 */
struct search_env;
int content_import_dir(struct store *st, struct search_env *search, const char *dir,
		       void (*progress)(int done, int total), struct import_report *rep) WUR;

/* An item in the import format (front matter and body), appended to b. */
int content_to_markdown(const struct item *it, struct buf *b) WUR;

/*
 * Save an item from the editor (its slug already set), in one transaction: check it like an import
 * (ERR_INVALID with a Dutch *why), rename it when its slug changed (the old URL
 * then answers 301), keep a revision (the whole item as Markdown), index it for
 * search and audit the change as actor. old_slug is NULL for a new item; *id
 * gets its row.
 */
int content_save(struct store *st, struct search_env *search, const char *actor, struct item *it, const char *old_slug,
		 long long *id, const char **why) WUR;
/*
 * Publish every gepland item whose time has come (now, Unix seconds): one
 * transaction each, indexed for search and audited as "systeem". Safe to run
 * from several servers at once: each item is published exactly once. *count
 * gets how many this call published.
 */
int content_publish_due(struct store *st, struct search_env *search, long long now, int *count) WUR;
/*
 * Category management as actor, in one audited transaction. action: "nieuw"
 * (value: the name), "hernoemen" (slug, value: new name; the slug stays),
 * "samenvoegen" (slug into the category with slug value), "verwijderen" (slug,
 * only when no item uses it). On ERR_INVALID, ERR_CONFLICT or ERR_NOT_FOUND
 * *why (when set) says in Dutch what to do.
 */
int content_category_change(struct store *st, const char *actor, const char *action, const char *slug,
			    const char *value, const char **why) WUR;
/* Delete an item with its revisions and search entry; audited. ERR_NOT_FOUND. */
int content_delete(struct store *st, const char *actor, const char *type, const char *slug) WUR;

/*
 * Write every item (any status) as DIR/<type folder>/<slug>.md in the import
 * format, with attached files beside it, so that importing DIR gives back the
 * same content. Creates the folders. Returns 0 or ERR_IO/ERR_DB (message on stderr).
 */
int content_export_dir(struct store *st, const char *dir, int *count) WUR;

#endif
