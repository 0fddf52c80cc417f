/*
 * reports/sdc: suppression and the audit's intervals on small hand-made
 * tables.
 */
#include "testutil.h"

#include "reports/sdc.h"
#include "reports/sdc_internal.h"
#include "sdc_hand.h"

/* Publish a hand table as given: states from a string per cell ('v', 'l', 'x'), values from truth. */
static void publish_as(struct grid *g, const char *states)
{
	for (size_t k = 0; k < g->t->nrows * g->t->ncols; k++) {
		g->t->state[k] = states[k] == 'l' ? CELL_LOW : states[k] == 'x' ? CELL_HIDDEN : CELL_VALUE;
		g->t->value[k] = states[k] == 'v' ? g->truth[k] : 0;
	}
}

/* A cell of 3 is "< 5", and its row and its column each get a second suppressed cell. */
static void low_cell_and_partners(void **state)
{
	struct arena a = ARENA_INIT;
	struct grid g;
	const long long cells[] = {3, 10, 12, 8, 9, 11, 7, 6, 14};
	struct rtable *t = hand(&a, &g, 3, 3, cells);
	assert_int_equal(sdc_protect(&g, 0), 0);
	assert_int_equal(t->state[CELL(t, 0, 0)], CELL_LOW);
	assert_int_equal(t->value[CELL(t, 0, 0)], 0);
	size_t in_row = 0, in_col = 0;
	for (size_t j = 1; j < 3; j++)
		in_row += t->state[CELL(t, 0, j)] != CELL_VALUE;
	for (size_t i = 1; i < 3; i++)
		in_col += t->state[CELL(t, i, 0)] != CELL_VALUE;
	assert_true(in_row >= 1 && in_col >= 1);
	for (size_t k = 0; k < 16; k++) /* totals stay, and what is shown is true */
		if (t->state[k] == CELL_VALUE)
			assert_int_equal(t->value[k], g.truth[k]);
	for (size_t j = 0; j < 4; j++)
		assert_int_equal(t->state[CELL(t, 3, j)], CELL_VALUE);
	assert_int_equal(sdc_audit(t, NULL), 0);
	/* Without secondary suppression the 3 is the row total minus the rest. */
	assert_int_equal(sdc_protect(&g, SDC_TEST_NO_SECONDARY), 0);
	struct sdc_range r[16];
	assert_int_equal(sdc_audit(t, r), ERR_CONFLICT);
	assert_int_equal(r[0].lo, 3);
	assert_int_equal(r[0].hi, 3);
	arena_free(&a);
}

/* The intervals of the audit, worked out by hand. */
static void intervals_by_hand(void **state)
{
	struct arena a = ARENA_INIT;
	struct grid g;
	struct sdc_range r[16];
	/* 2x2, only the totals shown: a in 1..4 makes b = 10-a, c = 11-a, d = 9+a. */
	struct rtable *t = hand(&a, &g, 2, 2, (const long long[]){3, 7, 8, 12});
	publish_as(&g, "lxv"
		       "xxv"
		       "vvv");
	assert_int_equal(sdc_audit(t, r), 0);
	assert_int_equal(r[CELL(t, 0, 0)].lo, 1), assert_int_equal(r[CELL(t, 0, 0)].hi, 4);
	assert_int_equal(r[CELL(t, 0, 1)].lo, 6), assert_int_equal(r[CELL(t, 0, 1)].hi, 9);
	assert_int_equal(r[CELL(t, 1, 0)].lo, 7), assert_int_equal(r[CELL(t, 1, 0)].hi, 10);
	assert_int_equal(r[CELL(t, 1, 1)].lo, 10), assert_int_equal(r[CELL(t, 1, 1)].hi, 13);
	/* 3x3: the "< 5" and its partner b share a row residual of 3, so a <= 3 and b <= 2. */
	t = hand(&a, &g, 3, 3, (const long long[]){2, 1, 9, 9, 6, 6, 10, 10, 10});
	publish_as(&g, "lxvv"
		       "xxvv"
		       "vvvv"
		       "vvvv");
	assert_int_equal(sdc_audit(t, r), ERR_CONFLICT);
	assert_int_equal(r[CELL(t, 0, 0)].lo, 1), assert_int_equal(r[CELL(t, 0, 0)].hi, 3);
	assert_int_equal(r[CELL(t, 0, 1)].lo, 0), assert_int_equal(r[CELL(t, 0, 1)].hi, 2);
	assert_int_equal(r[CELL(t, 1, 0)].lo, 8), assert_int_equal(r[CELL(t, 1, 0)].hi, 10);
	assert_int_equal(r[CELL(t, 1, 1)].lo, 5), assert_int_equal(r[CELL(t, 1, 1)].hi, 7);
	/* The protection finds a pattern that holds for the same counts. */
	assert_int_equal(sdc_protect(&g, 0), 0);
	assert_int_equal(sdc_audit(t, r), 0);
	for (size_t k = 0; k < 16; k++)
		assert_true(r[k].lo <= g.truth[k] && (r[k].hi == SDC_UNBOUNDED || g.truth[k] <= r[k].hi));
	/* Figures that contradict each other are no table. */
	publish_as(&g, "lxvv"
		       "xxvv"
		       "vvvv"
		       "vvvv");
	t->value[CELL(t, 0, 2)] = 12;
	assert_int_equal(sdc_audit(t, r), ERR_INVALID);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(low_cell_and_partners),
	    cmocka_unit_test(intervals_by_hand),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
