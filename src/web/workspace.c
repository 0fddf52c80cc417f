/*
 * The VP's workspace: the overview of deadlines, their cases across the
 * organisations they serve (filtered and paged), and registering a contact as
 * a new case. Every route needs the vertrouwenspersoon role; an organisation
 * comes through cases_vp_org, the tenant check's one home, so one the VP does
 * not serve is a 404 like one that does not exist. The case page itself is in
 * casepage.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/dates.h"
#include "cases/work.h"
#include "html/escape.h"
#include "orgs/orgs.h"
#include "web/web.h"

const char *web_dutch_date(struct arena *a, const char *iso)
{
	char out[40];
	return !iso || !*iso ? "" : date_dutch(iso, out, sizeof(out)) ? iso : arena_strdup(a, out);
}

/* A list of choices for a template: code, label, and whether it is among chosen. */
struct tval *web_choices(struct req *r, const struct case_choice *list, size_t n, const char *const *chosen,
			 size_t nchosen)
{
	struct tval *out = tv_list(&r->arena);
	for (size_t i = 0; i < n && list[i].code; i++) {
		struct tval *c = tv_obj(&r->arena);
		int on = 0;
		for (size_t j = 0; j < nchosen && !on; j++)
			on = !strcmp(chosen[j], list[i].code);
		tv_set_str(c, "code", list[i].code);
		tv_set_str(c, "label", list[i].label);
		tv_set_bool(c, "on", on);
		tv_push(out, c);
	}
	return out;
}

static size_t list_len(const struct case_choice *list)
{
	size_t n = 0;
	while (list[n].code)
		n++;
	return n;
}

struct tval *web_choice_list(struct req *r, const struct case_choice *list, const char *chosen)
{
	return web_choices(r, list, list_len(list), &chosen, chosen ? 1 : 0);
}

/* "Termijn" as the lists show it: what is due and when, "" when nothing is. */
static const char *due_label(struct arena *a, const struct case_row *c)
{
	return *c->next_due ? arena_printf(a, "%s %s", c->next_due_what, web_dutch_date(a, c->next_due)) : "";
}

/* The workspace's query string with one parameter changed (page 1 unless page is given). */
static const char *list_url(struct req *r, const char *base, const char *key, const char *value, long long page)
{
	static const char *const keys[] = {"organisatie", "status", "thema", "termijn"};
	struct buf u = BUF_INIT(8192);
	int rc = buf_adds(&u, base);
	char sep = '?';
	for (size_t i = 0; !rc && i < sizeof(keys) / sizeof(keys[0]); i++) {
		const char *v = key && !strcmp(keys[i], key) ? value : req_query(r, keys[i]);
		if (!v || !*v)
			continue;
		rc = buf_addf(&u, "%c%s=", sep, keys[i]) || html_url_query(&u, v, strlen(v));
		sep = '&';
	}
	if (!rc && page > 1)
		rc = buf_addf(&u, "%cpagina=%lld", sep, page);
	char *s = rc ? NULL : arena_strndup(&r->arena, u.ptr, u.len);
	if (!s)
		r->arena.failed = 1;
	buf_free(&u);
	return s;
}

/* The list of a VP's cases into v; 0, 404 (a page past the end) or 500. */
static int case_list(struct req *r, struct tval *v, const struct org *orgs, size_t norgs, long long org_id,
		     const char *base)
{
	char today[11], week[11];
	const char *p = req_query(r, "pagina");
	long long page = p ? strtoll(p, NULL, 10) : 1;
	if (page < 1 || page > 100000)
		return 404;
	date_local_today((long long) time(NULL), today);
	if (date_add_days(today, 7, week))
		return 500;
	struct case_filter f = {.user_id = r->session->user_id,
				.org_id = org_id,
				.status = req_query(r, "status"),
				.theme = req_query(r, "thema"),
				.due = req_query(r, "termijn"),
				.today = today,
				.week_end = week,
				.limit = CASE_PAGE,
				.offset = (page - 1) * CASE_PAGE};
	struct case_row *rows;
	size_t n;
	long long total;
	if (cases_search(r->w->store, &r->arena, &f, &rows, &n, &total))
		return 500;
	long long pages = total ? (total + CASE_PAGE - 1) / CASE_PAGE : 1;
	if (page > pages)
		return 404;
	struct tval *list = tv_list(&r->arena);
	for (size_t i = 0; i < n; i++) {
		const struct org *o = NULL;
		for (size_t j = 0; j < norgs && !o; j++)
			o = orgs[j].id == rows[i].org_id ? &orgs[j] : NULL;
		if (!o)
			continue;
		struct tval *c = tv_obj(&r->arena);
		tv_set_str(c, "url", arena_printf(&r->arena, "/werkruimte/%s/zaken/%lld", o->slug, rows[i].id));
		tv_set_int(c, "id", rows[i].id);
		tv_set_str(c, "org_name", o->name);
		tv_set_str(c, "mode", rows[i].mode);
		tv_set_str(c, "channel", rows[i].channel);
		tv_set_str(c, "status", rows[i].status);
		tv_set_str(c, "received", web_dutch_date(&r->arena, rows[i].received_on));
		tv_set_str(c, "due", due_label(&r->arena, &rows[i]));
		tv_set_bool(c, "overdue", *rows[i].next_due && strcmp(rows[i].next_due, today) < 0);
		tv_set_int(c, "unread", rows[i].unread);
		tv_set_bool(c, "waiting", rows[i].waiting);
		tv_push(list, c);
	}
	tv_set(v, "cases", list);
	tv_set_str(v, "total_label", arena_printf(&r->arena, total == 1 ? "1 zaak" : "%lld zaken", total));
	tv_set_int(v, "page", page);
	tv_set_int(v, "pages", pages);
	tv_set_bool(v, "paged", pages > 1);
	if (page > 1)
		tv_set_str(v, "prev_url", list_url(r, base, NULL, NULL, page - 1));
	if (page < pages)
		tv_set_str(v, "next_url", list_url(r, base, NULL, NULL, page + 1));
	struct case_overview ov;
	if (cases_overview(r->w->store, r->session->user_id, org_id, today, &ov))
		return 500;
	static const struct {
		const char *due, *label, *key;
	} tiles[] = {{"verlopen", "Termijn verlopen", "overdue"},
		     {"week", "Termijn deze week", "this_week"},
		     {"melder", "Wacht op de melder", "waiting"}};
	long long counts[] = {ov.overdue, ov.this_week, ov.waiting};
	struct tval *tl = tv_list(&r->arena);
	for (size_t i = 0; i < 3; i++) {
		struct tval *t = tv_obj(&r->arena);
		tv_set_str(t, "label", tiles[i].label);
		tv_set_int(t, "count", counts[i]);
		tv_set_bool(t, "alert", i == 0 && counts[i] > 0);
		tv_set_str(t, "url", list_url(r, base, "termijn", tiles[i].due, 1));
		tv_push(tl, t);
	}
	tv_set(v, "tiles", tl);
	tv_set_int(v, "open", ov.open);
	return 0;
}

/* The filter form's choices into v. */
static void filter_form(struct req *r, struct tval *v, const struct org *orgs, size_t norgs, int with_orgs)
{
	static const struct case_choice statuses[] = {{"open", "Niet gesloten"},
						      {"nieuw", "Nieuw"},
						      {"lopend", "Lopend"},
						      {"gesloten", "Gesloten"},
						      {NULL, NULL}};
	static const struct case_choice dues[] = {
	    {"verlopen", "Verlopen"}, {"week", "Deze week"}, {"melder", "Wacht op de melder"}, {NULL, NULL}};
	if (with_orgs) {
		struct tval *ol = tv_list(&r->arena);
		const char *chosen = req_query(r, "organisatie");
		for (size_t i = 0; i < norgs; i++) {
			struct tval *o = tv_obj(&r->arena);
			tv_set_str(o, "code", orgs[i].slug);
			tv_set_str(o, "label", orgs[i].name);
			tv_set_bool(o, "on", chosen && !strcmp(chosen, orgs[i].slug));
			tv_push(ol, o);
		}
		tv_set(v, "filter_orgs", ol);
	}
	tv_set(v, "statuses", web_choice_list(r, statuses, req_query(r, "status")));
	tv_set(v, "themes", web_choice_list(r, case_themes, req_query(r, "thema")));
	tv_set(v, "dues", web_choice_list(r, dues, req_query(r, "termijn")));
}

int web_workspace(struct req *r)
{
	struct org *orgs;
	size_t n;
	if (orgs_of(r->w->store, &r->arena, r->session->user_id, ORG_ROLE_VP, &orgs, &n))
		return 500;
	long long org_id = 0;
	const char *slug = req_query(r, "organisatie");
	for (size_t i = 0; slug && *slug && i < n && !org_id; i++)
		org_id = !strcmp(orgs[i].slug, slug) ? orgs[i].id : 0;
	if (slug && *slug && !org_id)
		return 404; /* an organisation the VP does not serve, or none at all */
	struct tval *v = tv_obj(&r->arena), *ol = tv_list(&r->arena);
	int rc = case_list(r, v, orgs, n, org_id, "/werkruimte");
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++) {
		struct tval *o = tv_obj(&r->arena);
		tv_set_str(o, "name", orgs[i].name);
		tv_set_str(o, "url", arena_printf(&r->arena, "/werkruimte/%s", orgs[i].slug));
		tv_set_str(o, "register", arena_printf(&r->arena, "/werkruimte/%s/registreren", orgs[i].slug));
		tv_push(ol, o);
	}
	filter_form(r, v, orgs, n, 1);
	tv_set_str(v, "title", "Werkruimte");
	tv_set_str(v, "form_action", "/werkruimte");
	tv_set(v, "orgs", ol);
	tv_set_bool(v, "has_orgs", n > 0);
	tv_set_bool(v, "has_key", r->session->sk_box != NULL);
	tv_set_bool(v, "noindex", true);
	int mail = 1;
	if (cases_deadline_mail(r->w->store, r->session->user_id, &mail))
		return 500;
	tv_set_bool(v, "deadline_mail", mail);
	tv_set_bool(v, "mail_saved", req_query(r, "opgeslagen") != NULL);
	tv_set_str(v, "csrf", r->session->csrf);
	return web_render(r, "workspace", v);
}

/* The VP switches the deadline e-mails on or off (the box ticked or not). */
int web_workspace_reminders(struct req *r)
{
	if (cases_deadline_mail_set(r->w->store, r->session->user_id, req_form(r, "aan") != NULL))
		return 500;
	r->page.status = 303;
	r->page.location = "/werkruimte?opgeslagen=1#herinneringen";
	return 0;
}

int web_workspace_org(struct req *r)
{
	struct org o;
	int rc = cases_vp_org(r->w->store, &r->arena, req_param(r, "org"), r->session->user_id, &o);
	if (rc)
		return rc == ERR_NOT_FOUND ? 404 : 500;
	struct tval *v = tv_obj(&r->arena);
	const char *base = arena_printf(&r->arena, "/werkruimte/%s", o.slug);
	if ((rc = case_list(r, v, &o, 1, o.id, base)))
		return rc;
	filter_form(r, v, &o, 1, 0);
	tv_set_str(v, "title", arena_printf(&r->arena, "Zaken van %s", o.name));
	tv_set_str(v, "org", o.name);
	tv_set_str(v, "form_action", base);
	tv_set_str(v, "register", arena_printf(&r->arena, "/werkruimte/%s/registreren", o.slug));
	tv_set_str(v, "handover", arena_printf(&r->arena, "/werkruimte/%s/overdracht", o.slug));
	char today[11];
	date_local_today((long long) time(NULL), today);
	tv_set_int(v, "report_year", (int) strtol(today, NULL, 10) - 1);
	tv_set_str(v, "report",
		   arena_printf(&r->arena, "/werkruimte/%s/jaarverslag/%d", o.slug, (int) strtol(today, NULL, 10) - 1));
	tv_set_bool(v, "destroyed", req_query(r, "vernietigd") != NULL);
	tv_set_bool(v, "has_key", r->session->sk_box != NULL);
	tv_set_bool(v, "noindex", true);
	return web_render(r, "workspace", v);
}

void web_read_codes(struct req *r, struct case_codes *c)
{
	c->nthemes = req_form_all(r, "thema", c->themes, CASE_TAGS_MAX);
	c->ninvolved = req_form_all(r, "betrokkene", c->involved, CASE_TAGS_MAX);
	c->nhelp = req_form_all(r, "hulp", c->help, CASE_TAGS_MAX);
}

void web_read_dossier(struct req *r, struct dossier *d)
{
	*d = (struct dossier){.melder_name = req_form(r, "naam"),
			      .melder_contact = req_form(r, "contact"),
			      .melder_relation = req_form(r, "relatie"),
			      .involved = req_form(r, "betrokkenen"),
			      .since = req_form(r, "sinds"),
			      .story = req_form(r, "verhaal"),
			      .wishes = req_form(r, "wensen"),
			      .options = req_form(r, "opties")};
}

void web_dossier_form(struct req *r, struct tval *v, const struct org *o, const struct dossier *d,
		      const struct case_codes *c)
{
	struct case_choice *themes;
	size_t nthemes;
	if (cases_org_themes(r->w->store, &r->arena, o->id, &themes, &nthemes))
		themes = NULL, nthemes = 0;
	tv_set(v, "themes", web_choices(r, themes, nthemes, c->themes, c->nthemes));
	tv_set(v, "involved_relations",
	       web_choices(r, involved_relations, list_len(involved_relations), c->involved, c->ninvolved));
	tv_set(v, "help_kinds", web_choices(r, help_kinds, list_len(help_kinds), c->help, c->nhelp));
	tv_set(v, "melder_relations", web_choice_list(r, melder_relations, d->melder_relation));
	struct tval *dv = tv_obj(&r->arena);
	tv_set_str(dv, "naam", d->melder_name);
	tv_set_str(dv, "contact", d->melder_contact);
	tv_set_str(dv, "betrokkenen", d->involved);
	tv_set_str(dv, "sinds", d->since);
	tv_set_str(dv, "verhaal", d->story);
	tv_set_str(dv, "wensen", d->wishes);
	tv_set_str(dv, "opties", d->options);
	tv_set(v, "dossier", dv);
}

static int register_page(struct req *r, const struct org *o, int status, const char *error)
{
	struct tval *v = tv_obj(&r->arena);
	struct dossier d = {0};
	struct case_codes c = {0};
	char today[11];
	date_local_today((long long) time(NULL), today);
	if (error) {
		web_read_dossier(r, &d);
		web_read_codes(r, &c);
	}
	web_dossier_form(r, v, o, &d, &c);
	tv_set(v, "channels", web_choice_list(r, case_channels, error ? req_form(r, "kanaal") : "telefoon"));
	tv_set_str(v, "date", error && req_form(r, "datum") ? req_form(r, "datum") : today);
	tv_set_str(v, "today", today);
	tv_set_str(v, "minutes", error ? req_form(r, "minuten") : "");
	tv_set_str(v, "summary", error ? req_form(r, "samenvatting") : "");
	tv_set_bool(v, "melden", error && req_form(r, "soort") && !strcmp(req_form(r, "soort"), "melden"));
	tv_set_str(v, "title", arena_printf(&r->arena, "Contact registreren voor %s", o->name));
	tv_set_str(v, "org", o->name);
	tv_set_str(v, "org_url", arena_printf(&r->arena, "/werkruimte/%s", o->slug));
	tv_set_str(v, "action", arena_printf(&r->arena, "/werkruimte/%s/registreren", o->slug));
	tv_set_str(v, "error", error);
	return web_form_render(r, "register", v, status);
}

int web_register_form(struct req *r)
{
	struct org o;
	int rc = cases_vp_org(r->w->store, &r->arena, req_param(r, "org"), r->session->user_id, &o);
	return rc == ERR_NOT_FOUND ? 404 : rc ? 500 : register_page(r, &o, 200, NULL);
}

int web_register(struct req *r)
{
	struct org o;
	int rc = cases_vp_org(r->w->store, &r->arena, req_param(r, "org"), r->session->user_id, &o);
	if (rc)
		return rc == ERR_NOT_FOUND ? 404 : 500;
	const char *minutes = req_form(r, "minuten"), *why = NULL;
	char *end = NULL;
	struct register_input in = {.org_id = o.id,
				    .mode = req_form(r, "soort"),
				    .contact = {.channel = req_form(r, "kanaal"),
						.date = req_form(r, "datum"),
						.minutes = minutes && *minutes ? strtoll(minutes, &end, 10) : 0,
						.summary = req_form(r, "samenvatting")},
				    .consent_how = req_form(r, "toestemming")};
	if (end && *end)
		in.contact.minutes = -1;
	web_read_dossier(r, &in.dossier);
	web_read_codes(r, &in.codes);
	long long id;
	rc = cases_register(r->w->store, r->session->user_id, r->session->name, &in, (long long) time(NULL), &id, &why);
	if (rc == ERR_INVALID)
		return register_page(r, &o, 400, why);
	if (rc == ERR_NOT_FOUND)
		return register_page(r, &o, 409,
				     "Je hebt nog geen sleutelpaar. Stel je account eerst helemaal in (via Mijn "
				     "account) voordat je zaken registreert.");
	if (rc)
		return 500;
	r->page.status = 303;
	r->page.location = arena_printf(&r->arena, "/werkruimte/%s/zaken/%lld", o.slug, id);
	return 0;
}
