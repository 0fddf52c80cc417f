/*
 * A case in the VP's workspace: its page (facts and deadlines, dossier,
 * contacts, actions, referrals, oral reports, messages with the melder, notes,
 * consents, sharing, closing, timeline and audit trail); its forms are in
 * caseforms.c.
 * The case comes through cases_vp_case, the tenant check's one home; its key
 * is opened per request with the key the VP's session carries and wiped
 * before the handler returns. A form with bad input shows the page again with
 * a 400 and what to do; a good one redirects back to its section.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/dates.h"
#include "cases/handover.h"
#include "cases/retention.h"
#include "cases/work.h"
#include "orgs/orgs.h"
#include "web/web.h"

/* The case of the path, opened; 0 or 404/500/503 (sk and ck freed by the caller). */
int web_case_open(struct req *r, unsigned char **sk, unsigned char **ck, struct org *o, struct case_row *c)
{
	*sk = web_vp_key(r);
	*ck = vault_secret_new();
	if (!*ck)
		return 503;
	int rc = cases_vp_case(r->w->store, &r->arena, req_param(r, "org"), req_param(r, "zaak"), r->session->user_id,
			       *sk, o, c, *ck);
	return rc == ERR_NOT_FOUND ? 404 : rc ? 500 : 0;
}

const char *web_case_url(struct req *r, const struct org *o, const struct case_row *c)
{
	return arena_printf(&r->arena, "/werkruimte/%s/zaken/%lld", o->slug, c->id);
}

static const char *choice_label(const struct case_choice *list, const char *code)
{
	const struct case_choice *c = case_choice_find(list, code);
	return c ? c->label : code;
}

/* A deadline line for the facts: what, when, and whether it has passed. */
static void deadline(struct req *r, struct tval *list, const char *what, const char *date, const char *done,
		     const char *today)
{
	if (!date || !*date)
		return;
	struct tval *d = tv_obj(&r->arena);
	tv_set_str(d, "what", what);
	tv_set_str(d, "date", web_dutch_date(&r->arena, date));
	tv_set_str(d, "done", web_dutch_date(&r->arena, done));
	tv_set_bool(d, "overdue", (!done || !*done) && strcmp(date, today) < 0);
	tv_set_bool(d, "soon", (!done || !*done) && strcmp(date, today) >= 0);
	tv_push(list, d);
}

static struct tval *deadlines(struct req *r, const struct case_row *c, const char *today)
{
	struct tval *list = tv_list(&r->arena);
	int open = strcmp(c->status, "gesloten") != 0;
	if (!strcmp(c->mode, "melden")) {
		deadline(r, list, "Ontvangst bevestigen (Wbk, 7 dagen)", c->ack_due,
			 *c->acknowledged_on ? c->acknowledged_on
			 : open		     ? ""
					     : c->closed_on,
			 today);
		deadline(r, list, "Terugkoppelen (Wbk, 3 maanden)", c->feedback_due,
			 *c->feedback_on ? c->feedback_on
			 : open		 ? ""
					 : c->closed_on,
			 today);
	}
	deadline(r, list, "Eerste reactie (belofte van de organisatie)", c->respond_due,
		 *c->responded_on ? c->responded_on
		 : open		  ? ""
				  : c->closed_on,
		 today);
	deadline(r, list, "Nazorg", c->aftercare_on, "", today);
	deadline(r, list, "Vernietiging volgens schema", c->destroy_on, c->destroyed_on, today);
	return list;
}

static const char *tag_labels(struct req *r, const struct case_view *cv, const char *kind,
			      const struct case_choice *list)
{
	const char *out = "";
	for (size_t i = 0; i < cv->ntags; i++)
		if (!strcmp(cv->tags[i].kind, kind))
			out = arena_printf(&r->arena, "%s%s%s", out, *out ? ", " : "",
					   choice_label(list, cv->tags[i].code));
	return out;
}

/* The case's themes by name, the organisation's own included. */
static const char *themes_label(struct req *r, const struct org *o, const char *codes)
{
	struct case_choice *themes;
	size_t n;
	const char *out = "";
	char *list = arena_strdup(&r->arena, codes), *save = NULL;
	if (!list || cases_org_themes(r->w->store, &r->arena, o->id, &themes, &n))
		return codes;
	for (char *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		const char *name = t;
		for (size_t i = 0; i < n; i++)
			if (!strcmp(themes[i].code, t))
				name = themes[i].label;
		out = arena_printf(&r->arena, "%s%s%s", out, *out ? ", " : "", name);
	}
	return out;
}

static const char *kind_label(const char *kind)
{
	static const struct case_choice kinds[] = {{"bericht", "Bericht"},
						   {"bijlage", "Bijlage"},
						   {"gegevens", "Gegevens van de melder"},
						   {"verzoek", "Verzoek van de melder"},
						   {"verslag", "Verslag"},
						   {"goedkeuring", "Verslag goedgekeurd"},
						   {"correctie", "Correctie op verslag"},
						   {"dossier", "Dossier bijgewerkt"},
						   {"contact", "Contact"},
						   {"actie", "Actie"},
						   {"verwijzing", "Verwijzing"},
						   {"notitie", "Notitie"},
						   {"stuk", "Document"},
						   {"afsluiting", "Gesloten"},
						   {"heropening", "Heropend"},
						   {"uitstel", "Vernietiging uitgesteld"},
						   {"overdracht", "Overgedragen"},
						   {NULL, NULL}};
	return choice_label(kinds, kind);
}

static struct tval *timeline(struct req *r, const struct case_view *cv, const char *files)
{
	struct tval *list = tv_list(&r->arena);
	for (size_t i = 0; i < cv->ntimeline; i++) {
		const struct case_entry *e = &cv->timeline[i];
		struct tval *t = tv_obj(&r->arena);
		char when[64];
		date_local_long(e->at, "nl", when, sizeof(when));
		tv_set_str(t, "kind", kind_label(e->kind));
		tv_set_str(t, "who", !strcmp(e->author, "melder") ? "Melder" : *e->who ? e->who : "Vertrouwenspersoon");
		tv_set_str(t, "when", arena_strdup(&r->arena, when));
		tv_set_str(t, "text", e->text);
		if (e->file_name) {
			tv_set_str(t, "file", e->file_name);
			tv_set_str(t, "file_url", arena_printf(&r->arena, "%s/%lld", files, e->id));
		}
		tv_push(list, t);
	}
	return list;
}

/* The melder's side of the conversation: what they and the VP exchanged through the mailbox. */
static int shared(const char *kind)
{
	return !strcmp(kind, "bericht") || !strcmp(kind, "bijlage") || !strcmp(kind, "gegevens") ||
	       !strcmp(kind, "verzoek") || !strcmp(kind, "correctie");
}

static void sections(struct req *r, struct tval *v, const struct org *o, const struct case_row *c,
		     const struct case_view *cv, const char *files)
{
	struct tval *contacts = tv_list(&r->arena), *actions = tv_list(&r->arena), *refs = tv_list(&r->arena),
		    *reports = tv_list(&r->arena), *consents = tv_list(&r->arena), *audit = tv_list(&r->arena);
	for (size_t i = 0; i < cv->ncontacts; i++) {
		struct tval *t = tv_obj(&r->arena);
		tv_set_str(t, "date", web_dutch_date(&r->arena, cv->contacts[i].date));
		tv_set_str(t, "channel", cv->contacts[i].channel);
		tv_set_int(t, "minutes", cv->contacts[i].minutes);
		tv_set_str(t, "summary", cv->contacts[i].summary);
		tv_set_str(t, "who", cv->contacts[i].who);
		tv_push(contacts, t);
	}
	for (size_t i = 0; i < cv->nactions; i++) {
		const struct case_action_view *x = &cv->actions[i];
		struct tval *t = tv_obj(&r->arena);
		tv_set_str(t, "text", x->text);
		tv_set_str(t, "due", web_dutch_date(&r->arena, x->due_on));
		tv_set_str(t, "done", web_dutch_date(&r->arena, x->done_on));
		tv_set_str(t, "consent",
			   !strcmp(x->consent_how, "niet-nodig")
			       ? "niet nodig (niemand anders betrokken)"
			       : arena_printf(&r->arena, "%s, %s", choice_label(consent_hows, x->consent_how),
					      web_dutch_date(&r->arena, x->consent_on)));
		tv_set_str(t, "done_url",
			   arena_printf(&r->arena, "%s/acties/%lld/klaar", web_case_url(r, o, c), x->id));
		tv_push(actions, t);
	}
	for (size_t i = 0; i < cv->nreferrals; i++) {
		const struct case_referral *x = &cv->referrals[i];
		struct tval *t = tv_obj(&r->arena);
		tv_set_str(t, "to", x->to);
		tv_set_str(t, "note", x->note);
		tv_set_str(t, "consent",
			   arena_printf(&r->arena, "%s, %s", choice_label(consent_hows, x->consent_how),
					web_dutch_date(&r->arena, x->consent_on)));
		tv_push(refs, t);
	}
	for (size_t i = 0; i < cv->nreports; i++) {
		const struct case_report *x = &cv->reports[i];
		struct tval *t = tv_obj(&r->arena);
		char when[64];
		date_local_long(x->at, "nl", when, sizeof(when));
		tv_set_str(t, "when", arena_strdup(&r->arena, when));
		tv_set_str(t, "text", x->text);
		tv_set_str(t, "approved",
			   !strcmp(x->approved, "postvak")  ? "goedgekeurd door de melder (postvak)"
			   : !strcmp(x->approved, "papier") ? "op papier goedgekeurd"
							    : "");
		tv_set_str(t, "corrections", x->corrections);
		tv_set_str(t, "approve_url",
			   arena_printf(&r->arena, "%s/verslagen/%lld/goedgekeurd", web_case_url(r, o, c), x->id));
		tv_push(reports, t);
	}
	for (size_t i = 0; i < cv->nconsents; i++) {
		struct tval *t = tv_obj(&r->arena);
		tv_set_str(t, "what", cv->consents[i].what);
		tv_set_str(t, "how", choice_label(consent_hows, cv->consents[i].how));
		tv_set_str(t, "at", web_dutch_date(&r->arena, cv->consents[i].at));
		tv_set_bool(t, "given", cv->consents[i].given);
		tv_set_bool(t, "unreachable", !strcmp(cv->consents[i].how, HANDOVER_UNREACHABLE));
		tv_push(consents, t);
	}
	for (size_t i = 0; i < cv->naudit; i++) {
		struct tval *t = tv_obj(&r->arena);
		char when[64];
		date_local_long(cv->audit[i].at, "nl", when, sizeof(when));
		tv_set_str(t, "what", cv->audit[i].what);
		tv_set_str(t, "who", *cv->audit[i].who ? cv->audit[i].who : "melder of systeem");
		tv_set_str(t, "when", arena_strdup(&r->arena, when));
		tv_push(audit, t);
	}
	struct case_entry *msgs = arena_calloc(&r->arena, cv->ntimeline + 1, sizeof(*msgs));
	size_t nmsgs = 0;
	for (size_t i = 0; msgs && i < cv->ntimeline; i++)
		if (shared(cv->timeline[i].kind))
			msgs[nmsgs++] = cv->timeline[i];
	tv_set(v, "messages", web_case_entries(r, msgs, nmsgs, "vp", files));
	tv_set(v, "contacts", contacts);
	tv_set(v, "actions", actions);
	tv_set(v, "referrals", refs);
	tv_set(v, "reports", reports);
	tv_set(v, "consents", consents);
	tv_set(v, "audit", audit);
	tv_set(v, "timeline", timeline(r, cv, files));
}

/* The other VPs of the organisation, for sharing; whether each can already read the case. */
static struct tval *colleagues(struct req *r, const struct org *o, const struct case_row *c)
{
	struct tval *list = tv_list(&r->arena);
	struct org_vp *vps;
	long long *readers;
	size_t n, nr;
	if (orgs_vps(r->w->store, &r->arena, o->id, &vps, &n) ||
	    cases_readers(r->w->store, &r->arena, c->id, &readers, &nr))
		return list;
	for (size_t i = 0; i < n; i++) {
		if (vps[i].user_id == r->session->user_id)
			continue;
		int has = 0;
		for (size_t j = 0; j < nr && !has; j++)
			has = readers[j] == vps[i].user_id;
		struct tval *t = tv_obj(&r->arena);
		tv_set_int(t, "id", vps[i].user_id);
		tv_set_str(t, "name", vps[i].name);
		tv_set_bool(t, "has", has);
		tv_push(list, t);
	}
	return list;
}

static void codes_of(const struct case_view *cv, const struct case_row *c, struct arena *a, struct case_codes *out)
{
	memset(out, 0, sizeof(*out));
	char *themes = arena_strdup(a, c->themes);
	char *save = NULL;
	for (char *t = themes ? strtok_r(themes, ",", &save) : NULL; t && out->nthemes < CASE_TAGS_MAX;
	     t = strtok_r(NULL, ",", &save))
		out->themes[out->nthemes++] = t;
	for (size_t i = 0; i < cv->ntags; i++) {
		if (!strcmp(cv->tags[i].kind, "betrokkene") && out->ninvolved < CASE_TAGS_MAX)
			out->involved[out->ninvolved++] = cv->tags[i].code;
		else if (!strcmp(cv->tags[i].kind, "hulp") && out->nhelp < CASE_TAGS_MAX)
			out->help[out->nhelp++] = cv->tags[i].code;
	}
}

/*
 * When the case will be destroyed, a warning within RETENTION_WARN_DAYS, what
 * postponing may choose, and whether the melder asked for deletion.
 */
static void destruction(struct req *r, struct tval *v, const struct case_row *c, const struct case_view *cv,
			const char *today)
{
	int closed = !strcmp(c->status, "gesloten"), asked = 0;
	long long days = 0;
	char from[11];
	for (size_t i = 0; i < cv->nconsents; i++)
		asked |= !strcmp(cv->consents[i].what, "verwijdering") && cv->consents[i].given;
	tv_set_bool(v, "deletion_asked", asked);
	if (!*c->destroy_on || date_days_between(today, c->destroy_on, &days))
		return;
	/* The earliest date postponing accepts: the day after the schedule, and after today. */
	if (date_add_days(strcmp(c->destroy_on, today) > 0 ? c->destroy_on : today, 1, from))
		return;
	tv_set_str(v, "destroy_on", web_dutch_date(&r->arena, c->destroy_on));
	tv_set_str(v, "destroy_limit", web_dutch_date(&r->arena, c->destroy_limit));
	tv_set_bool(v, "destroy_warn", closed && days <= RETENTION_WARN_DAYS);
	tv_set_int(v, "destroy_days", days);
	tv_set_bool(v, "destroy_due", days <= 0);
	tv_set_bool(v, "can_postpone", closed && strcmp(from, c->destroy_limit) <= 0);
	tv_set_str(v, "postpone_min", arena_strdup(&r->arena, from));
	tv_set_str(v, "postpone_max", c->destroy_limit);
}

int web_case_page(struct req *r, int status, const char *error, const char *error_at)
{
	unsigned char *sk, *ck;
	struct org o;
	struct case_row c;
	struct case_view cv;
	char reader[32], today[11];
	snprintf(reader, sizeof(reader), "u%lld", r->session->user_id);
	date_local_today((long long) time(NULL), today);
	int rc = web_case_open(r, &sk, &ck, &o, &c);
	if (!rc && cases_view(r->w->store, &r->arena, c.id, ck, CASE_FOR_VP, &cv))
		rc = 500;
	if (!rc && status == 200 &&
	    (cases_seen(r->w->store, c.id, reader) ||
	     cases_audit(r->w->store, c.id, r->session->user_id, "geopend", (long long) time(NULL))))
		rc = 500;
	vault_secret_free(sk);
	vault_secret_free(ck);
	if (rc)
		return rc;
	struct tval *v = tv_obj(&r->arena);
	const char *url = web_case_url(r, &o, &c);
	int closed = !strcmp(c.status, "gesloten");
	tv_set_str(v, "title", arena_printf(&r->arena, "Zaak %lld", c.id));
	tv_set_int(v, "id", c.id);
	tv_set_str(v, "org", o.name);
	tv_set_str(v, "org_url", arena_printf(&r->arena, "/werkruimte/%s", o.slug));
	tv_set_str(v, "action", url);
	tv_set_str(v, "mode", c.mode);
	tv_set_bool(v, "melden", !strcmp(c.mode, "melden"));
	tv_set_str(v, "channel", choice_label(case_channels, c.channel));
	tv_set_str(v, "status", c.status);
	tv_set_bool(v, "closed", closed);
	tv_set_bool(v, "mailbox", c.mailbox);
	tv_set_str(v, "outcome", *c.outcome ? choice_label(case_outcomes, c.outcome) : "");
	tv_set_str(v, "received", web_dutch_date(&r->arena, c.received_on));
	tv_set_str(v, "themes_label", themes_label(r, &o, c.themes));
	tv_set_str(v, "involved_label", tag_labels(r, &cv, "betrokkene", involved_relations));
	tv_set_str(v, "help_label", tag_labels(r, &cv, "hulp", help_kinds));
	tv_set_str(v, "referral_label", tag_labels(r, &cv, "verwijzing", referral_kinds));
	tv_set(v, "deadlines", deadlines(r, &c, today));
	tv_set_int(v, "reopened", c.reopened);
	tv_set_bool(v, "can_acknowledge", !strcmp(c.mode, "melden") && !*c.acknowledged_on && !closed);
	tv_set_bool(v, "can_feedback", *c.acknowledged_on && !*c.feedback_on && !closed);
	tv_set_str(v, "ack_text",
		   cases_ack_text(&r->arena, req_query(r, "taal") ? req_query(r, "taal") : "nl", o.name,
				  web_dutch_date(&r->arena, c.received_on), r->session->name));
	tv_set_str(v, "ack_lang", req_query(r, "taal") && !strcmp(req_query(r, "taal"), "en") ? "en" : "nl");
	tv_set_str(v, "aftercare", c.aftercare_on);
	tv_set_str(v, "today", today);
	destruction(r, v, &c, &cv, today);
	struct case_codes codes;
	codes_of(&cv, &c, &r->arena, &codes);
	web_dossier_form(r, v, &o, &cv.dossier, &codes);
	tv_set_bool(v, "has_dossier", cv.dossier_at != 0);
	tv_set(v, "channels", web_choice_list(r, case_channels, "telefoon"));
	tv_set(v, "referral_kinds", web_choice_list(r, referral_kinds, NULL));
	tv_set(v, "outcomes", web_choice_list(r, case_outcomes, NULL));
	tv_set(v, "consent_hows", web_choice_list(r, consent_hows, NULL));
	tv_set(v, "colleagues", colleagues(r, &o, &c));
	sections(r, v, &o, &c, &cv, arena_printf(&r->arena, "%s/bijlagen", url));
	tv_set_str(v, "error", error);
	tv_set_str(v, "error_at", error_at ? error_at : "");
	tv_set_str(v, "typed", error ? req_form(r, "bericht") : NULL);
	return web_form_render(r, "case", v, status);
}

int web_case(struct req *r)
{
	return web_case_page(r, 200, NULL, NULL);
}

int web_case_attachment(struct req *r)
{
	unsigned char *sk, *ck;
	struct org o;
	struct case_row c;
	int rc = web_case_open(r, &sk, &ck, &o, &c);
	if (!rc)
		rc = web_attachment(r, c.id, ck, CASE_FOR_VP);
	vault_secret_free(sk);
	vault_secret_free(ck);
	return rc;
}
