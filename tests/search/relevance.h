/*
 * Reading tests/search/relevance.tsv (query, expected slugs, note), shared by
 * the quality test and the search benchmark.
 */
#ifndef VERTROUWD_TESTS_RELEVANCE_H
#define VERTROUWD_TESTS_RELEVANCE_H

#include <stdio.h>
#include <string.h>

struct relevance_query {
	char line[1024];
	const char *query;
	const char *expected; /* slugs separated by commas */
	const char *note;
};

/* The next query of f: 1, or 0 at the end. Comment lines and lines without a tab are skipped. */
static inline int relevance_next(FILE *f, struct relevance_query *q)
{
	while (f && fgets(q->line, sizeof(q->line), f)) {
		q->line[strcspn(q->line, "\r\n")] = '\0';
		char *tab = strchr(q->line, '\t');
		if (q->line[0] == '#' || !tab)
			continue;
		*tab = '\0';
		q->query = q->line;
		q->expected = tab + 1;
		char *note = strchr(tab + 1, '\t');
		if (note)
			*note++ = '\0';
		q->note = note ? note : "";
		return 1;
	}
	return 0;
}

/* Whether slug is one of the expected items. */
static inline int relevance_expected(const struct relevance_query *q, const char *slug)
{
	char list[1100], needle[256];
	snprintf(list, sizeof(list), ",%s,", q->expected);
	snprintf(needle, sizeof(needle), ",%s,", slug);
	return strstr(list, needle) != NULL;
}

#endif
