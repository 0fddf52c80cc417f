/*
 * The annual report in the web: the released reports of an organisation for
 * its dashboard and its VPs.
 */
#include <stdio.h>

#include "reports/reports.h"
#include "store/orgs.h"
#include "web/web.h"

void web_reports_released(struct req *r, struct tval *v, const struct org *o)
{
	struct annual_report *reps;
	size_t n;
	struct tval *list = tv_list(&r->arena);
	if (!reports_released(r->w->store, &r->arena, o->id, &reps, &n))
		for (size_t i = n; i-- > 0;) {
			struct tval *t = tv_obj(&r->arena);
			tv_set_int(t, "year", reps[i].year);
			tv_set_str(t, "url",
				   arena_printf(&r->arena, "/organisatie/%s/jaarverslag/%d", o->slug, reps[i].year));
			tv_push(list, t);
		}
	tv_set(v, "reports", list);
}
