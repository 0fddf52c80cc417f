/*
 * retention: when a closed case is destroyed (issue 14, "Scheduled
 * destruction"). By default a closed case is destroyed once the annual report
 * over its year has counted it: on 1 June of the next year, a month after the
 * usual 1 May date of the report. An organisation may set a number of months
 * after closing instead. A case closed with a complaint (outcome "klacht") is
 * kept at most 2 years, as complaint-committee files are. The VP may
 * postpone, with a reason, up to 12 months past the schedule (never past the 2
 * years of a complaint); reopening and closing again keeps the schedule of the
 * first closing.
 *
 * Destruction (purge.c) deletes a case's sealed keys, the melder's box and
 * every record, attachment, read, action, consent, mailbox session and
 * reminder, and keeps only the coarse statistics: the plain case row, its
 * themes and tags, and its audit trail. After it nobody can open the case.
 * A case reopened after its destruction date is not destroyed while it is
 * open; its next deadline ("vernietigen") shows it as overdue.
 */
#ifndef VERTROUWD_CASES_RETENTION_H
#define VERTROUWD_CASES_RETENTION_H

#include "base/err.h"
#include "store/purge.h"

struct store;

#define RETENTION_REPORT_DAY   "06-01" /* the default: this day of the year after closing */
#define RETENTION_MONTHS_MAX   24      /* what an organisation may set */
#define RETENTION_POSTPONE_MAX 12      /* months a VP may postpone past the schedule */
#define RETENTION_COMPLAINT    24      /* months at most for a case that became a complaint */
#define RETENTION_WARN_DAYS    30      /* the VP is warned this many days ahead */

/*
 * The destruction date of a case first closed on closed_on ("YYYY-MM-DD")
 * with outcome, under the organisation's retention_months (0: the default),
 * and the latest date postponing may reach. ERR_INVALID on a bad date.
 */
int retention_schedule(long long retention_months, const char *outcome, const char *closed_on, char destroy_on[11],
		       char limit[11]) WUR;

/*
 * Postpone the destruction of a closed case (vp_id acting, who their name) to
 * until ("YYYY-MM-DD"): after the current date and today, not after the
 * limit. The reason (required, at most 500 characters) is a record boxed
 * under ck; the audit trail gets the new date, never the reason.
 * ERR_INVALID with a Dutch *why, ERR_NOT_FOUND, or a store error (nothing
 * changed then).
 */
int cases_postpone(struct store *st, long long case_id, const unsigned char *ck, long long vp_id, const char *who,
		   const char *until, const char *reason, long long now, const char **why) WUR;

/*
 * Destroy a case now, whatever its status or schedule (a melder's request, or
 * the VP's decision; user_id is the VP, in the audit trail), in one
 * transaction, then let the store forget what it deleted. ERR_NOT_FOUND when
 * the case is unknown or destroyed already, or a store error (nothing
 * changed then).
 */
int cases_destroy(struct store *st, long long case_id, long long user_id, long long now) WUR;

/*
 * Destroy every closed case whose destruction date is on or before today
 * ("YYYY-MM-DD"), each in a transaction of its own (now is the audit trail's
 * time), and then let the store forget what it deleted. With dry_run nothing
 * changes: progress (may be NULL) sees each case that would go. *count counts
 * the cases destroyed (or, with dry_run, due). A case reopened or postponed
 * since the list was read is left alone. ERR_INVALID for a bad date; a store
 * error stops the run (the cases destroyed before stay destroyed).
 */
int cases_purge(struct store *st, const char *today, long long now, int dry_run,
		void (*progress)(void *ctx, const struct case_due *c), void *ctx, int *count) WUR;

#endif
