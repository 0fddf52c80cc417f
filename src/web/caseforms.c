/*
 * The forms on a VP's case page (casepage.c draws it): each opens the case
 * through web_case_open (the tenant check), does one thing in the domain, and
 * redirects back to its section; bad input shows the page again with a 400
 * and what to do. The case key is wiped before the handler returns.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cases/retention.h"
#include "cases/work.h"
#include "orgs/orgs.h"
#include "web/web.h"

/* What one form on the case page does with the opened case; 0 or a domain error with *why. */
typedef int (*case_op)(struct req *r, const struct org *o, const struct case_row *c, const unsigned char *ck,
		       const char **why);

/* Open the case, do op, and redirect to the form's section (or show the page again with the error). */
static int case_post(struct req *r, case_op op, const char *section)
{
	unsigned char *sk, *ck;
	struct org o;
	struct case_row c;
	const char *why = NULL;
	int rc = web_case_open(r, &sk, &ck, &o, &c);
	if (!rc) {
		int d = op(r, &o, &c, ck, &why);
		rc = d == ERR_INVALID ? 400 : d == ERR_NOT_FOUND ? 404 : d ? 500 : 0;
	}
	vault_secret_free(sk);
	vault_secret_free(ck);
	if (rc == 400)
		return web_case_page(r, 400, why ? why : "Dat kan niet bij deze zaak.", section);
	if (rc)
		return rc;
	r->page.status = 303;
	r->page.location = arena_printf(&r->arena, "%s#%s", web_case_url(r, &o, &c), section);
	return 0;
}

static long long now(void)
{
	return (long long) time(NULL);
}

/* A positive id from the path, or 0. */
static long long path_id(struct req *r, const char *name)
{
	const char *s = req_param(r, name);
	char *end;
	long long id = s ? strtoll(s, &end, 10) : 0;
	return s && *s && !*end && id > 0 ? id : 0;
}

static int op_reply(struct req *r, const struct org *o, const struct case_row *c, const unsigned char *ck,
		    const char **why)
{
	char reader[32];
	snprintf(reader, sizeof(reader), "u%lld", r->session->user_id);
	struct case_file_in file = web_upload(r);
	return cases_message(r->w->store, c->id, ck, "vp", r->session->name, reader, req_form(r, "bericht"), &file,
			     now(), why);
}

static int op_contact(struct req *r, const struct org *o, const struct case_row *c, const unsigned char *ck,
		      const char **why)
{
	const char *m = req_form(r, "minuten");
	char *end = NULL;
	struct contact_input in = {.channel = req_form(r, "kanaal"),
				   .date = req_form(r, "datum"),
				   .minutes = m && *m ? strtoll(m, &end, 10) : 0,
				   .summary = req_form(r, "samenvatting")};
	if (end && *end)
		in.minutes = -1;
	return cases_contact_add(r->w->store, c->id, ck, r->session->user_id, r->session->name, &in, now(), why);
}

static int op_dossier(struct req *r, const struct org *o, const struct case_row *c, const unsigned char *ck,
		      const char **why)
{
	struct dossier d;
	struct case_codes codes;
	web_read_dossier(r, &d);
	web_read_codes(r, &codes);
	return cases_dossier_save(r->w->store, c->id, o->id, ck, r->session->user_id, r->session->name, &d, &codes,
				  now(), why);
}

static int op_note(struct req *r, const struct org *o, const struct case_row *c, const unsigned char *ck,
		   const char **why)
{
	struct case_file_in file = web_upload(r);
	return cases_note_add(r->w->store, c->id, ck, r->session->user_id, r->session->name, req_form(r, "notitie"),
			      &file, now(), why);
}

static int op_action(struct req *r, const struct org *o, const struct case_row *c, const unsigned char *ck,
		     const char **why)
{
	return cases_action_add(r->w->store, c->id, ck, r->session->user_id, r->session->name, req_form(r, "actie"),
				req_form(r, "uiterlijk"), req_form(r, "toestemming"), req_form(r, "toestemming_op"),
				now(), why);
}

static int op_action_done(struct req *r, const struct org *o, const struct case_row *c, const unsigned char *ck,
			  const char **why)
{
	long long id = path_id(r, "actie");
	return id ? cases_action_done(r->w->store, c->id, r->session->user_id, id, now()) : ERR_NOT_FOUND;
}

static int op_refer(struct req *r, const struct org *o, const struct case_row *c, const unsigned char *ck,
		    const char **why)
{
	return cases_refer(r->w->store, c->id, ck, r->session->user_id, r->session->name, req_form(r, "naar"),
			   req_form(r, "toelichting"), req_form(r, "toestemming"), req_form(r, "toestemming_op"), now(),
			   why);
}

static int op_report(struct req *r, const struct org *o, const struct case_row *c, const unsigned char *ck,
		     const char **why)
{
	return cases_oral_report(r->w->store, c->id, ck, r->session->user_id, r->session->name, req_form(r, "verslag"),
				 now(), why);
}

static int op_report_approved(struct req *r, const struct org *o, const struct case_row *c, const unsigned char *ck,
			      const char **why)
{
	long long id = path_id(r, "verslag");
	return id ? cases_report_approve(r->w->store, c->id, ck, "vp", r->session->user_id, r->session->name, id, now())
		  : ERR_NOT_FOUND;
}

static int op_acknowledge(struct req *r, const struct org *o, const struct case_row *c, const unsigned char *ck,
			  const char **why)
{
	*why = "Alleen een melding (niet sparren) heeft een ontvangstbevestiging, en alleen zolang de zaak open is.";
	return cases_acknowledge(r->w->store, c->id, ck, r->session->user_id, r->session->name, req_form(r, "bericht"),
				 now());
}

static int op_feedback(struct req *r, const struct org *o, const struct case_row *c, const unsigned char *ck,
		       const char **why)
{
	*why = "Terugkoppelen kan pas na de ontvangstbevestiging.";
	return cases_feedback(r->w->store, c->id, ck, r->session->user_id, r->session->name, req_form(r, "bericht"),
			      now());
}

static int op_aftercare(struct req *r, const struct org *o, const struct case_row *c, const unsigned char *ck,
			const char **why)
{
	const char *date = req_form(r, "klaar") ? "" : req_form(r, "nazorg");
	return cases_aftercare(r->w->store, c->id, r->session->user_id, date, now(), why);
}

static int op_close(struct req *r, const struct org *o, const struct case_row *c, const unsigned char *ck,
		    const char **why)
{
	return cases_close(r->w->store, c->id, ck, r->session->user_id, r->session->name, req_form(r, "uitkomst"),
			   req_form(r, "toelichting"), now(), why);
}

static int op_reopen(struct req *r, const struct org *o, const struct case_row *c, const unsigned char *ck,
		     const char **why)
{
	return cases_reopen(r->w->store, c->id, ck, r->session->user_id, r->session->name, req_form(r, "reden"), now(),
			    why);
}

static int op_postpone(struct req *r, const struct org *o, const struct case_row *c, const unsigned char *ck,
		       const char **why)
{
	return cases_postpone(r->w->store, c->id, ck, r->session->user_id, r->session->name, req_form(r, "tot"),
			      req_form(r, "reden"), now(), why);
}

/* Destroying at once (a melder's request, or the VP's decision) needs the box ticked: it cannot be undone. */
static int op_destroy(struct req *r, const struct org *o, const struct case_row *c, const unsigned char *ck,
		      const char **why)
{
	const char *sure = req_form(r, "bevestig");
	if (!sure || strcmp(sure, "vernietigen")) {
		*why = "Vink aan dat je de zaak nu wilt vernietigen: dat kan niet ongedaan worden gemaakt.";
		return ERR_INVALID;
	}
	return cases_destroy(r->w->store, c->id, r->session->user_id, now());
}

static int op_share(struct req *r, const struct org *o, const struct case_row *c, const unsigned char *ck,
		    const char **why)
{
	const char *to = req_form(r, "vertrouwenspersoon");
	char *end;
	long long id = to ? strtoll(to, &end, 10) : 0;
	if (!to || !*to || *end || id <= 0 || id == r->session->user_id) {
		*why = "Kies een andere vertrouwenspersoon van deze organisatie.";
		return ERR_INVALID;
	}
	int rc =
	    cases_share(r->w->store, c->id, o->id, ck, r->session->user_id, id, req_form(r, "toestemming"), now(), why);
	if (rc == ERR_NOT_FOUND)
		*why = "Deze vertrouwenspersoon werkt niet voor deze organisatie of heeft nog geen sleutel.";
	return rc == ERR_NOT_FOUND ? ERR_INVALID : rc;
}

int web_case_reply(struct req *r)
{
	return case_post(r, op_reply, "berichten");
}
int web_case_contact(struct req *r)
{
	return case_post(r, op_contact, "contacten");
}
int web_case_dossier(struct req *r)
{
	return case_post(r, op_dossier, "dossier");
}
int web_case_note(struct req *r)
{
	return case_post(r, op_note, "notities");
}
int web_case_action(struct req *r)
{
	return case_post(r, op_action, "acties");
}
int web_case_action_done(struct req *r)
{
	return case_post(r, op_action_done, "acties");
}
int web_case_refer(struct req *r)
{
	return case_post(r, op_refer, "verwijzingen");
}
int web_case_report(struct req *r)
{
	return case_post(r, op_report, "verslagen");
}
int web_case_report_approved(struct req *r)
{
	return case_post(r, op_report_approved, "verslagen");
}
int web_case_acknowledge(struct req *r)
{
	return case_post(r, op_acknowledge, "termijnen");
}
int web_case_feedback(struct req *r)
{
	return case_post(r, op_feedback, "termijnen");
}
int web_case_aftercare(struct req *r)
{
	return case_post(r, op_aftercare, "afsluiten");
}
int web_case_close(struct req *r)
{
	return case_post(r, op_close, "afsluiten");
}
int web_case_reopen(struct req *r)
{
	return case_post(r, op_reopen, "afsluiten");
}
int web_case_share(struct req *r)
{
	return case_post(r, op_share, "delen");
}
int web_case_postpone(struct req *r)
{
	return case_post(r, op_postpone, "afsluiten");
}

/* After destruction there is no case to go back to: the organisation's list says it is gone. */
int web_case_destroy(struct req *r)
{
	int rc = case_post(r, op_destroy, "afsluiten");
	if (!rc && r->page.status == 303) /* the slug passed the tenant check: a real organisation's */
		r->page.location = arena_printf(&r->arena, "/werkruimte/%s?vernietigd=1", req_param(r, "org"));
	return rc;
}
