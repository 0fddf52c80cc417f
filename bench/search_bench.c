/*
 * Search benchmark: vertrouwd's Dutch search (SQLite FTS5 on analyzer terms)
 * against PostgreSQL's Dutch full-text search (to_tsvector('dutch'), a GIN
 * index, ts_rank) on the same generated corpus and the same queries.
 *
 * Usage: search_bench DOCS PG_CONNINFO   (bench/search.sh starts PostgreSQL)
 * Prints build time, index size, RSS, p50/p99 latency per engine, and hit@3
 * of both on tests/search/relevance.tsv against the demo content.
 */
#include <libpq-fe.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "content/content.h"
#include "search/search.h"
#include "store/store.h"
#include "../tests/search/relevance.h"

#define QUERY_RUNS 3

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double) t.tv_sec * 1e3 + (double) t.tv_nsec / 1e6;
}

static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* The corpus vocabulary: words of the demo texts (weighted by use) and of the word list. */
static char **vocab;
static size_t nvocab, capvocab;

static void add_vocab(const char *w, size_t n)
{
	if (n < 2 || n > 30)
		return;
	if (nvocab == capvocab) {
		capvocab = capvocab ? capvocab * 2 : 65536;
		vocab = realloc(vocab, capvocab * sizeof(*vocab));
	}
	vocab[nvocab++] = strndup(w, n);
}

static void load_vocab(void)
{
	/* Demo texts: every word as often as it occurs, so the corpus reads like the field. */
	FILE *p = popen("cat demo/*/*.md", "r");
	char line[8192];
	while (p && fgets(line, sizeof(line), p))
		for (char *s = line; *s;) {
			while (*s &&
			       !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (unsigned char) *s >= 0x80))
				s++;
			char *e = s;
			while (*e &&
			       ((*e >= 'a' && *e <= 'z') || (*e >= 'A' && *e <= 'Z') || (unsigned char) *e >= 0x80))
				e++;
			add_vocab(s, (size_t) (e - s));
			s = e;
		}
	if (p)
		pclose(p);
	size_t demo = nvocab;
	/* Plus 30,000 words of the word list, for a long tail. */
	FILE *f = fopen("/usr/share/dict/dutch", "r");
	size_t lines = 0;
	while (f && fgets(line, sizeof(line), f))
		if (next() % 14 == 0 && lines++ < 30000)
			add_vocab(line, strcspn(line, "\r\n"));
	if (f)
		fclose(f);
	printf("corpus vocabulary: %zu demo words (by use) + %zu from the word list\n", demo, nvocab - demo);
}

static void words(char *out, size_t outlen, int n)
{
	size_t k = 0;
	for (int i = 0; i < n; i++) {
		/* Skewed towards the start of the list (the demo words): roughly Zipf. */
		size_t r = (size_t) (next() % nvocab);
		if (next() % 3)
			r = r % (nvocab / 8 + 1);
		const char *w = vocab[r];
		size_t wl = strlen(w);
		if (k + wl + 2 >= outlen)
			break;
		if (i)
			out[k++] = ' ';
		memcpy(out + k, w, wl);
		k += wl;
	}
	out[k] = '\0';
}

static const char *types[] = {"nieuws", "artikel", "kennisbank", "organisaties", "download"};

struct doc {
	char title[256], lead[1024], body[8192];
	const char *type;
};

static void make_doc(struct doc *d, long i)
{
	words(d->title, sizeof(d->title), 6);
	words(d->lead, sizeof(d->lead), 20);
	words(d->body, sizeof(d->body), 180);
	d->type = types[i % 5];
}

static long file_size(const char *path)
{
	struct stat sb;
	return stat(path, &sb) ? 0 : (long) sb.st_size;
}

static long rss_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *) a, y = *(const double *) b;
	return x < y ? -1 : x > y;
}

static void report(const char *engine, double *lat, size_t n)
{
	qsort(lat, n, sizeof(*lat), cmp_double);
	printf("  %-10s p50 %7.3f ms   p99 %7.3f ms   (%zu queries)\n", engine, lat[n / 2], lat[n * 99 / 100], n);
}

static const char *queries[] = {
    "klokkenluider",
    "vertrouwenspersoon",
    "pesten op het werk",
    "werkpesten",
    "klokkenluidersregeling",
    "meldprocedure",
    "\"vertrouwelijk tenzij\"",
    "ongewenste omgangsvormen",
    "klokkenluder",
    "vertrouwenspersoom",
    "intimdatie",
    "integriteit melden",
    "discriminatie op de werkvloer",
    "nazorg na een melding",
    "jaarverslag",
    "klachtencommissie",
    "pesten -school",
    "werkdruk",
    "gesprek",
    "coördinator",
    "seksuele intimidatie",
    "agressie en geweld",
    "psychologische veiligheid",
    "bedrijfsarts",
    "huis voor klokkenluiders",
};
#define NQUERIES (sizeof(queries) / sizeof(queries[0]))

/* PostgreSQL: websearch_to_tsquery understands "phrases" and -words like ours. */
static const char *pg_sql =
    "SELECT id FROM docs WHERE tsv @@ websearch_to_tsquery('dutch', $1) "
    "AND ($2::text IS NULL OR type = $2) ORDER BY ts_rank(tsv, websearch_to_tsquery('dutch', $1)) "
    "DESC LIMIT 10";

static void die_pg(PGconn *c, const char *what)
{
	fprintf(stderr, "PostgreSQL %s: %s\n", what, PQerrorMessage(c));
	exit(1);
}

static void pg_exec(PGconn *c, const char *sql)
{
	PGresult *r = PQexec(c, sql);
	if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
		die_pg(c, sql);
	PQclear(r);
}

/* Relevance of PostgreSQL's Dutch search on the demo content, with the same query set. */
static double pg_relevance(PGconn *c, struct store *demo)
{
	pg_exec(c, "DROP TABLE IF EXISTS demo; CREATE TABLE demo (slug text, tsv tsvector)");
	struct arena a = ARENA_INIT;
	struct item *items;
	size_t n;
	struct item_filter f = {0};
	if (store_item_list(demo, &a, &f, 0, 1000, &items, &n))
		return 0;
	for (size_t i = 0; i < n; i++) {
		const char *lead, *body;
		if (store_item_text(demo, &a, items[i].id, &lead, &body))
			continue;
		const char *params[4] = {items[i].slug, items[i].title, lead, body};
		PGresult *r = PQexecParams(c,
					   "INSERT INTO demo VALUES ($1, setweight(to_tsvector('dutch', $2), 'A') || "
					   "setweight(to_tsvector('dutch', $3), 'B') || to_tsvector('dutch', $4))",
					   4, NULL, params, NULL, NULL, 0);
		PQclear(r);
	}
	arena_free(&a);
	FILE *rf = fopen("tests/search/relevance.tsv", "r");
	struct relevance_query rq;
	int queries_n = 0, hits = 0;
	while (relevance_next(rf, &rq)) {
		const char *params[1] = {rq.query};
		PGresult *r =
		    PQexecParams(c,
				 "SELECT slug FROM demo WHERE tsv @@ websearch_to_tsquery('dutch', $1) ORDER BY "
				 "ts_rank(tsv, websearch_to_tsquery('dutch', $1)) DESC LIMIT 3",
				 1, NULL, params, NULL, NULL, 0);
		int hit = 0;
		for (int i = 0; PQresultStatus(r) == PGRES_TUPLES_OK && i < PQntuples(r); i++)
			hit |= relevance_expected(&rq, PQgetvalue(r, i, 0));
		PQclear(r);
		queries_n++;
		hits += hit;
	}
	if (rf)
		fclose(rf);
	return queries_n ? (double) hits / queries_n : 0;
}

static double our_relevance(struct search_env *env)
{
	FILE *rf = fopen("tests/search/relevance.tsv", "r");
	struct relevance_query rq;
	int n = 0, hits = 0;
	if (store_read_begin(env->st))
		return 0;
	while (relevance_next(rf, &rq)) {
		struct arena a = ARENA_INIT;
		struct search_result res;
		struct item_filter f = {0};
		int hit = 0;
		if (!search_run(env, rq.query, &f, 0, 3, &a, &res))
			for (size_t i = 0; i < res.n; i++)
				hit |= relevance_expected(&rq, res.hits[i].item.slug);
		arena_free(&a);
		n++;
		hits += hit;
	}
	store_read_end(env->st);
	if (rf)
		fclose(rf);
	return n ? (double) hits / n : 0;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: search_bench DOCS TMPDIR PG_CONNINFO\n");
		return 2;
	}
	long ndocs = atol(argv[1]);
	const char *tmp = argv[2];
	char dsn[700], err[512], path[600];
	snprintf(path, sizeof(path), "%s/bench.db", tmp);
	snprintf(dsn, sizeof(dsn), "sqlite:%s", path);
	load_vocab();
	uint64_t corpus_seed = rng; /* both engines get the very same documents */

	/* ---- vertrouwd ---- */
	struct lexicon *lx;
	struct search_env env = {0};
	if (lexicon_load("/usr/share/dict/dutch", "lexicon", &lx, err, sizeof(err)) ||
	    store_open(dsn, &env.st, err, sizeof(err)) || store_migrate(env.st, err, sizeof(err))) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	env.lx = lx;
	env.stem = text_stemmer_new();
	long rss_before = rss_kb();
	double t0 = now_ms();
	struct doc *d = malloc(sizeof(*d));
	struct item_category cat = {"bench", "Bench"};
	for (long i = 0; i < ndocs; i++) {
		if (i % 5000 == 0) {
			if (i && store_commit(env.st))
				return 1;
			if (store_begin(env.st))
				return 1;
			fprintf(stderr, "\r  vertrouwd: %ld/%ld", i, ndocs);
		}
		make_doc(d, i);
		char slug[32];
		snprintf(slug, sizeof(slug), "doc-%ld", i);
		struct item it = {.type = d->type,
				  .slug = slug,
				  .title = d->title,
				  .lead = d->lead,
				  .body = d->body,
				  .published = "2026-01-01",
				  .categories = &cat,
				  .ncategories = 1};
		long long id;
		if (store_item_save(env.st, &it, &id))
			return 1;
		it.id = id;
		if (search_index_item(&env, &it))
			return 1;
	}
	if (store_commit(env.st))
		return 1;
	double build_ours = now_ms() - t0;
	env.speller = speller_build(env.st, 200000);
	fprintf(stderr, "\r");
	long rss_ours = rss_kb() - rss_before;

	double *lat = malloc(sizeof(double) * NQUERIES * QUERY_RUNS * 2);
	size_t nl = 0;
	for (int run = 0; run < QUERY_RUNS; run++)
		for (size_t q = 0; q < NQUERIES * 2; q++) {
			struct arena a = ARENA_INIT;
			struct search_result res;
			struct item_filter f = {.type = q >= NQUERIES ? "kennisbank" : NULL};
			double s = now_ms();
			if (store_read_begin(env.st) || search_run(&env, queries[q % NQUERIES], &f, 0, 10, &a, &res))
				return 1;
			store_read_end(env.st);
			lat[nl++] = now_ms() - s;
			arena_free(&a);
		}

	/* ---- PostgreSQL ---- */
	PGconn *c = PQconnectdb(argv[3]);
	if (PQstatus(c) != CONNECTION_OK)
		die_pg(c, "connect");
	pg_exec(c, "DROP TABLE IF EXISTS docs; CREATE TABLE docs (id bigint PRIMARY KEY, type text, title text, lead "
		   "text, body text, tsv tsvector)");
	rng = corpus_seed;
	t0 = now_ms();
	pg_exec(c, "BEGIN");
	for (long i = 0; i < ndocs; i++) {
		make_doc(d, i);
		char id[32];
		snprintf(id, sizeof(id), "%ld", i);
		const char *params[5] = {id, d->type, d->title, d->lead, d->body};
		PGresult *r =
		    PQexecParams(c,
				 "INSERT INTO docs VALUES ($1, $2, $3, $4, $5, setweight(to_tsvector('dutch', $3), "
				 "'A') || setweight(to_tsvector('dutch', $4), 'B') || to_tsvector('dutch', $5))",
				 5, NULL, params, NULL, NULL, 0);
		if (PQresultStatus(r) != PGRES_COMMAND_OK)
			die_pg(c, "insert");
		PQclear(r);
		if (i % 5000 == 0)
			fprintf(stderr, "\r  postgresql: %ld/%ld", i, ndocs);
	}
	pg_exec(c, "COMMIT");
	pg_exec(c, "CREATE INDEX docs_tsv ON docs USING gin (tsv); ANALYZE docs");
	double build_pg = now_ms() - t0;
	fprintf(stderr, "\r");
	PGresult *sz = PQexec(c, "SELECT pg_total_relation_size('docs')");
	long pg_bytes = PQresultStatus(sz) == PGRES_TUPLES_OK ? atol(PQgetvalue(sz, 0, 0)) : 0;
	PQclear(sz);
	PGresult *prep = PQprepare(c, "q", pg_sql, 2, NULL);
	PQclear(prep);
	double *plat = malloc(sizeof(double) * NQUERIES * QUERY_RUNS * 2);
	size_t npl = 0;
	for (int run = 0; run < QUERY_RUNS; run++)
		for (size_t q = 0; q < NQUERIES * 2; q++) {
			const char *params[2] = {queries[q % NQUERIES], q >= NQUERIES ? "kennisbank" : NULL};
			double s = now_ms();
			PGresult *r = PQexecPrepared(c, "q", 2, params, NULL, NULL, 0);
			if (PQresultStatus(r) != PGRES_TUPLES_OK)
				die_pg(c, "query");
			PQclear(r);
			plat[npl++] = now_ms() - s;
		}

	/* Closing checkpoints the WAL, so the file is the whole store. */
	store_close(env.st);
	printf("\n%ld documents (title 6, lead 20, body 180 words)\n", ndocs);
	printf("  %-10s build %7.1f s   size %6.1f MB   RSS +%ld MB (the whole process: lexicon, speller, SQLite)\n",
	       "vertrouwd", build_ours / 1e3, (double) file_size(path) / 1048576.0, rss_ours / 1024);
	printf("  %-10s build %7.1f s   size %6.1f MB   (server process)\n", "postgresql", build_pg / 1e3,
	       (double) pg_bytes / 1048576.0);
	printf(
	    "latency over %zu queries x %d runs (single words, compounds, phrases, typos, exclusion, type filter):\n",
	    NQUERIES * 2, QUERY_RUNS);
	report("vertrouwd", lat, nl);
	report("postgresql", plat, npl);

	/* ---- relevance on the demo content ---- */
	struct search_env demo = {.lx = lx, .stem = env.stem};
	snprintf(dsn, sizeof(dsn), "sqlite:%s/demo.db", tmp);
	struct import_report rep;
	if (store_open(dsn, &demo.st, err, sizeof(err)) || store_migrate(demo.st, err, sizeof(err)) ||
	    content_import_dir(demo.st, &demo, "demo", NULL, &rep))
		return 1;
	demo.speller = speller_build(demo.st, 200000);
	printf(
	    "relevance (tests/search/relevance.tsv on the demo content): hit@3 vertrouwd %.1f%%, postgresql %.1f%%\n",
	    100 * our_relevance(&demo), 100 * pg_relevance(c, demo.st));
	PQfinish(c);
	return 0;
}
