/* Shared by the disclosure-control files of reports/; not for callers (they use sdc.h). */
#ifndef VERTROUWD_REPORTS_SDC_INTERNAL_H
#define VERTROUWD_REPORTS_SDC_INTERNAL_H

#include <stddef.h>

#include "base/err.h"
#include "reports/sdc.h"

/*
 * The linear programs of the audit. Every cell of the table is a variable;
 * each row and column that has a total is an equation (cells - total = 0). A
 * published cell is fixed at its value, a "< 5" bounded to 1..4, a hidden
 * cell (or a cell a multi-valued list hides) to 0..the number of cases when
 * the table says it, else 0 and up. Changing a cell's state changes only its
 * bounds, so one GLPK problem serves a whole search, warm-started.
 */
struct sdc_lp;

/* A problem for t's shape, bounded by its states and values: 0 or ERR_NOMEM. */
int sdc_lp_open(struct sdc_lp **lp, const struct rtable *t) WUR;
void sdc_lp_close(struct sdc_lp *lp);
/* Re-bound cell k after its state in the table changed (its value is read from the table). */
void sdc_lp_cell(struct sdc_lp *lp, size_t k);
/*
 * The least and greatest value of sum(coef[i] * x[cells[i]]) (the least
 * only when lo is not NULL): 0, or ERR_INVALID when the bounds and equations
 * have no solution. *hi is SDC_UNBOUNDED when nothing caps the sum.
 */
int sdc_lp_range(struct sdc_lp *lp, const size_t *cells, const int *coef, size_t n, long long *lo, long long *hi) WUR;
/*
 * How far the interval [lo, hi] of a cell in state (CELL_LOW or CELL_HIDDEN;
 * for a hidden all-cases cell, the interval of what its column has besides)
 * is from protecting it: 0 when it does (sdc.h's rules).
 */
long long sdc_shortfall(int state, long long lo, long long hi);
/* Frees GLPK's per-thread state: the last step of every public call that used a problem. */
void sdc_lp_done(void);

/* 0 when t is well-formed: shapes, states, values 0 where suppressed, published lines that add up; else ERR_INVALID. */
int sdc_table_check(const struct rtable *t) WUR;

/* The cells of table t, by row and column. */
#define CELL(t, i, j) ((i) * (t)->ncols + (j))

/*
 * A table while it is being protected: the rtable that will be published,
 * and what never leaves this module: the true counts, the cells that must
 * stay published because another table publishes them too, and the theme
 * group of each row (rows of one group that together hold all of a column's
 * cases say as much as one cell that does; -1: none).
 */
struct grid {
	struct rtable *t;
	long long *truth;
	unsigned char *locked;
	const int *group;
};

/*
 * Primary and secondary suppression of an additive table, then the audit
 * (sdc.h): fills g->t's states and values from g->truth. 0; ERR_CONFLICT when
 * no pattern passes the audit (the table is left all suppressed); ERR_NOMEM.
 * With SDC_TEST_NO_SECONDARY only the primary rules run.
 */
int sdc_protect(struct grid *g, unsigned flags) WUR;
/* A multi-valued list: "< 5" for 1-4, hidden where the complement is under SDC_THRESHOLD. */
void sdc_protect_list(struct grid *g);
/* How many interior cells (not totals) are suppressed, and whether a total of a column is. */
size_t sdc_suppressed(const struct rtable *t, int *total_hidden);

/* The id of the theme table, the one whose rows nest in theme groups. */
#define SDC_THEME_TABLE "thema"

/* The theme groups (groups.c), numbered 0..SDC_GROUPS-1; SDC_NO_THEME is the key of cases without a theme. */
#define SDC_GROUPS   4
#define SDC_NO_THEME "geen"
/* The place of a theme code in its group's list (own themes after the fixed ones), its group into *group; -1 if unknown. */
int sdc_theme_rank(const char *code, int *group);
/* The group of a theme code, or -1. */
int sdc_theme_group(const char *code);
/* A group's row key ("groep-integriteit") and label ("Integriteit"); NULL outside 0..SDC_GROUPS-1. */
const char *sdc_group_key(int group);
const char *sdc_group_label(int group);
/* The group a row key stands for: a theme's group, or the group of a "groep-" key (*is_group_row set); -1 for others. */
int sdc_key_group(const char *key, int *is_group_row);
/* The rows of t (not the total) that are themes of group, into rows (room for t->nrows); how many. */
size_t sdc_theme_rows(const struct rtable *t, int group, size_t *rows);

#endif
