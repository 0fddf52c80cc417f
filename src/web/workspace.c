/*
 * The VP's workspace: the organisations they serve, each one's cases with new
 * messages from melders, a case read and answered, receipt of a formal report
 * acknowledged. Every route needs the vertrouwenspersoon role; every object
 * comes through cases_vp_org/cases_vp_case, the tenant check's one home, so a
 * case or organisation the VP may not see is a 404 like one that does not
 * exist. The case key is opened per request with the key the VP's session
 * carries, and wiped before the handler returns.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/dates.h"
#include "cases/cases.h"
#include "orgs/orgs.h"
#include "web/web.h"

int web_workspace(struct req *r)
{
	struct org *orgs;
	size_t n;
	if (orgs_of(r->w->store, &r->arena, r->session->user_id, ORG_ROLE_VP, &orgs, &n))
		return 500;
	struct tval *v = tv_obj(&r->arena), *list = tv_list(&r->arena);
	for (size_t i = 0; i < n; i++) {
		struct case_row *rows;
		size_t k;
		long long unread = 0, open = 0;
		if (cases_list(r->w->store, &r->arena, orgs[i].id, r->session->user_id, &rows, &k))
			return 500;
		for (size_t j = 0; j < k; j++) {
			unread += rows[j].unread;
			open += strcmp(rows[j].status, "gesloten") != 0;
		}
		struct tval *o = tv_obj(&r->arena);
		tv_set_str(o, "name", orgs[i].name);
		tv_set_str(o, "url", arena_printf(&r->arena, "/werkruimte/%s", orgs[i].slug));
		tv_set_int(o, "open", open);
		tv_set_int(o, "unread", unread);
		tv_push(list, o);
	}
	tv_set_str(v, "title", "Werkruimte");
	tv_set(v, "orgs", list);
	tv_set_bool(v, "has_key", r->session->sk_box != NULL);
	tv_set_bool(v, "noindex", true);
	return web_render(r, "workspace", v);
}

static const char *dutch_date(struct arena *a, const char *iso)
{
	char out[40];
	return !*iso ? "" : date_dutch(iso, out, sizeof(out)) ? iso : arena_strdup(a, out);
}

/* The deadline a case is waiting for now, for the lists and the case page ("" when none). */
static const char *due(struct arena *a, const struct case_row *c)
{
	if (strcmp(c->mode, "melden") || !strcmp(c->status, "gesloten"))
		return "";
	if (!*c->acknowledged_on)
		return arena_printf(a, "bevestigen uiterlijk %s", dutch_date(a, c->ack_due));
	if (!*c->feedback_on && *c->feedback_due)
		return arena_printf(a, "terugkoppelen uiterlijk %s", dutch_date(a, c->feedback_due));
	return "";
}

int web_workspace_org(struct req *r)
{
	struct org o;
	struct case_row *rows;
	size_t n;
	int rc = cases_vp_org(r->w->store, &r->arena, req_param(r, "org"), r->session->user_id, &o);
	if (!rc)
		rc = cases_list(r->w->store, &r->arena, o.id, r->session->user_id, &rows, &n);
	if (rc)
		return rc == ERR_NOT_FOUND ? 404 : 500;
	struct tval *v = tv_obj(&r->arena), *list = tv_list(&r->arena);
	for (size_t i = 0; i < n; i++) {
		struct tval *c = tv_obj(&r->arena);
		tv_set_str(c, "url", arena_printf(&r->arena, "/werkruimte/%s/zaken/%lld", o.slug, rows[i].id));
		tv_set_int(c, "id", rows[i].id);
		tv_set_str(c, "mode", rows[i].mode);
		tv_set_str(c, "status", rows[i].status);
		tv_set_str(c, "received", dutch_date(&r->arena, rows[i].received_on));
		tv_set_str(c, "due", due(&r->arena, &rows[i]));
		tv_set_int(c, "unread", rows[i].unread);
		tv_push(list, c);
	}
	tv_set_str(v, "title", arena_printf(&r->arena, "Zaken van %s", o.name));
	tv_set_str(v, "org", o.name);
	tv_set(v, "cases", list);
	tv_set_bool(v, "noindex", true);
	return web_render(r, "workspace_org", v);
}

/* The case of the path, opened; 0 or 404/500/503 (sk and ck freed by the caller). */
static int open_case(struct req *r, unsigned char **sk, unsigned char **ck, struct org *o, struct case_row *c)
{
	*sk = web_vp_key(r);
	*ck = vault_secret_new();
	if (!*ck)
		return 503;
	int rc = cases_vp_case(r->w->store, &r->arena, req_param(r, "org"), req_param(r, "zaak"), r->session->user_id,
			       *sk, o, c, *ck);
	return rc == ERR_NOT_FOUND ? 404 : rc ? 500 : 0;
}

static int case_page(struct req *r, int status, const char *error)
{
	unsigned char *sk, *ck;
	struct org o;
	struct case_row c;
	struct case_entry *e;
	size_t n = 0;
	char reader[32];
	snprintf(reader, sizeof(reader), "u%lld", r->session->user_id);
	int rc = open_case(r, &sk, &ck, &o, &c);
	if (!rc && cases_entries(r->w->store, &r->arena, c.id, ck, &e, &n))
		rc = 500;
	if (!rc && cases_seen(r->w->store, c.id, reader))
		rc = 500;
	vault_secret_free(sk);
	vault_secret_free(ck);
	if (rc)
		return rc;
	struct tval *v = tv_obj(&r->arena);
	const struct case_theme *t = case_theme_find(c.themes);
	tv_set_str(v, "title", arena_printf(&r->arena, "Zaak %lld", c.id));
	tv_set_int(v, "id", c.id);
	tv_set_str(v, "org", o.name);
	tv_set_str(v, "org_url", arena_printf(&r->arena, "/werkruimte/%s", o.slug));
	tv_set_str(v, "action", arena_printf(&r->arena, "/werkruimte/%s/zaken/%lld", o.slug, c.id));
	tv_set_str(v, "mode", c.mode);
	tv_set_str(v, "channel", c.channel);
	tv_set_str(v, "status", c.status);
	tv_set_str(v, "theme", t ? t->label : "");
	tv_set_str(v, "received", dutch_date(&r->arena, c.received_on));
	tv_set_str(v, "due", due(&r->arena, &c));
	tv_set_bool(v, "can_acknowledge", !strcmp(c.mode, "melden") && !*c.acknowledged_on);
	tv_set_str(v, "acknowledged", dutch_date(&r->arena, c.acknowledged_on));
	tv_set(v, "messages",
	       web_case_entries(r, e, n, "vp",
				arena_printf(&r->arena, "/werkruimte/%s/zaken/%lld/bijlagen", o.slug, c.id)));
	tv_set_str(v, "error", error);
	tv_set_str(v, "typed", error ? req_form(r, "bericht") : NULL);
	tv_set_str(v, "csrf", r->session->csrf);
	tv_set_bool(v, "noindex", true);
	r->page.status = status;
	return web_render(r, "case", v);
}

int web_case(struct req *r)
{
	return case_page(r, 200, NULL);
}

int web_case_reply(struct req *r)
{
	unsigned char *sk, *ck;
	struct org o;
	struct case_row c;
	const char *why = NULL;
	char reader[32];
	snprintf(reader, sizeof(reader), "u%lld", r->session->user_id);
	int rc = open_case(r, &sk, &ck, &o, &c);
	if (!rc) {
		struct case_file_in file = web_upload(r);
		int m = cases_message(r->w->store, c.id, ck, "vp", r->session->name, reader, req_form(r, "bericht"),
				      &file, (long long) time(NULL), &why);
		rc = m == ERR_INVALID ? 400 : m ? 500 : 0;
	}
	vault_secret_free(sk);
	vault_secret_free(ck);
	if (rc == 400)
		return case_page(r, 400, why);
	if (rc)
		return rc;
	r->page.status = 303;
	r->page.location = arena_printf(&r->arena, "/werkruimte/%s/zaken/%lld#berichten", o.slug, c.id);
	return 0;
}

int web_case_attachment(struct req *r)
{
	unsigned char *sk, *ck;
	struct org o;
	struct case_row c;
	int rc = open_case(r, &sk, &ck, &o, &c);
	if (!rc)
		rc = web_attachment(r, c.id, ck);
	vault_secret_free(sk);
	vault_secret_free(ck);
	return rc;
}

int web_case_acknowledge(struct req *r)
{
	unsigned char *sk, *ck;
	struct org o;
	struct case_row c;
	int rc = open_case(r, &sk, &ck, &o, &c);
	vault_secret_free(sk);
	vault_secret_free(ck);
	if (!rc && cases_acknowledge(r->w->store, c.id, (long long) time(NULL)))
		rc = 500;
	if (rc)
		return rc;
	r->page.status = 303;
	r->page.location = arena_printf(&r->arena, "/werkruimte/%s/zaken/%lld", o.slug, c.id);
	return 0;
}
