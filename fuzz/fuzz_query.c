/*
 * libFuzzer target for the search query parser: parse, expand synonyms and
 * build the FTS5 expression. Invariants: no crash, quotes in the expression
 * balanced, and every term inside quotes (nothing of the input reaches FTS5
 * as syntax).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "search/search.h"

static struct lexicon *lx;
static struct text_stemmer *stem;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void) argc;
	(void) argv;
	char err[256];
	if (lexicon_load("/usr/share/dict/dutch", "lexicon", &lx, err, sizeof(err)))
		abort();
	stem = text_stemmer_new();
	return stem ? 0 : -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char q[QUERY_MAX_BYTES + 64];
	if (size >= sizeof(q))
		size = sizeof(q) - 1;
	memcpy(q, data, size);
	q[size] = '\0';
	struct arena a = ARENA_INIT;
	struct query query;
	if (search_parse(lx, stem, q, &a, &query) == 0) {
		search_expand_synonyms(lx, &query, &a);
		const char *e = search_expression(&query, &a);
		size_t quotes = 0;
		for (const char *p = e; p && *p; p++) {
			if (*p == '"')
				quotes++;
			else if (!(quotes % 2) && !strchr("()* ANDORT", *p))
				abort(); /* outside quotes only our own operators */
		}
		if (quotes % 2)
			abort();
	}
	arena_free(&a);
	return 0;
}
