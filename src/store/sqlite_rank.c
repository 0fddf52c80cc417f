/*
 * Search ranking and filtering on SQLite (sqlite_rank.h).
 *
 * FTS5's own bm25 spends most of its time on two things that do not change
 * between searches: it counts every document holding each phrase to get the
 * idf, and it reads each match's length from the %_docsize table (a b-tree
 * lookup per match). Filtering by type or category joined items for every
 * match. Here lengths, types and categories come from memory, a term's
 * document count from search_terms (0016) and a phrase's is counted once per
 * change of the index, so ranking a match costs about a tenth of a
 * microsecond and a filter about as much.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/mem.h"
#include "base/strmap.h"
#include "store/sqlite_rank.h"

/* bm25 as FTS5 computes it, with the field weights of 0005_search_rank.sql. */
#define K1 1.2
#define B  0.75
static const double weight[] = {10.0, 4.0, 1.0, 2.0}; /* title, lead, body, compound parts */
#define NCOLUMNS (sizeof(weight) / sizeof(weight[0]))

/* Newer items get up to 30% more, fading out over two years (as SEARCH_SCORE in pg_sql.c). */
#define RECENCY	     0.3
#define RECENCY_DAYS 730.0

#define MAX_ID	       (1LL << 24) /* ids beyond this are not cached, and so not found: 16 million items */
#define MAX_DF_ENTRIES 65536	   /* phrase frequencies kept; the map starts over beyond it */

struct rank_doc {
	uint32_t ntok;	  /* terms in all columns, as xColumnSize(-1) */
	uint32_t cat_off; /* its categories: cats[cat_off .. cat_off + ncat) */
	uint16_t ncat;
	uint8_t type;  /* index + 1 into types; 0: none */
	uint8_t state; /* 0: not indexed, 1: indexed, 2: indexed and published */
	double jd;     /* publication date as a Julian day; NAN: none */
};

struct rank_category {
	long long id;
	char *slug;
};

struct rank_cache {
	sqlite3 *db;
	long long version; /* of search_version at the last load; -1: never loaded */
	struct rank_doc *docs;
	size_t ndocs;	/* max id + 1 */
	uint32_t *cats; /* indexes into categories */
	size_t ncats;
	char *types[8];
	size_t ntypes;
	struct rank_category *categories;
	size_t ncategories;
	struct strmap df;	 /* phrase as in the expression ("*" appended for a prefix) to its document count */
	sqlite3_stmt *term_docs; /* a term's document frequency from search_terms */
};

/* ---- the cache ---- */

static void cache_clear(struct rank_cache *c)
{
	mem_free(c->docs);
	mem_free(c->cats);
	for (size_t i = 0; i < c->ntypes; i++)
		mem_free(c->types[i]);
	for (size_t i = 0; i < c->ncategories; i++)
		mem_free(c->categories[i].slug);
	mem_free(c->categories);
	strmap_free(&c->df);
	c->docs = NULL;
	c->cats = NULL;
	c->categories = NULL;
	c->ndocs = c->ncats = c->ntypes = c->ncategories = 0;
	c->version = -1;
}

/* Keep a phrase's document count; past MAX_DF_ENTRIES the map starts over. */
static void df_put(struct rank_cache *c, const char *key, long long df)
{
	if (c->df.used >= MAX_DF_ENTRIES)
		strmap_free(&c->df);
	long long *slot = strmap_slot(&c->df, key);
	if (slot)
		*slot = df; /* else not kept: counted again next time */
}

static int type_index(struct rank_cache *c, const char *type)
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
static int category_index(const struct rank_cache *c, long long id)
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

static int load_categories(struct rank_cache *c)
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

static int load_docs(struct rank_cache *c)
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

static int load_item_categories(struct rank_cache *c)
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

int sqlite_rank_refresh(struct rank_cache *c)
{
	long long version;
	if (query_int(c->db, "SELECT n FROM search_version", &version))
		return ERR_DB;
	if (version == c->version)
		return 0;
	cache_clear(c);
	int rc = load_categories(c);
	if (!rc)
		rc = load_docs(c);
	if (!rc)
		rc = load_item_categories(c);
	if (rc)
		cache_clear(c);
	else
		c->version = version;
	return rc;
}

static const struct rank_doc *doc_get(const struct rank_cache *c, long long id)
{
	return id >= 0 && id < (long long) c->ndocs && c->docs[id].state ? &c->docs[id] : NULL;
}

/* ---- vt_rank ---- */

struct rank_query {
	long long seen, depth; /* rows asked for so far; how many are scored (0: all) */
	int nphrase;
	double avgdl;
	double today; /* now as a Julian day */
	double *idf;
	double *freq;
};

static void rank_query_free(void *p)
{
	struct rank_query *q = p;
	if (q) {
		mem_free(q->idf);
		mem_free(q->freq);
		mem_free(q);
	}
}

/* How many indexed items hold one term (search_terms): -1 when it cannot be read. */
static long long term_docs(struct rank_cache *c, const char *term)
{
	if (!c->term_docs && sqlite3_prepare_v2(c->db, "SELECT docs FROM search_terms WHERE term = ?1", -1,
						&c->term_docs, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(c->term_docs, 1, term, -1, SQLITE_STATIC);
	int step = sqlite3_step(c->term_docs);
	long long n = step == SQLITE_ROW ? sqlite3_column_int64(c->term_docs, 0) : step == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(c->term_docs);
	sqlite3_clear_bindings(c->term_docs);
	return n;
}

static int count_row(const Fts5ExtensionApi *api, Fts5Context *ctx, void *n)
{
	(void) api;
	(void) ctx;
	(*(long long *) n)++;
	return SQLITE_OK;
}

/*
 * The phrases of an expression as search_expression() writes them, in order
 * (FTS5 numbers them as they appear): each quoted string, "*" appended when a
 * prefix marker follows. Returns how many were found, up to max.
 */
static int expression_phrases(const char *e, char **keys, int max)
{
	int n = 0;
	while (*e && n < max) {
		if (*e++ != '"')
			continue;
		struct buf b = BUF_INIT(4096);
		int rc = 0;
		for (; *e && !rc; e++) {
			if (*e == '"' && e[1] != '"')
				break;
			rc = buf_addc(&b, *e);
			e += *e == '"'; /* a doubled quote */
		}
		if (*e == '"')
			e++;
		const char *p = e;
		while (*p == ' ')
			p++;
		if (!rc && *p == '*')
			rc = buf_addc(&b, '*');
		keys[n] = rc ? NULL : mem_strdup(b.len ? b.ptr : "");
		buf_free(&b);
		if (!keys[n])
			break;
		n++;
	}
	return n;
}

static double julian_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_REALTIME, &t);
	return ((double) t.tv_sec * 1000.0 + (double) (t.tv_nsec / 1000000)) / 86400000.0 + 2440587.5;
}

/*
 * The idf of each phrase. A single term's document frequency comes from
 * search_terms; a phrase's or a prefix's is counted once (as FTS5's bm25
 * counts them) and kept until the index changes.
 */
static struct rank_query *rank_query_new(struct rank_cache *c, const Fts5ExtensionApi *api, Fts5Context *ctx,
					 const char *expr)
{
	struct rank_query *q = mem_calloc(1, sizeof(*q));
	if (!q)
		return NULL;
	q->nphrase = api->xPhraseCount(ctx);
	q->idf = mem_calloc((size_t) q->nphrase + 1, sizeof(*q->idf));
	q->freq = mem_calloc((size_t) q->nphrase + 1, sizeof(*q->freq));
	char **keys = mem_calloc((size_t) q->nphrase + 1, sizeof(*keys));
	sqlite3_int64 rows = 0, tokens = 0;
	if (!q->idf || !q->freq || !keys || api->xRowCount(ctx, &rows) != SQLITE_OK ||
	    api->xColumnTotalSize(ctx, -1, &tokens) != SQLITE_OK) {
		mem_free(keys);
		rank_query_free(q);
		return NULL;
	}
	q->avgdl = rows ? (double) tokens / (double) rows : 1.0;
	q->today = julian_now();
	/* The keys are trusted only when they line up with FTS5's own phrases. */
	int nkeys = expr ? expression_phrases(expr, keys, q->nphrase + 1) : 0;
	int cacheable = nkeys == q->nphrase;
	int rc = SQLITE_OK;
	for (int i = 0; i < q->nphrase && rc == SQLITE_OK; i++) {
		const long long *known = cacheable ? strmap_get(&c->df, keys[i]) : NULL;
		long long hits = 0;
		if (known) {
			hits = *known;
		} else if (cacheable && !strpbrk(keys[i], " *") && (hits = term_docs(c, keys[i])) >= 0) {
			df_put(c, keys[i], hits);
		} else {
			hits = 0;
			rc = api->xQueryPhrase(ctx, i, &hits, count_row);
			if (rc == SQLITE_OK && cacheable)
				df_put(c, keys[i], hits);
		}
		double idf = log(((double) rows - (double) hits + 0.5) / ((double) hits + 0.5));
		q->idf[i] = idf <= 0.0 ? 1e-6 : idf;
	}
	for (int i = 0; i < nkeys; i++)
		mem_free(keys[i]);
	mem_free(keys);
	if (rc != SQLITE_OK) {
		rank_query_free(q);
		return NULL;
	}
	return q;
}

static void vt_rank(const Fts5ExtensionApi *api, Fts5Context *ctx, sqlite3_context *out, int nval, sqlite3_value **val)
{
	struct rank_cache *c = api->xUserData(ctx);
	struct rank_query *q = api->xGetAuxdata(ctx, 0);
	if (!q) {
		q = rank_query_new(c, api, ctx, nval > 0 ? (const char *) sqlite3_value_text(val[0]) : NULL);
		if (!q || api->xSetAuxdata(ctx, q, rank_query_free) != SQLITE_OK) {
			sqlite3_result_error_nomem(out);
			return;
		}
		q->depth = nval > 1 ? sqlite3_value_int64(val[1]) : 0;
	}
	if (q->depth > 0 && ++q->seen > q->depth + 1) {
		sqlite3_result_null(out); /* older than the ranking depth (rows come newest first) */
		return;
	}
	memset(q->freq, 0, (size_t) q->nphrase * sizeof(*q->freq));
	int ninst = 0;
	if (api->xInstCount(ctx, &ninst) != SQLITE_OK) {
		sqlite3_result_error(out, "vt_rank: xInstCount", -1);
		return;
	}
	for (int i = 0; i < ninst; i++) {
		int phrase, column, offset;
		if (api->xInst(ctx, i, &phrase, &column, &offset) == SQLITE_OK && phrase >= 0 && phrase < q->nphrase)
			q->freq[phrase] += (size_t) column < NCOLUMNS ? weight[column] : 1.0;
	}
	const struct rank_doc *d = doc_get(c, SEARCH_ROWID_BASE - api->xRowid(ctx));
	double len;
	if (d) {
		len = (double) d->ntok;
	} else {
		int n = 0;
		api->xColumnSize(ctx, -1, &n);
		len = (double) n;
	}
	double score = 0;
	for (int i = 0; i < q->nphrase; i++)
		score += q->idf[i] * (q->freq[i] * (K1 + 1.0)) / (q->freq[i] + K1 * (1.0 - B + B * len / q->avgdl));
	double boost = 1.0;
	if (d && !isnan(d->jd)) {
		double fade = 1.0 - (q->today - d->jd) / RECENCY_DAYS;
		boost += RECENCY * (fade > 0.0 ? fade : 0.0);
	}
	sqlite3_result_double(out, -score * boost);
}

/* ---- vt_pass ---- */

struct pass_filter {
	int type;	  /* 0: any; -1: a type no indexed item has */
	int any_category; /* no category filter */
	size_t n;
	int categories[]; /* indexes into the cache's categories */
};

static struct pass_filter *pass_filter_new(struct rank_cache *c, sqlite3_value *type, sqlite3_value *cats)
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
	struct rank_cache *c = sqlite3_user_data(ctx);
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
	const struct rank_doc *d = doc_get(c, sqlite3_value_int64(val[0]));
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
	struct rank_cache *c = sqlite3_user_data(ctx);
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
	const struct rank_doc *d = doc_get(c, sqlite3_value_int64(val[0]));
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
	struct rank_cache *c = sqlite3_user_data(ctx);
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

/* ---- vt_top ---- */

struct top {
	long long n, k; /* kept, wanted */
	long long *id;
	double *score;
};

/* Keep the k best (lowest score, then lowest id) rows with a score. */
static void vt_top_step(sqlite3_context *ctx, int nval, sqlite3_value **val)
{
	struct top *t = sqlite3_aggregate_context(ctx, sizeof(*t));
	if (!t || nval != 3) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (!t->id && !t->k) {
		long long k = sqlite3_value_int64(val[2]);
		t->k = k > 0 ? (k < 100000 ? k : 100000) : -1;
		t->id = t->k > 0 ? mem_calloc((size_t) t->k, sizeof(*t->id)) : NULL;
		t->score = t->k > 0 ? mem_calloc((size_t) t->k, sizeof(*t->score)) : NULL;
		if (t->k > 0 && (!t->id || !t->score)) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
	}
	if (t->k <= 0 || !t->id || sqlite3_value_type(val[1]) == SQLITE_NULL)
		return;
	long long id = sqlite3_value_int64(val[0]);
	double score = sqlite3_value_double(val[1]);
	long long i = t->n;
	while (i > 0 && (t->score[i - 1] > score || (t->score[i - 1] == score && t->id[i - 1] > id)))
		i--;
	if (i >= t->k)
		return;
	long long move = (t->n < t->k ? t->n : t->k - 1) - i;
	memmove(t->id + i + 1, t->id + i, (size_t) move * sizeof(*t->id));
	memmove(t->score + i + 1, t->score + i, (size_t) move * sizeof(*t->score));
	t->id[i] = id;
	t->score[i] = score;
	t->n += t->n < t->k;
}

static void vt_top_final(sqlite3_context *ctx)
{
	struct top *t = sqlite3_aggregate_context(ctx, 0);
	struct buf b = BUF_INIT(16 << 20);
	int rc = buf_addc(&b, '[');
	for (long long i = 0; t && i < t->n && !rc; i++)
		rc = buf_addf(&b, i ? ",[%lld,%.17g]" : "[%lld,%.17g]", t->id[i], t->score[i]);
	rc = rc || buf_addc(&b, ']');
	if (rc)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, b.ptr, (int) b.len, SQLITE_TRANSIENT);
	buf_free(&b);
	if (t) {
		mem_free(t->id);
		mem_free(t->score);
	}
}

/* ---- registration ---- */

static fts5_api *fts5(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(s, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(s);
	sqlite3_finalize(s);
	return api;
}

int sqlite_rank_attach(sqlite3 *db, struct rank_cache **out)
{
	*out = NULL;
	struct rank_cache *c = mem_calloc(1, sizeof(*c));
	if (!c)
		return ERR_NOMEM;
	c->db = db;
	c->version = -1;
	fts5_api *api = fts5(db);
	if (!api || api->iVersion < 2 || api->xCreateFunction(api, "vt_rank", c, vt_rank, NULL) != SQLITE_OK ||
	    sqlite3_create_function(db, "vt_pass", 3, SQLITE_UTF8, c, vt_pass, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(db, "vt_facet", 2, SQLITE_UTF8, c, NULL, vt_facet_step, vt_facet_final) !=
		SQLITE_OK ||
	    sqlite3_create_function(db, "vt_top", 3, SQLITE_UTF8, NULL, NULL, vt_top_step, vt_top_final) != SQLITE_OK) {
		mem_free(c);
		return ERR_DB;
	}
	*out = c;
	return 0;
}

void sqlite_rank_free(struct rank_cache *c)
{
	if (c) {
		sqlite3_finalize(c->term_docs);
		cache_clear(c);
		mem_free(c);
	}
}
