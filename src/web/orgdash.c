/*
 * The organisation's dashboard, for its contact (role organisatie): the
 * compliance lights and what the contact declares, the self-assessment of the
 * seven actions with its trend, and the released annual reports. Never a
 * case. Every route names the organisation and is checked by
 * orgs_serves(..., ORG_ROLE_CONTACT): one the contact does not serve is 404.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/dates.h"
#include "orgs/orgs.h"
#include "reports/dashboard.h"
#include "web/web.h"

/* The organisation of the path that the signed-in contact serves; 0, 404 or 500. */
static int contact_org(struct req *r, struct org *o)
{
	int rc = orgs_find(r->w->store, &r->arena, req_param(r, "org"), o);
	if (!rc) {
		int serves = orgs_serves(r->w->store, o->id, r->session->user_id, ORG_ROLE_CONTACT);
		rc = serves < 0 ? serves : serves ? 0 : ERR_NOT_FOUND;
	}
	return rc == ERR_NOT_FOUND ? 404 : rc ? 500 : 0;
}

int web_org_dashboards(struct req *r)
{
	struct org *orgs;
	size_t n;
	if (orgs_of(r->w->store, &r->arena, r->session->user_id, ORG_ROLE_CONTACT, &orgs, &n))
		return 500;
	if (n == 1) {
		r->page.status = 303;
		r->page.location = arena_printf(&r->arena, "/organisatie/%s", orgs[0].slug);
		return 0;
	}
	struct tval *v = tv_obj(&r->arena), *list = tv_list(&r->arena);
	for (size_t i = 0; i < n; i++) {
		struct tval *o = tv_obj(&r->arena);
		tv_set_str(o, "name", orgs[i].name);
		tv_set_str(o, "url", arena_printf(&r->arena, "/organisatie/%s", orgs[i].slug));
		tv_push(list, o);
	}
	tv_set_str(v, "title", "Organisaties");
	tv_set(v, "orgs", list);
	tv_set_bool(v, "noindex", true);
	return web_render(r, "org_dashboards", v);
}

static const char *light_name(enum light l)
{
	return l == LIGHT_GREEN	   ? "groen"
	       : l == LIGHT_ORANGE ? "oranje"
	       : l == LIGHT_RED	   ? "rood"
				   : "niet van toepassing";
}

static int dashboard_page(struct req *r, const struct org *o, int status, const char *notice, const char *error)
{
	char today[11];
	date_local_today((long long) time(NULL), today);
	struct compliance_item items[COMPLIANCE_ITEMS];
	int present[16];
	const char *evaluated;
	int trends;
	struct selfscan *scans;
	size_t nscans;
	if (dashboard_compliance(r->w->store, &r->arena, o->id, today, items) ||
	    dashboard_declared(r->w->store, &r->arena, o->id, present, &evaluated, &trends) ||
	    dashboard_selfscans(r->w->store, &r->arena, o->id, &scans, &nscans))
		return 500;
	struct tval *v = tv_obj(&r->arena), *lights = tv_list(&r->arena), *elements = tv_list(&r->arena);
	for (int i = 0; i < COMPLIANCE_ITEMS; i++) {
		struct tval *t = tv_obj(&r->arena);
		tv_set_str(t, "title", items[i].title);
		tv_set_str(t, "light", light_name(items[i].light));
		tv_set_str(t, "class",
			   items[i].light == LIGHT_GREEN    ? "green"
			   : items[i].light == LIGHT_ORANGE ? "orange"
			   : items[i].light == LIGHT_RED    ? "red"
							    : "none");
		tv_set_str(t, "detail", items[i].detail);
		tv_set_str(t, "link", items[i].link);
		tv_push(lights, t);
	}
	for (size_t i = 0; i < procedure_element_count; i++) {
		struct tval *t = tv_obj(&r->arena);
		tv_set_str(t, "code", procedure_elements[i].code);
		tv_set_str(t, "label", procedure_elements[i].label);
		tv_set_bool(t, "on", present[i]);
		tv_push(elements, t);
	}
	web_selfscan_trend(r, v, scans, nscans);
	tv_set_str(v, "title", arena_printf(&r->arena, "Dashboard %s", o->name));
	tv_set_str(v, "org", o->name);
	tv_set_str(v, "action", arena_printf(&r->arena, "/organisatie/%s", o->slug));
	tv_set(v, "lights", lights);
	tv_set(v, "elements", elements);
	tv_set_str(v, "evaluated", evaluated);
	tv_set_bool(v, "trends", trends);
	tv_set_str(v, "today", today);
	tv_set_str(v, "notice", notice);
	tv_set_str(v, "error", error);
	if (web_reports_released(r, v, o))
		return 500;
	return web_form_render(r, "org_dashboard", v, status);
}

int web_org_dashboard(struct req *r)
{
	struct org o;
	int rc = contact_org(r, &o);
	return rc ? rc : dashboard_page(r, &o, 200, NULL, NULL);
}

int web_org_declare(struct req *r)
{
	struct org o;
	int rc = contact_org(r, &o);
	if (rc)
		return rc;
	const char *elements[16], *why = NULL;
	size_t n = req_form_all(r, "onderdeel", elements, sizeof(elements) / sizeof(elements[0]));
	char today[11];
	date_local_today((long long) time(NULL), today);
	rc = dashboard_declare(r->w->store, r->session->email, o.id, elements, n, req_form(r, "evaluatie"),
			       req_form(r, "trends") != NULL, today, &why);
	if (rc == ERR_INVALID)
		return dashboard_page(r, &o, 400, NULL, why);
	return rc ? 500 : dashboard_page(r, &o, 200, "Opgeslagen.", NULL);
}

void web_selfscan_trend(struct req *r, struct tval *v, const struct selfscan *scans, size_t n)
{
	struct tval *years = tv_list(&r->arena), *rows = tv_list(&r->arena);
	for (size_t k = 0; k < n; k++)
		tv_push(years, tv_int(&r->arena, scans[k].year));
	for (int i = 0; i < SELFSCAN_ACTIONS; i++) {
		struct tval *row = tv_obj(&r->arena), *cells = tv_list(&r->arena);
		for (size_t k = 0; k < n; k++)
			tv_push(cells, tv_int(&r->arena, scans[k].score[i]));
		tv_set_str(row, "title", selfscan_actions[i].title);
		tv_set(row, "scores", cells);
		int low = n && scans[n - 1].score[i] < 67;
		tv_set_bool(row, "low", low);
		tv_set_str(row, "advice", selfscan_actions[i].advice);
		tv_set_str(row, "link", selfscan_actions[i].link);
		tv_push(rows, row);
	}
	tv_set(v, "scan_years", years);
	tv_set(v, "scan_rows", rows);
	tv_set_bool(v, "has_scans", n > 0);
}

static int selfscan_page(struct req *r, const struct org *o, int status, const char *notice, const char *error)
{
	struct selfscan *scans;
	size_t n;
	char today[11];
	date_local_today((long long) time(NULL), today);
	int year = (int) strtol(today, NULL, 10);
	if (dashboard_selfscans(r->w->store, &r->arena, o->id, &scans, &n))
		return 500;
	const struct selfscan *mine = n && scans[n - 1].year == year ? &scans[n - 1] : NULL;
	struct tval *v = tv_obj(&r->arena), *actions = tv_list(&r->arena);
	for (int i = 0; i < SELFSCAN_ACTIONS; i++) {
		struct tval *a = tv_obj(&r->arena), *qs = tv_list(&r->arena);
		for (int k = 0; k < SELFSCAN_STATEMENTS; k++) {
			struct tval *q = tv_obj(&r->arena);
			int ans = mine ? mine->answers[i][k] : -1;
			tv_set_str(q, "text", selfscan_actions[i].statements[k]);
			tv_set_str(q, "name", arena_printf(&r->arena, "a%d_%d", i, k));
			tv_set_bool(q, "ja", ans == 2);
			tv_set_bool(q, "deels", ans == 1);
			tv_set_bool(q, "nee", ans == 0);
			tv_push(qs, q);
		}
		tv_set_int(a, "n", i + 1);
		tv_set_str(a, "title", selfscan_actions[i].title);
		tv_set(a, "statements", qs);
		tv_push(actions, a);
	}
	web_selfscan_trend(r, v, scans, n);
	tv_set_str(v, "title", arena_printf(&r->arena, "Zelfscan %d: %s", year, o->name));
	tv_set_int(v, "year", year);
	tv_set_str(v, "org", o->name);
	tv_set_str(v, "back", arena_printf(&r->arena, "/organisatie/%s", o->slug));
	tv_set_str(v, "action", arena_printf(&r->arena, "/organisatie/%s/zelfscan", o->slug));
	tv_set(v, "actions", actions);
	tv_set_str(v, "notice", notice);
	tv_set_str(v, "error", error);
	return web_form_render(r, "selfscan", v, status);
}

int web_org_selfscan(struct req *r)
{
	struct org o;
	int rc = contact_org(r, &o);
	if (rc || strcmp(r->in.method, "POST"))
		return rc ? rc : selfscan_page(r, &o, 200, NULL, NULL);
	char today[11];
	date_local_today((long long) time(NULL), today);
	struct selfscan s = {.year = (int) strtol(today, NULL, 10)};
	for (int i = 0; i < SELFSCAN_ACTIONS; i++)
		for (int k = 0; k < SELFSCAN_STATEMENTS; k++) {
			char name[32];
			snprintf(name, sizeof(name), "a%u_%u", (unsigned) i % 10u, (unsigned) k % 10u);
			const char *v = req_form(r, name);
			s.answers[i][k] = !v			? -1
					  : !strcmp(v, "ja")	? 2
					  : !strcmp(v, "deels") ? 1
					  : !strcmp(v, "nee")	? 0
								: -1;
			if (s.answers[i][k] < 0)
				return selfscan_page(r, &o, 400, NULL,
						     "Beantwoord elke stelling met ja, deels of nee.");
		}
	rc = dashboard_selfscan_save(r->w->store, o.id, &s, (long long) time(NULL));
	return rc ? 500 : selfscan_page(r, &o, 200, "Opgeslagen. De scores staan hieronder.", NULL);
}
