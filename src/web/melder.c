/*
 * The melder's channel (no account, no JavaScript, no tracking): finding an
 * organisation, its page with its VPs and the contact form, filing a report
 * with a receipt code shown once, and the anonymous mailbox behind that code.
 * Nothing telling goes into a URL: the forms post to /melden and /postvak,
 * and the mailbox's own session cookie ends with the browser. Handlers
 * return 0 or an HTTP status; a form with a mistake is shown again with what
 * was typed and a Dutch message.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/dates.h"
#include "base/i18n.h"
#include "cases/work.h"
#include "html/markdown.h"
#include "orgs/orgs.h"
#include "web/web.h"

static const char *const focus_labels[][2] = {{"omgangsvormen", T_("voor ongewenste omgangsvormen")},
					      {"integriteit", T_("voor integriteit")},
					      {"beide", T_("voor ongewenste omgangsvormen en integriteit")}};

static const char *focus_label(const char *focus)
{
	for (size_t i = 0; i < sizeof(focus_labels) / sizeof(focus_labels[0]); i++)
		if (!strcmp(focus_labels[i][0], focus))
			return focus_labels[i][1];
	return focus;
}

int web_find_vp(struct req *r)
{
	const char *q = req_query(r, "q");
	struct org *orgs;
	size_t n;
	if (q && strlen(q) > 100)
		return 400;
	if (orgs_directory(r->w->store, &r->arena, q, &orgs, &n))
		return 500;
	struct tval *v = tv_obj(&r->arena), *list = tv_list(&r->arena);
	for (size_t i = 0; i < n; i++) {
		struct tval *o = tv_obj(&r->arena);
		tv_set_str(o, "name", orgs[i].name);
		tv_set_str(o, "url",
			   arena_printf(&r->arena, "/organisaties/%s%s%s", orgs[i].slug,
					strcmp(web_lang(r), "nl") ? "?taal=" : "",
					strcmp(web_lang(r), "nl") ? web_lang(r) : ""));
		tv_set_str(o, "sector", orgs[i].sector);
		tv_push(list, o);
	}
	tv_set_str(v, "title", "Vind een vertrouwenspersoon");
	tv_set_bool(v, "section_vind", true);
	tv_set_str(v, "q", q);
	tv_set_bool(v, "searched", q && strlen(q) >= 2);
	tv_set_bool(v, "short", q && *q && strlen(q) < 2);
	tv_set(v, "orgs", list);
	web_lang_switch(r, v, NULL);
	return web_render(r, "find_vp", v);
}

/* What the org page shows: the organisation, its VPs, and (after a mistake) what was typed. */
static struct tval *org_view(struct req *r, const struct org *o, struct org_vp *vps, size_t n)
{
	struct arena *a = &r->arena;
	struct tval *v = tv_obj(a), *list = tv_list(a), *themes = tv_list(a);
	for (size_t i = 0; i < n; i++) {
		struct tval *p = tv_obj(a);
		tv_set_int(p, "id", vps[i].user_id);
		tv_set_str(p, "name", vps[i].name);
		tv_set_bool(p, "extern", !strcmp(vps[i].profile.kind, "extern"));
		tv_set_str(p, "focus", focus_label(vps[i].profile.focus));
		tv_set_str(p, "languages", vps[i].profile.languages);
		tv_set_str(p, "phone", vps[i].profile.phone);
		tv_set_str(p, "reach", vps[i].profile.reach);
		tv_set_str(p, "intro", vps[i].profile.intro);
		if (*vps[i].profile.photo)
			tv_set_str(p, "photo", arena_printf(a, "/media/%s", vps[i].profile.photo));
		tv_set_str(p, "initial", arena_strndup(a, vps[i].name, 1));
		tv_push(list, p);
	}
	for (size_t i = 0; i < case_theme_count; i++) {
		struct tval *t = tv_obj(a);
		tv_set_str(t, "code", case_themes[i].code);
		tv_set_str(t, "label", case_themes[i].label);
		tv_push(themes, t);
	}
	tv_set_str(v, "title", o->name);
	tv_set_str(v, "name", o->name);
	tv_set_str(v, "slug", o->slug);
	tv_set_str(v, "sector", o->sector);
	tv_set_bool(v, "procedure_required", o->workers >= ORG_PROCEDURE_WORKERS);
	if (*o->procedure) {
		struct md_doc doc;
		if (html_markdown(a, o->procedure, strlen(o->procedure), 1 << 20, &doc) == 0)
			tv_set(v, "procedure", doc.html);
	}
	if (*o->logo)
		tv_set_str(v, "logo", arena_printf(a, "/media/%s", o->logo));
	tv_set(v, "vps", list);
	tv_set_bool(v, "has_vps", n > 0);
	tv_set_bool(v, "several", n > 1);
	tv_set(v, "themes", themes);
	tv_set_int(v, "ack_days", CASE_ACK_DAYS);
	tv_set_bool(v, "section_vind", true);
	tv_set_str(v, "canonical", arena_printf(a, "%s/organisaties/%s", r->cfg->base_url, o->slug));
	tv_set_bool(v, "noindex", !o->listed);
	web_lang_switch(r, v, NULL);
	return v;
}

/* The organisation of slug with its VPs; 0, 404 or 500. */
static int load_org(struct req *r, const char *slug, struct org *o, struct org_vp **vps, size_t *n)
{
	int rc = orgs_find(r->w->store, &r->arena, slug, o);
	if (!rc)
		rc = orgs_vps(r->w->store, &r->arena, o->id, vps, n);
	return rc == ERR_NOT_FOUND ? 404 : rc ? 500 : 0;
}

int web_org_page(struct req *r)
{
	struct org o;
	struct org_vp *vps;
	size_t n;
	int status = load_org(r, req_param(r, "slug"), &o, &vps, &n);
	return status ? status : web_render(r, "org", org_view(r, &o, vps, n));
}

/* The org page again after a mistake in one of its forms: what was typed, and why it did not go. */
static int org_again(struct req *r, int status, const char *form, const char *why)
{
	struct org o;
	struct org_vp *vps;
	size_t n;
	int rc = load_org(r, req_form(r, "organisatie"), &o, &vps, &n);
	if (rc)
		return rc;
	struct tval *v = org_view(r, &o, vps, n), *typed = tv_obj(&r->arena);
	static const char *const fields[] = {"vp", "soort", "onderwerp", "bericht", "bereik", "naam", "contact"};
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		tv_set_str(typed, fields[i], req_form(r, fields[i]));
	tv_set(v, "typed", typed);
	tv_set_str(v, !strcmp(form, "melden") ? "report_error" : "signin_error", why);
	r->page.status = status;
	r->page.cache_control = "no-store";
	return web_render(r, "org", v);
}

int web_report(struct req *r)
{
	struct org o;
	if (orgs_find(r->w->store, &r->arena, req_form(r, "organisatie"), &o))
		return 404;
	const char *vp = req_form(r, "vp");
	struct report_input in = {.org_id = o.id,
				  .vp_id = vp && strcmp(vp, "alle") ? strtoll(vp, NULL, 10) : 0,
				  .mode = req_form(r, "soort"),
				  .theme = req_form(r, "onderwerp"),
				  .message = req_form(r, "bericht"),
				  .reach = req_form(r, "bereik"),
				  .name = req_form(r, "naam"),
				  .contact = req_form(r, "contact"),
				  .passphrase = req_form(r, "wachtwoordzin"),
				  .consent = req_form(r, "toestemming") != NULL,
				  .file = web_upload(r)};
	struct receipt rc_out;
	const char *why = T_("Er ging iets mis bij het versturen. Probeer het opnieuw.");
	int rc = cases_report(r->w->store, &in, (long long) time(NULL), &rc_out, &why);
	if (rc == ERR_INVALID || rc == ERR_NOT_FOUND)
		return org_again(r, rc == ERR_INVALID ? 400 : 409, "melden", why);
	if (rc)
		return rc == ERR_NOMEM ? 503 : 500;
	struct tval *v = tv_obj(&r->arena), *groups = tv_list(&r->arena);
	for (char *g = rc_out.code; *g;) {
		size_t k = strcspn(g, " ");
		tv_push(groups, tv_str(&r->arena, arena_strndup(&r->arena, g, k)));
		g += k + (g[k] == ' ');
	}
	char when[40], due[40];
	tv_set_str(v, "title", "Uw bericht is verstuurd");
	tv_set_str(v, "org", o.name);
	tv_set_str(v, "slug", o.slug);
	tv_set_str(v, "code", rc_out.code);
	tv_set(v, "groups", groups);
	const char *lang = web_lang(r);
	tv_set_str(v, "received", date_long(rc_out.received_on, lang, when, sizeof(when)) ? rc_out.received_on : when);
	tv_set_str(v, "received_iso", rc_out.received_on);
	if (*rc_out.ack_due)
		tv_set_str(v, "ack_due", date_long(rc_out.ack_due, lang, due, sizeof(due)) ? rc_out.ack_due : due);
	tv_set_bool(v, "passphrase", in.passphrase && *in.passphrase);
	tv_set_bool(v, "noindex", true);
	vault_wipe(&rc_out, sizeof(rc_out));
	return web_render(r, "receipt", v);
}

/* A small text file that keeps the code without anyone's memory, and shows that and when a report was made. */
int web_report_proof(struct req *r)
{
	struct org o;
	const char *code = req_form(r, "code"), *day = req_form(r, "datum");
	char digits[VAULT_RECEIPT_DIGITS + 1];
	if (orgs_find(r->w->store, &r->arena, req_form(r, "organisatie"), &o) || !code ||
	    vault_receipt_parse(code, digits) || !day || !date_valid(day))
		return 400;
	vault_wipe(digits, sizeof(digits));
	r->page.content_type = "text/plain; charset=utf-8";
	r->page.disposition = "attachment; filename=\"ontvangstbewijs.txt\"";
	static const char *const lines[] = {
	    T_("Ontvangstbewijs vertrouwenspersoon"),
	    T_("Organisatie"),
	    T_("Verstuurd op"),
	    T_("Ontvangstcode"),
	    T_("Met deze code leest u de antwoorden van de vertrouwenspersoon en stuurt u berichten terug, onderaan "
	       "deze pagina:"),
	    T_("Bewaar dit bestand op een plek die alleen u kunt zien. Wie de code heeft, kan uw berichten lezen."),
	};
	const char *t[6];
	int len[6];
	for (size_t i = 0; i < 6; i++) {
		size_t n;
		t[i] = i18n_text(web_lang(r), lines[i], strlen(lines[i]), &n);
		len[i] = (int) n;
	}
	if (buf_addf(&r->out, "%.*s\n\n%.*s: %s\n%.*s: %s\n%.*s: %s\n\n%.*s\n%s/organisaties/%s\n%.*s\n", len[0], t[0],
		     len[1], t[1], o.name, len[2], t[2], day, len[3], t[3], code, len[4], t[4], r->cfg->base_url,
		     o.slug, len[5], t[5]))
		return 500;
	return 0;
}

int web_mailbox_redirect(struct req *r, const char *note, const char *anchor)
{
	int other = strcmp(web_lang(r), "nl") != 0;
	r->page.status = 303;
	r->page.location = arena_printf(&r->arena, "/postvak%s%s%s%s%s%s%s", note || other ? "?" : "", note ? note : "",
					note && other ? "&" : "", other ? "taal=" : "", other ? web_lang(r) : "",
					anchor ? "#" : "", anchor ? anchor : "");
	return 0;
}

int web_mailbox_signin(struct req *r)
{
	struct org o;
	if (orgs_find(r->w->store, &r->arena, req_form(r, "organisatie"), &o))
		return 404;
	char token[TOKEN_HEX_LEN];
	long long wait = 0;
	int rc = cases_melder_signin(r->w->store, o.id, o.receipt_salt, req_form(r, "code"),
				     req_form(r, "wachtwoordzin"), r->in.client, (long long) time(NULL), token, &wait);
	if (rc == ERR_NOT_FOUND)
		return org_again(
		    r, 401, "postvak",
		    T_("Deze ontvangstcode (met wachtwoordzin) kennen we niet bij deze organisatie. Controleer "
		       "de cijfers; een eigen wachtwoordzin hoort er precies zo bij als u hem koos."));
	if (rc == ERR_TOO_LARGE)
		return org_again(r, 429, "postvak",
				 T_("Te veel pogingen vanaf dit adres. Wacht even (hoogstens een kwartier) en probeer "
				    "het dan opnieuw."));
	if (rc)
		return rc == ERR_NOMEM ? 503 : 500;
	r->page.set_cookie[0] = http_cookie_header(&r->arena, HTTP_COOKIE_MAILBOX, r->in.secure, token, -1);
	vault_wipe(token, sizeof(token));
	return web_mailbox_redirect(r, NULL, NULL);
}

static const char *status_label(const char *status)
{
	return !strcmp(status, "nieuw")	   ? T_("Ontvangen, nog niet gelezen")
	       : !strcmp(status, "lopend") ? T_("In behandeling")
					   : T_("Afgesloten");
}

/* A date for people in the page's language, or "" when not set. */
static const char *long_date(struct req *r, const char *iso)
{
	char out[40];
	return !*iso ? "" : date_long(iso, web_lang(r), out, sizeof(out)) ? iso : arena_strdup(&r->arena, out);
}

/* The messages of a case as the page shows them. */
struct tval *web_case_entries(struct req *r, const struct case_entry *e, size_t n, const char *me, const char *files)
{
	struct tval *list = tv_list(&r->arena);
	for (size_t i = 0; i < n; i++) {
		struct tval *m = tv_obj(&r->arena);
		char when[64];
		date_local_long(e[i].at, web_lang(r), when, sizeof(when));
		tv_set_bool(m, "mine", !strcmp(e[i].author, me));
		tv_set_bool(m, "details", !strcmp(e[i].kind, "gegevens"));
		tv_set_bool(m, "request", !strcmp(e[i].kind, "verzoek"));
		tv_set_str(m, "who",
			   !strcmp(e[i].author, "melder") ? T_("Melder")
			   : *e[i].who			  ? e[i].who
							  : T_("Vertrouwenspersoon"));
		tv_set_str(m, "when", arena_strdup(&r->arena, when));
		tv_set_str(m, "text", e[i].text);
		if (e[i].file_name) {
			tv_set_str(m, "file", e[i].file_name);
			if (files)
				tv_set_str(m, "file_url", arena_printf(&r->arena, "%s/%lld", files, e[i].id));
			tv_set_str(m, "file_size", arena_printf(&r->arena, "%lld kB", (e[i].file_size + 1023) / 1024));
		}
		tv_push(list, m);
	}
	return list;
}

void web_mailbox_facts(struct req *r, struct tval *v, const struct case_row *c, const struct org *o)
{
	tv_set_str(v, "org", o->name);
	tv_set_str(v, "slug", o->slug);
	tv_set_str(v, "status", status_label(c->status));
	tv_set_bool(v, "melden", !strcmp(c->mode, "melden"));
	tv_set_str(v, "received", long_date(r, c->received_on));
	tv_set_str(v, "ack_due", long_date(r, c->ack_due));
	tv_set_str(v, "acknowledged", long_date(r, c->acknowledged_on));
	tv_set_str(v, "feedback_due", long_date(r, c->feedback_due));
	tv_set_bool(v, "closed", !strcmp(c->status, "gesloten"));
}

int web_mailbox_show(struct req *r, int status, const char *why, long long report)
{
	struct case_row c;
	struct case_view cv;
	struct org o;
	int rc = cases_mailbox_case(r->w->store, &r->arena, r->mailbox->case_id, &c);
	if (!rc)
		rc = orgs_get(r->w->store, &r->arena, c.org_id, &o);
	if (!rc)
		rc = cases_view(r->w->store, &r->arena, c.id, r->mailbox->key, CASE_FOR_MELDER, &cv);
	if (!rc)
		rc = cases_seen(r->w->store, c.id, "melder");
	if (rc)
		return rc == ERR_NOT_FOUND ? 404 : 500;
	struct tval *v = tv_obj(&r->arena);
	tv_set_str(v, "title", "Uw postvak");
	web_mailbox_facts(r, v, &c, &o);
	tv_set(v, "messages", web_mailbox_messages(r, &cv, "/postvak/bijlagen"));
	tv_set(v, "reports", web_mailbox_reports(r, &cv, 1, report, why));
	tv_set_bool(v, "sent", req_query(r, "verstuurd") != NULL);
	tv_set_bool(v, "requested", req_query(r, "verzoek") != NULL);
	tv_set_bool(v, "approved", req_query(r, "goedgekeurd") != NULL);
	tv_set_bool(v, "corrected", req_query(r, "gecorrigeerd") != NULL);
	tv_set_str(v, "error", report ? NULL : why);
	tv_set_str(v, "typed", why && !report ? req_form(r, "bericht") : NULL);
	tv_set_str(v, "csrf", r->mailbox->csrf);
	tv_set_bool(v, "noindex", true);
	web_lang_switch(r, v, NULL);
	r->page.status = status;
	return web_render(r, "mailbox", v);
}

int web_mailbox(struct req *r)
{
	const char *why = NULL;
	if (!strcmp(r->in.method, "POST")) {
		struct case_file_in file = web_upload(r);
		int rc = cases_message(r->w->store, r->mailbox->case_id, r->mailbox->key, "melder", "", "melder",
				       req_form(r, "bericht"), &file, (long long) time(NULL), &why);
		if (rc == ERR_INVALID)
			return web_mailbox_show(r, 400, why, 0);
		if (rc)
			return rc == ERR_NOT_FOUND ? 404 : 500;
		return web_mailbox_redirect(r, "verstuurd=1", NULL);
	}
	return web_mailbox_show(r, 200, NULL, 0);
}

int web_mailbox_request(struct req *r)
{
	const char *what = req_form(r, "verzoek");
	if (!what || (strcmp(what, "intrekken") && strcmp(what, "verwijderen")))
		return 400;
	int rc = cases_melder_request(r->w->store, r->mailbox->case_id, r->mailbox->key,
				      !strcmp(what, "intrekken") ? MELDER_WITHDRAW_CONSENT : MELDER_ASK_DELETION,
				      (long long) time(NULL));
	return rc ? 500 : web_mailbox_redirect(r, "verzoek=1", NULL);
}

struct case_file_in web_upload(const struct req *r)
{
	const struct upload *u = req_file(r, "bijlage");
	return u ? (struct case_file_in){u->filename, u->data, u->len} : (struct case_file_in){0};
}

int web_attachment(struct req *r, long long case_id, const unsigned char *ck, enum case_audience audience)
{
	const char *id = req_param(r, "bijlage"), *name;
	char *end;
	long long n = id ? strtoll(id, &end, 10) : 0;
	const unsigned char *data;
	size_t len;
	if (!id || !*id || *end || n <= 0)
		return 404;
	int rc = cases_attachment(r->w->store, &r->arena, case_id, ck, audience, n, &name, &data, &len);
	if (rc)
		return rc == ERR_NOT_FOUND ? 404 : 500;
	/* Whatever it is, it is downloaded, never shown: its bytes were never checked. */
	r->page.content_type = "application/octet-stream";
	r->page.disposition = arena_printf(&r->arena, "attachment; filename=\"%s\"", name);
	r->page.cache_control = "no-store";
	return buf_add(&r->out, (const char *) data, len) ? 500 : 0;
}

int web_mailbox_attachment(struct req *r)
{
	return web_attachment(r, r->mailbox->case_id, r->mailbox->key, CASE_FOR_MELDER);
}

int web_mailbox_signout(struct req *r)
{
	if (cases_melder_signout(r->w->store, r->mailbox->token))
		return 500;
	r->page.set_cookie[0] = http_cookie_header(&r->arena, HTTP_COOKIE_MAILBOX, r->in.secure, "", 0);
	r->page.clear_site_data = 1;
	r->page.status = 303;
	r->page.location = "/?uitgelogd=1";
	return 0;
}

int web_mailbox_load(struct req *r, const char *token)
{
	unsigned char *ck = vault_secret_new();
	long long case_id;
	if (!ck)
		return ERR_NOMEM;
	int rc = cases_melder_session(r->w->store, token, (long long) time(NULL), &case_id, ck);
	if (rc) {
		vault_secret_free(ck);
		return rc == ERR_NOT_FOUND ? 0 : rc;
	}
	struct mailbox *m = arena_calloc(&r->arena, 1, sizeof(*m));
	unsigned char t[TOKEN_BYTES], h[32];
	char *csrf = arena_alloc(&r->arena, TOKEN_HEX_LEN);
	if (!m || !csrf || vault_unhex(t, sizeof(t), token)) {
		vault_secret_free(ck);
		return m && csrf ? 0 : ERR_NOMEM;
	}
	vault_hash(h, t, sizeof(t), "melder-csrf");
	vault_hex(csrf, h, sizeof(h));
	vault_wipe(t, sizeof(t));
	*m = (struct mailbox){.case_id = case_id, .token = arena_strdup(&r->arena, token), .csrf = csrf, .key = ck};
	r->mailbox = m;
	return 0;
}

void web_request_done(struct req *r)
{
	if (r->mailbox) {
		vault_secret_free(r->mailbox->key);
		r->mailbox->key = NULL;
	}
}
