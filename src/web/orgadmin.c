/*
 * Organisations for the beheerder: the list with a form to add one, one
 * organisation's facts and meldregeling, and inviting its VPs and contacts
 * with a one-time setup link. The beheerder never sees a case. Every route
 * needs ROUTE_BEHEERDER, every change a CSRF token; each change is audited.
 * Handlers return 0 or an HTTP status; a form with a mistake comes back with
 * a Dutch message.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "accounts/accounts.h"
#include "accounts/setup.h"
#include "cases/work.h"
#include "orgs/orgs.h"
#include "web/web.h"

static int orgs_page(struct req *r, int status, const char *notice, const char *error)
{
	struct org *orgs;
	size_t n;
	if (orgs_all(r->w->store, &r->arena, &orgs, &n))
		return 500;
	struct tval *v = tv_obj(&r->arena), *list = tv_list(&r->arena);
	for (size_t i = 0; i < n; i++) {
		struct tval *o = tv_obj(&r->arena);
		tv_set_str(o, "name", orgs[i].name);
		tv_set_str(o, "slug", orgs[i].slug);
		tv_set_int(o, "workers", orgs[i].workers);
		tv_set_bool(o, "listed", orgs[i].listed);
		tv_push(list, o);
	}
	tv_set_str(v, "title", "Organisaties");
	tv_set(v, "orgs", list);
	tv_set_str(v, "notice", notice);
	tv_set_str(v, "error", error);
	return web_form_render(r, "admin_orgs", v, status);
}

int web_admin_orgs(struct req *r)
{
	return orgs_page(r, 200, NULL, NULL);
}

/* The organisation form's fields. */
static struct org_input form_org(struct req *r, const struct org *old)
{
	const char *workers = req_form(r, "werkenden");
	return (struct org_input){.name = req_form(r, "naam"),
				  .slug = req_form(r, "slug"),
				  .workers = workers && *workers ? strtoll(workers, NULL, 10) : 0,
				  .sector = req_form(r, "sector"),
				  .procedure = old ? req_form(r, "meldregeling") : NULL,
				  .logo = old ? old->logo : NULL,
				  .listed = req_form(r, "openbaar") != NULL};
}

int web_admin_org_add(struct req *r)
{
	struct org_input in = form_org(r, NULL);
	long long id;
	const char *why = "Vul de gegevens in.";
	int rc = orgs_add(r->w->store, r->session->email, &in, &id, &why);
	if (rc == ERR_INVALID || rc == ERR_CONFLICT)
		return orgs_page(r, rc == ERR_INVALID ? 400 : 409, NULL, why);
	return rc ? 500 : orgs_page(r, 200, arena_printf(&r->arena, "%s is toegevoegd.", in.name), NULL);
}

static int org_page(struct req *r, const struct org *o, int status, const char *notice, const char *link,
		    const char *error)
{
	struct org_vp *vps;
	size_t n;
	if (orgs_vps(r->w->store, &r->arena, o->id, &vps, &n))
		return 500;
	struct tval *v = tv_obj(&r->arena), *list = tv_list(&r->arena);
	for (size_t i = 0; i < n; i++) {
		struct tval *p = tv_obj(&r->arena);
		tv_set_str(p, "name", vps[i].name);
		tv_set_str(p, "email", vps[i].email);
		tv_set_str(p, "kind", vps[i].profile.kind);
		tv_push(list, p);
	}
	tv_set_str(v, "title", o->name);
	tv_set_str(v, "name", o->name);
	tv_set_str(v, "slug", o->slug);
	tv_set_int(v, "workers", o->workers);
	tv_set_str(v, "sector", o->sector);
	tv_set_str(v, "procedure", o->procedure);
	tv_set_bool(v, "listed", o->listed);
	if (*o->logo)
		tv_set_str(v, "logo", arena_printf(&r->arena, "/media/%s", o->logo));
	tv_set_str(v, "public_url", arena_printf(&r->arena, "%s/organisaties/%s", r->cfg->base_url, o->slug));
	tv_set(v, "vps", list);
	struct case_choice *themes;
	size_t nt;
	struct tval *own = tv_list(&r->arena);
	if (cases_org_themes(r->w->store, &r->arena, o->id, &themes, &nt))
		return 500;
	for (size_t i = 0; i < nt; i++)
		if (!case_theme_find(themes[i].code))
			tv_push(own, tv_str(&r->arena, themes[i].label));
	tv_set(v, "own_themes", own);
	tv_set_int(v, "respond_days", o->respond_days);
	tv_set_int(v, "retention_months", o->retention_months);
	tv_set_str(v, "notice", notice);
	tv_set_str(v, "link", link);
	tv_set_str(v, "error", error);
	return web_form_render(r, "admin_org", v, status);
}

static int find_org(struct req *r, struct org *o)
{
	int rc = orgs_find(r->w->store, &r->arena, req_param(r, "slug"), o);
	return rc == ERR_NOT_FOUND ? 404 : rc ? 500 : 0;
}

int web_admin_org(struct req *r)
{
	struct org o;
	int status = find_org(r, &o);
	return status ? status : org_page(r, &o, 200, NULL, NULL, NULL);
}

int web_admin_org_save(struct req *r)
{
	struct org o;
	int status = find_org(r, &o);
	if (status)
		return status;
	struct org_input in = form_org(r, &o);
	const char *why = "Vul de gegevens in.";
	int rc = orgs_update(r->w->store, r->session->email, o.id, &in, &why);
	const struct upload *logo = req_file(r, "logo");
	if (!rc && logo)
		rc = orgs_set_logo(r->w->store, r->session->email, o.id, logo->filename, logo->data, logo->len,
				   r->cfg->upload_max, &why);
	if (rc == ERR_TOO_LARGE)
		rc = ERR_INVALID;
	if (rc == ERR_INVALID || rc == ERR_CONFLICT)
		return org_page(r, &o, rc == ERR_INVALID ? 400 : 409, NULL, NULL, why);
	if (rc || orgs_get(r->w->store, &r->arena, o.id, &o))
		return 500;
	return org_page(r, &o, 200, "Opgeslagen.", NULL, NULL);
}

/* How the organisation's cases are followed: the promised first reply, retention, and a theme of its own. */
int web_admin_org_cases(struct req *r)
{
	struct org o;
	int status = find_org(r, &o);
	if (status)
		return status;
	const char *days = req_form(r, "reactie"), *months = req_form(r, "bewaren"), *theme = req_form(r, "thema");
	const char *why = "Vul hele getallen in.";
	char *end1 = NULL, *end2 = NULL;
	long long d = days && *days ? strtoll(days, &end1, 10) : 0,
		  m = months && *months ? strtoll(months, &end2, 10) : 0;
	int rc = (end1 && *end1) || (end2 && *end2)
		     ? ERR_INVALID
		     : orgs_case_settings(r->w->store, r->session->email, o.id, d, m, &why);
	if (!rc && theme && *theme)
		rc = cases_org_theme_add(r->w->store, o.id, theme, &why);
	if (rc == ERR_INVALID)
		return org_page(r, &o, 400, NULL, NULL, why);
	if (rc || orgs_get(r->w->store, &r->arena, o.id, &o))
		return 500;
	return org_page(r, &o, 200, "Opgeslagen.", NULL, NULL);
}

/*
 * Invite someone to serve the organisation: a new account with the role (or
 * the role added to an existing one), its profile's kind for a VP, the link,
 * and a one-time setup link to pass on safely.
 */
int web_admin_org_invite(struct req *r)
{
	struct org o;
	int status = find_org(r, &o);
	if (status)
		return status;
	const char *email = req_form(r, "email"), *name = req_form(r, "naam"), *role = req_form(r, "rol");
	const char *kind = req_form(r, "soort"), *why = "Vul een naam en een geldig e-mailadres in.";
	if (!role || (strcmp(role, ORG_ROLE_VP) && strcmp(role, ORG_ROLE_CONTACT)))
		return org_page(r, &o, 400, NULL, NULL, "Kies vertrouwenspersoon of contactpersoon.");
	unsigned bit = role_by_name(role, strlen(role));
	struct user u;
	long long id;
	int rc = email ? accounts_find(r->w->store, &r->arena, email, &u) : ERR_INVALID;
	int fresh = rc == ERR_NOT_FOUND || (!rc && !(u.roles & bit));
	if (rc == ERR_NOT_FOUND)
		rc = accounts_add(r->w->store, r->session->email, email, name, bit, &id);
	else if (!rc && !(u.roles & bit))
		rc = accounts_set_roles(r->w->store, r->session->user_id, r->session->email, email, u.roles | bit);
	/* A new VP gets a profile; one who serves elsewhere already keeps theirs (phone, intro, training). */
	if (!rc && bit == ROLE_VP && fresh)
		rc = orgs_vp_profile_set(
		    r->w->store, r->session->email, email,
		    &(struct vp_profile){.kind = kind && !strcmp(kind, "extern") ? "extern" : "intern",
					 .focus = "beide",
					 .languages = "Nederlands"},
		    &why);
	if (!rc)
		rc = orgs_member_add(r->w->store, r->session->email, o.id, email, role, &why);
	if (rc == ERR_INVALID || rc == ERR_CONFLICT)
		return org_page(r, &o, rc == ERR_INVALID ? 400 : 409, NULL, NULL, why);
	if (rc)
		return 500;
	char token[TOKEN_HEX];
	const char *link = NULL;
	struct user now;
	/* A link only for someone without a password yet; others sign in as they did. */
	if (!accounts_find(r->w->store, &r->arena, email, &now) && !now.has_password) {
		if (accounts_setup_link(r->w->store, r->session->email, email, (long long) time(NULL), token))
			return 500;
		link = arena_printf(&r->arena, "%s/account/instellen?token=%s", r->cfg->base_url, token);
	}
	return org_page(r, &o, 200,
			arena_printf(&r->arena, "%s is gekoppeld aan %s.%s", email, o.name,
				     link ? " Geef deze eenmalige link (24 uur geldig) veilig door:" : ""),
			link, NULL);
}
