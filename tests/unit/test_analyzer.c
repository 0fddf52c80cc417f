/* The Dutch analyzer and the query language (needs the word list: apt-get install wdutch). */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>

#include "search/search.h"
#include "text/text.h"

static struct lexicon *lx;
static struct text_stemmer *stem;

static int setup(void **state)
{
	char err[512];
	if (lexicon_load("/usr/share/dict/dutch", "lexicon", &lx, err, sizeof(err))) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	stem = text_stemmer_new();
	return stem ? 0 : -1;
}

static int teardown(void **state)
{
	text_stemmer_free(stem);
	lexicon_free(lx);
	return 0;
}

static void folding(void **state)
{
	char out[64];
	const char *cases[][2] = {
	    {"Coördinator", "coordinator"},
	    {"ÉÉN", "een"},
	    {"Ĳsselmeer", "ijsselmeer"},
	    {"ideeën", "ideeen"},
	    {"coo\xcc\x88rdinator", "coordinator"}, /* o + combining diaeresis */
	    {"café", "cafe"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		text_fold(cases[i][0], strlen(cases[i][0]), out, sizeof(out));
		assert_string_equal(out, cases[i][1]);
	}
}

static const char *words_of(const char *text, struct arena *a)
{
	struct token *t;
	size_t n;
	assert_int_equal(text_tokens(lx, text, strlen(text), 1000, a, &t, &n), 0);
	char *out = arena_alloc(a, 1024);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		strncat(out, t[i].stop ? "_" : "", 1023 - strlen(out));
		strncat(out, t[i].word, 1023 - strlen(out));
		strncat(out, i + 1 < n ? " " : "", 1023 - strlen(out));
	}
	return out;
}

static void tokens(void **state)
{
	struct arena a = ARENA_INIT;
	assert_string_equal(words_of("Auto's en e-mail, 2023!", &a), "autos _en e mail 2023");
	assert_string_equal(words_of("'s Middags: de VP’s", &a), "s middags _de vps");
	assert_string_equal(words_of("  ", &a), "");
	struct token *t;
	size_t n;
	assert_int_equal(text_tokens(lx, "a b c d", 7, 3, &a, &t, &n), ERR_TOO_LARGE);
	arena_free(&a);
}

static const char *terms_of(const char *text, struct arena *a)
{
	struct term *t;
	size_t n;
	assert_int_equal(text_analyze(lx, stem, text, strlen(text), 1000, a, &t, &n), 0);
	char *out = arena_alloc(a, 2048);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		strncat(out, i ? " " : "", 2047 - strlen(out));
		strncat(out, t[i].part ? "+" : "", 2047 - strlen(out));
		strncat(out, t[i].text, 2047 - strlen(out));
	}
	return out;
}

static void analysis(void **state)
{
	struct arena a = ARENA_INIT;
	assert_string_equal(terms_of("werkpesten", &a), "werkpest +werk +pest");
	assert_string_equal(terms_of("pesten op het werk", &a), "pest werk");
	assert_string_equal(terms_of("klokkenluidersregeling", &a), "klokkenluidersregel +klokkenluider +regel");
	assert_string_equal(terms_of("gesprekje gesprekken", &a), "gesprek gesprek");
	assert_string_equal(terms_of("vertrouwen verdieping behandeling", &a), "vertrouw verdiep behandel");
	assert_string_equal(terms_of("Coördinator", &a), terms_of("coordinator", &a));
	arena_free(&a);
}

static void no_over_splitting(void **state)
{
	char parts[TEXT_MAX_PARTS][TEXT_MAX_WORD];
	const char *simple[] = {"vertrouwen", "verdieping", "integriteit",   "gesprekken", "ondersteuning",
				"ongewenst",  "regeling",   "discriminatie", "werken"};
	for (size_t i = 0; i < sizeof(simple) / sizeof(simple[0]); i++)
		if (text_split(lx, simple[i], parts))
			fail_msg("%s split into %s + %s", simple[i], parts[0], parts[1]);
	assert_int_equal(text_split(lx, "arbeidsomstandigheden", parts), 2);
	assert_string_equal(parts[0], "arbeid");
	assert_string_equal(parts[1], "omstandigheden");
}

static void query_language(void **state)
{
	struct arena a = ARENA_INIT;
	struct query q;
	assert_int_equal(search_parse(lx, stem, "\"vertrouwelijk tenzij\" pesten -school klokk* de", &a, &q), 0);
	assert_int_equal(q.n, 4);
	assert_int_equal(q.clauses[0].kind, CLAUSE_PHRASE);
	assert_int_equal(q.clauses[0].n, 2);
	assert_int_equal(q.clauses[1].kind, CLAUSE_WORD);
	assert_true(q.clauses[2].negative);
	assert_int_equal(q.clauses[3].kind, CLAUSE_PREFIX);
	char *e = search_expression(&q, &a);
	assert_non_null(e);
	assert_string_equal(e, "((\"vertrouw tenzij\") AND (\"pest\") AND (\"klokk\" *)) NOT ((\"schol\"))");
	/* Compound words also match their parts. */
	assert_int_equal(search_parse(lx, stem, "werkpesten", &a, &q), 0);
	assert_string_equal(search_expression(&q, &a), "(\"werkpest\" OR (\"werk\" AND \"pest\"))");
	/* Only stop words, punctuation or only exclusions: nothing to match. */
	assert_int_equal(search_parse(lx, stem, "de het een !!", &a, &q), 0);
	assert_null(search_expression(&q, &a));
	assert_int_equal(search_parse(lx, stem, "-pesten", &a, &q), 0);
	assert_null(search_expression(&q, &a));
	/* Hostile input stays inside quotes. */
	assert_int_equal(search_parse(lx, stem, "a\" OR * NEAR(x y) \"", &a, &q), 0);
	e = search_expression(&q, &a);
	assert_true(e == NULL || strstr(e, "NEAR") == NULL);
	char big[QUERY_MAX_BYTES + 10];
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(search_parse(lx, stem, big, &a, &q), ERR_TOO_LARGE);
	arena_free(&a);
}

static void synonyms(void **state)
{
	struct arena a = ARENA_INIT;
	struct query q;
	assert_int_equal(search_parse(lx, stem, "vp", &a, &q), 0);
	search_expand_synonyms(lx, &q, &a);
	assert_contains(search_expression(&q, &a), "\"vertrouwensperson\"");
	assert_int_equal(search_parse(lx, stem, "ongewenste omgangsvormen melden", &a, &q), 0);
	search_expand_synonyms(lx, &q, &a);
	assert_int_equal(q.n, 2);
	assert_contains(search_expression(&q, &a), "\"grensoverschrijd gedrag\"");
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(folding),		 cmocka_unit_test(tokens),	   cmocka_unit_test(analysis),
	    cmocka_unit_test(no_over_splitting), cmocka_unit_test(query_language), cmocka_unit_test(synonyms),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
