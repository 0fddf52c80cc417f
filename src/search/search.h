/*
 * search: the index and the query language, built on text/ (the analyzer) and
 * store/search.h (where the terms live).
 *
 * Query language: words (all must match), "a phrase", -excluded words, and
 * prefix* for autocomplete. Each word also matches its compound parts ("werk
 * pesten" finds "werkpesten" and the other way round), its synonyms
 * (lexicon/synonyms.txt) and, when it does not occur in the index, the words of
 * the index within 1 typo (5+ letters) or 2 typos (9+ letters).
 */
#ifndef VERTROUWD_SEARCH_SEARCH_H
#define VERTROUWD_SEARCH_SEARCH_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/items.h"
#include "store/search.h"
#include "text/text.h"

struct store;
struct speller;
struct strmap;

/* Everything a search needs in one thread. */
struct search_env {
	struct store *st;
	const struct lexicon *lx;
	struct text_stemmer *stem;
	struct speller *speller; /* shared, may be NULL (no typo tolerance) */
	struct strmap *pending;	 /* set by search_reindex: words are counted here and written once */
};

/* Markdown as plain text (link targets and markup dropped), in the arena. */
char *search_plain(struct arena *a, const char *md);
/* Index one published item and add its words to the vocabulary; any other status takes it out. */
int search_index_item(struct search_env *env, const struct item *it) WUR;
/* Rebuild the whole index in one transaction; progress (may be NULL) after each item. */
int search_reindex(struct search_env *env, void (*progress)(int done, int total), int *count) WUR;

/* ---- queries ---- */

enum clause_kind { CLAUSE_WORD, CLAUSE_PHRASE, CLAUSE_PREFIX };

struct clause {
	enum clause_kind kind;
	int negative;
	const char **words; /* folded, as typed (diminutives made base) */
	const char **stems;
	size_t n;
	const char *parts[TEXT_MAX_PARTS]; /* compound parts (stems) of a single word */
	int nparts;
	const char **alts; /* extra alternatives: synonym or typo stems; "a b" for a phrase */
	size_t nalts;
	const char *corrected; /* the word a typo was corrected to, for "Bedoelde je" */
};

struct query {
	struct clause *clauses;
	size_t n;
};

#define QUERY_MAX_BYTES	  512
#define QUERY_MAX_CLAUSES 32

/*
 * Parse q into clauses (words folded, stemmed and split; stop words dropped).
 * Returns 0, ERR_TOO_LARGE (over QUERY_MAX_BYTES or QUERY_MAX_CLAUSES) or
 * ERR_NOMEM. An empty result (only stop words or punctuation) is not an error.
 */
int search_parse(const struct lexicon *lx, struct text_stemmer *stem, const char *q, struct arena *a,
		 struct query *out) WUR;
/* Add synonym alternatives to the clauses (multi-word synonyms join clauses). */
void search_expand_synonyms(const struct lexicon *lx, struct query *q, struct arena *a);
/* The FTS5 expression for q, or NULL when nothing positive is left to match. */
char *search_expression(const struct query *q, struct arena *a);

struct search_result {
	struct search_hit *hits;
	size_t n;
	long long total;
	const char *suggestion; /* "Bedoelde je ...?" text, or NULL */
	const char **highlight; /* stems to mark in snippets */
	size_t nhighlight;
	const char *match; /* the expression used (for facets) */
};

/*
 * Run a query with the filter: parse, expand synonyms, correct words the
 * index does not know, rank. An empty or unusable query gives no hits (not an
 * error).
 */
int search_run(struct search_env *env, const char *q, const struct item_filter *f, long long offset, int limit,
	       struct arena *a, struct search_result *res) WUR;

/* "1 resultaat", "25 resultaten", or "meer dan 2.000 resultaten" past the depth. */
const char *search_total_label(long long total, struct arena *a);

/* One piece of a snippet: text, and whether it is a hit to mark. */
struct snippet_part {
	const char *text;
	int hit;
};

/* A snippet of about `words` words from text (Markdown) around the most hits. */
int search_snippet(struct search_env *env, const char *text, const struct search_result *res, int words,
		   struct arena *a, struct snippet_part **parts, size_t *n) WUR;

/* ---- typo tolerance (search/spell.c) ---- */

/* Build a speller from the store's vocabulary; NULL on failure or an empty vocabulary. */
struct speller *speller_build(struct store *st, long long max_words);
void speller_free(struct speller *sp);
/*
 * The best vocabulary word within the allowed edit distance of word (1 for 5+
 * letters, 2 for 9+), by distance then frequency; NULL when none.
 */
const char *speller_correct(const struct speller *sp, const char *word);
/* Up to max vocabulary words starting with prefix, most frequent first. */
size_t speller_complete(const struct speller *sp, const char *prefix, const char **out, size_t max);

#endif
