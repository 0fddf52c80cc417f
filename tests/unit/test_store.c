#include "testutil.h"

#include "base/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "store/db.h"
#include "store/items.h"
#include "store/migrations.h"
#include "store/schedules.h"
#include "store/store.h"

static char dsn[256];

static int setup(void **state)
{
	char dir[] = "/tmp/vertrouwd-store-XXXXXX";
	assert_non_null(mkdtemp(dir));
	test_dsn(dsn, sizeof(dsn), dir, "sub/t.db");
	return 0;
}

static struct store *open_store(void)
{
	struct store *st;
	char err[512];
	assert_int_equal(store_open(dsn, &st, err, sizeof(err)), 0);
	return st;
}

static void save(struct store *st, const char *slug, const char *date, const char *status)
{
	struct item_category cats[] = {{"integriteit", "Integriteit"}, {"melding", "Melding"}};
	struct item it = {.type = "nieuws",
			  .slug = slug,
			  .title = "Titel",
			  .lead = "Lead",
			  .body = "Tekst",
			  .published = date,
			  .status = status,
			  .categories = cats,
			  .ncategories = 2};
	long long id;
	assert_int_equal(store_begin(st), 0);
	assert_int_equal(store_item_save(st, &it, &id), 0);
	assert_int_equal(store_commit(st), 0);
	assert_true(id > 0);
}

static void migrations_fresh_and_rerun(void **state)
{
	struct store *st = open_store();
	char err[512];
	int v = -1, needs = 0;
	assert_int_equal(store_schema_version(st, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(store_needs_migration(st, &needs), 0);
	assert_true(needs);
	assert_int_equal(store_migrate(st, err, sizeof(err)), 0);
	assert_int_equal(store_schema_version(st, &v), 0);
	assert_true(v >= 1);
	int applied = v;
	assert_int_equal(store_migrate(st, err, sizeof(err)), 0);
	assert_int_equal(store_schema_version(st, &v), 0);
	assert_int_equal(v, applied);
	assert_int_equal(store_needs_migration(st, &needs), 0);
	assert_false(needs);
	store_close(st);
	/* A second connection sees the same schema and applies nothing. */
	st = open_store();
	assert_int_equal(store_migrate(st, err, sizeof(err)), 0);
	assert_int_equal(store_schema_version(st, &v), 0);
	assert_int_equal(v, applied);
	store_close(st);
}

/* Collects store_item_urls() rows as "type/slug date" lines. */
static int url_line(void *ctx, const char *type, const char *slug, const char *updated_at)
{
	struct buf *b = ctx;
	return buf_addf(b, "%s/%s %.2s\n", type, slug, updated_at);
}

static void items_roundtrip(void **state)
{
	struct store *st = open_store();
	struct arena a = ARENA_INIT;
	save(st, "b-bericht", "2026-02-01", "gepubliceerd");
	save(st, "a-bericht", "2026-03-01", "gepubliceerd");
	save(st, "concept", "2026-04-01", "concept");
	save(st, "a-bericht", "2026-03-01", "gepubliceerd"); /* idempotent */
	long long total;
	assert_int_equal(store_item_count(st, &a, &(struct item_filter){.type = "nieuws"}, &total), 0);
	assert_int_equal(total, 2);
	struct item *items;
	size_t n;
	assert_int_equal(store_item_list(st, &a, &(struct item_filter){.type = "nieuws"}, 0, 10, &items, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(items[0].slug, "a-bericht");
	assert_string_equal(items[1].slug, "b-bericht");
	assert_int_equal(items[0].ncategories, 2);
	assert_string_equal(items[0].categories[0].name, "Integriteit");
	assert_string_equal(items[0].categories[1].slug, "melding");
	assert_int_equal(store_item_list(st, &a, &(struct item_filter){.type = "nieuws"}, 1, 10, &items, &n), 0);
	assert_int_equal(n, 1);
	struct item it;
	assert_int_equal(store_item_find(st, &a, "nieuws", "a-bericht", &it), 0);
	assert_string_equal(it.title, "Titel");
	assert_int_equal(store_item_find(st, &a, "nieuws", "concept", &it), ERR_NOT_FOUND);
	assert_int_equal(store_item_find(st, &a, "artikel", "a-bericht", &it), ERR_NOT_FOUND);
	assert_int_equal(store_item_find(st, &a, "nieuws", "' OR 1=1 --", &it), ERR_NOT_FOUND);
	const char *cats[] = {"melding", "bestaat-niet"};
	struct item_filter f = {.type = "nieuws", .categories = cats, .ncategories = 2};
	assert_int_equal(store_item_count(st, &a, &f, &total), 0);
	assert_int_equal(total, 2);
	f.categories = cats + 1;
	f.ncategories = 1;
	assert_int_equal(store_item_count(st, &a, &f, &total), 0);
	assert_int_equal(total, 0);
	struct category_count *cc;
	assert_int_equal(store_category_counts(st, &a, "nieuws", &cc, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(cc[0].name, "Integriteit");
	assert_int_equal(cc[0].count, 2);
	struct item_category c;
	assert_int_equal(store_category_find(st, &a, "melding", &c), 0);
	assert_string_equal(c.name, "Melding");
	assert_int_equal(store_category_find(st, &a, "nee", &c), ERR_NOT_FOUND);
	/* The sitemap's rows: published only, by type and slug, at most the limit; counts of any status. */
	struct buf urls = BUF_INIT(4096);
	assert_int_equal(store_item_urls(st, 10, url_line, &urls), 0);
	assert_string_equal(urls.ptr, "nieuws/a-bericht 20\nnieuws/b-bericht 20\n");
	buf_reset(&urls);
	assert_int_equal(store_item_urls(st, 1, url_line, &urls), 0);
	assert_string_equal(urls.ptr, "nieuws/a-bericht 20\n");
	buf_free(&urls);
	assert_int_equal(store_item_count_all(st, &total), 0);
	assert_int_equal(total, 3);
	arena_free(&a);
	store_close(st);
}

static void failed_statement_rolls_back(void **state)
{
	struct store *st = open_store();
	struct arena a = ARENA_INIT;
	long long before, after;
	assert_int_equal(store_item_count(st, &a, &(struct item_filter){0}, &before), 0);
	struct item_category cats[] = {{"x", "X"}, {"y", "Y"}};
	struct item it = {.type = "nieuws",
			  .slug = "halverwege",
			  .title = "T",
			  .published = "2026-01-01",
			  .categories = cats,
			  .ncategories = 2};
	for (long nth = 1; nth <= 12; nth++) {
		long long id;
		int rc = store_begin(st);
		store_fail_after(nth);
		if (!rc)
			rc = store_item_save(st, &it, &id);
		if (!rc)
			rc = store_commit(st);
		store_fail_after(0);
		if (rc) {
			store_rollback(st);
			assert_int_equal(store_item_count(st, &a, &(struct item_filter){0}, &after), 0);
			assert_int_equal(after, before);
		} else {
			break;
		}
	}
	arena_free(&a);
	store_close(st);
}

static void bad_dsn(void **state)
{
	struct store *st;
	char err[512];
	assert_int_equal(store_open("mysql://x", &st, err, sizeof(err)), ERR_INVALID);
	assert_contains(err, "sqlite:");
	assert_null(st);
	assert_int_equal(store_open("sqlite:/proc/nope/x.db", &st, err, sizeof(err)) < 0, 1);
}

/* Every statement has SQL in both dialects' tables. */
static void statements_in_both_dialects(void **state)
{
	for (int i = 0; i < ST_COUNT; i++) {
		if (!sqlite_sql[i] || !pg_sql[i])
			printf("  statement %d lacks SQL for %s\n", i, sqlite_sql[i] ? "PostgreSQL" : "SQLite");
		assert_non_null(sqlite_sql[i]);
		assert_non_null(pg_sql[i]);
	}
}

/* Both dialects walk one numbered list: a migration added for one only is caught here. */
static void migrations_in_both_dialects(void **state)
{
	assert_int_equal(store_migration_count, pg_migration_count);
	for (int i = 0; i < store_migration_count; i++) {
		assert_int_equal(store_migrations[i].version, pg_migrations[i].version);
		assert_string_equal(store_migrations[i].name, pg_migrations[i].name);
	}
}

/* A lease goes to one holder at a time, is renewed by it, and passes on when it runs out. */
static void leases(void **state)
{
	struct store *st = open_store();
	char err[512];
	assert_int_equal(store_migrate(st, err, sizeof(err)), 0);
	int held = -1;
	assert_int_equal(store_lease_take(st, "taak", "a", 1000, 10, &held), 0);
	assert_int_equal(held, 1);
	assert_int_equal(store_lease_take(st, "taak", "b", 1005, 10, &held), 0);
	assert_int_equal(held, 0);
	assert_int_equal(store_lease_take(st, "taak", "a", 1008, 10, &held), 0); /* renewed until 1018 */
	assert_int_equal(held, 1);
	assert_int_equal(store_lease_take(st, "taak", "b", 1015, 10, &held), 0);
	assert_int_equal(held, 0);
	assert_int_equal(store_lease_take(st, "andere", "b", 1015, 10, &held), 0); /* leases are per name */
	assert_int_equal(held, 1);
	assert_int_equal(store_lease_take(st, "taak", "b", 1018, 10, &held), 0); /* a's ran out */
	assert_int_equal(held, 1);
	assert_int_equal(store_lease_take(st, "taak", "a", 1019, 10, &held), 0);
	assert_int_equal(held, 0);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(migrations_fresh_and_rerun),
	    cmocka_unit_test(items_roundtrip),
	    cmocka_unit_test(failed_statement_rolls_back),
	    cmocka_unit_test(bad_dsn),
	    cmocka_unit_test(migrations_in_both_dialects),
	    cmocka_unit_test(statements_in_both_dialects),
	    cmocka_unit_test(leases),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
