/*
 * The search index in the store: analysed terms per item (FTS5 on SQLite),
 * ranked queries with filters, facet counts, and the word vocabulary.
 *
 * Queries are FTS5 expressions built by search/ from analysed terms and are
 * always bound as parameters. Only published items are in the index (search/
 * removes the others), and queries check the status again.
 */
#ifndef VERTROUWD_STORE_SEARCH_H
#define VERTROUWD_STORE_SEARCH_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/items.h"

struct store;

/* Replace the index entry of item id with these term strings (space-separated). */
int store_search_put(struct store *st, long long id, const char *title, const char *lead, const char *body,
		     const char *parts) WUR;
/* Take item id out of the index (drafts and archived items are never indexed). */
int store_search_remove(struct store *st, long long id) WUR;
/* How many items the index holds. */
int store_search_size(struct store *st, long long *n) WUR;
/* Empty the index and the vocabulary (before a reindex). */
int store_search_clear(struct store *st) WUR;
/* Add occurrences of folded words to the vocabulary: a JSON object of word to count, in one statement. */
int store_search_words_add(struct store *st, const char *counts) WUR;
/* Call fn for every vocabulary word with its frequency, most frequent first, at most limit. */
int store_search_words(struct store *st, long long min_freq, long long limit,
		       int (*fn)(void *ctx, const char *word, long long freq), void *ctx) WUR;
/* Whether a term occurs in the index at all. */
int store_search_has_term(struct store *st, const char *term, int *has) WUR;

struct search_hit {
	struct item item; /* without body */
	double score;	  /* lower is better (bm25 with a recency boost) */
};

struct search_facet {
	const char *key;   /* type name or category slug */
	const char *label; /* category name (types: NULL) */
	long long count;
};

/*
 * Published items matching the FTS5 expression and the filter, best first.
 * Only the newest matches are counted and ranked, up to the depth below:
 * *total gets their number, or depth + 1 when there are more (see
 * store_search_more()).
 */
int store_search(struct store *st, struct arena *a, const char *match, const struct item_filter *f, long long offset,
		 int limit, struct search_hit **hits, size_t *n, long long *total) WUR;
/*
 * Count and rank at most the depth newest matches of a search (default 2000;
 * <= 0: all). For tests and benchmarks.
 */
void store_search_set_depth(long depth);
long store_search_depth(void);
/* Whether a total from store_search() stands for "more than the depth". */
int store_search_more(long long total);
/* Match counts per type and per category for the expression (no filter). */
int store_search_facets(struct store *st, struct arena *a, const char *match, struct search_facet **types,
			size_t *ntypes, struct search_facet **cats, size_t *ncats) WUR;
/* The body (Markdown) and lead of a published item, for snippets. */
int store_item_text(struct store *st, struct arena *a, long long id, const char **lead, const char **body) WUR;

#endif
