/* The search index (FTS5 on SQLite). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/buf.h"

#include "store/search.h"
#include "store/db.h"

int store_search_put(struct store *st, long long id, const char *title, const char *lead, const char *body,
		     const char *parts)
{
	struct stmt *s = stmt_get(st, ST_SEARCH_DELETE);
	int rc = !s || bind_int(s, 1, id) ? ERR_DB : stmt_exec(s);
	if (rc)
		return rc;
	s = stmt_get(st, ST_SEARCH_INSERT);
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
	int rc = stmt_exec(stmt_get(st, ST_SEARCH_CLEAR));
	return rc ? rc : stmt_exec(stmt_get(st, ST_SEARCH_WORDS_CLEAR));
}

int store_search_word(struct store *st, const char *word, long long n)
{
	struct stmt *s = stmt_get(st, ST_SEARCH_WORD);
	return !s || bind_text(s, 1, word) || bind_int(s, 2, n) ? ERR_DB : stmt_exec(s);
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

#define FAST_WINDOW 40 /* candidates beyond the page, so the recency boost can reorder them */

/*
 * At most this many matches are ranked: the newest ones (the highest ids).
 * bm25 costs about a microsecond per match, so a word in most of 100,000
 * documents would otherwise cost 100 ms; a site's real searches stay far
 * below it and are ranked in full. Totals are always counted exactly.
 */
static long rank_depth = 2000;

void store_search_set_depth(long depth)
{
	rank_depth = depth;
}

/*
 * The lowest id that is ranked for match among the items f lets through (f
 * NULL: every match, without looking at items): 0 (rank all) when there are
 * at most rank_depth of them.
 */
static int rank_floor(struct store *st, struct arena *a, const char *match, const struct item_filter *f,
		      long long *floor)
{
	*floor = 0;
	if (rank_depth <= 0)
		return 0;
	struct stmt *s = stmt_get(st, f ? ST_SEARCH_FLOOR_FILTERED : ST_SEARCH_FLOOR);
	if (f ? bind_query(s, a, match, f) || bind_int(s, 6, rank_depth)
	      : !s || bind_match(s, 1, match) || bind_int(s, 2, rank_depth))
		return ERR_DB;
	int step = stmt_step(s);
	if (step == STEP_ROW)
		*floor = col_int(s, 0);
	stmt_reset(s);
	return step == STEP_ROW || step == STEP_DONE ? 0 : ERR_INVALID;
}
#define FAST_MAX_DEPTH 200

static int by_score(const void *a, const void *b)
{
	double x = ((const struct search_hit *) a)->score, y = ((const struct search_hit *) b)->score;
	return x < y ? -1 : x > y;
}

/* Days since an ISO date, from the civil calendar (no time zone needed at this scale). */
static double age_days(const char *date, double today)
{
	int y, m, d;
	if (sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return 0;
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1, doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return today - (double) (era * 146097 + doe);
}

/*
 * Unfiltered searches: FTS5 ranks by weighted bm25 on its own (no join per
 * match); the best candidates then get the recency boost and the page is cut.
 */
static int search_fast(struct store *st, struct arena *a, const char *match, long long floor, long long offset,
		       int limit, struct search_hit **hits, size_t *n, long long *total)
{
	long long want = offset + limit + FAST_WINDOW;
	struct stmt *s = stmt_get(st, ST_SEARCH_TOTAL);
	if (!s || bind_match(s, 1, match))
		return ERR_DB;
	int step = stmt_step(s);
	if (step == STEP_ROW)
		*total = col_int(s, 0);
	stmt_reset(s);
	if (step != STEP_ROW)
		return ERR_INVALID;
	if (!*total)
		return 0;
	s = stmt_get(st, ST_SEARCH_TOP);
	if (!s || bind_match(s, 1, match) || bind_int(s, 2, want) || bind_int(s, 3, floor))
		return ERR_DB;
	struct buf ids = BUF_INIT(1 << 16);
	size_t cap = (size_t) want, k = 0;
	long long *id = arena_calloc(a, cap, sizeof(*id));
	double *score = arena_calloc(a, cap, sizeof(*score));
	int rc = id && score && !buf_addc(&ids, '[') ? 0 : ERR_NOMEM;
	while (!rc && k < cap && (step = stmt_step(s)) == STEP_ROW) {
		id[k] = col_int(s, 0);
		score[k] = col_double(s, 1);
		rc = buf_addf(&ids, k ? ",%lld" : "%lld", id[k]) ? ERR_NOMEM : 0;
		k++;
	}
	stmt_reset(s);
	rc = rc || buf_addc(&ids, ']') ? (rc ? rc : ERR_NOMEM) : 0;
	struct search_hit *all = rc ? NULL : arena_calloc(a, k ? k : 1, sizeof(*all));
	size_t found = 0;
	s = rc ? NULL : stmt_get(st, ST_ITEMS_BY_ID);
	if (!rc && (!all || !s || bind_text(s, 1, ids.ptr)))
		rc = all ? ERR_DB : ERR_NOMEM;
	time_t now = time(NULL);
	double today = (double) now / 86400.0 + 719468.0; /* the same day count as age_days() */
	while (!rc && found < k && (step = stmt_step(s)) == STEP_ROW) {
		struct search_hit *h = &all[found];
		rc = store_read_item(s, a, &h->item);
		for (size_t i = 0; !rc && i < k; i++)
			if (id[i] == h->item.id) {
				double age = age_days(h->item.published, today) / 730.0;
				h->score = score[i] * (1.0 + 0.3 * (age < 1.0 ? 1.0 - (age > 0 ? age : 0) : 0.0));
			}
		found++;
	}
	if (s)
		stmt_reset(s);
	buf_free(&ids);
	if (rc)
		return rc;
	qsort(all, found, sizeof(*all), by_score);
	*hits = offset < (long long) found ? all + offset : all;
	*n = offset < (long long) found
		 ? (found - (size_t) offset < (size_t) limit ? found - (size_t) offset : (size_t) limit)
		 : 0;
	return 0;
}

int store_search(struct store *st, struct arena *a, const char *match, const struct item_filter *f, long long offset,
		 int limit, struct search_hit **hits, size_t *n, long long *total)
{
	long long floor = 0;
	*hits = NULL;
	*n = 0;
	*total = 0;
	int fast = !f->type && !f->ncategories && limit > 0 && offset + limit <= FAST_MAX_DEPTH;
	int rc = limit > 0 ? rank_floor(st, a, match, fast ? NULL : f, &floor) : 0;
	if (rc)
		return rc;
	if (fast)
		return search_fast(st, a, match, floor, offset, limit, hits, n, total);
	/* One pass: the matches are ranked anyway, and count(*) OVER () counts them on the way. */
	struct stmt *s = stmt_get(st, limit > 0 ? ST_SEARCH : ST_SEARCH_COUNT);
	if (bind_query(s, a, match, f) ||
	    (limit > 0 && (bind_int(s, 3, offset) || bind_int(s, 4, limit) || bind_int(s, 6, floor))))
		return ERR_DB;
	size_t cap = limit > 0 ? (size_t) limit : 1;
	struct search_hit *out = arena_calloc(a, cap, sizeof(*out));
	if (!out)
		return ERR_NOMEM;
	int step = STEP_DONE;
	size_t k = 0;
	while (!rc && k < cap && (step = stmt_step(s)) == STEP_ROW) {
		if (limit <= 0) {
			*total = col_int(s, 0);
			break;
		}
		rc = store_read_item(s, a, &out[k].item);
		out[k].score = col_double(s, 17);
		*total = col_int(s, 18);
		k++;
	}
	if (!rc && step != STEP_DONE && step != STEP_ROW)
		rc = ERR_INVALID; /* most often an expression FTS5 refuses */
	stmt_reset(s);
	if (!rc && limit > 0 && (floor > 0 || (k == 0 && offset > 0))) {
		/* Only the newest matches were ranked, or past the last page: the total comes from a count. */
		s = stmt_get(st, ST_SEARCH_COUNT);
		if (bind_query(s, a, match, f) || stmt_step(s) != STEP_ROW)
			rc = ERR_DB;
		else
			*total = col_int(s, 0);
		stmt_reset(s);
	}
	if (!rc) {
		*hits = out;
		*n = k;
	}
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
	int rc = facet_rows(st, a, ST_SEARCH_TYPES, match, 0, types, ntypes);
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
