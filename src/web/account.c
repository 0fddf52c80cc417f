/* Signing in and out, and the account page with the user's sessions. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "accounts/accounts.h"
#include "accounts/keys.h"
#include "accounts/setup.h"
#include "accounts/signin.h"
#include "crypto/crypto.h"
#include "web/web.h"

/* Cookies are never readable by scripts, never sent from other sites, Secure behind TLS (http_cookie_header). */
static const char *cookie(struct req *r, enum http_cookie which, const char *value, long long max_age)
{
	return http_cookie_header(&r->arena, which, r->in.secure, value, max_age);
}

int web_session_load(struct req *r, const char *token)
{
	struct signed_in s;
	int rc = accounts_session(r->w->store, &r->arena, token, (long long) time(NULL), &s);
	if (rc)
		return rc == ERR_NOT_FOUND ? 0 : rc;
	struct session *out = arena_calloc(&r->arena, 1, sizeof(*out));
	if (!out)
		return ERR_NOMEM;
	out->user_id = s.row.user_id;
	out->roles = s.row.user.roles;
	out->email = s.row.user.email;
	out->name = s.row.user.name;
	out->id = arena_strdup(&r->arena, s.id);
	out->csrf = arena_strdup(&r->arena, s.csrf);
	out->token = arena_strdup(&r->arena, token);
	out->sk_box = s.row.sk;
	out->sk_len = s.row.sklen;
	r->session = out;
	return out->id && out->csrf ? 0 : ERR_NOMEM;
}

static int redirect(struct req *r, const char *to)
{
	r->page.status = 303;
	r->page.location = to;
	r->page.cache_control = "no-store";
	return 0;
}

/* The CSRF token of a form shown before sign-in: kept in a cookie (made when missing). */
static const char *form_csrf(struct req *r)
{
	const char *csrf = r->in.cookie_csrf;
	if (csrf && strlen(csrf) == 64)
		return csrf;
	unsigned char t[32];
	char *hex = arena_alloc(&r->arena, 65);
	if (!hex)
		return NULL;
	vault_random(t, sizeof(t));
	vault_hex(hex, t, sizeof(t));
	r->page.set_cookie[1] = cookie(r, HTTP_COOKIE_CSRF, hex, 3600);
	return hex;
}

/* The sign-in form; its CSRF token lives in a cookie until there is a session. */
static int signin_form(struct req *r, int status, const char *message, const char *email)
{
	const char *csrf = form_csrf(r);
	if (!csrf)
		return 500;
	struct tval *v = tv_obj(&r->arena);
	tv_set_str(v, "title", "Inloggen");
	tv_set_str(v, "csrf", csrf);
	tv_set_str(v, "message", message);
	tv_set_str(v, "email", email);
	tv_set_bool(v, "noindex", true);
	tv_set_bool(v, "done", req_query(r, "ingesteld") != NULL);
	r->page.status = status;
	r->page.cache_control = "no-store";
	return web_render(r, "signin", v);
}

int web_signin_form(struct req *r)
{
	if (r->session)
		return redirect(r, "/account");
	return signin_form(r, 200, NULL, NULL);
}

int web_signin(struct req *r)
{
	const char *email = req_form(r, "email"), *password = req_form(r, "password"), *code = req_form(r, "code");
	if (!email || !password || !*email || strlen(email) > 254 || strlen(password) > 1024)
		return signin_form(r, 400, "Vul je e-mailadres en wachtwoord in.", email);
	char token[TOKEN_HEX];
	long long wait = 0;
	int rc = accounts_signin(r->w->store, email, password, code, r->in.client, (long long) time(NULL),
				 r->in.user_agent, token, &wait);
	switch (rc) {
	case SIGNIN_OK:
		/* No Max-Age: the cookie ends with the browser; the server's idle and total limits still hold. */
		r->page.set_cookie[0] = cookie(r, HTTP_COOKIE_SESSION, token, -1);
		vault_wipe(token, sizeof(token));
		return redirect(r, "/account");
	case SIGNIN_LOCKED:
		return signin_form(
		    r, 429,
		    arena_printf(&r->arena, "Te veel mislukte pogingen. Probeer het over %lld %s opnieuw.",
				 wait >= 120 ? (wait + 59) / 60 : wait, wait >= 120 ? "minuten" : "seconden"),
		    email);
	case SIGNIN_NEEDS_TOTP:
		return signin_form(r, 403,
				   "Voor jouw rol is tweestapsverificatie verplicht. Vraag de beheerder die in te "
				   "stellen; daarna log je in met de code uit je app.",
				   email);
	case SIGNIN_WRONG: return signin_form(r, 401, "Het e-mailadres, het wachtwoord of de code klopt niet.", email);
	case ERR_NOMEM: return 503; /* Argon2id found no memory: not a wrong password, and not counted as one */
	default: return 500;
	}
}

int web_signout(struct req *r)
{
	int everywhere = !strcmp(r->in.path, "/account/overal-uitloggen");
	if (accounts_signout(r->w->store, r->session->id, r->session->user_id, everywhere))
		return 500;
	r->page.set_cookie[0] = cookie(r, HTTP_COOKIE_SESSION, "", 0);
	r->page.clear_site_data = 1;
	return redirect(r, everywhere ? "/inloggen" : "/");
}

int web_account(struct req *r)
{
	struct session_row *rows;
	size_t n;
	if (accounts_sessions(r->w->store, &r->arena, r->session->user_id, &rows, &n))
		return 500;
	struct tval *v = tv_obj(&r->arena), *list = tv_list(&r->arena);
	char roles[128], when[32];
	accounts_format_roles(r->session->roles, roles, sizeof(roles));
	for (size_t i = 0; i < n; i++) {
		struct tval *s = tv_obj(&r->arena);
		time_t t = (time_t) rows[i].seen_at;
		strftime(when, sizeof(when), "%Y-%m-%d %H:%M UTC", gmtime(&t));
		tv_set_str(s, "seen", when);
		tv_set_str(s, "agent", *rows[i].agent ? rows[i].agent : "onbekende browser");
		tv_set_bool(s, "current", !strcmp(rows[i].id, r->session->id));
		tv_push(list, s);
	}
	tv_set_str(v, "title", "Mijn account");
	tv_set_str(v, "name", r->session->name);
	tv_set_str(v, "email", r->session->email);
	tv_set_str(v, "roles", roles);
	tv_set(v, "sessions", list);
	tv_set_str(v, "csrf", r->session->csrf);
	tv_set_bool(v, "noindex", true);
	tv_set_bool(v, "beheerder", r->session->roles & ROLE_BEHEERDER);
	char fp[VAULT_FINGERPRINT];
	if (!accounts_key_fingerprint(r->w->store, r->session->user_id, fp))
		tv_set_str(v, "fingerprint", arena_strdup(&r->arena, fp));
	tv_set_bool(v, "redacteur", r->session->roles & ROLE_REDACTEUR);
	tv_set_bool(v, "vp", r->session->roles & ROLE_VP);
	return web_render(r, "account", v);
}

/* The password form of a setup link, with the QR code when a second factor is prepared. */
static int setup_form(struct req *r, const char *token, int status, const char *message)
{
	struct setup_link link;
	int rc = accounts_setup_find(r->w->store, &r->arena, token, (long long) time(NULL), &link);
	if (rc)
		return rc == ERR_NOT_FOUND ? 404 : 500;
	const char *csrf = form_csrf(r);
	if (!csrf)
		return 500;
	struct tval *v = tv_obj(&r->arena);
	tv_set_str(v, "title", "Wachtwoord instellen");
	tv_set_str(v, "name", link.user.name);
	tv_set_str(v, "email", link.user.email);
	tv_set_str(v, "token", token);
	tv_set_str(v, "csrf", csrf);
	tv_set_str(v, "message", message);
	tv_set_str(v, "secret", link.totp_secret);
	tv_set_bool(v, "noindex", true);
	char fp[VAULT_FINGERPRINT];
	tv_set_bool(v, "has_key", !accounts_key_fingerprint(r->w->store, link.user.id, fp));
	r->page.status = status;
	return web_render(r, "setup", v);
}

int web_setup_form(struct req *r)
{
	return setup_form(r, req_query(r, "token"), 200, NULL);
}

int web_setup(struct req *r)
{
	const char *token = req_form(r, "token"), *pw = req_form(r, "password"), *again = req_form(r, "again");
	const char *why = NULL;
	if (!pw || !again || strcmp(pw, again))
		return setup_form(r, token, 400, "De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw.");
	struct setup_input in = {.password = pw,
				 .code = req_form(r, "code"),
				 .recovery = req_form(r, "herstelsleutel"),
				 .lost_recovery = req_form(r, "kwijt") != NULL};
	struct setup_result out;
	int rc = accounts_setup_complete(r->w->store, token, &in, (long long) time(NULL), &why, &out);
	if (rc == ERR_INVALID)
		return setup_form(r, token, 400, why);
	if (rc)
		return rc == ERR_NOT_FOUND ? 404 : 500;
	if (!out.key_made)
		return redirect(r, "/inloggen?ingesteld=1");
	/* A VP's new key: the recovery key is shown this once, never stored, never in a URL. */
	struct tval *v = tv_obj(&r->arena), *groups = tv_list(&r->arena);
	for (char *g = out.recovery; *g;) {
		size_t n = strcspn(g, "-");
		tv_push(groups, tv_str(&r->arena, arena_strndup(&r->arena, g, n)));
		g += n + (g[n] == '-');
	}
	tv_set_str(v, "title", "Je herstelsleutel");
	tv_set(v, "groups", groups);
	tv_set_str(v, "fingerprint", out.fingerprint);
	tv_set_bool(v, "noindex", true);
	vault_wipe(&out, sizeof(out));
	r->page.cache_control = "no-store";
	return web_render(r, "vp_key", v);
}

int web_setup_qr(struct req *r)
{
	struct setup_link link;
	int rc = accounts_setup_find(r->w->store, &r->arena, req_query(r, "token"), (long long) time(NULL), &link);
	if (rc || !link.totp_secret)
		return rc && rc != ERR_NOT_FOUND ? 500 : 404;
	const char *uri = arena_printf(&r->arena, "otpauth://totp/Vertrouwd:%s?secret=%s&issuer=Vertrouwd",
				       link.user.email, link.totp_secret);
	r->page.content_type = "image/svg+xml";
	r->page.cache_control = "no-store";
	return !uri || web_qr_svg(&r->out, uri) ? 500 : 0;
}

int web_recovery_codes(struct req *r)
{
	char codes[RECOVERY_CODES][RECOVERY_LEN];
	if (accounts_recovery_new(r->w->store, r->session->user_id, r->session->email, codes))
		return 500;
	struct tval *v = tv_obj(&r->arena), *list = tv_list(&r->arena);
	for (int i = 0; i < RECOVERY_CODES; i++)
		tv_push(list, tv_str(&r->arena, codes[i]));
	vault_wipe(codes, sizeof(codes));
	tv_set_str(v, "title", "Herstelcodes");
	tv_set(v, "codes", list);
	tv_set_bool(v, "noindex", true);
	r->page.cache_control = "no-store";
	return web_render(r, "recovery", v);
}

unsigned char *web_vp_key(struct req *r)
{
	if (!r->session || !r->session->sk_box)
		return NULL;
	unsigned char *sk = vault_secret_new();
	if (sk &&
	    accounts_session_open(r->session->token, r->session->id, r->session->sk_box, r->session->sk_len, sk)) {
		vault_secret_free(sk);
		return NULL;
	}
	return sk;
}
