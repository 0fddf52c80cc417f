/* The search index on SQLite FTS5. */
#include <string.h>

#include "store/search.h"
#include "store/sqlite_internal.h"

int store_search_put(struct store *st, long long id, const char *title, const char *lead, const char *body,
		     const char *parts)
{
	sqlite3_stmt *s = stmt_get(st, ST_SEARCH_DELETE);
	int rc = !s || bind_int(s, 1, id) ? ERR_DB : stmt_exec(st, s);
	if (rc)
		return rc;
	s = stmt_get(st, ST_SEARCH_INSERT);
	if (!s || bind_int(s, 1, id) || bind_text(s, 2, title) || bind_text(s, 3, lead) || bind_text(s, 4, body) ||
	    bind_text(s, 5, parts))
		return ERR_DB;
	return stmt_exec(st, s);
}

int store_search_clear(struct store *st)
{
	int rc = stmt_exec(st, stmt_get(st, ST_SEARCH_CLEAR));
	return rc ? rc : stmt_exec(st, stmt_get(st, ST_SEARCH_WORDS_CLEAR));
}

int store_search_word(struct store *st, const char *word, long long n)
{
	sqlite3_stmt *s = stmt_get(st, ST_SEARCH_WORD);
	return !s || bind_text(s, 1, word) || bind_int(s, 2, n) ? ERR_DB : stmt_exec(st, s);
}

int store_search_words(struct store *st, long long min_freq, long long limit,
		       int (*fn)(void *ctx, const char *word, long long freq), void *ctx)
{
	sqlite3_stmt *s = stmt_get(st, ST_SEARCH_WORDS);
	if (!s || bind_int(s, 1, min_freq) || bind_int(s, 2, limit))
		return ERR_DB;
	int rc = 0, step = SQLITE_DONE;
	while (!rc && (step = stmt_step(st, s)) == SQLITE_ROW)
		rc = fn(ctx, (const char *) sqlite3_column_text(s, 0), sqlite3_column_int64(s, 1));
	if (!rc && step != SQLITE_DONE)
		rc = ERR_DB;
	sqlite3_reset(s);
	return rc;
}

int store_search_has_term(struct store *st, const char *term, int *has)
{
	sqlite3_stmt *s = stmt_get(st, ST_SEARCH_HAS_TERM);
	if (!s || bind_text(s, 1, term))
		return ERR_DB;
	int step = stmt_step(st, s);
	sqlite3_reset(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		return ERR_DB;
	*has = step == SQLITE_ROW;
	return 0;
}

/* Bind the filter (?1 ?2) and the match expression (?5). */
static int bind_query(sqlite3_stmt *s, struct arena *a, const char *match, const struct item_filter *f)
{
	return !s || store_bind_filter(s, a, f) || bind_text(s, 5, match) ? ERR_DB : 0;
}

int store_search(struct store *st, struct arena *a, const char *match, const struct item_filter *f, long long offset,
		 int limit, struct search_hit **hits, size_t *n, long long *total)
{
	*hits = NULL;
	*n = 0;
	*total = 0;
	sqlite3_stmt *s = stmt_get(st, ST_SEARCH_COUNT);
	if (bind_query(s, a, match, f))
		return ERR_DB;
	int step = stmt_step(st, s);
	if (step == SQLITE_ROW)
		*total = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (step != SQLITE_ROW)
		return ERR_INVALID; /* most often an expression FTS5 refuses */
	if (limit <= 0 || !*total)
		return 0;
	s = stmt_get(st, ST_SEARCH);
	if (bind_query(s, a, match, f) || bind_int(s, 3, offset) || bind_int(s, 4, limit))
		return ERR_DB;
	struct search_hit *out = arena_calloc(a, (size_t) limit, sizeof(*out));
	struct item *items = arena_calloc(a, (size_t) limit, sizeof(*items));
	if (!out || !items)
		return ERR_NOMEM;
	int rc = 0;
	size_t k = 0;
	step = SQLITE_DONE;
	while (!rc && k < (size_t) limit && (step = stmt_step(st, s)) == SQLITE_ROW) {
		rc = store_read_item(s, a, &items[k]);
		out[k].score = sqlite3_column_double(s, 17);
		k++;
	}
	if (!rc && k < (size_t) limit && step != SQLITE_DONE)
		rc = ERR_DB;
	sqlite3_reset(s);
	if (!rc)
		rc = store_list_categories(st, a, items, k);
	for (size_t i = 0; i < k; i++)
		out[i].item = items[i];
	if (!rc) {
		*hits = out;
		*n = k;
	}
	return rc;
}

static int facet_rows(struct store *st, struct arena *a, enum stmt_id id, const char *match, int with_label,
		      struct search_facet **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, id);
	*out = NULL;
	*n = 0;
	if (!s || bind_text(s, 1, match))
		return ERR_DB;
	size_t cap = 0;
	int rc = 0, step = SQLITE_DONE;
	while (!rc && (step = stmt_step(st, s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			struct search_facet *p = arena_alloc(a, cap * sizeof(*p));
			if (!p) {
				rc = ERR_NOMEM;
				break;
			}
			if (*n)
				memcpy(p, *out, *n * sizeof(*p));
			*out = p;
		}
		struct search_facet *f = &(*out)[(*n)++];
		f->key = col_text(s, 0, a);
		f->label = with_label ? col_text(s, 1, a) : NULL;
		f->count = sqlite3_column_int64(s, with_label ? 2 : 1);
	}
	if (!rc && step != SQLITE_DONE)
		rc = ERR_DB;
	sqlite3_reset(s);
	return rc ? rc : a->failed ? ERR_NOMEM : 0;
}

int store_search_facets(struct store *st, struct arena *a, const char *match, struct search_facet **types,
			size_t *ntypes, struct search_facet **cats, size_t *ncats)
{
	int rc = facet_rows(st, a, ST_SEARCH_TYPES, match, 0, types, ntypes);
	return rc ? rc : facet_rows(st, a, ST_SEARCH_CATS, match, 1, cats, ncats);
}

int store_item_text(struct store *st, struct arena *a, long long id, const char **lead, const char **body)
{
	sqlite3_stmt *s = stmt_get(st, ST_ITEM_TEXT);
	if (!s || bind_int(s, 1, id))
		return ERR_DB;
	int step = stmt_step(st, s), rc = 0;
	if (step == SQLITE_ROW) {
		*lead = col_text(s, 0, a);
		*body = col_text(s, 1, a);
		rc = *lead && *body ? 0 : ERR_NOMEM;
	} else {
		rc = step == SQLITE_DONE ? ERR_NOT_FOUND : ERR_DB;
	}
	sqlite3_reset(s);
	return rc;
}
