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
 */
#ifndef VERTROUWD_CASES_RETENTION_H
#define VERTROUWD_CASES_RETENTION_H

#include "base/err.h"

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

#endif
