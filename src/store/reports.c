/*
 * Annual reports in the store (reports.h). Returns 0, ERR_NOT_FOUND,
 * ERR_CONFLICT (a year released already), ERR_NOMEM or ERR_DB.
 */
#include "store/reports.h"

#include <stdio.h>
#include <string.h>

#include "store/cases.h"
#include "store/db.h"

static int read_stat(struct stmt *s, struct arena *a, void *out)
{
	struct case_stat_row *r = out;
	const char **text[] = {
	    &r->month,		 &r->mode,	   &r->channel,	    &r->status, &r->outcome, &r->ack_due,
	    &r->acknowledged_on, &r->feedback_due, &r->feedback_on, &r->themes, &r->tags};
	r->id = col_int(s, 0);
	for (int i = 0; i < 11; i++)
		if (!(*text[i] = col_text(s, 1 + i, a)))
			return ERR_NOMEM;
	return 0;
}

int store_case_stats(struct store *st, struct arena *a, long long org_id, int year, struct case_stat_row **out,
		     size_t *n)
{
	char from[16], to[16];
	snprintf(from, sizeof(from), "%04u-01", (unsigned) year % 10000u);
	snprintf(to, sizeof(to), "%04u-01", (unsigned) (year + 1) % 10000u);
	struct stmt *s = stmt_get(st, ST_CASE_STATS);
	if (!s || bind_int(s, 1, org_id) || bind_text(s, 2, from) || bind_text(s, 3, to))
		return ERR_DB;
	return store_rows(s, a, sizeof(**out), read_stat, (void **) out, n);
}

static int history_row(struct store *st, long long org_id, const struct case_history *h, long long *id)
{
	struct stmt *s = stmt_get(st, ST_CASE_HISTORY_ADD);
	const char *text[] = {h->month,		  h->mode,	   h->channel,	   h->received_on, h->ack_due,
			      h->acknowledged_on, h->feedback_due, h->feedback_on, h->closed_on,   h->outcome};
	if (!s || bind_int(s, 1, org_id))
		return ERR_DB;
	for (int i = 0; i < 10; i++)
		if (bind_text(s, 2 + i, text[i] ? text[i] : ""))
			return ERR_DB;
	int step = stmt_step(s);
	if (step == STEP_ROW)
		*id = col_int(s, 0);
	stmt_reset(s);
	return step == STEP_ROW ? 0 : ERR_DB;
}

int store_case_history_add(struct store *st, long long org_id, const struct case_history *h, long long *id)
{
	int rc = store_begin(st);
	if (rc)
		return rc;
	rc = history_row(st, org_id, h, id);
	if (!rc)
		rc = store_case_themes_set(st, *id, &h->theme, 1);
	if (!rc && h->involved)
		rc = store_case_tags_set(st, *id, "betrokkene", &h->involved, 1);
	if (!rc && h->help)
		rc = store_case_tags_set(st, *id, "hulp", &h->help, 1);
	if (!rc)
		return store_commit(st);
	store_rollback(st);
	return rc;
}

int store_report_text_set(struct store *st, long long org_id, int year, long long user_id, const char *body, int ready,
			  long long now)
{
	struct stmt *s = stmt_get(st, ST_REPORT_TEXT_SET);
	return !s || bind_int(s, 1, org_id) || bind_int(s, 2, year) || bind_int(s, 3, user_id) ||
		       bind_text(s, 4, body ? body : "") || bind_int(s, 5, ready != 0) || bind_int(s, 6, now)
		   ? ERR_DB
		   : stmt_exec(s);
}

static int read_text(struct stmt *s, struct arena *a, void *out)
{
	struct report_text *t = out;
	t->user_id = col_int(s, 0);
	t->name = col_text(s, 1, a);
	t->body = col_text(s, 2, a);
	t->ready = col_int(s, 3) != 0;
	t->updated_at = col_int(s, 4);
	return t->name && t->body ? 0 : ERR_NOMEM;
}

int store_report_texts(struct store *st, struct arena *a, long long org_id, int year, struct report_text **out,
		       size_t *n)
{
	struct stmt *s = stmt_get(st, ST_REPORT_TEXTS);
	return !s || bind_int(s, 1, org_id) || bind_int(s, 2, year)
		   ? ERR_DB
		   : store_rows(s, a, sizeof(**out), read_text, (void **) out, n);
}

static int read_report(struct stmt *s, struct arena *a, void *out)
{
	struct annual_report *r = out;
	r->org_id = col_int(s, 0);
	r->year = (int) col_int(s, 1);
	r->published = col_text(s, 2, a);
	r->released_at = col_int(s, 3);
	r->released_by = col_int(s, 4);
	return r->published ? 0 : ERR_NOMEM;
}

int store_report_get(struct store *st, struct arena *a, long long org_id, int year, struct annual_report *out)
{
	struct stmt *s = stmt_get(st, ST_REPORT_GET);
	if (!s || bind_int(s, 1, org_id) || bind_int(s, 2, year))
		return ERR_DB;
	int step = stmt_step(s);
	int rc = step == STEP_ROW ? read_report(s, a, out) : step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
	stmt_reset(s);
	return rc;
}

int store_report_release(struct store *st, long long org_id, int year, const char *published, long long by,
			 long long now)
{
	struct stmt *s = stmt_get(st, ST_REPORT_RELEASE);
	if (!s || bind_int(s, 1, org_id) || bind_int(s, 2, year) || bind_text(s, 3, published) || bind_int(s, 4, now) ||
	    bind_int(s, 5, by))
		return ERR_DB;
	int rc = stmt_exec(s);
	return rc ? rc : store_changes(st) == 1 ? 0 : ERR_CONFLICT;
}

int store_reports_released(struct store *st, struct arena *a, long long org_id, struct annual_report **out, size_t *n)
{
	struct stmt *s = stmt_get(st, ST_REPORTS_RELEASED);
	return !s || bind_int(s, 1, org_id) ? ERR_DB : store_rows(s, a, sizeof(**out), read_report, (void **) out, n);
}

int store_org_compliance_set(struct store *st, long long org_id, const char *json, const char *evaluated_on,
			     int trends_public)
{
	struct stmt *s = stmt_get(st, ST_ORG_COMPLIANCE_SET);
	if (!s || bind_text(s, 1, json) || bind_text(s, 2, evaluated_on ? evaluated_on : "") ||
	    bind_int(s, 3, trends_public != 0) || bind_int(s, 4, org_id))
		return ERR_DB;
	int rc = stmt_exec(s);
	return rc ? rc : store_changes(st) == 1 ? 0 : ERR_NOT_FOUND;
}

int store_org_compliance(struct store *st, struct arena *a, long long org_id, struct org_compliance *out)
{
	struct stmt *s = stmt_get(st, ST_ORG_COMPLIANCE);
	if (!s || bind_int(s, 1, org_id))
		return ERR_DB;
	int step = stmt_step(s), rc = 0;
	if (step == STEP_ROW) {
		out->json = col_text(s, 0, a);
		out->evaluated_on = col_text(s, 1, a);
		out->trends_public = col_int(s, 2) != 0;
		rc = out->json && out->evaluated_on ? 0 : ERR_NOMEM;
	} else {
		rc = step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
	}
	stmt_reset(s);
	return rc;
}

int store_self_assessment_set(struct store *st, long long org_id, int year, const char *answers, long long now)
{
	struct stmt *s = stmt_get(st, ST_SELF_SET);
	return !s || bind_int(s, 1, org_id) || bind_int(s, 2, year) || bind_text(s, 3, answers) || bind_int(s, 4, now)
		   ? ERR_DB
		   : stmt_exec(s);
}

static int read_self(struct stmt *s, struct arena *a, void *out)
{
	struct self_assessment *x = out;
	x->year = (int) col_int(s, 0);
	x->answers = col_text(s, 1, a);
	return x->answers ? 0 : ERR_NOMEM;
}

int store_self_assessments(struct store *st, struct arena *a, long long org_id, struct self_assessment **out, size_t *n)
{
	struct stmt *s = stmt_get(st, ST_SELF_LIST);
	return !s || bind_int(s, 1, org_id) ? ERR_DB : store_rows(s, a, sizeof(**out), read_self, (void **) out, n);
}
