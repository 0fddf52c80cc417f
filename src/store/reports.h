/*
 * Annual reports in the store (issue 15): the coarse statistics of an
 * organisation's cases in a year (never a box), the VPs' texts, what was
 * published at release, the compliance declaration, self-assessments and the
 * trends opt-in. Strings of results live in the caller's arena.
 */
#ifndef VERTROUWD_STORE_REPORTS_H
#define VERTROUWD_STORE_REPORTS_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"

struct store;

/* One case as the annual report counts it: only plain columns and codes. */
struct case_stat_row {
	long long id;
	const char *month, *mode, *channel, *status, *outcome;
	const char *ack_due, *acknowledged_on, *feedback_due, *feedback_on; /* "" when not set */
	const char *themes;						    /* comma-separated */
	const char *tags; /* "kind:code" comma-separated (betrokkene, hulp, verwijzing) */
};

/* The cases of org_id received in year (destroyed ones included: their row is the statistic). */
int store_case_stats(struct store *st, struct arena *a, long long org_id, int year, struct case_stat_row **out,
		     size_t *n) WUR;

/*
 * A case of earlier years of which only the statistics row is left (closed
 * and destroyed on closed_on), as the purge leaves it: for the demo, and for
 * figures carried over from an earlier registration. Dates "" when not set.
 */
struct case_history {
	const char *month, *mode, *channel, *received_on, *closed_on, *outcome;
	const char *ack_due, *acknowledged_on, *feedback_due, *feedback_on;
	const char *theme;	     /* a case_themes code */
	const char *involved, *help; /* one code each, or NULL */
};
/* One transaction; *id is the new case's. */
int store_case_history_add(struct store *st, long long org_id, const struct case_history *h, long long *id) WUR;

struct report_text {
	long long user_id;
	const char *name, *body;
	int ready;
	long long updated_at;
};
int store_report_text_set(struct store *st, long long org_id, int year, long long user_id, const char *body, int ready,
			  long long now) WUR;
/* The non-empty texts of org_id's year by those who are still its VPs. */
int store_report_texts(struct store *st, struct arena *a, long long org_id, int year, struct report_text **out,
		       size_t *n) WUR;

struct annual_report {
	long long org_id;
	int year;
	const char *published; /* JSON, "" before release */
	long long released_at, released_by;
};
/* The report of org_id and year; ERR_NOT_FOUND when it was never started. */
int store_report_get(struct store *st, struct arena *a, long long org_id, int year, struct annual_report *out) WUR;
/* Release: published is written once; ERR_CONFLICT when the year was already released. */
int store_report_release(struct store *st, long long org_id, int year, const char *published, long long by,
			 long long now) WUR;
/* The released reports of an organisation (org_id > 0), of every organisation that opted in (0, public), or of all (-1). */
int store_reports_released(struct store *st, struct arena *a, long long org_id, struct annual_report **out,
			   size_t *n) WUR;

int store_org_compliance_set(struct store *st, long long org_id, const char *json, const char *evaluated_on,
			     int trends_public) WUR;
struct org_compliance {
	const char *json, *evaluated_on;
	int trends_public;
};
int store_org_compliance(struct store *st, struct arena *a, long long org_id, struct org_compliance *out) WUR;

int store_self_assessment_set(struct store *st, long long org_id, int year, const char *answers, long long now) WUR;
struct self_assessment {
	int year;
	const char *answers;
};
/* Every year's self-assessment of an organisation, oldest first. */
int store_self_assessments(struct store *st, struct arena *a, long long org_id, struct self_assessment **out,
			   size_t *n) WUR;

#endif
