/*
 * Search ranking and filtering on SQLite (sqlite_rank.h).
 *
 * FTS5's own bm25 spends most of its time on two things that do not change
 * between searches: it counts every document holding each phrase to get the
 * idf, and it reads each match's length from the %_docsize table (a b-tree
 * lookup per match). Filtering by type or category joined items for every
 * match. Here lengths, types and categories come from a per-connection copy
 * (sqlite_docs.c, which also filters), a term's document count from
 * search_terms (0016), and a phrase's is counted once per change of the
 * index, so ranking a match costs about a tenth of a microsecond.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/mem.h"
#include "base/strmap.h"
#include "store/sqlite_docs.h"
#include "store/sqlite_rank.h"

/* bm25 as FTS5 computes it, with the field weights of 0005_search_rank.sql. */
#define K1 1.2
#define B  0.75
static const double weight[] = {10.0, 4.0, 1.0, 2.0}; /* title, lead, body, compound parts */
#define NCOLUMNS (sizeof(weight) / sizeof(weight[0]))

/* Newer items get up to 30% more, fading out over two years (as SEARCH_SCORE in pg_sql.c). */
#define RECENCY	     0.3
#define RECENCY_DAYS 730.0

#define MAX_DF_ENTRIES 65536 /* phrase frequencies kept; the map starts over beyond it */

struct rank_cache {
	sqlite3 *db;
	struct doc_copy docs;
	struct strmap df;	 /* phrase as in the expression ("*" appended for a prefix) to its document count */
	sqlite3_stmt *term_docs; /* a term's document frequency from search_terms */
};

/* Keep a phrase's document count; past MAX_DF_ENTRIES the map starts over. */
static void df_put(struct rank_cache *c, const char *key, long long df)
{
	if (c->df.used >= MAX_DF_ENTRIES)
		strmap_free(&c->df);
	long long *slot = strmap_slot(&c->df, key);
	if (slot)
		*slot = df; /* else not kept: counted again next time */
}

int sqlite_rank_refresh(struct rank_cache *c)
{
	int reloaded, rc = doc_copy_refresh(&c->docs, &reloaded);
	if (rc || reloaded)
		strmap_free(&c->df); /* the index changed: phrases are counted again */
	return rc;
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
	const struct rank_doc *d = doc_copy_get(&c->docs, SEARCH_ROWID_BASE - api->xRowid(ctx));
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
	c->docs.db = db;
	c->docs.version = -1;
	fts5_api *api = fts5(db);
	if (!api || api->iVersion < 2 || api->xCreateFunction(api, "vt_rank", c, vt_rank, NULL) != SQLITE_OK ||
	    doc_copy_register(db, &c->docs) ||
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
		doc_copy_clear(&c->docs);
		strmap_free(&c->df);
		mem_free(c);
	}
}
