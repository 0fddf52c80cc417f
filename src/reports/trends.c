/*
 * National trends (reports.h): theme groups over the years, summed from the
 * published theme tables of released reports, never from cases. Owns the
 * rule that a sum is shown only when all its parts were published as counts.
 * Fails with ERR_DB, ERR_NOMEM, or ERR_INVALID for a stored report that does
 * not read back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/dates.h"
#include "reports/reports.h"
#include "reports/sdc_internal.h"

#define MAX_YEARS 40

struct year {
	int year;
	size_t norgs;
	long long sum[SDC_GROUPS + 1]; /* the groups, then all cases */
	int unknown[SDC_GROUPS + 1];
};

/* The theme table's whole-year column: its total column when it has periods. */
static size_t year_col(const struct rtable *t)
{
	return t->row_totals ? t->ncols - 1 : 0;
}

/* Add one published theme table to y: a group's figure is its row, or its theme rows added up. */
static void add(struct year *y, const struct rtable *t)
{
	size_t col = year_col(t);
	for (int g = 0; g <= SDC_GROUPS; g++) { /* a group without rows had no cases: 0 */
		long long sum = 0;
		int unknown = 0;
		for (size_t i = 0; i < t->nrows; i++) {
			int is_group, total = i + 1 == t->nrows;
			int belongs = g == SDC_GROUPS ? total : !total && sdc_key_group(t->keys[i], &is_group) == g;
			if (!belongs)
				continue;
			size_t k = i * t->ncols + col;
			if (t->state[k] == CELL_VALUE)
				sum += t->value[k];
			else
				unknown = 1;
		}
		y->sum[g] += sum;
		y->unknown[g] |= unknown;
	}
	y->norgs++;
}

static struct year *year_of(struct year *years, size_t *n, int year)
{
	for (size_t i = 0; i < *n; i++)
		if (years[i].year == year)
			return &years[i];
	if (*n == MAX_YEARS)
		return NULL;
	years[*n] = (struct year){.year = year};
	return &years[(*n)++];
}

static int by_year(const void *a, const void *b)
{
	return ((const struct year *) a)->year - ((const struct year *) b)->year;
}

/* The table: rows the groups and "Totaal", a column per year with enough organisations. */
static int table(struct arena *a, const struct year *years, size_t n, struct rtable *t)
{
	size_t cols = 0;
	for (size_t i = 0; i < n; i++)
		cols += years[i].norgs >= REPORT_TREND_MIN_ORGS;
	*t = (struct rtable){.id = "landelijk",
			     .title = "Zaken per themagroep per jaar",
			     .nrows = SDC_GROUPS + 1,
			     .ncols = cols,
			     .col_totals = 1};
	if (!cols)
		return 0;
	t->rows = arena_calloc(a, t->nrows, sizeof(*t->rows));
	t->keys = arena_calloc(a, t->nrows, sizeof(*t->keys));
	t->cols = arena_calloc(a, cols, sizeof(*t->cols));
	t->value = arena_calloc(a, t->nrows * cols, sizeof(*t->value));
	t->state = arena_calloc(a, t->nrows * cols, sizeof(*t->state));
	if (!t->rows || !t->keys || !t->cols || !t->value || !t->state)
		return ERR_NOMEM;
	for (int g = 0; g < SDC_GROUPS; g++)
		t->rows[g] = sdc_group_label(g), t->keys[g] = sdc_group_key(g);
	t->rows[SDC_GROUPS] = "Totaal", t->keys[SDC_GROUPS] = "totaal";
	size_t c = 0;
	for (size_t i = 0; i < n; i++) {
		if (years[i].norgs < REPORT_TREND_MIN_ORGS)
			continue;
		if (!(t->cols[c] = arena_printf(a, "%d", years[i].year)))
			return ERR_NOMEM;
		for (int g = 0; g <= SDC_GROUPS; g++) {
			size_t k = (size_t) g * cols + c;
			t->state[k] = years[i].unknown[g] ? CELL_HIDDEN : CELL_VALUE;
			t->value[k] = years[i].unknown[g] ? 0 : years[i].sum[g];
		}
		c++;
	}
	return 0;
}

int reports_trends(struct store *st, struct arena *a, int public, long long now, struct rtable *out, size_t *norgs)
{
	struct annual_report *reps;
	size_t n, nyears = 0;
	struct year years[MAX_YEARS];
	*norgs = 0;
	*out = (struct rtable){0};
	int rc = reports_released(st, a, public ? 0 : -1, &reps, &n);
	long long last_org = 0;
	char today[11], released[11], cutoff[16];
	date_local_today(now, today);
	for (size_t i = 0; !rc && i < n; i++) {
		struct rtable *tables;
		size_t ntables;
		/* A year is fixed on 1 July after it: later releases would change its sums by one report. */
		snprintf(cutoff, sizeof(cutoff), "%04u-07-01", (unsigned) (reps[i].year + 1) % 10000u);
		date_local_today(reps[i].released_at, released);
		if (strcmp(today, cutoff) < 0 || strcmp(released, cutoff) >= 0)
			continue;
		if ((rc = sdc_from_json(a, reps[i].published, &tables, &ntables)))
			break;
		*norgs += reps[i].org_id != last_org;
		last_org = reps[i].org_id;
		for (size_t k = 0; k < ntables; k++) {
			struct year *y = strcmp(tables[k].id, "thema") ? NULL : year_of(years, &nyears, reps[i].year);
			if (y)
				add(y, &tables[k]);
		}
	}
	if (rc)
		return rc;
	qsort(years, nyears, sizeof(years[0]), by_year);
	return table(a, years, nyears, out);
}
