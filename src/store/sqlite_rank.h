/*
 * Search ranking and filtering on SQLite without a join per match (internal
 * to the SQLite backend).
 *
 * Each connection keeps, per indexed item, what a search ranks and filters
 * by: its length in terms (for bm25), its publication date (recency), type,
 * status and categories; plus the document frequency of every phrase it has
 * ranked. All of it is reloaded when search_version (migration 0015) moves.
 * Three SQL functions read it:
 *
 *   vt_rank(search_fts, expr, depth)
 *                              FTS5's weighted bm25 with the recency boost, the
 *                              same score PostgreSQL computes in SQL (pg_sql.c);
 *                              NULL after the first depth + 1 rows (depth > 0),
 *                              which come newest first
 *   vt_top(id, score, k)       an aggregate: the k best rows with a score as a
 *                              JSON array of [id, score], best first
 *   vt_pass(id, type, cats)    whether an item passes the filter (?1 ?2 as
 *                              ITEM_FILTER binds them)
 *   vt_facet(id, kind)         an aggregate: matches per type (kind 0) or per
 *                              category id (kind 1) as a JSON object
 */
#ifndef VERTROUWD_STORE_SQLITE_RANK_H
#define VERTROUWD_STORE_SQLITE_RANK_H

#include <sqlite3.h>

/*
 * FTS5 walks its rows in rowid order, and the newest matches are the ones a
 * search counts and ranks (store/search.c); walking backwards costs a third
 * more. So an item's row in search_fts has rowid SEARCH_ROWID_BASE - item id:
 * the newest item comes first. SEARCH_ITEM_ID is the item id in SQL.
 */
#define SEARCH_ROWID_BASE     1099511627776LL
#define SEARCH_ROWID_BASE_SQL "1099511627776"
#define SEARCH_ITEM_ID	      "(" SEARCH_ROWID_BASE_SQL " - search_fts.rowid)"

struct rank_cache;

/* Register the functions on db; the cache lives until sqlite_rank_free(). */
int sqlite_rank_attach(sqlite3 *db, struct rank_cache **out);
void sqlite_rank_free(struct rank_cache *c);
/* Reload when the index or the items changed since the last load: 0 or ERR_DB/ERR_NOMEM. */
int sqlite_rank_refresh(struct rank_cache *c);

#endif
