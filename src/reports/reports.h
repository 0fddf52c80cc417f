/*
 * reports: the anonymised annual report of an organisation (issue 15), built
 * only from the coarse columns of its cases, released once by its VPs and
 * then fixed: the web page, the PDF, the CSV and JSON exports and next year's
 * comparison all read the published document stored at release.
 *
 * The published document is the JSON of sdc_to_json with more keys beside
 * "tables": "cases" (the number of cases, or null under SDC_MIN_CASES),
 * "period", "withheld", "released" (the day, Dutch time) and "texts" (each
 * VP's "signalen en adviezen" as released: name and body).
 *
 * Errors: ERR_NOT_FOUND (no such report), ERR_INVALID (a year that has not
 * ended, or a malformed stored document), ERR_CONFLICT (released already, or
 * a text not ready), ERR_DB, ERR_NOMEM. Everything lands in the arena.
 */
#ifndef VERTROUWD_REPORTS_REPORTS_H
#define VERTROUWD_REPORTS_REPORTS_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "reports/chart.h"
#include "reports/sdc.h"
#include "store/reports.h"

struct store;

#define REPORT_TEXT_MAX 20000 /* characters of one VP's "signalen en adviezen" */

struct report_advice {
	const char *name, *body;
};

/* A report as it is shown: the preview of a year not yet released, or the published one. */
struct report_doc {
	int year;
	int released;
	const char *released_on; /* YYYY-MM-DD, "" before release */
	long long ncases;	 /* -1: under SDC_MIN_CASES, prose only */
	const char *period;	 /* the theme table's columns: kwartaal, halfjaar, jaar */
	struct rtable *tables;
	size_t ntables;
	const char **withheld;
	size_t nwithheld;
	struct report_advice *texts; /* released: as published; before: each VP's current draft */
	size_t ntexts;
};

/* The released reports of org_id, oldest first (0: of every organisation that opted in to trends; -1: all). */
int reports_released(struct store *st, struct arena *a, long long org_id, struct annual_report **out, size_t *n) WUR;

/*
 * The report of org_id over year: the published one once released, else a
 * preview counted now from the cases (deadlines as they stand on today), with
 * the VPs' current texts.
 */
int reports_get(struct store *st, struct arena *a, long long org_id, int year, const char *today,
		struct report_doc *out) WUR;

/* The document of a report as reports_released gave it (ERR_NOT_FOUND: not released). */
int reports_read(struct arena *a, const struct annual_report *rep, struct report_doc *out) WUR;

/* The published report, or ERR_NOT_FOUND before release. */
int reports_published(struct store *st, struct arena *a, long long org_id, int year, struct report_doc *out) WUR;

/* One VP's current text of year and whether it is ready ("" and 0 when none). */
int reports_text_of(struct store *st, struct arena *a, long long org_id, int year, long long user_id, const char **body,
		    int *ready) WUR;

/*
 * Save one VP's "signalen en adviezen" (body up to REPORT_TEXT_MAX characters,
 * ready: reviewed and ready for release). ERR_CONFLICT once released;
 * ERR_INVALID (*why, Dutch) for a text too long.
 */
int reports_text_set(struct store *st, long long org_id, int year, long long user_id, const char *body, int ready,
		     long long now, const char **why) WUR;

/*
 * Release the report of year, counted on today: only after the year has
 * ended, with at least one text and every text ready (ERR_CONFLICT and
 * *why otherwise), once. The tables are protected and audited by sdc_build;
 * what it publishes is stored and never recomputed.
 */
int reports_release(struct store *st, struct arena *a, long long org_id, int year, const char *today, long long by,
		    long long now, const char **why) WUR;

/*
 * This year's tables beside last year's published ones (sdc_compare), for each
 * table both published; none when last year was not released. *out in the arena.
 */
int reports_compare(struct arena *a, const struct report_doc *now, const struct report_doc *before, struct rtable **out,
		    size_t *n) WUR;

/*
 * National trends: cases per theme group per year, summed from released
 * reports only (all organisations for the beheerder, public: those that opted
 * in). An organisation counts in a year when its theme table was published;
 * a sum is shown only when every part of it was published as a count, so
 * every figure is a sum of counts that are 0 or at least SDC_THRESHOLD, and
 * nothing can be worked out from it that the organisations' own reports do
 * not already protect. A year with fewer than REPORT_TREND_MIN_ORGS
 * organisations is left out (a sum over one or two would be their report).
 * A year is fixed on 1 July after it: it is shown from then on (now, Dutch
 * time), with the reports released before that day only, so a later release
 * cannot be read off as the change in the sums.
 * What this does not hide: an organisation that turns its opt-in on or off
 * changes the public sums by its own published figures, and one contact
 * subtracting its own report learns the others' sum. Both are organisations'
 * figures that passed their own disclosure control, never fewer than
 * SDC_THRESHOLD cases of a person's group.
 * *out: rows the groups and "Totaal", columns the years (none: ncols 0).
 */
#define REPORT_TREND_MIN_ORGS 3
int reports_trends(struct store *st, struct arena *a, int public, long long now, struct rtable *out, size_t *norgs) WUR;

/*
 * The statistics row of a case of an earlier year that is already destroyed
 * (store/reports.h): ERR_INVALID for a code the lists do not know or a month
 * that is not YYYY-MM.
 */
int reports_history_add(struct store *st, long long org_id, const struct case_history *h) WUR;

/*
 * Every published cell of d as CSV, one per line: tabel, categorie, kolom,
 * aantal (a count, "<5" or "x"). A field a spreadsheet would take for a
 * formula (=, +, -, @) gets a leading '. 0, ERR_TOO_LARGE or ERR_NOMEM.
 */
int reports_csv(struct buf *b, const struct report_doc *d) WUR;

/* A published table of d by its id ("termijnen"), or NULL. */
const struct rtable *reports_table(const struct report_doc *d, const char *id);

/* ---- how every output presents a report (present.c): the page and the PDF say the same ---- */

/* The introduction's paragraphs (Dutch, plain text), in the arena; NULL on ERR_NOMEM. */
const char **reports_intro(struct arena *a, const struct report_doc *d, const char *org, size_t *n);
/* The chart a published table is drawn with (CHART_NONE: the table alone). */
enum chart_kind reports_chart_kind(const struct rtable *t);
/* A line under a table's title (its period, merged themes), or NULL. */
const char *reports_table_note(const struct report_doc *d, const struct rtable *t);
/* What a withheld table's id stands for ("Thema's"), for "left out" lists; the id itself when unknown. */
const char *reports_table_name(const char *id);

#endif
