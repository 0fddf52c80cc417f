/*
 * sdc: statistical disclosure control for the annual report (issue 15,
 * domain.md "An annual report that cannot point to a person"). Pure C: it
 * decides which cells of the report's tables (reports/table.h) may be
 * published; reading the store and drawing pages, PDF and charts are the
 * caller's.
 *
 * The rules, as implemented:
 * - Primary suppression: a count of 1 to SDC_THRESHOLD - 1, a cell or a
 *   total, is shown as "< 5" (CELL_LOW). Rows are categories, columns groups
 *   of cases (a period, the year): a cell that holds all cases of its column,
 *   or theme rows of one group that together do, would let the zeros beside
 *   them say that everyone in that period shares the category; its (largest)
 *   cell is hidden (CELL_HIDDEN).
 * - Secondary suppression hides more cells (partners in the same row or
 *   column, or the other three corners of a rectangle) until the audit holds.
 * - The audit: for each suppressed cell of an additive table, two linear
 *   programs (GLPK) give the least and the greatest count that everything
 *   published still allows: the published cells and totals, counts >= 0, and
 *   1..4 for every "< 5". The threshold: a table is published only when
 *     a "< 5" cell can still be anything from 1 to 4 (its interval is no
 *     narrower than what "< 5" says: width 3),
 *     a hidden cell can still be SDC_THRESHOLD or more, and
 *     the column of an all-cases cell can still have SDC_THRESHOLD or more
 *     cases outside it.
 *   Any sum of suppressed cells that the figures pinned at 1-4 would pin
 *   its cells too, so no published cell, total or difference pins a count,
 *   or a sum of counts, under SDC_THRESHOLD. (The tables' constraint
 *   matrices are totally unimodular, so the bounds of the linear programs are
 *   whole numbers: the bounds an attacker counting in whole cases finds.) The
 *   attacker is assumed to know the figures and these rules, not the order
 *   in which the search tried cells. A table that cannot be protected is not
 *   published.
 * - Multi-valued lists ("cases with X") do not add up, so they are checked
 *   one count at a time against the number of cases: 1-4 is "< 5", and a
 *   count whose complement (cases without X) is 0-4 is hidden: it would say
 *   that (nearly) everyone shares X. Hidden there says no more than "< 5"
 *   would of the cases without X.
 *
 * Memory comes from the caller's arena. GLPK is used one problem per call,
 * freed before returning, with its terminal output off; each call ends with
 * glp_free_env(), which frees GLPK's per-thread state (this module is its
 * only user). GLPK has no error return for a failed allocation: it aborts.
 */
#ifndef VERTROUWD_REPORTS_SDC_H
#define VERTROUWD_REPORTS_SDC_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "reports/table.h"

#define SDC_THRESHOLD 5 /* 1..4 is "< 5"; no interval may pin a count under it */

/* For tests only: protection switched partly off, to show the audit finds the flaw. */
#define SDC_TEST_NO_SECONDARY 1u /* primary suppression only */

/* The interval a count can take given everything a table publishes; hi is SDC_UNBOUNDED when nothing caps it. */
struct sdc_range {
	long long lo, hi;
};
#define SDC_UNBOUNDED (-1LL)

/*
 * The attacker's view of a published table: into ranges (nrows * ncols, or
 * NULL) the least and greatest count of each cell that the published figures
 * allow. Returns 0 when every suppressed cell is protected as above (for
 * all-cases cells in the form an attacker can check: no column that provably
 * has cases can be proved to have them all in one row or one theme group);
 * ERR_CONFLICT when an interval pins a count; ERR_INVALID when the figures
 * contradict each other or the table is malformed; ERR_NOMEM.
 */
int sdc_audit(const struct rtable *t, struct sdc_range *ranges) WUR;

#endif
