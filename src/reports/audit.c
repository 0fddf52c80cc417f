/*
 * sdc_audit: a published table seen as an attacker sees it, with nothing
 * but what it publishes. Also the shape check every reader of a stored table
 * relies on. Fails with ERR_INVALID (a malformed or contradictory table),
 * ERR_CONFLICT (a count pinned) or ERR_NOMEM; ranges are then partly filled.
 */
#include <string.h>

#include "base/mem.h"
#include "reports/sdc_internal.h"

/* The largest table a stored report may hold (the theme table has about 20 rows). */
#define MAX_ROWS 64
#define MAX_COLS 16

static int line_adds_up(const struct rtable *t, size_t first, size_t step, size_t n)
{
	long long sum = 0;
	for (size_t i = 0; i < n; i++) {
		size_t k = first + i * step;
		if (t->state[k] != CELL_VALUE)
			return 1; /* the audit's problem says whether the rest fits */
		if (i + 1 < n)
			sum += t->value[k];
		else
			return sum == t->value[k];
	}
	return 1;
}

int sdc_table_check(const struct rtable *t)
{
	if (!t->id || !t->title || !t->rows || !t->cols || !t->keys || !t->value || !t->state)
		return ERR_INVALID;
	if (t->nrows < 1 || t->nrows > MAX_ROWS || t->ncols < 1 || t->ncols > MAX_COLS)
		return ERR_INVALID;
	if (t->multi && (t->row_totals || !t->col_totals))
		return ERR_INVALID;
	if ((t->row_totals && t->ncols < 2) || (t->col_totals && t->nrows < 2))
		return ERR_INVALID;
	for (size_t i = 0; i < t->nrows; i++)
		if (!t->rows[i] || !t->keys[i])
			return ERR_INVALID;
	for (size_t j = 0; j < t->ncols; j++)
		if (!t->cols[j])
			return ERR_INVALID;
	for (size_t k = 0; k < t->nrows * t->ncols; k++) {
		if (t->state[k] > CELL_HIDDEN || t->value[k] < 0 || (t->state[k] != CELL_VALUE && t->value[k]))
			return ERR_INVALID;
	}
	for (size_t i = 0; !t->multi && t->row_totals && i < t->nrows; i++)
		if (!line_adds_up(t, CELL(t, i, 0), 1, t->ncols))
			return ERR_INVALID;
	for (size_t j = 0; !t->multi && t->col_totals && j < t->ncols; j++)
		if (!line_adds_up(t, j, t->ncols, t->nrows))
			return ERR_INVALID;
	return 0;
}

/*
 * Whether some cell of column j outside rows[0..n) may be positive (its
 * greatest count is not 0). Counts are never negative, so the column's total
 * minus the set can be 1 or more exactly when one of them can: the single
 * cells' ranges decide it.
 */
static int others_may_count(const struct rtable *t, const struct sdc_range *r, size_t j, const size_t *rows, size_t n)
{
	for (size_t i = 0, in = 0; i + 1 < t->nrows; i++) {
		if (in < n && rows[in] == i)
			in++;
		else if (r[CELL(t, i, j)].hi != 0)
			return 1;
	}
	return 0;
}

/*
 * No column that provably has cases can be proved to have them all in one
 * row, or in the rows of one theme group (of two rows or more, not all).
 * A column that may be empty says nothing about anyone; where it is not,
 * sdc_build protects it.
 */
static int groups_hold(const struct rtable *t, const struct sdc_range *r)
{
	size_t rows[64];
	for (size_t j = 0; !t->multi && t->col_totals && t->nrows > 2 && j < t->ncols; j++) {
		if (r[CELL(t, t->nrows - 1, j)].lo == 0)
			continue;
		for (size_t i = 0; i + 1 < t->nrows; i++)
			if (!others_may_count(t, r, j, &i, 1))
				return 0;
		for (int g = 0; g < SDC_GROUPS; g++) {
			size_t n = sdc_theme_rows(t, g, rows);
			if (n >= 2 && n + 1 < t->nrows && !others_may_count(t, r, j, rows, n))
				return 0;
		}
	}
	return 1;
}

/* Every cell's range into r; 0 with *ok cleared when one pins a count, or an error. */
static int audit(const struct rtable *t, struct sdc_lp *lp, struct sdc_range *r, int *ok)
{
	for (size_t k = 0; k < t->nrows * t->ncols; k++) {
		r[k] = (struct sdc_range){t->value[k], t->value[k]};
		if (t->state[k] == CELL_VALUE)
			continue;
		int rc = sdc_lp_range(lp, &k, (int[]){1}, 1, &r[k].lo, &r[k].hi);
		if (rc)
			return rc;
		if (sdc_shortfall(t->state[k], r[k].lo, r[k].hi))
			*ok = 0;
	}
	if (!groups_hold(t, r))
		*ok = 0;
	return 0;
}

int sdc_audit(const struct rtable *t, struct sdc_range *ranges)
{
	int rc = sdc_table_check(t), ok = 1;
	if (rc)
		return rc;
	struct sdc_range *r = ranges ? ranges : mem_calloc(t->nrows * t->ncols, sizeof(*r));
	struct sdc_lp *lp = NULL;
	rc = r ? sdc_lp_open(&lp, t) : ERR_NOMEM;
	if (!rc)
		rc = audit(t, lp, r, &ok);
	sdc_lp_close(lp);
	sdc_lp_done();
	if (!ranges)
		mem_free(r);
	return rc ? rc : ok ? 0 : ERR_CONFLICT;
}
