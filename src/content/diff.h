/* A line diff between two revisions, for the editor's "what changed". */
#ifndef VERTROUWD_CONTENT_DIFF_H
#define VERTROUWD_CONTENT_DIFF_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"

#define DIFF_MAX_LINES 4000 /* per side; longer texts are refused with ERR_TOO_LARGE */

struct diff_line {
	char op; /* ' ' in both, '-' only in the old text, '+' only in the new one */
	const char *text;
	size_t len;
};

/*
 * The shortest line edit from old to new (longest common subsequence), in the
 * arena: unchanged lines in order, each removal before the addition that
 * replaces it. ERR_TOO_LARGE beyond DIFF_MAX_LINES lines per side.
 */
int diff_lines(struct arena *a, const char *old, const char *new, struct diff_line **out, size_t *n) WUR;

#endif
