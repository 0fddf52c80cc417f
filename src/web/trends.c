/*
 * National trends (issue 15): theme groups over the years, summed from
 * released reports (reports_trends). The beheerder sees every organisation's;
 * the public page /landelijke-trends those of organisations that opted in.
 * Same page for both, never an organisation's name.
 */
#include <time.h>

#include "reports/reports.h"
#include "web/web.h"

static int trends_page(struct req *r, int public)
{
	struct rtable t;
	size_t norgs;
	if (reports_trends(r->w->store, &r->arena, public, (long long) time(NULL), &t, &norgs))
		return 500;
	struct tval *v = tv_obj(&r->arena), *tables = tv_list(&r->arena);
	if (t.ncols)
		tv_push(tables,
			web_report_table(r, NULL, &t, t.ncols > 1 ? CHART_LINES : CHART_BARS, "grafiek-trends"));
	tv_set(v, "tables", tables);
	tv_set_bool(v, "public", public);
	tv_set_int(v, "orgs", (long long) norgs);
	tv_set_int(v, "min_orgs", REPORT_TREND_MIN_ORGS);
	tv_set_str(v, "title", public ? "Landelijke trends" : "Landelijke trends (alle organisaties)");
	tv_set_bool(v, "noindex", !public);
	return web_render(r, "trends", v);
}

int web_trends(struct req *r)
{
	return trends_page(r, 1);
}

int web_admin_trends(struct req *r)
{
	return trends_page(r, 0);
}
