/* The annual report (reports.h). */
#include "reports/reports.h"

int reports_released(struct store *st, struct arena *a, long long org_id, struct annual_report **out, size_t *n)
{
	return store_reports_released(st, a, org_id, out, n);
}
