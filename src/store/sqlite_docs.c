/*
 * The per-connection copy of the indexed items (sqlite_docs.h): lengths,
 * dates, types, status and categories, and the two SQL functions that read
 * only it, vt_pass and vt_facet.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/mem.h"
#include "store/sqlite_docs.h"
#include "store/sqlite_rank.h"

#define MAX_ID (1LL << 24) /* ids beyond this are not copied, and so not found: 16 million items */

void doc_copy_clear(struct doc_copy *c)
{
	mem_free(c->docs);
	mem_free(c->cats);
	for (size_t i = 0; i < c->ntypes; i++)
		mem_free(c->types[i]);
	for (size_t i = 0; i < c->ncategories; i++)
		mem_free(c->categories[i].slug);
	mem_free(c->categories);
	c->docs = NULL;
	c->cats = NULL;
	c->categories = NULL;
	c->ndocs = c->ncats = c->ntypes = c->ncategories = 0;
	c->version = -1;
}

static int type_index(struct doc_copy *c, const char *type)
{
	if (!type)
		return 0;
	for (size_t i = 0; i < c->ntypes; i++)
		if (!strcmp(c->types[i], type))
			return (int) i + 1;
	if (c->ntypes == sizeof(c->types) / sizeof(c->types[0]) || !(c->types[c->ntypes] = mem_strdup(type)))
		return 0;
	return (int) ++c->ntypes;
}

/* Its index in categories (loaded by id), or -1. */
static int category_index(const struct doc_copy *c, long long id)
{
	size_t lo = 0, hi = c->ncategories;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->categories[mid].id == id)
			return (int) mid;
		if (c->categories[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* The sum of the varints of an FTS5 %_docsize record (one per column). */
static uint32_t docsize(const unsigned char *p, int n)
{
	uint64_t total = 0;
	for (int i = 0; i < n;) {
		uint64_t v = 0;
		int k = 0;
		while (i < n && k < 8 && (p[i] & 0x80)) {
			v = (v << 7) | (p[i++] & 0x7f);
			k++;
		}
		if (i < n)
			v = k == 8 ? (v << 8) | p[i++] : (v << 7) | p[i++];
		total += v;
	}
	return total > UINT32_MAX ? UINT32_MAX : (uint32_t) total;
}

static int query_int(sqlite3 *db, const char *sql, long long *out)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return ERR_DB;
	int step = sqlite3_step(s);
	*out = step == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	return step == SQLITE_ROW || step == SQLITE_DONE ? 0 : ERR_DB;
}

static int load_categories(struct doc_copy *c)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(c->db, "SELECT id, slug FROM categories ORDER BY id", -1, &s, NULL) != SQLITE_OK)
		return ERR_DB;
	size_t cap = 0;
	int rc = 0, step;
	while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW) {
		if (c->ncategories == cap) {
			cap = cap ? cap * 2 : 64;
			struct rank_category *grown = mem_realloc(c->categories, cap * sizeof(*grown));
			if (!grown) {
				rc = ERR_NOMEM;
				break;
			}
			c->categories = grown;
		}
		struct rank_category *cat = &c->categories[c->ncategories];
		cat->id = sqlite3_column_int64(s, 0);
		cat->slug = mem_strdup((const char *) sqlite3_column_text(s, 1));
		rc = cat->slug ? 0 : ERR_NOMEM;
		c->ncategories += !rc;
	}
	if (!rc && step != SQLITE_DONE)
		rc = ERR_DB;
	sqlite3_finalize(s);
	return rc;
}

static int load_docs(struct doc_copy *c)
{
	long long max;
	if (query_int(c->db, "SELECT " SEARCH_ROWID_BASE_SQL " - min(id) FROM search_fts_docsize", &max))
		return ERR_DB;
	if (max >= MAX_ID)
		max = MAX_ID - 1;
	c->ndocs = (size_t) (max > 0 ? max + 1 : 1);
	c->docs = mem_calloc(c->ndocs, sizeof(*c->docs));
	if (!c->docs)
		return ERR_NOMEM;
	/* Two sequential scans: looking every indexed id up in items costs ten times as much. */
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(c->db, "SELECT " SEARCH_ROWID_BASE_SQL " - id, sz FROM search_fts_docsize", -1, &s,
			       NULL) != SQLITE_OK)
		return ERR_DB;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(s, 0);
		if (id < 0 || id >= (long long) c->ndocs)
			continue;
		struct rank_doc *d = &c->docs[id];
		d->ntok = docsize(sqlite3_column_blob(s, 1), sqlite3_column_bytes(s, 1));
		d->jd = NAN;
		d->state = 1;
	}
	sqlite3_finalize(s);
	if (step != SQLITE_DONE ||
	    sqlite3_prepare_v2(c->db, "SELECT id, type, julianday(published), status = 'gepubliceerd' FROM items", -1,
			       &s, NULL) != SQLITE_OK)
		return ERR_DB;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(s, 0);
		if (id < 0 || id >= (long long) c->ndocs || !c->docs[id].state)
			continue;
		struct rank_doc *d = &c->docs[id];
		d->type = (uint8_t) type_index(c, (const char *) sqlite3_column_text(s, 1));
		if (sqlite3_column_type(s, 2) != SQLITE_NULL)
			d->jd = sqlite3_column_double(s, 2);
		d->state = sqlite3_column_int(s, 3) ? 2 : 1;
	}
	sqlite3_finalize(s);
	return step == SQLITE_DONE ? 0 : ERR_DB;
}

static int load_item_categories(struct doc_copy *c)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(c->db, "SELECT item_id, category_id FROM item_categories ORDER BY item_id", -1, &s,
			       NULL) != SQLITE_OK)
		return ERR_DB;
	size_t cap = 0;
	int rc = 0, step;
	while (!rc && (step = sqlite3_step(s)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(s, 0);
		int k = category_index(c, sqlite3_column_int64(s, 1));
		if (id < 0 || id >= (long long) c->ndocs || !c->docs[id].state || k < 0 ||
		    c->docs[id].ncat == UINT16_MAX)
			continue;
		if (c->ncats == cap) {
			cap = cap ? cap * 2 : 4096;
			uint32_t *grown = mem_realloc(c->cats, cap * sizeof(*grown));
			if (!grown) {
				rc = ERR_NOMEM;
				break;
			}
			c->cats = grown;
		}
		struct rank_doc *d = &c->docs[id];
		if (!d->ncat)
			d->cat_off = (uint32_t) c->ncats;
		c->cats[c->ncats++] = (uint32_t) k;
		d->ncat++;
	}
	if (!rc && step != SQLITE_DONE)
		rc = ERR_DB;
	sqlite3_finalize(s);
	return rc;
}

int doc_copy_refresh(struct doc_copy *c, int *reloaded)
{
	long long version;
	*reloaded = 0;
	if (query_int(c->db, "SELECT n FROM search_version", &version))
		return ERR_DB;
	if (version == c->version)
		return 0;
	*reloaded = 1;
	doc_copy_clear(c);
	int rc = load_categories(c);
	if (!rc)
		rc = load_docs(c);
	if (!rc)
		rc = load_item_categories(c);
	if (rc)
		doc_copy_clear(c);
	else
		c->version = version;
	return rc;
}

const struct rank_doc *doc_copy_get(const struct doc_copy *c, long long id)
{
	return id >= 0 && id < (long long) c->ndocs && c->docs[id].state ? &c->docs[id] : NULL;
}

/* ---- vt_pass ---- */

struct pass_filter {
	int type;	  /* 0: any; -1: a type no indexed item has */
	int any_category; /* no category filter */
	size_t n;
	int categories[]; /* indexes into the copy's categories */
};

static struct pass_filter *pass_filter_new(const struct doc_copy *c, sqlite3_value *type, sqlite3_value *cats)
{
	const char *json = (const char *) sqlite3_value_text(cats);
	size_t max = json ? strlen(json) / 2 + 1 : 0;
	struct pass_filter *f = mem_calloc(1, sizeof(*f) + max * sizeof(f->categories[0]));
	if (!f)
		return NULL;
	const char *t = (const char *) sqlite3_value_text(type);
	f->type = 0;
	if (t) {
		f->type = -1;
		for (size_t i = 0; i < c->ntypes; i++)
			if (!strcmp(c->types[i], t))
				f->type = (int) i + 1;
	}
	f->any_category = !json;
	/* A JSON array of slugs as store_bind_filter() writes it: no quotes or backslashes inside. */
	for (const char *p = json; p && (p = strchr(p, '"'));) {
		const char *end = strchr(++p, '"');
		if (!end)
			break;
		for (size_t i = 0; i < c->ncategories; i++)
			if (strlen(c->categories[i].slug) == (size_t) (end - p) &&
			    !memcmp(c->categories[i].slug, p, (size_t) (end - p)) && f->n < max)
				f->categories[f->n++] = (int) i;
		p = end + 1;
	}
	return f;
}

static void vt_pass(sqlite3_context *ctx, int nval, sqlite3_value **val)
{
	struct doc_copy *c = sqlite3_user_data(ctx);
	if (nval != 3) {
		sqlite3_result_error(ctx, "vt_pass(rowid, type, categories)", -1);
		return;
	}
	/* The parsed filter is kept for the statement; set_auxdata may free it at once, so it goes last. */
	struct pass_filter *f = sqlite3_get_auxdata(ctx, 2), *fresh = NULL;
	if (!f && !(f = fresh = pass_filter_new(c, val[1], val[2]))) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	const struct rank_doc *d = doc_copy_get(c, sqlite3_value_int64(val[0]));
	int pass = d && d->state == 2 && (!f->type || d->type == f->type);
	if (pass && !f->any_category) {
		pass = 0;
		for (size_t i = 0; i < d->ncat && !pass; i++)
			for (size_t k = 0; k < f->n && !pass; k++)
				pass = (int) c->cats[d->cat_off + i] == f->categories[k];
	}
	sqlite3_result_int(ctx, pass);
	if (fresh)
		sqlite3_set_auxdata(ctx, 2, fresh, mem_free);
}

/* ---- vt_facet ---- */

struct facet {
	int kind;
	size_t n;
	long long *count;
};

static void vt_facet_step(sqlite3_context *ctx, int nval, sqlite3_value **val)
{
	struct doc_copy *c = sqlite3_user_data(ctx);
	struct facet *f = sqlite3_aggregate_context(ctx, sizeof(*f));
	if (!f || nval != 2) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (!f->count) {
		f->kind = sqlite3_value_int(val[1]);
		f->n = f->kind ? c->ncategories : c->ntypes;
		f->count = mem_calloc(f->n + 1, sizeof(*f->count));
		if (!f->count) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
	}
	const struct rank_doc *d = doc_copy_get(c, sqlite3_value_int64(val[0]));
	if (!d || d->state != 2)
		return;
	if (!f->kind && d->type)
		f->count[d->type - 1]++;
	for (size_t i = 0; f->kind && i < d->ncat; i++)
		if (c->cats[d->cat_off + i] < f->n)
			f->count[c->cats[d->cat_off + i]]++;
}

static void vt_facet_final(sqlite3_context *ctx)
{
	struct doc_copy *c = sqlite3_user_data(ctx);
	struct facet *f = sqlite3_aggregate_context(ctx, 0);
	struct buf b = BUF_INIT(1 << 20);
	int rc = buf_addc(&b, '{');
	for (size_t i = 0; f && f->count && i < f->n && !rc; i++) {
		if (!f->count[i])
			continue;
		rc = b.len > 1 && buf_addc(&b, ',');
		rc = rc || (f->kind ? buf_addf(&b, "\"%lld\":%lld", c->categories[i].id, f->count[i])
				    : buf_addf(&b, "\"%s\":%lld", c->types[i], f->count[i]));
	}
	rc = rc || buf_addc(&b, '}');
	if (rc)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, b.ptr, (int) b.len, SQLITE_TRANSIENT);
	buf_free(&b);
	if (f)
		mem_free(f->count);
}

int doc_copy_register(sqlite3 *db, struct doc_copy *c)
{
	return sqlite3_create_function(db, "vt_pass", 3, SQLITE_UTF8, c, vt_pass, NULL, NULL) == SQLITE_OK &&
		       sqlite3_create_function(db, "vt_facet", 2, SQLITE_UTF8, c, NULL, vt_facet_step,
					       vt_facet_final) == SQLITE_OK
		   ? 0
		   : ERR_DB;
}
