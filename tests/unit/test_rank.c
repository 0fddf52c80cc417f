/*
 * SQLite's search ranking and filters (store/sqlite_rank.c) against the plain
 * SQL they replace: FTS5's own bm25 with the field weights and the recency
 * boost, the filter joined from items, facets grouped in SQL. On the demo
 * content, for every relevance query with several filters, before and after
 * items change underneath the per-connection copies.
 */
#include "testutil.h"

#include <math.h>
#include <sqlite3.h>
#include <unistd.h>

#include "demo_store.h"
#include "store/migrations.h"
#include "store/sqlite_rank.h"
#include "store/store.h"
#include "../search/relevance.h"

/*
 * Relative difference taken as the same score. The recency boost reads the clock
 * once in vt_rank and once in the reference SQL; on a busy machine the two are
 * milliseconds apart, which moves a score by about 1e-8 (seen in CI).
 */
#define SAME_SCORE 1e-7

static struct search_env env;
static struct lexicon *lx;
static sqlite3 *raw; /* the same file, for the reference statements */

/* The old statements, written out: what vt_rank, vt_pass and vt_facet must equal. */
#define REF_FILTER                                                                                                     \
	"(?2 IS NULL OR i.type = ?2) AND i.status = 'gepubliceerd' AND (?3 IS NULL OR EXISTS (SELECT 1 "               \
	"FROM item_categories ic JOIN categories c ON c.id = ic.category_id WHERE ic.item_id = i.id AND c.slug = ?3))"
static const char ref_search[] =
    "SELECT m.id, m.bm25 * (1.0 + 0.3 * max(0.0, 1.0 - (julianday('now') - julianday(i.published)) / 730.0)) AS "
    "score FROM (SELECT " SEARCH_ITEM_ID " AS id, bm25(search_fts, 10.0, 4.0, 1.0, 2.0) AS bm25 FROM search_fts "
    "WHERE search_fts MATCH ?1) m JOIN items i ON i.id = m.id WHERE " REF_FILTER " ORDER BY score, m.id";
static const char ref_types[] =
    "SELECT i.type, count(*) FROM search_fts JOIN items i ON i.id = " SEARCH_ITEM_ID " "
    "WHERE search_fts MATCH ?1 AND i.status = 'gepubliceerd' GROUP BY i.type ORDER BY i.type";
static const char ref_cats[] =
    "SELECT c.slug, count(*) FROM search_fts JOIN items i ON i.id = " SEARCH_ITEM_ID " "
    "JOIN item_categories ic ON ic.item_id = i.id JOIN categories c ON c.id = ic.category_id "
    "WHERE search_fts MATCH ?1 AND i.status = 'gepubliceerd' GROUP BY c.id "
    "ORDER BY count(*) DESC, c.name COLLATE NOCASE, c.id LIMIT 30";

static int setup(void **state)
{
	char dir[] = "/tmp/vertrouwd-rank-XXXXXX", dsn[600];
	if (!mkdtemp(dir))
		return -1;
	snprintf(dsn, sizeof(dsn), "sqlite:%s/r.db", dir);
	return demo_store_open(dsn, &env, &lx) || sqlite3_open(dsn + 7, &raw) != SQLITE_OK ? -1 : 0;
}

static int teardown(void **state)
{
	sqlite3_close(raw);
	demo_store_close(&env, lx);
	return 0;
}

static sqlite3_stmt *ref(const char *sql, const char *match, const char *type, const char *cat)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(raw, sql, -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, match, -1, SQLITE_STATIC);
	if (type)
		sqlite3_bind_text(s, 2, type, -1, SQLITE_STATIC);
	if (cat)
		sqlite3_bind_text(s, 3, cat, -1, SQLITE_STATIC);
	return s;
}

/* One search against the reference; returns whether they agree (and says where not). */
static int agrees(const char *query, const char *type, const char *cat)
{
	struct arena a = ARENA_INIT;
	struct search_result res;
	const char *cats[] = {cat};
	struct item_filter f = {.type = type, .categories = cat ? cats : NULL, .ncategories = cat ? 1 : 0};
	assert_int_equal(store_read_begin(env.st), 0);
	assert_int_equal(search_run(&env, query, &f, 0, 10, &a, &res), 0);
	store_read_end(env.st);
	int same = 1;
	if (res.match) {
		sqlite3_stmt *s = ref(ref_search, res.match, type, cat);
		long long total = 0;
		double prev = NAN;
		while (sqlite3_step(s) == SQLITE_ROW) {
			size_t i = (size_t) total++;
			double score = sqlite3_column_double(s, 1);
			if (i >= res.n)
				continue;
			/* Equal scores may come in either order. */
			int tie = score == prev ||
				  (i + 1 < res.n && fabs(res.hits[i + 1].score - score) <= SAME_SCORE * fabs(score));
			if (fabs(res.hits[i].score - score) > SAME_SCORE * fabs(score) ||
			    (!tie && res.hits[i].item.id != sqlite3_column_int64(s, 0))) {
				printf("  '%s' [%s %s] at %zu: %lld %.12g, expected %lld %.12g\n", query,
				       type ? type : "-", cat ? cat : "-", i + 1, res.hits[i].item.id,
				       res.hits[i].score, (long long) sqlite3_column_int64(s, 0), score);
				same = 0;
			}
			prev = score;
		}
		sqlite3_finalize(s);
		if (total != res.total || (size_t) (total < 10 ? total : 10) != res.n) {
			printf("  '%s' [%s %s]: %zu/%lld hits, expected %lld\n", query, type ? type : "-",
			       cat ? cat : "-", res.n, res.total, total);
			same = 0;
		}
	} else {
		same = res.n == 0;
	}
	arena_free(&a);
	return same;
}

/* Facets against GROUP BY over the join. */
static int facets_agree(const char *query)
{
	struct arena a = ARENA_INIT;
	struct search_result res;
	struct item_filter none = {0};
	assert_int_equal(search_run(&env, query, &none, 0, 1, &a, &res), 0);
	int same = 1;
	if (res.match) {
		struct search_facet *types, *cats;
		size_t nt, nc;
		assert_int_equal(store_search_facets(env.st, &a, res.match, &types, &nt, &cats, &nc), 0);
		const char *sql[] = {ref_types, ref_cats};
		struct search_facet *got[] = {types, cats};
		size_t n[] = {nt, nc};
		for (int k = 0; k < 2; k++) {
			sqlite3_stmt *s = ref(sql[k], res.match, NULL, NULL);
			size_t i = 0;
			for (; sqlite3_step(s) == SQLITE_ROW; i++)
				same = same && i < n[k] &&
				       !strcmp(got[k][i].key, (const char *) sqlite3_column_text(s, 0)) &&
				       got[k][i].count == sqlite3_column_int64(s, 1);
			same = same && i == n[k];
			sqlite3_finalize(s);
		}
		if (!same)
			printf("  facets of '%s' differ\n", query);
	}
	arena_free(&a);
	return same;
}

/* Every relevance query, unfiltered, per type, per category and both; twice (the second from the cache). */
static int all_agree(void)
{
	static const char *const types[] = {NULL, "artikel", "nieuws", "kennisbank"};
	static const char *const cats[] = {NULL, "beroepspraktijk", "sociale-veiligheid", "testcategorie"};
	FILE *f = fopen("tests/search/relevance.tsv", "r");
	assert_non_null(f);
	struct relevance_query rq;
	int searches = 0, differ = 0;
	while (relevance_next(f, &rq))
		for (int run = 0; run < 2; run++) {
			for (size_t t = 0; t < 4; t++)
				for (size_t c = 0; c < 4; c++, searches++)
					differ += !agrees(rq.query, types[t], cats[c]);
			differ += !facets_agree(rq.query);
		}
	fclose(f);
	printf("rank: %d searches against FTS5's bm25 and joined filters, %d differ\n", searches, differ);
	assert_true(searches > 1000);
	return differ;
}

/* search_terms holds what FTS5 itself counts per term, and at least min terms. */
static void terms_agree_in(sqlite3 *db, int min)
{
	sqlite3_stmt *s;
	assert_int_equal(
	    sqlite3_prepare_v2(
		db,
		"SELECT count(*), (SELECT count(*) FROM search_terms) FROM "
		"(SELECT term, doc FROM search_vocab) v FULL JOIN (SELECT * FROM search_terms WHERE docs > 0) t "
		"USING (term) "
		"WHERE v.doc IS NOT t.docs",
		-1, &s, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), 0);
	assert_true(sqlite3_column_int(s, 1) >= min);
	sqlite3_finalize(s);
}

static void terms_agree(void)
{
	terms_agree_in(raw, 1000);
}

static void same_as_sql(void **state)
{
	terms_agree();
	assert_int_equal(all_agree(), 0);
}

/* The whole vocabulary as one string, word by word. */
static char *vocabulary(void)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(raw,
					    "SELECT group_concat(word || ':' || freq, ' ') FROM "
					    "(SELECT word, freq FROM search_words ORDER BY word)",
					    -1, &s, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	char *v = strdup((const char *) sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	assert_non_null(v);
	return v;
}

/* A reindex counts the vocabulary in memory and writes it once: the same words and counts as item by item. */
static void reindex_keeps_vocabulary(void **state)
{
	char *before = vocabulary();
	int count;
	assert_int_equal(search_reindex(&env, NULL, &count), 0);
	assert_true(count >= 60);
	char *after = vocabulary();
	assert_true(strlen(before) > 10000);
	assert_string_equal(before, after);
	free(before);
	free(after);
	terms_agree();
}

/* Item changes that do not touch the index (categories, dates, status) reach the copies all the same. */
static void follows_changes(void **state)
{
	struct arena a = ARENA_INIT;
	struct item it;
	assert_int_equal(store_item_get(env.st, &a, "artikel", "agressie-en-geweld-op-de-werkvloer", &it), 0);
	struct item_category moved[] = {{"testcategorie", "Testcategorie"}};
	it.categories = moved;
	it.ncategories = 1;
	it.published = "2001-02-03";
	assert_int_equal(store_begin(env.st), 0);
	long long id;
	assert_int_equal(store_item_save(env.st, &it, &id), 0);
	assert_int_equal(store_commit(env.st), 0);
	assert_true(agrees("agressie", NULL, "testcategorie"));
	assert_true(agrees("agressie", "artikel", NULL));

	it.status = "concept"; /* still in the index, but no longer published */
	assert_int_equal(store_begin(env.st), 0);
	assert_int_equal(store_item_save(env.st, &it, &id), 0);
	assert_int_equal(store_commit(env.st), 0);
	assert_true(agrees("agressie", NULL, NULL));
	assert_true(agrees("agressie", NULL, "testcategorie"));
	assert_true(facets_agree("agressie"));

	/* New text, an item gone, the whole index again: the document frequencies follow. */
	it.status = "gepubliceerd";
	it.body = "Een nieuwe tekst over agressie, klokkenluiders en een zeldzaam woord: kwispelstaart.";
	assert_int_equal(store_begin(env.st), 0);
	assert_int_equal(store_item_save(env.st, &it, &id), 0);
	it.id = id;
	assert_int_equal(search_index_item(&env, &it), 0);
	assert_int_equal(store_commit(env.st), 0);
	terms_agree();
	assert_true(agrees("kwispelstaart", NULL, NULL));
	assert_true(agrees("agressie", NULL, "testcategorie"));
	struct item gone;
	assert_int_equal(store_item_get(env.st, &a, "nieuws", "benadelingsverbod-voor-melders", &gone), 0);
	assert_int_equal(store_begin(env.st), 0);
	assert_int_equal(store_search_remove(env.st, gone.id), 0);
	assert_int_equal(store_commit(env.st), 0);
	terms_agree();
	assert_int_equal(all_agree(), 0);
	int count;
	assert_int_equal(search_reindex(&env, NULL, &count), 0);
	terms_agree();
	assert_int_equal(all_agree(), 0);
	arena_free(&a);
}

/* A store indexed before migrations 0015 and 0016 keeps its index, in the new layout. */
static void migrates_old_index(void **state)
{
	char dir[] = "/tmp/vertrouwd-old-XXXXXX", path[600], dsn[700], err[512];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/old.db", dir);
	snprintf(dsn, sizeof(dsn), "sqlite:%s", path);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(
	    sqlite3_exec(db,
			 "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
			 "applied_at TEXT NOT NULL DEFAULT '')",
			 NULL, NULL, NULL),
	    SQLITE_OK);
	for (int i = 0; i < store_migration_count && store_migrations[i].version <= 14; i++) {
		char record[256];
		snprintf(record, sizeof(record), "INSERT INTO schema_migrations (version, name) VALUES (%d, '%s')",
			 store_migrations[i].version, store_migrations[i].name);
		assert_int_equal(sqlite3_exec(db, store_migrations[i].sql, NULL, NULL, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_exec(db, record, NULL, NULL, NULL), SQLITE_OK);
	}
	/* Two items as the old index held them: rowid = item id, terms as the analyzer made them. */
	assert_int_equal(
	    sqlite3_exec(db,
			 "INSERT INTO items (id, type, slug, title, published) VALUES "
			 "(7, 'nieuws', 'oud', 'Oud', '2026-01-02'), (9, 'artikel', 'ouder', 'Ouder', '2025-03-04');"
			 "INSERT INTO search_fts (rowid, title, lead, body, parts) VALUES "
			 "(7, 'oud bericht', 'klokkenluider meld', 'een klokkenluider meld misstand', 'klok luider'), "
			 "(9, 'ouder artikel', '', 'vertrouwenspersoon helpt', 'vertrouw person')",
			 NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);

	struct store *st;
	assert_int_equal(store_open(dsn, &st, err, sizeof(err)), 0);
	assert_int_equal(store_migrate(st, err, sizeof(err)), 0);
	struct arena a = ARENA_INIT;
	struct search_hit *hits;
	size_t n;
	long long total, size;
	struct item_filter none = {0}, news = {.type = "nieuws"}, articles = {.type = "artikel"};
	assert_int_equal(store_search(st, &a, "\"klokkenluider\"", &none, 0, 10, &hits, &n, &total), 0);
	assert_int_equal(total, 1);
	assert_int_equal(hits[0].item.id, 7);
	assert_int_equal(store_search(st, &a, "\"klokkenluider\"", &articles, 0, 10, &hits, &n, &total), 0);
	assert_int_equal(total, 0);
	assert_int_equal(store_search(st, &a, "\"vertrouw\" AND \"person\"", &articles, 0, 10, &hits, &n, &total), 0);
	assert_int_equal(total, 1);
	assert_int_equal(hits[0].item.id, 9);
	assert_int_equal(store_search(st, &a, "\"oud\" OR \"ouder\"", &news, 0, 10, &hits, &n, &total), 0);
	assert_int_equal(total, 1);
	assert_int_equal(store_search_size(st, &size), 0);
	assert_int_equal(size, 2);
	store_close(st);
	arena_free(&a);

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	terms_agree_in(db, 10);
	sqlite3_stmt *s;
	assert_int_equal(
	    sqlite3_prepare_v2(db, "SELECT rowid FROM search_fts WHERE search_fts MATCH 'misstand'", -1, &s, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int64(s, 0), SEARCH_ROWID_BASE - 7);
	sqlite3_finalize(s);
	sqlite3_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(same_as_sql),
	    cmocka_unit_test(reindex_keeps_vocabulary),
	    cmocka_unit_test(follows_changes),
	    cmocka_unit_test(migrates_old_index),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
