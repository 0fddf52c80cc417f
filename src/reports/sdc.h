/*
 * sdc: statistical disclosure control for the annual report (issue 15,
 * domain.md "An annual report that cannot point to a person"). Pure C: it
 * takes the coarse statistics of one organisation's cases in one year and
 * returns the tables that may be published (reports/table.h); reading the
 * store and drawing pages, PDF and charts are the caller's.
 *
 * The rules, as implemented:
 * - Cases are counted, not contacts. Under SDC_MIN_CASES cases in the year no
 *   table at all (the report is prose only); a table over a smaller group of
 *   cases (the deadlines of formal reports) is left out below it too.
 * - Before anything is suppressed, rare themes are merged into their group
 *   and time is coarsened. A group is shown theme by theme only when each of
 *   its themes with cases has at least SDC_THRESHOLD cases per period on
 *   average; the theme table is tried by quarter, then half year, and a level
 *   is kept only when every period total can be published and at most one
 *   interior cell in SDC_HIDDEN_SHARE is suppressed. Otherwise the year: by
 *   theme, else by group.
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
 *   in which the search tried cells. A table that cannot be protected at any
 *   level is left out (withheld).
 * - Multi-valued lists ("cases with X") do not add up, so they are checked
 *   one count at a time against the number of cases: 1-4 is "< 5", and a
 *   count whose complement (cases without X) is 0-4 is hidden: it would say
 *   that (nearly) everyone shares X. Hidden there says no more than "< 5"
 *   would of the cases without X.
 * - Tables share only the number of cases, which every table publishes, and
 *   the number of formal reports: the deadline table is made only when the
 *   "melden" count is published as a value.
 *
 * Every table is stored once as JSON (sdc_to_json) when the report is
 * released; the page, PDF, CSV and next year's comparison read it back
 * (sdc_from_json), so one suppression pattern serves every output.
 * sdc_compare puts last year's published figures beside this year's, and
 * shows a figure only when it can be worked out from that year's published
 * table, so the comparison adds nothing an attacker could difference. A case
 * belongs to one year (the caller counts it where it was registered), so two
 * years never count the same case.
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

struct case_choice;

#define SDC_MIN_CASES	 10 /* fewer cases: no table, prose only */
#define SDC_THRESHOLD	 5  /* 1..4 is "< 5"; no interval may pin a count under it */
#define SDC_HIDDEN_SHARE 4  /* a period level is kept with at most 1 in 4 interior cells suppressed */

/* A deadline of a formal report (melden) on the day the report is made (reports.c). */
enum sdc_term {
	SDC_TERM_NONE,	  /* not a formal report (sparren) */
	SDC_TERM_RUNNING, /* not yet due, and not yet done */
	SDC_TERM_MET,
	SDC_TERM_MISSED,
};

/* One case of the year: only the coarse statistics, never its contents. */
struct sdc_case {
	int quarter;	     /* 1-4, of registration */
	const char *mode;    /* sparren | melden */
	const char *channel; /* a case_channels code */
	const char *theme;   /* a case_themes code, "eigen-...", or "" */
	const char *outcome; /* "" while open, else a case_outcomes code */
	const char *const *involved;
	size_t ninvolved; /* involved_relations codes */
	const char *const *help;
	size_t nhelp; /* help_kinds codes */
	const char *const *referrals;
	size_t nreferrals;	     /* referral_kinds codes */
	enum sdc_term ack, feedback; /* melden: acknowledged within 7 days, feedback within 3 months */
};

/* For tests only: protection switched partly off, to show the audit finds the flaw. */
#define SDC_TEST_NO_SECONDARY 1u /* primary suppression only */

struct sdc_options {
	/* The organisation's theme list (cases_org_themes), for the labels of its own
	 * "eigen-" themes; NULL: the fixed list, own themes labelled by code. */
	const struct case_choice *themes;
	unsigned flags; /* SDC_TEST_*; 0 in the server */
};

struct sdc_report {
	size_t ncases; /* counted; under SDC_MIN_CASES there are no tables */
	struct rtable *tables;
	size_t ntables;
	const char **withheld; /* ids of tables left out: too few cases, or no safe level */
	size_t nwithheld;
	const char *period; /* the theme table's columns: "kwartaal", "halfjaar" or "jaar" */
};

/*
 * The publishable tables of one year's cases (ids: thema, wijze, kanaal,
 * betrokkene, hulp, verwijzing, afloop, termijnen), in the arena. Returns 0;
 * ERR_INVALID when a case has an unknown code, a quarter outside 1-4, or a
 * formal report without its deadlines; ERR_NOMEM. On error *out is empty.
 */
int sdc_build(struct arena *a, const struct sdc_case *cases, size_t n, const struct sdc_options *opt,
	      struct sdc_report *out) WUR;

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

/*
 * The tables as one JSON text, for storing a released report: counts, "<5"
 * and "x", never a suppressed count. *json is in the arena. 0 or ERR_NOMEM.
 */
int sdc_to_json(struct arena *a, const struct rtable *t, size_t n, char **json) WUR;
/*
 * Read tables stored by sdc_to_json into the arena. 0; ERR_INVALID when the
 * text is not such a document (shapes, states, totals that do not add up);
 * ERR_TOO_LARGE past the size caps; ERR_NOMEM. On error *t is NULL.
 */
int sdc_from_json(struct arena *a, const char *json, struct rtable **t, size_t *n) WUR;

/*
 * Last year's published table beside this year's, both as published (from
 * JSON, never recomputed): rows this year's categories (where the two years
 * grouped themes differently, the group), columns before_label and
 * now_label, the last row the totals. A figure that cannot be worked out
 * from its own year's published table is hidden. The tables must have the
 * same id. out's labels point into now's and before's; the rest is in the
 * arena. Returns 0; ERR_INVALID (other ids, a malformed table); ERR_CONFLICT
 * when the result would still pin a count (the audit runs on it; tables from
 * sdc_build never get there); ERR_NOMEM. On error *out is empty.
 */
int sdc_compare(struct arena *a, const struct rtable *now, const struct rtable *before, const char *now_label,
		const char *before_label, struct rtable *out) WUR;

#endif
