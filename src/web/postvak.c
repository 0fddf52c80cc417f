/*
 * The melder's mailbox beyond messages (issue 14): the oral reports a VP wrote,
 * which the melder approves or corrects, and the export of everything they may
 * see of their case as one self-contained HTML file (their right of access).
 * The case and its key come from the mailbox session only, so a report id of
 * another case is not found (the domain checks it against this case). Handlers
 * return 0 or an HTTP status; a correction with a mistake shows the mailbox
 * again with a 400 beside that report.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/dates.h"
#include "cases/work.h"
#include "orgs/orgs.h"
#include "web/web.h"

/* What the mailbox shows as the conversation: messages, attachments, details and requests. */
static int conversation(const char *kind)
{
	return !strcmp(kind, "bericht") || !strcmp(kind, "bijlage") || !strcmp(kind, "gegevens") ||
	       !strcmp(kind, "verzoek");
}

struct tval *web_mailbox_messages(struct req *r, const struct case_view *cv, const char *files)
{
	struct case_entry *e = arena_calloc(&r->arena, cv->ntimeline + 1, sizeof(*e));
	size_t n = 0;
	for (size_t i = 0; e && i < cv->ntimeline; i++)
		if (conversation(cv->timeline[i].kind))
			e[n++] = cv->timeline[i];
	if (!e)
		r->arena.failed = 1;
	return web_case_entries(r, e, n, "melder", files);
}

static const char *when(struct req *r, long long at)
{
	char out[64];
	date_local_long(at, web_lang(r), out, sizeof(out));
	return arena_strdup(&r->arena, out);
}

struct tval *web_mailbox_reports(struct req *r, const struct case_view *cv, int forms, long long failed,
				 const char *why)
{
	struct tval *list = tv_list(&r->arena);
	for (size_t i = 0; i < cv->nreports; i++) {
		const struct case_report *x = &cv->reports[i];
		struct tval *o = tv_obj(&r->arena);
		tv_set_int(o, "id", x->id);
		tv_set_str(o, "when", when(r, x->at));
		tv_set_str(o, "who", x->who);
		tv_set_str(o, "text", x->text);
		tv_set_bool(o, "by_melder", !strcmp(x->approved, "postvak"));
		tv_set_bool(o, "on_paper", !strcmp(x->approved, "papier"));
		tv_set_str(o, "approved_when", *x->approved ? when(r, x->approved_at) : NULL);
		tv_set_str(o, "corrections", x->corrections);
		if (forms) {
			tv_set_str(o, "approve_url",
				   arena_printf(&r->arena, "/postvak/verslagen/%lld/goedkeuren", x->id));
			tv_set_str(o, "correct_url",
				   arena_printf(&r->arena, "/postvak/verslagen/%lld/corrigeren", x->id));
		}
		/* Set on every report: a missing name would be looked up on the page instead. */
		tv_set_str(o, "report_error", x->id == failed ? why : NULL);
		tv_set_str(o, "report_typed", x->id == failed ? req_form(r, "correctie") : NULL);
		tv_push(list, o);
	}
	return list;
}

/* The {verslag} of the path, or 0. */
static long long report_id(struct req *r)
{
	const char *s = req_param(r, "verslag");
	char *end;
	long long id = s ? strtoll(s, &end, 10) : 0;
	return s && *s && !*end && id > 0 ? id : 0;
}

int web_mailbox_report_approve(struct req *r)
{
	long long id = report_id(r);
	int rc = id ? cases_report_approve(r->w->store, r->mailbox->case_id, r->mailbox->key, "melder", 0, "", id,
					   (long long) time(NULL))
		    : ERR_NOT_FOUND;
	if (rc)
		return rc == ERR_NOT_FOUND ? 404 : 500;
	return web_mailbox_redirect(r, "goedgekeurd=1", "verslagen");
}

int web_mailbox_report_correct(struct req *r)
{
	long long id = report_id(r);
	const char *why = NULL;
	int rc = id ? cases_report_correct(r->w->store, r->mailbox->case_id, r->mailbox->key, id,
					   req_form(r, "correctie"), (long long) time(NULL), &why)
		    : ERR_NOT_FOUND;
	if (rc == ERR_INVALID)
		return web_mailbox_show(r, 400, why, id);
	if (rc)
		return rc == ERR_NOT_FOUND ? 404 : 500;
	return web_mailbox_redirect(r, "gecorrigeerd=1", "verslagen");
}

int web_mailbox_export(struct req *r)
{
	struct case_row c;
	struct case_view cv;
	struct org o;
	long long now = (long long) time(NULL);
	char today[11];
	int rc = cases_mailbox_case(r->w->store, &r->arena, r->mailbox->case_id, &c);
	if (!rc)
		rc = orgs_get(r->w->store, &r->arena, c.org_id, &o);
	if (!rc)
		rc = cases_view(r->w->store, &r->arena, c.id, r->mailbox->key, CASE_FOR_MELDER, &cv);
	if (rc)
		return rc == ERR_NOT_FOUND ? 404 : 500;
	struct tval *v = tv_obj(&r->arena);
	web_mailbox_facts(r, v, &c, &o);
	tv_set(v, "messages", web_mailbox_messages(r, &cv, NULL));
	tv_set(v, "reports", web_mailbox_reports(r, &cv, 0, 0, NULL));
	tv_set_str(v, "exported", when(r, now));
	/* A file to keep: no links back here, no scripts, nothing loaded from anywhere (templates/export.html). */
	if ((rc = web_render(r, "export", v)))
		return rc;
	if (cases_audit(r->w->store, c.id, 0, "geëxporteerd door de melder", now))
		return 500;
	date_local_today(now, today);
	r->page.content_type = "text/html; charset=utf-8";
	r->page.disposition = arena_printf(&r->arena, "attachment; filename=\"mijn-zaak-%s.html\"", today);
	return 0;
}
