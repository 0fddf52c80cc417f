/*
 * The search index in the store (search.h): index entries, the vocabulary,
 * ranked queries and facet counts, on either backend. Errors are ERR_DB,
 * ERR_NOMEM when the arena is full, and ERR_INVALID for an expression the
 * full-text engine refuses; hits of items deleted meanwhile are left out.
 * Writes are atomic only inside the caller's store_begin()/store_commit().
 */
#include <string.h>

#include "base/buf.h"

#include "store/search.h"
#include "store/db.h"

int store_search_put(struct store *st, long long id, const char *title, const char *lead, const char *body,
		     const char *parts)
{
	int rc = store_search_remove(st, id);
	if (rc)
		return rc;
	struct stmt *s = stmt_get(st, ST_SEARCH_INSERT);
	if (!s || bind_int(s, 1, id) || bind_text(s, 2, title) || bind_text(s, 3, lead) || bind_text(s, 4, body) ||
	    bind_text(s, 5, parts))
		return ERR_DB;
	return stmt_exec(s);
}

int store_search_remove(struct store *st, long long id)
{
	struct stmt *s = stmt_get(st, ST_SEARCH_DELETE);
	return !s || bind_int(s, 1, id) ? ERR_DB : stmt_exec(s);
}

int store_search_size(struct store *st, long long *n)
{
	return stmt_int(stmt_get(st, ST_SEARCH_SIZE), n);
}

int store_search_clear(struct store *st)
{
	static const enum stmt_id steps[] = {ST_SEARCH_CLEAR, ST_SEARCH_TEXT_CLEAR, ST_SEARCH_TERMS_CLEAR,
					     ST_SEARCH_WORDS_CLEAR};
	int rc = 0;
	for (size_t i = 0; !rc && i < sizeof(steps) / sizeof(steps[0]); i++)
		rc = stmt_exec(stmt_get(st, steps[i]));
	return rc;
}

int store_search_words_add(struct store *st, const char *counts)
{
	struct stmt *s = stmt_get(st, ST_SEARCH_WORD);
	return !s || bind_text(s, 1, counts) ? ERR_DB : stmt_exec(s);
}

int store_search_words(struct store *st, long long min_freq, long long limit,
		       int (*fn)(void *ctx, const char *word, long long freq), void *ctx)
{
	struct stmt *s = stmt_get(st, ST_SEARCH_WORDS);
	if (!s || bind_int(s, 1, min_freq) || bind_int(s, 2, limit))
		return ERR_DB;
	int rc = 0, step = STEP_DONE;
	while (!rc && (step = stmt_step(s)) == STEP_ROW)
		rc = fn(ctx, col_str(s, 0), col_int(s, 1));
	if (!rc && step != STEP_DONE)
		rc = ERR_DB;
	stmt_reset(s);
	return rc;
}

int store_search_has_term(struct store *st, const char *term, int *has)
{
	struct stmt *s = stmt_get(st, ST_SEARCH_HAS_TERM);
	if (!s || bind_text(s, 1, term))
		return ERR_DB;
	int step = stmt_step(s);
	stmt_reset(s);
	if (step != STEP_ROW && step != STEP_DONE)
		return ERR_DB;
	*has = step == STEP_ROW;
	return 0;
}

/* Bind the filter (?1 ?2) and the match expression (?5). */
static int bind_query(struct stmt *s, struct arena *a, const char *match, const struct item_filter *f)
{
	return !s || store_bind_filter(s, a, f) || bind_match(s, 5, match) ? ERR_DB : 0;
}

/*
 * At most this many matches are counted and ranked: the newest ones (the
 * highest ids) among those the filter lets through. A site's real searches
 * stay far below it and are ranked in full; a word in most of 100,000
 * documents costs a walk over its newest 2,000, not over all of them (the
 * total then reads "meer dan 2.000", as other engines stop counting too).
 */
static long rank_depth = 2000;

void store_search_set_depth(long depth)
{
	rank_depth = depth;
}

long store_search_depth(void)
{
	return rank_depth;
}

int store_search_more(long long total)
{
	return rank_depth > 0 && total > rank_depth;
}

/* The page's items in the order of ids[], read in one statement; missing ones (just deleted) are left out. */
static int read_hits(struct store *st, struct arena *a, const long long *ids, const double *scores, size_t k,
		     struct search_hit *out, size_t *n)
{
	struct buf json = BUF_INIT(1 << 20);
	int rc = buf_addc(&json, '[');
	for (size_t i = 0; i < k && !rc; i++)
		rc = buf_addf(&json, i ? ",%lld" : "%lld", ids[i]);
	rc = rc || buf_addc(&json, ']') ? ERR_NOMEM : 0;
	struct stmt *s = rc ? NULL : stmt_get(st, ST_ITEMS_BY_ID);
	if (!rc && (!s || bind_text(s, 1, json.ptr)))
		rc = ERR_DB;
	char *found = rc ? NULL : arena_calloc(a, k, 1);
	rc = rc ? rc : found ? 0 : ERR_NOMEM;
	int step = STEP_DONE;
	while (!rc && (step = stmt_step(s)) == STEP_ROW) {
		struct item it;
		if ((rc = store_read_item(s, a, &it)))
			break;
		for (size_t i = 0; i < k; i++)
			if (ids[i] == it.id) {
				out[i].item = it;
				out[i].score = scores[i];
				found[i] = 1;
			}
	}
	if (!rc && step != STEP_DONE)
		rc = ERR_DB;
	if (s)
		stmt_reset(s);
	buf_free(&json);
	*n = 0;
	for (size_t i = 0; !rc && i < k; i++)
		if (found[i])
			out[(*n)++] = out[i];
	return rc;
}

int store_search(struct store *st, struct arena *a, const char *match, const struct item_filter *f, long long offset,
		 int limit, struct search_hit **hits, size_t *n, long long *total)
{
	*hits = NULL;
	*n = 0;
	*total = 0;
	if (offset < 0)
		offset = 0;
	long long want = limit > 0 ? offset + limit : 0;
	int rc = st->ops->search_ready ? st->ops->search_ready(st) : 0;
	struct stmt *s = rc ? NULL : stmt_get(st, ST_SEARCH);
	if (rc || bind_query(s, a, match, f) || bind_int(s, 3, want) || bind_int(s, 4, rank_depth) ||
	    bind_int(s, 6, rank_depth > 0 ? rank_depth + 1 : 1LL << 62))
		return rc ? rc : ERR_DB;
	size_t cap = limit > 0 ? (size_t) limit : 1, k = 0;
	long long *ids = arena_calloc(a, cap, sizeof(*ids)), row = 0;
	double *scores = arena_calloc(a, cap, sizeof(*scores));
	rc = ids && scores ? 0 : ERR_NOMEM;
	int step = STEP_DONE;
	while (!rc && (step = stmt_step(s)) == STEP_ROW) {
		*total = col_int(s, 0);
		if (col_is_null(s, 1) || row++ < offset || k == cap)
			continue;
		ids[k] = col_int(s, 1);
		scores[k++] = col_double(s, 2);
	}
	if (!rc && step != STEP_DONE)
		rc = ERR_INVALID; /* most often an expression FTS5 refuses */
	stmt_reset(s);
	if (rc || !k)
		return rc;
	struct search_hit *out = arena_calloc(a, k, sizeof(*out));
	if (!out)
		return ERR_NOMEM;
	rc = read_hits(st, a, ids, scores, k, out, n);
	if (!rc)
		*hits = out;
	return rc;
}

static int facet_rows(struct store *st, struct arena *a, enum stmt_id id, const char *match, int with_label,
		      struct search_facet **out, size_t *n)
{
	struct stmt *s = stmt_get(st, id);
	*out = NULL;
	*n = 0;
	if (!s || bind_match(s, 1, match))
		return ERR_DB;
	size_t cap = 0;
	int rc = 0, step = STEP_DONE;
	while (!rc && (step = stmt_step(s)) == STEP_ROW) {
		struct search_facet *grown = arena_grow(a, *out, *n, &cap, sizeof(**out));
		if (!grown) {
			rc = ERR_NOMEM;
			break;
		}
		*out = grown;
		struct search_facet *f = &(*out)[(*n)++];
		f->key = col_text(s, 0, a);
		f->label = with_label ? col_text(s, 1, a) : NULL;
		f->count = col_int(s, with_label ? 2 : 1);
	}
	if (!rc && step != STEP_DONE)
		rc = ERR_DB;
	stmt_reset(s);
	return rc ? rc : a->failed ? ERR_NOMEM : 0;
}

int store_search_facets(struct store *st, struct arena *a, const char *match, struct search_facet **types,
			size_t *ntypes, struct search_facet **cats, size_t *ncats)
{
	*types = *cats = NULL;
	*ntypes = *ncats = 0;
	int rc = st->ops->search_ready ? st->ops->search_ready(st) : 0;
	rc = rc ? rc : facet_rows(st, a, ST_SEARCH_TYPES, match, 0, types, ntypes);
	return rc ? rc : facet_rows(st, a, ST_SEARCH_CATS, match, 1, cats, ncats);
}

int store_item_text(struct store *st, struct arena *a, long long id, const char **lead, const char **body)
{
	struct stmt *s = stmt_get(st, ST_ITEM_TEXT);
	if (!s || bind_int(s, 1, id))
		return ERR_DB;
	int step = stmt_step(s), rc = 0;
	if (step == STEP_ROW) {
		*lead = col_text(s, 0, a);
		*body = col_text(s, 1, a);
		rc = *lead && *body ? 0 : ERR_NOMEM;
	} else {
		rc = step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
	}
	stmt_reset(s);
	return rc;
}
