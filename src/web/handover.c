/*
 * Handing over (cases/handover.h) in the workspace: a leaving VP chooses a
 * colleague of the organisation and, for each of their cases there, how the
 * melder agreed or why they could not be asked; one submit moves every case
 * whose input holds. The organisation comes through cases_vp_org, the tenant
 * check's one home. A submit with a refused case shows the page again with a
 * 400, what moved, and per refused case why; a fully good one redirects back.
 * Only the VP's own session key can open the cases: the beheerder has no way
 * in here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/dates.h"
#include "cases/handover.h"
#include "orgs/orgs.h"
#include "web/web.h"

/* A case that was not handed over, and why. */
struct refusal {
	long long id;
	const char *why;
};

static const char *field_of(struct req *r, const char *name, long long id)
{
	return req_form(r, arena_printf(&r->arena, "%s-%lld", name, id));
}

/* A positive id, or 0. */
static long long id_of(const char *s)
{
	char *end;
	long long id = s ? strtoll(s, &end, 10) : 0;
	return s && *s && !*end && id > 0 ? id : 0;
}

/* The ways a melder's say can be recorded for one case, with the typed one chosen. */
static struct tval *hows(struct req *r, int mailbox, const char *chosen)
{
	static const struct case_choice all[] = {{"mondeling", "Toestemming: mondeling"},
						 {"schriftelijk", "Toestemming: schriftelijk"},
						 {"postvak", "Toestemming: via het postvak"},
						 {HANDOVER_UNREACHABLE, "Niet bereikbaar (reden)"},
						 {NULL, NULL}};
	struct tval *out = tv_list(&r->arena);
	for (size_t i = 0; all[i].code; i++) {
		if (!mailbox && !strcmp(all[i].code, "postvak"))
			continue;
		struct tval *c = tv_obj(&r->arena);
		tv_set_str(c, "code", all[i].code);
		tv_set_str(c, "label", all[i].label);
		tv_set_bool(c, "on", chosen && !strcmp(chosen, all[i].code));
		tv_push(out, c);
	}
	return out;
}

static const char *refusal_for(const struct refusal *x, size_t n, long long id)
{
	for (size_t i = 0; i < n; i++)
		if (x[i].id == id)
			return x[i].why;
	return NULL;
}

/* Whether id is among the cases the form chose. */
static int chosen(struct req *r, long long id)
{
	const char *ids[HANDOVER_MAX];
	size_t n = req_form_all(r, "zaak", ids, HANDOVER_MAX);
	for (size_t i = 0; i < n; i++)
		if (id_of(ids[i]) == id)
			return 1;
	return 0;
}

/* The page: the colleagues, the VP's cases (after a submit with what was typed), and a notice. */
static int page(struct req *r, const struct org *o, int status, const char *notice, const char *error,
		const struct refusal *refused, size_t nrefused)
{
	int posted = !strcmp(r->in.method, "POST");
	struct org_vp *vps;
	struct case_row *rows;
	size_t nvps, n;
	long long total;
	char today[11];
	date_local_today((long long) time(NULL), today);
	if (cases_handover_targets(r->w->store, &r->arena, o->id, r->session->user_id, &vps, &nvps) ||
	    cases_handover_list(r->w->store, &r->arena, o->id, r->session->user_id, &rows, &n, &total))
		return 500;
	const char *to = req_form(r, "naar");
	struct tval *v = tv_obj(&r->arena), *targets = tv_list(&r->arena), *list = tv_list(&r->arena);
	for (size_t i = 0; i < nvps; i++) {
		struct tval *t = tv_obj(&r->arena);
		tv_set_int(t, "id", vps[i].user_id);
		tv_set_str(t, "name", vps[i].name);
		tv_set_bool(t, "on", id_of(to) == vps[i].user_id);
		tv_push(targets, t);
	}
	for (size_t i = 0; i < n; i++) {
		long long id = rows[i].id;
		const char *on = posted ? field_of(r, "op", id) : NULL;
		struct tval *c = tv_obj(&r->arena);
		tv_set_int(c, "id", rows[i].id);
		tv_set_str(c, "url", arena_printf(&r->arena, "/werkruimte/%s/zaken/%lld", o->slug, rows[i].id));
		tv_set_str(c, "mode", rows[i].mode);
		tv_set_str(c, "channel", rows[i].channel);
		tv_set_str(c, "status", rows[i].status);
		tv_set_str(c, "received", web_dutch_date(&r->arena, rows[i].received_on));
		tv_set_bool(c, "mailbox", rows[i].mailbox);
		tv_set(c, "hows", hows(r, rows[i].mailbox, posted ? field_of(r, "hoe", id) : NULL));
		tv_set_str(c, "on", on ? on : today);
		tv_set_str(c, "reason", posted ? field_of(r, "reden", id) : NULL);
		tv_set_str(c, "why", refusal_for(refused, nrefused, id));
		tv_set_bool(c, "checked", !posted || chosen(r, id));
		tv_push(list, c);
	}
	tv_set_str(v, "title", arena_printf(&r->arena, "Zaken overdragen: %s", o->name));
	tv_set_str(v, "org", o->name);
	tv_set_str(v, "org_url", arena_printf(&r->arena, "/werkruimte/%s", o->slug));
	tv_set_str(v, "action", arena_printf(&r->arena, "/werkruimte/%s/overdracht", o->slug));
	struct tval *ids = tv_list(&r->arena);
	for (size_t i = 0; i < nrefused; i++) {
		struct tval *x = tv_obj(&r->arena);
		tv_set_int(x, "id", refused[i].id);
		tv_push(ids, x);
	}
	tv_set(v, "refusals", ids);
	tv_set(v, "targets", targets);
	tv_set(v, "cases", list);
	tv_set_bool(v, "more", total > (long long) n);
	tv_set_int(v, "shown", (long long) n);
	tv_set_int(v, "total", total);
	tv_set_str(v, "today", today);
	tv_set_str(v, "notice", notice);
	tv_set_str(v, "error", error);
	tv_set_bool(v, "has_key", r->session->sk_box != NULL);
	return web_form_render(r, "handover", v, status);
}

static const char *moved_label(struct req *r, long long n)
{
	return n == 1 ? "1 zaak is overgedragen." : arena_printf(&r->arena, "%lld zaken zijn overgedragen.", n);
}

int web_handover_form(struct req *r)
{
	struct org o;
	int rc = cases_vp_org(r->w->store, &r->arena, req_param(r, "org"), r->session->user_id, &o);
	if (rc)
		return rc == ERR_NOT_FOUND ? 404 : 500;
	long long moved = id_of(req_query(r, "overgedragen"));
	return page(r, &o, 200, moved ? moved_label(r, moved) : NULL, NULL, NULL, 0);
}

/* Hand over every chosen case; the refused ones (and why) into out. 0, or 500 for a store failure. */
static int hand_over_all(struct req *r, const struct org *o, long long to, const char **ids, size_t n,
			 struct refusal *out, long long *moved, size_t *refused)
{
	unsigned char *sk = web_vp_key(r);
	int rc = 0;
	*moved = 0;
	*refused = 0;
	for (size_t i = 0; !rc && i < n; i++) {
		long long id = id_of(ids[i]);
		const char *why = NULL;
		struct handover_input in = {.case_id = id,
					    .consent_how = field_of(r, "hoe", id),
					    .consent_on = field_of(r, "op", id),
					    .reason = field_of(r, "reden", id)};
		int d = cases_hand_over(r->w->store, o->id, r->session->user_id, r->session->name, sk, to, &in,
					(long long) time(NULL), &why);
		if (d == ERR_INVALID || d == ERR_NOT_FOUND) {
			out[*refused].id = id;
			out[(*refused)++].why = why ? why : "Dat kan niet bij deze zaak.";
		} else if (d) {
			rc = 500;
		} else {
			(*moved)++;
		}
	}
	vault_secret_free(sk);
	return rc;
}

int web_handover(struct req *r)
{
	struct org o;
	int rc = cases_vp_org(r->w->store, &r->arena, req_param(r, "org"), r->session->user_id, &o);
	if (rc)
		return rc == ERR_NOT_FOUND ? 404 : 500;
	const char *ids[HANDOVER_MAX];
	size_t n = req_form_all(r, "zaak", ids, HANDOVER_MAX);
	long long to = id_of(req_form(r, "naar"));
	if (!to)
		return page(r, &o, 400, NULL, "Kies aan wie je de zaken overdraagt.", NULL, 0);
	if (!n)
		return page(r, &o, 400, NULL, "Kies minstens één zaak om over te dragen.", NULL, 0);
	struct refusal *refusals = arena_calloc(&r->arena, n, sizeof(*refusals));
	long long moved;
	size_t refused;
	if (!refusals)
		return 500;
	if ((rc = hand_over_all(r, &o, to, ids, n, refusals, &moved, &refused)))
		return rc;
	if (refused) {
		const char *why =
		    moved ? arena_printf(&r->arena, "%s %zu niet, zie hieronder:", moved_label(r, moved), refused)
			  : "Er is niets overgedragen, zie hieronder:";
		return page(r, &o, 400, NULL, why, refusals, refused);
	}
	r->page.status = 303;
	r->page.location = arena_printf(&r->arena, "/werkruimte/%s/overdracht?overgedragen=%lld", o.slug, moved);
	return 0;
}
