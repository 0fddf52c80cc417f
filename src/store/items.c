/*
 * Content items in the store (items.h): items with their categories, files,
 * slugs and redirects, revisions, and category management. Reads return
 * ERR_NOT_FOUND, ERR_DB or ERR_NOMEM (strings in the caller's arena). A write
 * of several rows (an item with its categories, a rename with its redirect)
 * is atomic only inside the caller's store_begin()/store_commit().
 */
#include <string.h>

#include "base/buf.h"
#include <stdio.h>

#include "store/items.h"
#include "store/db.h"
#include "store/files.h"

/* Split "slug\x1fname\x1eslug\x1fname..." (from group_concat) into categories. */
static int parse_categories(struct arena *a, const char *s, struct item *it)
{
	it->categories = NULL;
	it->ncategories = 0;
	if (!s || !*s)
		return 0;
	size_t n = 1;
	for (const char *p = s; *p; p++)
		n += *p == '\x1e';
	it->categories = arena_calloc(a, n, sizeof(*it->categories));
	if (!it->categories)
		return ERR_NOMEM;
	const char *p = s;
	for (size_t i = 0; i < n; i++) {
		const char *end = strchr(p, '\x1e');
		size_t len = end ? (size_t) (end - p) : strlen(p);
		const char *sep = memchr(p, '\x1f', len);
		if (sep) {
			struct item_category *c = &it->categories[it->ncategories++];
			c->slug = arena_strndup(a, p, (size_t) (sep - p));
			c->name = arena_strndup(a, sep + 1, len - (size_t) (sep - p) - 1);
			if (!c->slug || !c->name)
				return ERR_NOMEM;
		}
		p = end ? end + 1 : p + len;
	}
	return 0;
}

int store_read_item(struct stmt *s, struct arena *a, struct item *it)
{
	memset(it, 0, sizeof(*it));
	it->id = col_int(s, 0);
	const char **cols[] = {&it->type,   &it->slug,	    &it->title,	 &it->lead,	 &it->body,
			       &it->author, &it->published, &it->status, &it->updated_at};
	for (int i = 0; i < 9; i++)
		if (!(*cols[i] = col_text(s, i + 1, a)))
			return ERR_NOMEM;
	const char **more[] = {&it->image, &it->image_alt};
	for (int i = 0; i < 2; i++)
		if (!(*more[i] = col_text(s, 11 + i, a)))
			return ERR_NOMEM;
	if (!col_is_null(s, 13)) {
		it->file_name = col_text(s, 13, a);
		it->file_type = col_text(s, 14, a);
		it->file_size = col_int(s, 15);
		if (!it->file_name || !it->file_type)
			return ERR_NOMEM;
	}
	it->words = col_int(s, 16);
	return parse_categories(a, col_str(s, 10), it);
}

static long long count_words(const char *s)
{
	long long n = 0;
	for (const char *p = s; *p; p++)
		n += (*p != ' ' && *p != '\n' && *p != '\t') &&
		     (p == s || p[-1] == ' ' || p[-1] == '\n' || p[-1] == '\t');
	return n;
}

int store_item_save(struct store *st, const struct item *it, long long *id)
{
	long long file_id = 0;
	struct stored_file meta = {.name = it->file_name, .content_type = it->file_type};
	if (it->file_data && store_file_put(st, &meta, it->file_data, it->file_len, &file_id))
		return ERR_DB;
	struct stmt *s = stmt_get(st, ST_ITEM_UPSERT);
	if (!s)
		return ERR_DB;
	if (bind_int(s, 12, count_words(it->body ? it->body : "")) ||
	    bind_int(s, 13, it->keep_file && !it->file_data) || bind_text(s, 9, it->image ? it->image : "") ||
	    bind_text(s, 10, it->image_alt ? it->image_alt : "") ||
	    (file_id ? bind_int(s, 11, file_id) : bind_null(s, 11)))
		return ERR_DB;
	const char *vals[] = {it->type,
			      it->slug,
			      it->title,
			      it->lead ? it->lead : "",
			      it->body ? it->body : "",
			      it->author ? it->author : "",
			      it->published,
			      it->status ? it->status : "gepubliceerd"};
	for (int i = 0; i < 8; i++)
		if (bind_text(s, i + 1, vals[i]))
			return ERR_DB;
	int rc = stmt_exec(s);
	if (rc)
		return rc;
	s = stmt_get(st, ST_ITEM_ID);
	if (!s || bind_text(s, 1, it->type) || bind_text(s, 2, it->slug) || stmt_int(s, id))
		return ERR_DB;

	s = stmt_get(st, ST_ITEM_CATS_CLEAR);
	if (!s || bind_text(s, 1, it->type) || bind_text(s, 2, it->slug) || (rc = stmt_exec(s)))
		return rc ? rc : ERR_DB;
	for (size_t i = 0; i < it->ncategories; i++) {
		s = stmt_get(st, ST_CATEGORY_UPSERT);
		long long cat;
		if (!s || bind_text(s, 1, it->categories[i].slug) || bind_text(s, 2, it->categories[i].name) ||
		    stmt_int(s, &cat))
			return ERR_DB;
		s = stmt_get(st, ST_ITEM_CAT_ADD);
		if (!s || bind_text(s, 1, it->type) || bind_text(s, 2, it->slug) || bind_int(s, 3, cat))
			return ERR_DB;
		if ((rc = stmt_exec(s)))
			return rc;
	}
	return 0;
}

/* The file whose hash statement id (bound to the item) selects. */
static int item_file(struct store *st, struct arena *a, struct stmt *s, struct stored_file *f, struct buf *out)
{
	int step = s ? stmt_step(s) : ERR_DB;
	char *hash = step == STEP_ROW ? col_text(s, 0, a) : NULL;
	int rc = step == STEP_ROW ? (hash ? 0 : ERR_NOMEM) : step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
	if (s)
		stmt_reset(s);
	if (!rc)
		rc = store_file_get(st, a, hash, f);
	return rc ? rc : store_file_read(st, f, out);
}

int store_item_file(struct store *st, struct arena *a, const char *type, const char *slug, const char **name,
		    const char **content_type, struct buf *out)
{
	struct stmt *s = stmt_get(st, ST_ITEM_FILE);
	if (!s || bind_text(s, 1, type) || bind_text(s, 2, slug))
		return ERR_DB;
	struct stored_file f;
	int rc = item_file(st, a, s, &f, out);
	if (!rc) {
		*name = f.name;
		*content_type = f.content_type;
	}
	return rc;
}

int store_item_each(struct store *st, struct arena *a, int (*fn)(void *ctx, const struct item *it), void *ctx)
{
	/* A second connection would see the same rows; one statement keeps a consistent snapshot. */
	struct stmt *s = stmt_get(st, ST_ITEM_ALL);
	if (!s)
		return ERR_DB;
	int rc = 0, step = STEP_DONE;
	while (!rc && (step = stmt_step(s)) == STEP_ROW) {
		struct item it;
		rc = store_read_item(s, a, &it);
		if (!rc)
			rc = fn(ctx, &it);
	}
	if (!rc && step != STEP_DONE)
		rc = ERR_DB;
	stmt_reset(s);
	return rc;
}

int store_item_file_by_id(struct store *st, struct arena *a, long long id, struct buf *out)
{
	struct stmt *s = stmt_get(st, ST_FILE_BY_ITEM);
	if (!s || bind_int(s, 1, id))
		return ERR_DB;
	struct stored_file f;
	return item_file(st, a, s, &f, out);
}

/* One item by type and slug through statement which (published only, or any status). */
static int item_by_slug(struct store *st, enum stmt_id which, struct arena *a, const char *type, const char *slug,
			struct item *out)
{
	struct stmt *s = stmt_get(st, which);
	if (!s || bind_text(s, 1, type) || bind_text(s, 2, slug))
		return ERR_DB;
	int step = stmt_step(s);
	int rc = step == STEP_ROW ? store_read_item(s, a, out) : step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
	stmt_reset(s);
	return rc;
}

int store_item_find(struct store *st, struct arena *a, const char *type, const char *slug, struct item *out)
{
	return item_by_slug(st, ST_ITEM_FIND, a, type, slug, out);
}

/* Bind the filter as ?1 (type) and ?2 (a JSON array of category slugs). */
int store_bind_filter(struct stmt *s, struct arena *a, const struct item_filter *f)
{
	if (bind_text(s, 1, f->type))
		return ERR_DB;
	if (!f->ncategories)
		return bind_text(s, 2, NULL);
	struct buf json = BUF_INIT(1 << 16);
	int rc = buf_addc(&json, '[');
	for (size_t i = 0; i < f->ncategories && !rc; i++) {
		rc = buf_adds(&json, i ? ",\"" : "\"");
		for (const char *p = f->categories[i]; *p && !rc; p++)
			rc = (*p == '"' || *p == '\\') ? buf_addc(&json, '_') : buf_addc(&json, *p);
		if (!rc)
			rc = buf_addc(&json, '"');
	}
	if (!rc)
		rc = buf_addc(&json, ']');
	char *copy = rc ? NULL : arena_strndup(a, json.ptr, json.len);
	buf_free(&json);
	if (!copy)
		return rc ? rc : ERR_NOMEM;
	return bind_text(s, 2, copy);
}

/* Fill in the categories of a page of items with one query. */
int store_list_categories(struct store *st, struct arena *a, struct item *items, size_t n)
{
	if (!n)
		return 0;
	struct buf ids = BUF_INIT(1 << 16);
	int rc = buf_addc(&ids, '[');
	for (size_t i = 0; i < n && !rc; i++)
		rc = buf_addf(&ids, i ? ",%lld" : "%lld", items[i].id);
	rc = rc || buf_addc(&ids, ']');
	struct stmt *s = rc ? NULL : stmt_get(st, ST_ITEM_CATS);
	if (!s || bind_text(s, 1, ids.ptr)) {
		buf_free(&ids);
		return rc ? ERR_NOMEM : ERR_DB;
	}
	size_t *count = arena_calloc(a, n, sizeof(*count));
	struct row {
		long long id;
		const char *slug, *name;
	} *rows = NULL;
	size_t nrows = 0, cap = 0;
	int step = STEP_DONE;
	while (!rc && count && (step = stmt_step(s)) == STEP_ROW) {
		struct row *grown = arena_grow(a, rows, nrows, &cap, sizeof(*rows));
		if (!grown)
			break;
		rows = grown;
		rows[nrows].id = col_int(s, 0);
		rows[nrows].slug = col_text(s, 1, a);
		rows[nrows].name = col_text(s, 2, a);
		nrows++;
	}
	if (!rc && step != STEP_DONE && step != STEP_ROW)
		rc = ERR_DB;
	stmt_reset(s);
	buf_free(&ids);
	if (!rc && (a->failed || !count))
		rc = ERR_NOMEM;
	for (size_t i = 0; i < n && !rc; i++) {
		for (size_t k = 0; k < nrows; k++)
			count[i] += rows[k].id == items[i].id;
		items[i].categories = arena_calloc(a, count[i] ? count[i] : 1, sizeof(*items[i].categories));
		if (!items[i].categories)
			return ERR_NOMEM;
		for (size_t k = 0; k < nrows; k++)
			if (rows[k].id == items[i].id) {
				items[i].categories[items[i].ncategories].slug = rows[k].slug;
				items[i].categories[items[i].ncategories++].name = rows[k].name;
			}
	}
	return rc;
}

/* Reads up to limit rows of a bound item query, with their categories. */
static int read_item_rows(struct store *st, struct stmt *s, struct arena *a, int limit, struct item **items, size_t *n)
{
	struct item *out = arena_calloc(a, (size_t) (limit > 0 ? limit : 1), sizeof(*out));
	if (!out) {
		stmt_reset(s);
		return ERR_NOMEM;
	}
	int rc = 0, step = STEP_DONE;
	size_t k = 0;
	while (!rc && k < (size_t) limit && (step = stmt_step(s)) == STEP_ROW)
		rc = store_read_item(s, a, &out[k++]);
	if (!rc && k < (size_t) limit && step != STEP_DONE)
		rc = ERR_DB;
	stmt_reset(s);
	if (!rc)
		rc = store_list_categories(st, a, out, k);
	if (!rc) {
		*items = out;
		*n = k;
	}
	return rc;
}

int store_item_list(struct store *st, struct arena *a, const struct item_filter *f, long long offset, int limit,
		    struct item **items, size_t *n)
{
	*items = NULL;
	*n = 0;
	if (limit <= 0)
		return 0;
	struct stmt *s = stmt_get(st, ST_ITEM_LIST);
	if (!s || store_bind_filter(s, a, f) || bind_int(s, 3, offset) || bind_int(s, 4, limit))
		return ERR_DB;
	return read_item_rows(st, s, a, limit, items, n);
}

int store_item_count(struct store *st, struct arena *a, const struct item_filter *f, long long *total)
{
	struct stmt *s = stmt_get(st, ST_ITEM_COUNT);
	return !s || store_bind_filter(s, a, f) ? ERR_DB : stmt_int(s, total);
}

int store_item_count_all(struct store *st, long long *total)
{
	return stmt_int(stmt_get(st, ST_ITEM_COUNT_ALL), total);
}

int store_item_urls(struct store *st, long long limit,
		    int (*fn)(void *ctx, const char *type, const char *slug, const char *updated_at), void *ctx)
{
	struct stmt *s = stmt_get(st, ST_ITEM_URLS);
	if (!s || bind_int(s, 1, limit))
		return ERR_DB;
	int rc = 0, step = STEP_DONE;
	while (!rc && (step = stmt_step(s)) == STEP_ROW)
		rc = fn(ctx, col_str(s, 0), col_str(s, 1), col_str(s, 2));
	if (!rc && step != STEP_DONE)
		rc = ERR_DB;
	stmt_reset(s);
	return rc;
}

/* Rows of (slug, name, count) from a bound statement. */
static int read_counts(struct store *st, struct stmt *s, struct arena *a, struct category_count **out, size_t *n)
{
	size_t cap = 0;
	int rc = 0, step = STEP_DONE;
	while (!rc && (step = stmt_step(s)) == STEP_ROW) {
		struct category_count *grown = arena_grow(a, *out, *n, &cap, sizeof(**out));
		if (!grown) {
			rc = ERR_NOMEM;
			break;
		}
		*out = grown;
		struct category_count *c = &(*out)[(*n)++];
		c->slug = col_text(s, 0, a);
		c->name = col_text(s, 1, a);
		c->count = col_int(s, 2);
		if (!c->slug || !c->name)
			rc = ERR_NOMEM;
	}
	if (!rc && step != STEP_DONE)
		rc = ERR_DB;
	stmt_reset(s);
	return rc;
}

int store_category_counts(struct store *st, struct arena *a, const char *type, struct category_count **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct stmt *s = stmt_get(st, ST_CATEGORY_COUNTS);
	if (!s || bind_text(s, 1, type))
		return ERR_DB;
	return read_counts(st, s, a, out, n);
}

int store_category_all(struct store *st, struct arena *a, struct category_count **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct stmt *s = stmt_get(st, ST_CATEGORY_ALL);
	return s ? read_counts(st, s, a, out, n) : ERR_DB;
}

/* Runs a statement on one or two text arguments; *changed gets how many rows it touched. */
static int exec_changes(struct store *st, int stmt, const char *a1, const char *a2, int *changed)
{
	struct stmt *s = stmt_get(st, stmt);
	if (!s || bind_text(s, 1, a1) || (a2 && bind_text(s, 2, a2)))
		return ERR_DB;
	int rc = stmt_exec(s);
	*changed = rc ? 0 : store_changes(st);
	return rc;
}

int store_category_add(struct store *st, const char *slug, const char *name)
{
	int changed;
	return exec_changes(st, ST_CATEGORY_ADD, slug, name, &changed);
}

int store_category_rename(struct store *st, const char *slug, const char *name)
{
	int changed, rc = exec_changes(st, ST_CATEGORY_RENAME, slug, name, &changed);
	return rc ? rc : changed ? 0 : ERR_NOT_FOUND;
}

int store_category_merge(struct store *st, const char *from, const char *into)
{
	int changed, rc = exec_changes(st, ST_CATEGORY_MOVE, from, into, &changed);
	if (!rc)
		rc = exec_changes(st, ST_CATEGORY_UNLINK, from, NULL, &changed);
	if (!rc)
		rc = exec_changes(st, ST_CATEGORY_DELETE, from, NULL, &changed);
	return rc ? rc : changed ? 0 : ERR_NOT_FOUND;
}

int store_category_delete(struct store *st, const char *slug)
{
	int changed, rc = exec_changes(st, ST_CATEGORY_DELETE, slug, NULL, &changed);
	return rc ? rc : changed ? 0 : ERR_CONFLICT;
}

int store_category_find(struct store *st, struct arena *a, const char *slug, struct item_category *out)
{
	struct stmt *s = stmt_get(st, ST_CATEGORY_FIND);
	if (!s || bind_text(s, 1, slug))
		return ERR_DB;
	int step = stmt_step(s), rc = 0;
	if (step == STEP_ROW) {
		out->slug = col_text(s, 0, a);
		out->name = col_text(s, 1, a);
		rc = out->slug && out->name ? 0 : ERR_NOMEM;
	} else {
		rc = step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
	}
	stmt_reset(s);
	return rc;
}

int store_item_get(struct store *st, struct arena *a, const char *type, const char *slug, struct item *out)
{
	return item_by_slug(st, ST_ITEM_GET, a, type, slug, out);
}

int store_item_list_all(struct store *st, struct arena *a, const char *type, const char *status, const char *text,
			long long offset, int limit, struct item **items, size_t *n)
{
	*items = NULL;
	*n = 0;
	struct stmt *s = stmt_get(st, ST_ITEM_LIST_ALL);
	if (!s || bind_text(s, 1, type) || bind_text(s, 2, status) || bind_text(s, 3, text) || bind_int(s, 4, limit) ||
	    bind_int(s, 5, offset))
		return ERR_DB;
	return read_item_rows(st, s, a, limit, items, n);
}

int store_item_rename(struct store *st, const char *type, const char *old_slug, const char *new_slug)
{
	struct stmt *s = stmt_get(st, ST_ITEM_RENAME);
	if (!s || bind_text(s, 1, type) || bind_text(s, 2, old_slug) || bind_text(s, 3, new_slug))
		return ERR_DB;
	int step = stmt_step(s);
	long long id = step == STEP_ROW ? col_int(s, 0) : 0;
	stmt_reset(s);
	if (step == ERR_CONFLICT)
		return ERR_CONFLICT;
	if (step != STEP_ROW)
		return step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
	/* The new slug is a real item now; the old one points to it. */
	s = stmt_get(st, ST_REDIRECT_DROP);
	int rc = !s || bind_text(s, 1, type) || bind_text(s, 2, new_slug) ? ERR_DB : stmt_exec(s);
	s = rc ? NULL : stmt_get(st, ST_REDIRECT_ADD);
	return rc										? rc
	       : !s || bind_text(s, 1, type) || bind_text(s, 2, old_slug) || bind_int(s, 3, id) ? ERR_DB
												: stmt_exec(s);
}

int store_redirect_find(struct store *st, struct arena *a, const char *type, const char *old_slug, const char **slug)
{
	struct stmt *s = stmt_get(st, ST_REDIRECT_FIND);
	if (!s || bind_text(s, 1, type) || bind_text(s, 2, old_slug))
		return ERR_DB;
	int step = stmt_step(s), rc = 0;
	if (step == STEP_ROW)
		rc = (*slug = col_text(s, 0, a)) ? 0 : ERR_NOMEM;
	else
		rc = step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
	stmt_reset(s);
	return rc;
}

int store_item_delete(struct store *st, const char *type, const char *slug, long long *id)
{
	struct stmt *s = stmt_get(st, ST_ITEM_DELETE);
	if (!s || bind_text(s, 1, type) || bind_text(s, 2, slug))
		return ERR_DB;
	int step = stmt_step(s);
	if (step == STEP_ROW)
		*id = col_int(s, 0);
	stmt_reset(s);
	return step == STEP_ROW ? 0 : step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
}

int store_revision_add(struct store *st, long long item_id, const char *actor, const char *snapshot)
{
	struct stmt *s = stmt_get(st, ST_REVISION_ADD);
	return !s || bind_int(s, 1, item_id) || bind_text(s, 2, actor) || bind_text(s, 3, snapshot) ? ERR_DB
												    : stmt_exec(s);
}

int store_revision_count(struct store *st, long long item_id, long long *n)
{
	struct stmt *s = stmt_get(st, ST_REVISION_COUNT);
	return !s || bind_int(s, 1, item_id) ? ERR_DB : stmt_int(s, n);
}

static int read_revision(struct stmt *s, struct arena *a, struct revision *r)
{
	r->id = col_int(s, 0);
	r->at = col_text(s, 1, a);
	r->actor = col_text(s, 2, a);
	r->snapshot = col_is_null(s, 3) ? NULL : col_text(s, 3, a);
	return r->at && r->actor ? 0 : ERR_NOMEM;
}

int store_revision_list(struct store *st, struct arena *a, long long item_id, int limit, struct revision **out,
			size_t *n)
{
	*n = 0;
	struct stmt *s = stmt_get(st, ST_REVISION_LIST);
	if (!s || bind_int(s, 1, item_id) || bind_int(s, 2, limit))
		return ERR_DB;
	*out = arena_calloc(a, (size_t) (limit > 0 ? limit : 1), sizeof(**out));
	int rc = *out ? 0 : ERR_NOMEM, step = STEP_DONE;
	while (!rc && *n < (size_t) limit && (step = stmt_step(s)) == STEP_ROW)
		rc = read_revision(s, a, &(*out)[(*n)++]);
	if (!rc && *n < (size_t) limit && step != STEP_DONE)
		rc = ERR_DB;
	stmt_reset(s);
	return rc;
}

int store_revision_get(struct store *st, struct arena *a, long long item_id, long long id, struct revision *out)
{
	struct stmt *s = stmt_get(st, ST_REVISION_GET);
	if (!s || bind_int(s, 1, item_id) || bind_int(s, 2, id))
		return ERR_DB;
	int step = stmt_step(s);
	int rc = step == STEP_ROW ? read_revision(s, a, out) : step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
	if (!rc && !out->snapshot)
		rc = ERR_NOMEM;
	stmt_reset(s);
	return rc;
}
