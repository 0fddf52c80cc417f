/*
 * Administration for the beheerder: accounts (add with a setup link, roles,
 * block, new link) and the audit log. Every route needs ROUTE_BEHEERDER, every
 * change a CSRF token; each change is audited with the beheerder's e-mail.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "accounts/accounts.h"
#include "accounts/setup.h"
#include "accounts/signin.h"
#include "web/web.h"

static unsigned form_roles(const struct req *r)
{
	unsigned roles = 0;
	for (size_t i = 0; i < r->in.form.n; i++)
		if (!strcmp(r->in.form.items[i].key, "rol"))
			roles |= role_by_name(r->in.form.items[i].val, strlen(r->in.form.items[i].val));
	return roles;
}

/* The user list, with a notice (a setup link, an error) above it. */
static int users_page(struct req *r, int status, const char *notice, const char *link)
{
	struct user *u;
	size_t n;
	if (accounts_list(r->w->store, &r->arena, &u, &n))
		return 500;
	struct tval *v = tv_obj(&r->arena), *list = tv_list(&r->arena);
	for (size_t i = 0; i < n; i++) {
		struct tval *o = tv_obj(&r->arena), *roles = tv_list(&r->arena);
		for (unsigned k = 0; k < ROLE_COUNT; k++) {
			struct tval *role = tv_obj(&r->arena);
			tv_set_str(role, "name", role_names[k]);
			tv_set_bool(role, "on", u[i].roles & (1u << k));
			tv_push(roles, role);
		}
		tv_set_str(o, "email", u[i].email);
		tv_set_str(o, "name", u[i].name);
		tv_set(o, "roles", roles);
		tv_set_bool(o, "disabled", u[i].disabled);
		tv_set_bool(o, "has_password", u[i].has_password);
		tv_set_bool(o, "self", u[i].id == r->session->user_id);
		tv_push(list, o);
	}
	tv_set_str(v, "title", "Gebruikers");
	tv_set(v, "users", list);
	tv_set_str(v, "notice", notice);
	tv_set_str(v, "link", link);
	return web_form_render(r, "admin_users", v, status);
}

int web_admin_users(struct req *r)
{
	return users_page(r, 200, NULL, NULL);
}

/* A new setup link as a full URL, or NULL. */
static const char *new_link(struct req *r, const char *email)
{
	char token[TOKEN_HEX];
	if (accounts_setup_link(r->w->store, r->session->email, email, (long long) time(NULL), token))
		return NULL;
	return arena_printf(&r->arena, "%s/account/instellen?token=%s", r->cfg->base_url, token);
}

int web_admin_user_add(struct req *r)
{
	const char *email = req_form(r, "email"), *name = req_form(r, "name");
	long long id;
	int rc =
	    email && name ? accounts_add(r->w->store, r->session->email, email, name, form_roles(r), &id) : ERR_INVALID;
	if (rc == ERR_INVALID)
		return users_page(r, 400, "Vul een geldig e-mailadres en een naam in.", NULL);
	if (rc == ERR_CONFLICT)
		return users_page(r, 409, "Er is al een gebruiker met dit e-mailadres.", NULL);
	const char *link = rc ? NULL : new_link(r, email);
	if (!link)
		return 500;
	return users_page(
	    r, 200,
	    arena_printf(&r->arena, "%s is toegevoegd. Geef deze eenmalige link (24 uur geldig) veilig door:", email),
	    link);
}

int web_admin_user_change(struct req *r)
{
	const char *email = req_form(r, "email"), *what = req_param(r, "action");
	if (!email)
		return 400;
	int rc;
	const char *refusal = NULL;
	if (!strcmp(what, "rollen")) {
		rc = accounts_set_roles(r->w->store, r->session->user_id, r->session->email, email, form_roles(r));
		refusal = "Je kunt je eigen rol als beheerder niet weghalen.";
	} else if (!strcmp(what, "blokkeren") || !strcmp(what, "vrijgeven")) {
		rc = accounts_set_disabled(r->w->store, r->session->user_id, r->session->email, email,
					   !strcmp(what, "blokkeren"));
		refusal = "Je kunt jezelf niet blokkeren.";
	} else if (!strcmp(what, "instellink")) {
		const char *link = new_link(r, email);
		return link ? users_page(r, 200, arena_printf(&r->arena, "Nieuwe eenmalige link voor %s:", email), link)
			    : 404;
	} else {
		return 404;
	}
	if (rc == ERR_NOT_FOUND)
		return 404;
	if (rc == ERR_CONFLICT)
		return users_page(r, 400, refusal, NULL);
	return rc ? 500 : users_page(r, 200, arena_printf(&r->arena, "%s is bijgewerkt.", email), NULL);
}

int web_admin_audit(struct req *r)
{
	struct audit_line *lines;
	size_t n;
	if (accounts_audit_list(r->w->store, &r->arena, 200, &lines, &n))
		return 500;
	struct tval *v = tv_obj(&r->arena), *list = tv_list(&r->arena);
	for (size_t i = 0; i < n; i++) {
		struct tval *o = tv_obj(&r->arena);
		tv_set_str(o, "at", lines[i].at);
		tv_set_str(o, "actor", lines[i].actor);
		tv_set_str(o, "action", lines[i].action);
		tv_set_str(o, "object", lines[i].object);
		tv_push(list, o);
	}
	tv_set_str(v, "title", "Auditlog");
	tv_set(v, "lines", list);
	tv_set_bool(v, "noindex", true);
	return web_render(r, "admin_audit", v);
}
