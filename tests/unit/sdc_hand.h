/* Shared by the reports/sdc tests: an additive table made by hand, with its true counts. */
#ifndef VERTROUWD_TEST_SDC_HAND_H
#define VERTROUWD_TEST_SDC_HAND_H

#include "reports/sdc_internal.h"

/*
 * nr x nc interior cells (row-major in cells), totals added, labels r0.. and
 * c0.., the number of cases locked; all in a, nothing published yet.
 */
static inline struct rtable *hand(struct arena *a, struct grid *g, size_t nr, size_t nc, const long long *cells)
{
	size_t rows = nr + 1, cols = nc + 1;
	struct rtable *t = arena_calloc(a, 1, sizeof(*t));
	*t = (struct rtable){
	    .id = "hand", .title = "Hand", .nrows = rows, .ncols = cols, .row_totals = 1, .col_totals = 1};
	t->rows = arena_calloc(a, rows, sizeof(char *));
	t->keys = arena_calloc(a, rows, sizeof(char *));
	t->cols = arena_calloc(a, cols, sizeof(char *));
	t->value = arena_calloc(a, rows * cols, sizeof(long long));
	t->state = arena_calloc(a, rows * cols, 1);
	*g = (struct grid){.t = t,
			   .truth = arena_calloc(a, rows * cols, sizeof(long long)),
			   .locked = arena_calloc(a, rows * cols, 1)};
	for (size_t i = 0; i < rows; i++)
		t->rows[i] = t->keys[i] = arena_printf(a, "r%zu", i);
	for (size_t j = 0; j < cols; j++)
		t->cols[j] = arena_printf(a, "c%zu", j);
	for (size_t i = 0; i < nr; i++)
		for (size_t j = 0; j < nc; j++) {
			long long v = cells[i * nc + j];
			g->truth[CELL(t, i, j)] = v;
			g->truth[CELL(t, i, nc)] += v;
			g->truth[CELL(t, nr, j)] += v;
			g->truth[CELL(t, nr, nc)] += v;
		}
	g->locked[rows * cols - 1] = 1;
	return t;
}

#endif
