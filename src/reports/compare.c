/*
 * sdc_compare: last year's published figures beside this year's. Both come
 * from published tables only; a figure the comparison needs but a table does
 * not show (a theme group that one year shows theme by theme) is the sum of
 * that year's rows when its published figures pin that sum, and hidden
 * otherwise. A sum computed from anything else could be differenced with the
 * published rows (group minus the rows shown = the suppressed row), so it is
 * never made. Fails with ERR_INVALID, ERR_CONFLICT (the result would pin a
 * count: not to be shown) or ERR_NOMEM; out is then empty.
 */
#include <string.h>

#include "base/mem.h"
#include "reports/sdc_internal.h"

/* A figure of one year: rows of its table added up (one row, or a group's theme rows), or nothing there. */
struct source {
	size_t rows[64];
	size_t n;
	int zero; /* the row is absent from a table that lists every row with cases: 0 */
};

struct plan {
	const char *key, *label;
	struct source year[2]; /* 0: before, 1: now */
};

static long long find_row(const struct rtable *t, const char *key)
{
	for (size_t i = 0; i + 1 < t->nrows; i++)
		if (!strcmp(t->keys[i], key))
			return (long long) i;
	return -1;
}

/* The theme table's rows: theme by theme where both years show a group so, else the group. */
static size_t plan_themes(const struct rtable *t[2], struct plan *p)
{
	size_t n = 0, split[2][64], nsplit[2];
	for (int g = 0; g < SDC_GROUPS; g++) {
		for (int y = 0; y < 2; y++)
			nsplit[y] = sdc_theme_rows(t[y], g, split[y]);
		if (nsplit[0] && nsplit[1]) {
			for (int y = 1; y >= 0; y--) /* this year's themes, then last year's others */
				for (size_t i = 0; i < nsplit[y]; i++) {
					const char *key = t[y]->keys[split[y][i]];
					size_t k = 0;
					while (k < n && strcmp(p[k].key, key))
						k++;
					if (k < n)
						continue;
					p[n] = (struct plan){.key = key, .label = t[y]->rows[split[y][i]]};
					for (int z = 0; z < 2; z++) {
						long long r = find_row(t[z], key);
						p[n].year[z] = r < 0 ? (struct source){.zero = 1}
								     : (struct source){.rows = {(size_t) r}, .n = 1};
					}
					n++;
				}
			continue;
		}
		p[n] = (struct plan){.key = sdc_group_key(g), .label = sdc_group_label(g)};
		for (int y = 0; y < 2; y++) {
			long long r = find_row(t[y], p[n].key);
			if (r >= 0) {
				p[n].label = t[y]->rows[r];
				p[n].year[y] = (struct source){.rows = {(size_t) r}, .n = 1};
			} else {
				p[n].year[y].n = sdc_theme_rows(t[y], g, p[n].year[y].rows);
				p[n].year[y].zero = !p[n].year[y].n;
			}
		}
		n++;
	}
	return n;
}

/* Any other table: this year's rows, last year's row of the same key where it has one. */
static size_t plan_rows(const struct rtable *t[2], struct plan *p)
{
	size_t n = 0;
	for (size_t i = 0; i + 1 < t[1]->nrows; i++, n++) {
		long long r = find_row(t[0], t[1]->keys[i]);
		p[n] = (struct plan){.key = t[1]->keys[i], .label = t[1]->rows[i]};
		p[n].year[1] = (struct source){.rows = {i}, .n = 1};
		if (r >= 0)
			p[n].year[0] = (struct source){.rows = {(size_t) r}, .n = 1};
	}
	return n;
}

/* One figure: a copy of one published cell, a sum its table pins, 0, or hidden. */
static int figure(const struct rtable *t, struct sdc_lp **lp, const struct source *s, unsigned char *state,
		  long long *value)
{
	size_t last = t->ncols - 1, cells[64];
	int coef[64];
	*state = CELL_VALUE, *value = 0;
	if (s->zero)
		return 0;
	if (!s->n) {
		*state = CELL_HIDDEN;
		return 0;
	}
	if (s->n == 1) {
		*state = t->state[CELL(t, s->rows[0], last)];
		*value = t->value[CELL(t, s->rows[0], last)];
		return 0;
	}
	for (size_t i = 0; i < s->n; i++)
		cells[i] = CELL(t, s->rows[i], last), coef[i] = 1;
	long long lo, hi;
	int rc = *lp ? 0 : sdc_lp_open(lp, t);
	if (!rc)
		rc = sdc_lp_range(*lp, cells, coef, s->n, &lo, &hi);
	if (!rc && lo == hi)
		*value = lo;
	else
		*state = CELL_HIDDEN;
	return rc;
}

static int fill(struct arena *a, const struct rtable *t[2], const struct plan *p, size_t n, struct rtable *out)
{
	struct sdc_lp *lp[2] = {NULL, NULL};
	int rc = 0;
	out->nrows = n + 1, out->ncols = 2;
	out->rows = arena_calloc(a, n + 1, sizeof(char *));
	out->keys = arena_calloc(a, n + 1, sizeof(char *));
	out->value = arena_calloc(a, 2 * (n + 1), sizeof(long long));
	out->state = arena_calloc(a, 2 * (n + 1), 1);
	if (a->failed)
		return ERR_NOMEM;
	for (size_t i = 0; !rc && i < n; i++) {
		out->rows[i] = p[i].label, out->keys[i] = p[i].key;
		for (int y = 0; !rc && y < 2; y++)
			rc = figure(t[y], &lp[y], &p[i].year[y], &out->state[CELL(out, i, y)],
				    &out->value[CELL(out, i, y)]);
	}
	out->rows[n] = t[1]->rows[t[1]->nrows - 1], out->keys[n] = t[1]->keys[t[1]->nrows - 1];
	for (int y = 0; y < 2; y++) {
		size_t total = t[y]->nrows * t[y]->ncols - 1;
		out->state[CELL(out, n, y)] = t[y]->state[total];
		out->value[CELL(out, n, y)] = t[y]->value[total];
	}
	sdc_lp_close(lp[0]);
	sdc_lp_close(lp[1]);
	return rc;
}

int sdc_compare(struct arena *a, const struct rtable *now, const struct rtable *before, const char *now_label,
		const char *before_label, struct rtable *out)
{
	const struct rtable *t[2] = {before, now};
	struct plan *p = NULL;
	*out = (struct rtable){0};
	int rc = sdc_table_check(now);
	if (!rc)
		rc = sdc_table_check(before);
	if (!rc && (strcmp(now->id, before->id) || now->multi != before->multi || !now_label || !before_label))
		rc = ERR_INVALID;
	if (!rc && !(p = mem_calloc(now->nrows + before->nrows + SDC_GROUPS, sizeof(*p))))
		rc = ERR_NOMEM;
	if (!rc) {
		size_t n = strcmp(now->id, SDC_THEME_TABLE) ? plan_rows(t, p) : plan_themes(t, p);
		*out = (struct rtable){.id = now->id, .title = now->title, .col_totals = 1, .multi = now->multi};
		out->cols = arena_calloc(a, 2, sizeof(char *));
		if (!out->cols)
			rc = ERR_NOMEM;
		else
			out->cols[0] = before_label, out->cols[1] = now_label;
		if (!rc)
			rc = fill(a, t, p, n, out);
	}
	mem_free(p);
	/* Both columns only repeat what their own year published; check it anyway. */
	if (!rc)
		rc = sdc_audit(out, NULL);
	sdc_lp_done();
	if (rc)
		*out = (struct rtable){0};
	return rc == ERR_INVALID || rc == ERR_NOMEM ? rc : rc ? ERR_CONFLICT : 0;
}
