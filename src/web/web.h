/*
 * web: the handlers, one file per area, and the route table.
 *
 * A handler checks what it may, calls the domain, fills a view (html/tval.h)
 * and renders a template into r->out. It returns 0, or an HTTP status for which
 * the gate renders the Dutch error page.
 */
#ifndef VERTROUWD_WEB_WEB_H
#define VERTROUWD_WEB_WEB_H

#include "base/config.h"
#include "html/tval.h"
#include "http/http.h"
#include "cases/cases.h"
#include "reports/chart.h"
#include "store/items.h"

struct lexicon;

/* The route table and the kinds of its path parameters (web/routes.c). */
extern const struct route *web_routes;
extern const size_t web_route_count;
extern const struct route_param *web_route_params;
extern const size_t web_route_param_count;

/* Load templates and static files under cfg->root; 0 or an error (message in err). */
int web_init(const struct config *cfg, char *err, size_t errlen) WUR;
void web_shutdown(void);
/* The Dutch lexicon web_init loaded: read-only, shared with other threads until web_shutdown. */
const struct lexicon *web_lexicon(void);
/* The application for http_serve (routes and callbacks). */
const struct http_app *web_app(void);

/* The language of the melder's pages asked for (?taal= or a form's taal), one with a catalogue, else "nl". */
const char *web_lang(const struct req *r);
/* Links to the page in the other languages ("langs" in v), keeping query (already encoded, or NULL). */
void web_lang_switch(struct req *r, struct tval *v, const char *query);
/* Render template name with data (site-wide values are added) into r->out; 0 or 500. */
int web_render(struct req *r, const char *name, struct tval *data);
/* A signed-in page with forms: the session's CSRF token, noindex and the status set, then web_render. */
int web_form_render(struct req *r, const char *name, struct tval *data, int status);
/* The view of one item: title, url, date, categories, ... (body when with_body). */
struct tval *web_item_view(struct req *r, const struct item *it, int with_body);

/* The filters of a list page (web/filters.c). */
struct web_filters {
	long long page;
	const char **categories; /* slugs, each an existing category */
	const char **names;	 /* their display names */
	size_t ncategories;
};

/* Read ?page= and ?categorie=; 0, or 400 (bad page), 404 (unknown category), 500. */
int web_filters_read(struct req *r, struct web_filters *f);
/*
 * The URL of base with f's categories, with `toggle` added (or removed when it is
 * already there), and page (left out when 1). In the arena; NULL (and
 * arena.failed) on failure.
 */
char *web_filters_url(struct req *r, const char *base, const struct web_filters *f, const char *toggle, long long page);

/* Use the shared typo vocabulary for one request (refreshed when content changed). */
void web_speller_acquire(struct worker *w);
void web_speller_release(struct worker *w);

/* Handlers (web/public.c). */
int web_public_home(struct req *r);
int web_public_list(struct req *r);
int web_public_item(struct req *r);
int web_public_category(struct req *r);
int web_public_file(struct req *r);

/* A QR code of text as an SVG document into out (web/qr.c). */
int web_qr_svg(struct buf *out, const char *text) WUR;

/* Accounts (web/account.c). */
int web_session_load(struct req *r, const char *token);
int web_signin_form(struct req *r);
int web_signin(struct req *r);
int web_signout(struct req *r);
int web_account(struct req *r);
int web_setup_form(struct req *r);
int web_setup(struct req *r);
int web_setup_qr(struct req *r);
int web_recovery_codes(struct req *r);
/* The signed-in VP's secret key for this request (guarded memory: free with vault_secret_free), or NULL. */
unsigned char *web_vp_key(struct req *r);

/* The editor (web/cms.c). */
int web_cms_list(struct req *r);
int web_cms_new(struct req *r);
int web_cms_edit(struct req *r);
int web_cms_save(struct req *r);
int web_cms_delete(struct req *r);
int web_cms_revisions(struct req *r);
int web_cms_restore(struct req *r);
int web_cms_categories(struct req *r);
int web_cms_category_change(struct req *r);

/* Media (web/media.c). */
struct stored_file;
struct upload;
int web_cms_media(struct req *r);
int web_cms_media_upload(struct req *r);
int web_cms_media_delete(struct req *r);
int web_media_file(struct req *r);
/* "/media/HASH.EXT" for a stored file, in the request's arena. */
const char *web_media_url(struct req *r, const struct stored_file *f);
/* Check and store an uploaded file; on failure *status (400, 413, 500) and *why (Dutch) say what to show. */
int web_media_take(struct req *r, const struct upload *u, const char *alt, struct stored_file *f, int *status,
		   const char **why) WUR;

/* Administration (web/admin.c). */
int web_admin_users(struct req *r);
int web_admin_user_add(struct req *r);
int web_admin_user_change(struct req *r);
int web_admin_audit(struct req *r);
/* Organisations for the beheerder (web/orgadmin.c). */
int web_admin_orgs(struct req *r);
int web_admin_org_add(struct req *r);
int web_admin_org(struct req *r);
int web_admin_org_save(struct req *r);
int web_admin_org_invite(struct req *r);
int web_admin_org_cases(struct req *r);

/* The VP's workspace (web/workspace.c). */
int web_workspace(struct req *r);
int web_workspace_org(struct req *r);
int web_workspace_reminders(struct req *r);
int web_register_form(struct req *r);
int web_register(struct req *r);
int web_case(struct req *r);
/* casepage.c, shared with caseforms.c: the case of the path opened (0 or 404/500/503; sk and ck freed by the
 * caller), the page with an error at a section, the case's URL */
int web_case_open(struct req *r, unsigned char **sk, unsigned char **ck, struct org *o, struct case_row *c);
int web_case_page(struct req *r, int status, const char *error, const char *error_at);
const char *web_case_url(struct req *r, const struct org *o, const struct case_row *c);
int web_case_reply(struct req *r);
int web_case_contact(struct req *r);
int web_case_dossier(struct req *r);
int web_case_note(struct req *r);
int web_case_action(struct req *r);
int web_case_action_done(struct req *r);
int web_case_refer(struct req *r);
int web_case_report(struct req *r);
int web_case_report_approved(struct req *r);
int web_case_acknowledge(struct req *r);
int web_case_feedback(struct req *r);
int web_case_aftercare(struct req *r);
int web_case_close(struct req *r);
int web_case_reopen(struct req *r);
int web_case_share(struct req *r);
int web_case_postpone(struct req *r);
int web_case_destroy(struct req *r);
/* Handing over a leaving VP's cases (web/handover.c). */
int web_handover_form(struct req *r);
int web_handover(struct req *r);
/* Shared by workspace.c and casepage.c. */
const char *web_dutch_date(struct arena *a, const char *iso);
struct case_choice;
struct case_codes;
struct dossier;
struct org;
struct tval *web_choices(struct req *r, const struct case_choice *list, size_t n, const char *const *chosen,
			 size_t nchosen);
struct tval *web_choice_list(struct req *r, const struct case_choice *list, const char *chosen);
void web_read_codes(struct req *r, struct case_codes *c);
void web_read_dossier(struct req *r, struct dossier *d);
void web_dossier_form(struct req *r, struct tval *v, const struct org *o, const struct dossier *d,
		      const struct case_codes *c);

/* Search (web/search.c). */
int web_search(struct req *r);
int web_search_suggest(struct req *r);

/* Feeds and crawler files (web/feeds.c). */
int web_feed_section(struct req *r);
int web_feed_category(struct req *r);
int web_sitemap(struct req *r);
int web_robots(struct req *r);
/* The melder's channel (web/melder.c). */
int web_find_vp(struct req *r);
int web_org_page(struct req *r);
int web_report(struct req *r);
int web_report_proof(struct req *r);
int web_mailbox_signin(struct req *r);
int web_mailbox(struct req *r);
/* The mailbox page with a status; why (a Dutch T_ text) beside report (an id), or at the message form when 0. */
int web_mailbox_show(struct req *r, int status, const char *why, long long report);
/* 303 to the mailbox in the melder's language, with an optional note (a query) and anchor. */
int web_mailbox_redirect(struct req *r, const char *note, const char *anchor);
struct case_row;
struct case_view;
/* The facts of a mailbox's case (organisation, status, dates) into v, in the page's language. */
void web_mailbox_facts(struct req *r, struct tval *v, const struct case_row *c, const struct org *o);
/* The mailbox side of a case: its conversation (files: attachment URLs, or NULL for none) (web/postvak.c). */
struct tval *web_mailbox_messages(struct req *r, const struct case_view *cv, const char *files);
/* Its oral reports; with forms the approve and correct URLs, and why beside the report failed. */
struct tval *web_mailbox_reports(struct req *r, const struct case_view *cv, int forms, long long failed,
				 const char *why);
int web_mailbox_report_approve(struct req *r);
int web_mailbox_report_correct(struct req *r);
int web_mailbox_export(struct req *r);
int web_mailbox_request(struct req *r);
int web_mailbox_signout(struct req *r);
int web_mailbox_load(struct req *r, const char *token);
void web_request_done(struct req *r);
struct case_entry;
/* The messages of a case for a template; me ("melder" or "vp") marks one's own. */
struct tval *web_case_entries(struct req *r, const struct case_entry *e, size_t n, const char *me, const char *files);
struct case_file_in;
/* The form's attachment (field "bijlage"), or one of length 0. */
struct case_file_in web_upload(const struct req *r);
/* Download an attachment ({bijlage}) of a case opened with ck: 0, 404 or 500. */
int web_attachment(struct req *r, long long case_id, const unsigned char *ck, enum case_audience audience);
int web_mailbox_attachment(struct req *r);
int web_case_attachment(struct req *r);
int web_healthz(struct req *r);
/* The organisation's dashboard (orgdash.c) and its annual reports (annual.c). */
int web_org_dashboards(struct req *r);
int web_org_dashboard(struct req *r);
int web_org_declare(struct req *r);
int web_org_selfscan(struct req *r);
struct selfscan;
/* The self-assessment's scores per action and year into v (scan_years, scan_rows, has_scans). */
void web_selfscan_trend(struct req *r, struct tval *v, const struct selfscan *scans, size_t n);
/* The released reports of o into v (reports: year, url). */
int web_reports_released(struct req *r, struct tval *v, const struct org *o); /* 0 or 500 */
/* annual.c: the report pages and downloads; a published table for a template (caption, rows, its chart as SVG) */
struct report_doc;
struct tval *web_report_table(struct req *r, const struct report_doc *d, const struct rtable *t, enum chart_kind kind,
			      const char *id);
/* trends.c: national trends, public (opted in) and for the beheerder (all) */
int web_trends(struct req *r);
int web_admin_trends(struct req *r);
int web_vp_report(struct req *r);
int web_vp_report_text(struct req *r);
int web_vp_report_release(struct req *r);
int web_vp_report_file(struct req *r);
int web_org_report(struct req *r);
int web_org_report_file(struct req *r);

#endif
