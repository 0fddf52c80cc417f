/*
 * The annual report in the web (issue 15): for the organisation's VPs the
 * preview of a year, their "signalen en adviezen" and the release; for the
 * VPs and the organisation's contact the released report as a page with
 * tables and SVG charts, last year beside it, and as PDF, CSV and JSON. A
 * contact never sees a report before its release. Every route names the
 * organisation and checks it (cases_vp_org, orgs_serves): 404 otherwise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/dates.h"
#include "content/media.h"
#include "orgs/orgs.h"
#include "reports/pdf.h"
#include "reports/reports.h"
#include "web/web.h"

/*
 * The dashboard's part: the released reports, newest first, and the deadline
 * health of formal reports as each report published it (its "termijnen"
 * table, so the same suppressed figures; never counted anew).
 */
int web_reports_released(struct req *r, struct tval *v, const struct org *o)
{
	struct annual_report *reps;
	size_t n = 0;
	struct tval *list = tv_list(&r->arena);
	if (reports_released(r->w->store, &r->arena, o->id, &reps, &n))
		return 500;
	for (size_t i = n; i-- > 0;) {
		struct tval *t = tv_obj(&r->arena);
		struct report_doc d;
		tv_set_int(t, "year", reps[i].year);
		tv_set_str(t, "url", arena_printf(&r->arena, "/organisatie/%s/jaarverslag/%d", o->slug, reps[i].year));
		const struct rtable *terms =
		    reports_read(&r->arena, &reps[i], &d) ? NULL : reports_table(&d, "termijnen");
		tv_set_bool(t, "few_reports", !terms);
		struct tval *health = tv_list(&r->arena);
		if (terms) {
			struct rtable titled = *terms;
			titled.title = arena_printf(&r->arena, "Termijnen bij meldingen in %d", reps[i].year);
			tv_push(health, web_report_table(r, NULL, &titled, CHART_NONE,
							 arena_printf(&r->arena, "termijnen-%d", reps[i].year)));
		}
		tv_set(t, "health", health);
		tv_push(list, t);
	}
	tv_set(v, "reports", list);
	tv_set_bool(v, "has_reports", n > 0);
	return 0;
}

/* The year of the path: 2000 up to this year, else 0 (404). */
static int path_year(struct req *r, const char *today)
{
	const char *s = req_param(r, "jaar");
	char *end;
	long y = strtol(s, &end, 10);
	return *s && !*end && strlen(s) == 4 && y >= 2000 && y <= (int) strtol(today, NULL, 10) ? (int) y : 0;
}

/* Where the report is, whose it is, and for whom the page is. */
struct place {
	struct org org;
	int year, vp;
	char today[11];
	const char *base; /* the report's URL */
};

static int find(struct req *r, int vp, struct place *p)
{
	date_local_today((long long) time(NULL), p->today);
	p->vp = vp;
	int rc;
	if (vp)
		rc = cases_vp_org(r->w->store, &r->arena, req_param(r, "org"), r->session->user_id, &p->org);
	else {
		rc = orgs_find(r->w->store, &r->arena, req_param(r, "org"), &p->org);
		int serves = rc ? 0 : orgs_serves(r->w->store, p->org.id, r->session->user_id, ORG_ROLE_CONTACT);
		rc = rc ? rc : serves < 0 ? serves : serves ? 0 : ERR_NOT_FOUND;
	}
	if (rc)
		return rc == ERR_NOT_FOUND ? 404 : 500;
	if (!(p->year = path_year(r, p->today)))
		return 404;
	p->base =
	    arena_printf(&r->arena, "/%s/%s/jaarverslag/%d", vp ? "werkruimte" : "organisatie", p->org.slug, p->year);
	return 0;
}

/* A published table for the template: caption, header, rows of shown cells, and its chart as SVG. */
struct tval *web_report_table(struct req *r, const struct report_doc *d, const struct rtable *t, enum chart_kind kind,
			      const char *id)
{
	struct tval *v = tv_obj(&r->arena), *cols = tv_list(&r->arena), *rows = tv_list(&r->arena);
	for (size_t j = 0; j < t->ncols; j++)
		tv_push(cols, tv_str(&r->arena, t->cols[j]));
	for (size_t i = 0; i < t->nrows; i++) {
		struct tval *row = tv_obj(&r->arena), *cells = tv_list(&r->arena);
		for (size_t j = 0; j < t->ncols; j++) {
			char text[CHART_CELL_CHARS];
			tv_push(cells, tv_str(&r->arena, chart_cell_text(t, i, j, text)));
		}
		tv_set_str(row, "label", t->rows[i]);
		tv_set_bool(row, "total", t->col_totals && i + 1 == t->nrows);
		tv_set(row, "cells", cells);
		tv_push(rows, row);
	}
	tv_set_str(v, "id", id);
	tv_set_str(v, "title", t->title);
	tv_set_str(v, "note", d ? reports_table_note(d, t) : NULL);
	tv_set(v, "cols", cols);
	tv_set(v, "rows", rows);
	struct buf svg = BUF_INIT(1 << 20);
	if (kind != CHART_NONE && !chart_svg(&svg, t, kind, id))
		/* chart_svg escapes every text it writes (test_chart holds it to that) */
		tv_set(v, "chart", tv_html_internal(&r->arena, svg.ptr, svg.len));
	buf_free(&svg);
	return v;
}

static void set_tables(struct req *r, struct tval *v, const struct report_doc *d, const struct report_doc *before)
{
	struct tval *tables = tv_list(&r->arena), *compare = tv_list(&r->arena), *withheld = tv_list(&r->arena);
	for (size_t i = 0; i < d->ntables; i++)
		tv_push(tables, web_report_table(r, d, &d->tables[i], reports_chart_kind(&d->tables[i]),
						 arena_printf(&r->arena, "grafiek-%s", d->tables[i].id)));
	struct rtable *cmp;
	size_t ncmp;
	if (!reports_compare(&r->arena, d, before, &cmp, &ncmp))
		for (size_t i = 0; i < ncmp; i++)
			tv_push(compare, web_report_table(r, NULL, &cmp[i],
							  strcmp(cmp[i].id, "thema") ? CHART_NONE : CHART_LINES,
							  arena_printf(&r->arena, "vergelijking-%s", cmp[i].id)));
	for (size_t i = 0; i < d->nwithheld; i++)
		tv_push(withheld, tv_str(&r->arena, reports_table_name(d->withheld[i])));
	tv_set(v, "tables", tables);
	tv_set(v, "compare", compare);
	tv_set_bool(v, "has_compare", ncmp > 0 && cmp);
	tv_set(v, "withheld", withheld);
	tv_set_bool(v, "has_withheld", d->nwithheld > 0);
}

/* Plain text as paragraphs (apart by a blank line). */
static struct tval *paragraphs(struct req *r, const char *text)
{
	struct tval *list = tv_list(&r->arena);
	for (const char *p = text; *p;) {
		const char *end = strstr(p, "\n\n"), *crlf = strstr(p, "\r\n\r\n");
		if (crlf && (!end || crlf < end))
			end = crlf;
		size_t len = end ? (size_t) (end - p) : strlen(p);
		while (len && strchr(" \r\n\t", p[len - 1]))
			len--;
		if (len)
			tv_push(list, tv_strn(&r->arena, p, len));
		if (!end)
			break;
		p = end + (end == crlf ? 4 : 2);
	}
	return list;
}

static int report_page(struct req *r, const struct place *p, int status, const char *notice, const char *error)
{
	struct report_doc d, before;
	int rc = p->vp ? reports_get(r->w->store, &r->arena, p->org.id, p->year, p->today, &d)
		       : reports_published(r->w->store, &r->arena, p->org.id, p->year, &d);
	if (rc)
		return rc == ERR_NOT_FOUND ? 404 : 500;
	rc = reports_published(r->w->store, &r->arena, p->org.id, p->year - 1, &before);
	if (rc && rc != ERR_NOT_FOUND)
		return 500;
	struct tval *v = tv_obj(&r->arena), *intro = tv_list(&r->arena), *texts = tv_list(&r->arena);
	size_t nintro;
	const char **paras = reports_intro(&r->arena, &d, p->org.name, &nintro);
	for (size_t i = 0; paras && i < nintro; i++)
		tv_push(intro, tv_str(&r->arena, paras[i]));
	const char *mine = "";
	for (size_t i = 0; i < d.ntexts; i++) {
		struct tval *t = tv_obj(&r->arena);
		tv_set_str(t, "name", d.texts[i].name);
		tv_set(t, "paragraphs", paragraphs(r, d.texts[i].body));
		tv_push(texts, t);
	}
	int ready = 0;
	if (p->vp && !d.released &&
	    reports_text_of(r->w->store, &r->arena, p->org.id, p->year, r->session->user_id, &mine, &ready))
		return 500;
	set_tables(r, v, &d, rc ? NULL : &before);
	char released[64] = "";
	if (d.released && date_dutch(d.released_on, released, sizeof(released)))
		snprintf(released, sizeof(released), "%s", d.released_on);
	tv_set_str(v, "title", arena_printf(&r->arena, "Jaarverslag %d: %s", p->year, p->org.name));
	tv_set_str(v, "org", p->org.name);
	/* Not "year": web_render sets that to this year, for the footer. */
	tv_set_int(v, "report_year", p->year);
	tv_set_bool(v, "vp", p->vp);
	tv_set_bool(v, "released", d.released);
	tv_set_str(v, "released_on", released);
	tv_set_bool(v, "can_release", p->vp && !d.released && (int) strtol(p->today, NULL, 10) > p->year);
	tv_set_bool(v, "few", d.ncases < 0);
	tv_set(v, "intro", intro);
	tv_set(v, "texts", texts);
	tv_set_str(v, "mine", mine);
	tv_set_bool(v, "ready", ready);
	tv_set_str(v, "base", p->base);
	tv_set_str(v, "back",
		   p->vp ? arena_printf(&r->arena, "/werkruimte/%s", p->org.slug)
			 : arena_printf(&r->arena, "/organisatie/%s", p->org.slug));
	/* The years around: a VP's previews (from 2000 to this year), the contact's released reports only. */
	int stem = (int) (strlen(p->base) - 4); /* the URL without the year */
	const char *previous =
	    (p->vp ? p->year > 2000 : !rc) ? arena_printf(&r->arena, "%.*s%d", stem, p->base, p->year - 1) : NULL;
	struct report_doc after;
	int has_next = p->vp ? p->year < (int) strtol(p->today, NULL, 10)
			     : !reports_published(r->w->store, &r->arena, p->org.id, p->year + 1, &after);
	const char *next = has_next ? arena_printf(&r->arena, "%.*s%d", stem, p->base, p->year + 1) : NULL;
	tv_set_str(v, "previous", previous);
	tv_set_str(v, "next", next);
	tv_set_bool(v, "pager", previous || next);
	tv_set_int(v, "previous_year", p->year - 1);
	tv_set_int(v, "next_year", p->year + 1);
	tv_set_str(v, "notice", notice);
	tv_set_str(v, "error", error);
	return web_form_render(r, "annual", v, status);
}

int web_vp_report(struct req *r)
{
	struct place p;
	int rc = find(r, 1, &p);
	return rc ? rc : report_page(r, &p, 200, NULL, NULL);
}

int web_org_report(struct req *r)
{
	struct place p;
	int rc = find(r, 0, &p);
	return rc ? rc : report_page(r, &p, 200, NULL, NULL);
}

int web_vp_report_text(struct req *r)
{
	struct place p;
	int rc = find(r, 1, &p);
	if (rc)
		return rc;
	const char *why = NULL, *body = req_form(r, "tekst");
	rc = reports_text_set(r->w->store, p.org.id, p.year, r->session->user_id, body ? body : "",
			      req_form(r, "klaar") != NULL, (long long) time(NULL), &why);
	if (rc == ERR_INVALID || rc == ERR_CONFLICT)
		return report_page(r, &p, rc == ERR_INVALID ? 400 : 409, NULL, why);
	return rc ? 500 : report_page(r, &p, 200, "Uw tekst is opgeslagen.", NULL);
}

int web_vp_report_release(struct req *r)
{
	struct place p;
	int rc = find(r, 1, &p);
	if (rc)
		return rc;
	const char *why = NULL;
	rc = reports_release(r->w->store, &r->arena, p.org.id, p.year, p.today, r->session->user_id,
			     (long long) time(NULL), &why);
	if (rc == ERR_INVALID || rc == ERR_CONFLICT)
		return report_page(r, &p, rc == ERR_INVALID ? 400 : 409, NULL, why);
	if (rc)
		return 500;
	r->page.status = 303;
	r->page.location = p.base;
	return 0;
}

static int pdf(struct req *r, const struct place *p, const struct report_doc *d)
{
	struct pdf_table *tables = d->ntables ? arena_calloc(&r->arena, d->ntables, sizeof(*tables)) : NULL;
	if (d->ntables && !tables)
		return ERR_NOMEM;
	for (size_t i = 0; i < d->ntables; i++)
		tables[i] = (struct pdf_table){&d->tables[i], reports_chart_kind(&d->tables[i]),
					       reports_table_note(d, &d->tables[i])};
	struct buf advice = BUF_INIT((size_t) 4 << 20); /* every VP's text, each up to 4 bytes a character */
	int rc = 0;
	for (size_t i = 0; !rc && i < d->ntexts; i++)
		rc = buf_addf(&advice, "%s%s:\n\n%s", i ? "\n\n" : "", d->texts[i].name, d->texts[i].body);
	struct pdf_report rep = {.org = p->org.name, .year = p->year, .tables = tables, .ntables = d->ntables};
	rep.intro = reports_intro(&r->arena, d, p->org.name, &rep.nintro);
	rep.advice = advice.len ? advice.ptr : NULL;
	struct buf logo = BUF_INIT(PDF_LOGO_MAX_BYTES);
	if (!orgs_logo_bytes(r->w->store, &r->arena, &p->org, &logo))
		rep.logo_data = (const unsigned char *) logo.ptr, rep.logo_len = logo.len;
	if (!rc && !rep.intro)
		rc = ERR_NOMEM;
	if (!rc)
		rc = pdf_report(&r->out, &rep);
	if (rc == ERR_IO && rep.logo_len) { /* a logo cairo cannot read: the report without it */
		rep.logo_data = NULL, rep.logo_len = 0;
		rc = pdf_report(&r->out, &rep);
	}
	buf_free(&logo);
	buf_free(&advice);
	return rc;
}

static int report_file(struct req *r, int vp)
{
	struct place p;
	struct report_doc d;
	int rc = find(r, vp, &p);
	if (rc)
		return rc;
	const char *format = req_param(r, "formaat");
	if (strcmp(format, "pdf") && strcmp(format, "csv") && strcmp(format, "json"))
		return 404;
	if ((rc = reports_published(r->w->store, &r->arena, p.org.id, p.year, &d)))
		return rc == ERR_NOT_FOUND ? 404 : 500;
	char *json = NULL;
	if (!strcmp(format, "pdf"))
		rc = pdf(r, &p, &d), r->page.content_type = "application/pdf";
	else if (!strcmp(format, "csv"))
		rc = reports_csv(&r->out, &d), r->page.content_type = "text/csv; charset=utf-8";
	else if (!(rc = sdc_to_json(&r->arena, d.tables, d.ntables, &json)))
		rc = buf_adds(&r->out, json), r->page.content_type = "application/json";
	if (rc) {
		buf_reset(&r->out);
		return 500;
	}
	r->page.disposition =
	    arena_printf(&r->arena, "attachment; filename=\"jaarverslag-%s-%d.%s\"", p.org.slug, p.year, format);
	return 0;
}

int web_vp_report_file(struct req *r)
{
	return report_file(r, 1);
}

int web_org_report_file(struct req *r)
{
	return report_file(r, 0);
}
