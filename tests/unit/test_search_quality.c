/*
 * Search quality against the demo content: compound splitting accuracy
 * (tests/search/compounds.tsv) and relevance (tests/search/relevance.tsv:
 * hit@3 and MRR). Prints the figures; fails under the thresholds. With
 * $TEST_DB on PostgreSQL it also checks that both stores rank alike.
 */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "demo_store.h"
#include "store/store.h"
#include "../search/relevance.h"

#define MIN_COMPOUND_ACCURACY 0.90
#define MIN_HIT_AT_3	      0.90

static struct search_env env;
static struct lexicon *lx;

static int setup(void **state)
{
	char dir[] = "/tmp/vertrouwd-quality-XXXXXX", dsn[600];
	if (!mkdtemp(dir))
		return -1;
	test_dsn(dsn, sizeof(dsn), dir, "q.db");
	return demo_store_open(dsn, &env, &lx);
}

static int teardown(void **state)
{
	demo_store_close(&env, lx);
	return 0;
}

/* The stems of a space-separated list of words, sorted into one string. */
static void stems_of(char *words, char *out, size_t outlen)
{
	char list[TEXT_MAX_PARTS * 2][TEXT_MAX_WORD];
	int n = 0;
	for (char *w = words, *sp; w && *w && n < TEXT_MAX_PARTS * 2; w = sp ? sp + 1 : NULL) {
		sp = strchr(w, ' ');
		if (sp)
			*sp = '\0';
		char folded[TEXT_MAX_WORD];
		text_fold(w, strlen(w), folded, sizeof(folded));
		text_stem(env.stem, folded, list[n++], TEXT_MAX_WORD);
	}
	out[0] = '\0';
	for (int i = 0; i < n; i++)
		snprintf(out + strlen(out), outlen - strlen(out), "%s%s", i ? " " : "", list[i]);
}

static void compound_accuracy(void **state)
{
	FILE *f = fopen("tests/search/compounds.tsv", "r");
	assert_non_null(f);
	char line[512];
	int total = 0, right = 0, compounds = 0, simple = 0;
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\r\n")] = '\0';
		char *tab = strchr(line, '\t');
		if (line[0] == '#' || !tab)
			continue;
		*tab = '\0';
		char word[TEXT_MAX_WORD], parts[TEXT_MAX_PARTS][TEXT_MAX_WORD], got[512] = "", want[512] = "";
		text_fold(line, strlen(line), word, sizeof(word));
		int np = text_split(lx, word, parts);
		char joined[512] = "";
		for (int p = 0; p < np; p++)
			snprintf(joined + strlen(joined), sizeof(joined) - strlen(joined), "%s%s", p ? " " : "",
				 parts[p]);
		int expect_split = strcmp(tab + 1, "-") != 0;
		compounds += expect_split;
		simple += !expect_split;
		if (expect_split) {
			stems_of(joined, got, sizeof(got));
			stems_of(tab + 1, want, sizeof(want));
		}
		int ok = expect_split ? np && !strcmp(got, want) : np == 0;
		right += ok;
		total++;
		if (!ok)
			printf("  compound miss: %s -> [%s], expected [%s]\n", line, joined, tab + 1);
	}
	fclose(f);
	double acc = total ? (double) right / total : 0;
	printf("compounds: %d of %d right (%.1f%%; %d compounds, %d words that must not split)\n", right, total,
	       100 * acc, compounds, simple);
	assert_true(compounds >= 100);
	assert_true(acc >= MIN_COMPOUND_ACCURACY);
}

static void relevance(void **state)
{
	FILE *f = fopen("tests/search/relevance.tsv", "r");
	assert_non_null(f);
	struct relevance_query rq;
	int queries = 0, hits = 0;
	double mrr = 0;
	assert_int_equal(store_read_begin(env.st), 0);
	while (relevance_next(f, &rq)) {
		struct arena a = ARENA_INIT;
		struct search_result res;
		struct item_filter filter = {0};
		assert_int_equal(search_run(&env, rq.query, &filter, 0, 10, &a, &res), 0);
		int rank = 0;
		for (size_t i = 0; i < res.n && !rank; i++)
			if (relevance_expected(&rq, res.hits[i].item.slug))
				rank = (int) i + 1;
		queries++;
		hits += rank && rank <= 3;
		mrr += rank ? 1.0 / rank : 0;
		if (!rank || rank > 3)
			printf("  relevance miss (%s): '%s' -> %s at %d; top: %s, %s, %s\n", rq.note, rq.query,
			       rq.expected, rank, res.n > 0 ? res.hits[0].item.slug : "-",
			       res.n > 1 ? res.hits[1].item.slug : "-", res.n > 2 ? res.hits[2].item.slug : "-");
		arena_free(&a);
	}
	store_read_end(env.st);
	fclose(f);
	double hit3 = queries ? (double) hits / queries : 0;
	printf("relevance: %d queries, hit@3 %.1f%%, MRR %.3f\n", queries, 100 * hit3, queries ? mrr / queries : 0);
	assert_true(queries >= 80);
	assert_true(hit3 >= MIN_HIT_AT_3);
}

/*
 * The same hits in the same order with the same scores; neighbours whose scores
 * tie may swap. Scores may differ in the ninth digit: the recency boost reads
 * the clock once per statement, and the two stores' statements run apart.
 */
#define SAME_SCORE 1e-7
static int same_hits(const struct search_result *x, const struct search_result *y, const char *query)
{
	int same = x->n == y->n && x->total == y->total;
	for (size_t i = 0; same && i < x->n; i++) {
		double sx = x->hits[i].score, sy = y->hits[i].score;
		int tie = (i + 1 < x->n && fabs(sx - x->hits[i + 1].score) <= SAME_SCORE * fabs(sx)) ||
			  (i > 0 && fabs(sx - x->hits[i - 1].score) <= SAME_SCORE * fabs(sx));
		same = fabs(sx - sy) <= SAME_SCORE * fabs(sx) &&
		       (tie || !strcmp(x->hits[i].item.slug, y->hits[i].item.slug));
		if (!same)
			printf("  backends differ on '%s' at %zu: %s %.12g vs %s %.12g\n", query, i + 1,
			       x->hits[i].item.slug, sx, y->hits[i].item.slug, sy);
	}
	if (x->n != y->n || x->total != y->total)
		printf("  backends differ on '%s': %zu/%lld hits vs %zu/%lld\n", query, x->n, x->total, y->n, y->total);
	return same;
}

/*
 * On PostgreSQL (env) against a SQLite copy of the same demo: every relevance
 * query, unfiltered (the top-k path) and for one type (the filtered path).
 */
static void backends_agree(void **state)
{
	const char *db = getenv("TEST_DB");
	if (!db || strncmp(db, "postgresql:", 11))
		skip();
	char dir[] = "/tmp/vertrouwd-compare-XXXXXX", dsn[600], err[512];
	assert_non_null(mkdtemp(dir));
	snprintf(dsn, sizeof(dsn), "sqlite:%s/c.db", dir);
	struct search_env lite = env;
	assert_int_equal(store_open(dsn, &lite.st, err, sizeof(err)), 0);
	assert_int_equal(store_migrate(lite.st, err, sizeof(err)), 0);
	struct import_report rep;
	assert_int_equal(content_import_dir(lite.st, &lite, "demo", NULL, &rep), 0);
	lite.speller = speller_build(lite.st, 200000);
	FILE *f = fopen("tests/search/relevance.tsv", "r");
	assert_non_null(f);
	/* The relevance set has no prefixes; these add them, phrases and exclusions. */
	static const char *const more[] = {"vertrouw*", "meld* -klacht", "\"ongewenst gedrag\" pest*",
					   "\"de vertrouwenspersoon\" -\"externe vp\"", "integriteit*"};
	struct relevance_query rq;
	int queries = 0, differ = 0;
	size_t extra = 0;
	for (;;) {
		const char *query = relevance_next(f, &rq)		     ? rq.query
				    : extra < sizeof(more) / sizeof(more[0]) ? more[extra++]
									     : NULL;
		if (!query)
			break;
		const struct item_filter filters[] = {{0}, {.type = "artikel"}};
		for (size_t k = 0; k < 2; k++) {
			struct arena a = ARENA_INIT;
			struct search_result x, y;
			assert_int_equal(search_run(&lite, query, &filters[k], 0, 10, &a, &x), 0);
			assert_int_equal(search_run(&env, query, &filters[k], 0, 10, &a, &y), 0);
			differ += !same_hits(&x, &y, query);
			queries++;
			arena_free(&a);
		}
	}
	fclose(f);
	speller_free(lite.speller);
	store_close(lite.st);
	printf("backends: %d searches, %d differ\n", queries, differ);
	assert_int_equal(differ, 0);
}

/*
 * A search with more matches than the depth counts and ranks only the newest
 * (highest ids) of the matches its filter lets through, and says there are
 * more.
 */
static void rank_depth(void **state)
{
	static const char *const queries[] = {"vertrouwenspersoon", "melding", "werk", "organisatie"};
	int ran = 0;
	struct item_filter none = {0}, news = {.type = "nieuws"};
	const struct item_filter *filters[] = {&none, &news};
	for (size_t q = 0; q < 4; q++)
		for (size_t k = 0; k < 2; k++) {
			struct arena a = ARENA_INIT;
			struct search_result full, cut;
			store_search_set_depth(0);
			assert_int_equal(search_run(&env, queries[q], filters[k], 0, 10, &a, &full), 0);
			if (full.total <= 6) { /* too few to cut */
				arena_free(&a);
				continue;
			}
			ran++;
			long long newest[6] = {0}; /* the six highest ids among the filtered matches */
			struct search_result all;
			assert_int_equal(search_run(&env, queries[q], filters[k], 0, 200, &a, &all), 0);
			for (size_t i = 0; i < all.n; i++)
				for (int j = 0; j < 6; j++)
					if (all.hits[i].item.id > newest[j]) {
						memmove(newest + j + 1, newest + j, (5 - (size_t) j) * sizeof(*newest));
						newest[j] = all.hits[i].item.id;
						break;
					}
			assert_false(store_search_more(full.total));
			store_search_set_depth(5);
			assert_int_equal(search_run(&env, queries[q], filters[k], 0, 10, &a, &cut), 0);
			assert_int_equal(cut.total, 6); /* "more than 5" */
			assert_true(store_search_more(cut.total));
			assert_string_equal(search_total_label(cut.total, &a), "meer dan 5 resultaten");
			store_search_set_depth(2000);
			assert_string_equal(search_total_label(cut.total, &a), "6 resultaten");
			assert_int_equal(cut.n, 6);
			for (size_t i = 0; i < cut.n; i++)
				assert_true(cut.hits[i].item.id >= newest[5]);
			arena_free(&a);
		}
	assert_true(ran >= 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(compound_accuracy),
	    cmocka_unit_test(relevance),
	    cmocka_unit_test(backends_agree),
	    cmocka_unit_test(rank_depth),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
