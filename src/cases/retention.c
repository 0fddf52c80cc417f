/* When a closed case is destroyed (retention.h). */
#include "cases/retention.h"

#include <stdio.h>
#include <string.h>

#include "base/dates.h"

int retention_schedule(long long retention_months, const char *outcome, const char *closed_on, char destroy_on[11],
		       char limit[11])
{
	char cap[11] = "";
	int complaint = outcome && !strcmp(outcome, "klacht");
	if (!date_valid(closed_on) || retention_months < 0 || retention_months > RETENTION_MONTHS_MAX)
		return ERR_INVALID;
	int rc = 0;
	if (retention_months)
		rc = date_add_months(closed_on, (int) retention_months, destroy_on);
	else {
		unsigned year = (unsigned) ((closed_on[0] - '0') * 1000 + (closed_on[1] - '0') * 100 +
					    (closed_on[2] - '0') * 10 + (closed_on[3] - '0') + 1);
		snprintf(destroy_on, 11, "%04u-%.5s", year % 10000u, RETENTION_REPORT_DAY);
	}
	if (!rc)
		rc = date_add_months(destroy_on, RETENTION_POSTPONE_MAX, limit);
	if (!rc && complaint)
		rc = date_add_months(closed_on, RETENTION_COMPLAINT, cap);
	if (!rc && complaint) {
		if (strcmp(destroy_on, cap) > 0)
			memcpy(destroy_on, cap, 11);
		if (strcmp(limit, cap) > 0)
			memcpy(limit, cap, 11);
	}
	return rc;
}
