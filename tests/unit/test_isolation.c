/*
 * Tenant isolation, generated from the route table: every ROUTE_TENANT row is
 * filled with organisation A's objects ({org}, {zaak}) and asked for by
 * everyone who may not see them: for a VP's route a VP of organisation B, the
 * beheerder, a redacteur and both organisations' contacts; for a contact's
 * route B's contact, the beheerder, a redacteur and both VPs. Each must get
 * 404, on every method, while A's own VP (or contact) gets the page, or a
 * form's 400 (so the filled-in paths are real ones and the tenant check let
 * them through). A
 * new tenant route is covered without touching this file; one whose object
 * kind this test cannot fill fails it.
 */
#include "testutil.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "accounts/keys.h"
#include "cases/cases.h"
#include "cases/work.h"
#include "base/dates.h"
#include "orgs/orgs.h"
#include "reports/reports.h"
#include "store/cases.h"
#include "store/keys.h"
#include "store/sessions.h"
#include "store/store.h"
#include "store/users.h"
#include "web/web.h"

static struct config cfg;
static struct store *st;
static const struct http_app *app;
static struct worker *w;
static char org_a[64], org_b[64], case_a[32], case_b[32], file_a[32], action_a[32], report_a[32], year_a[16];

struct person {
	const char *email;
	unsigned roles;
	char token[TOKEN_HEX_LEN], csrf[TOKEN_HEX_LEN];
	long long id;
	unsigned char *sk;
};

static struct person vp_a = {.email = "vp-a@example.nl", .roles = ROLE_VP},
		     vp_b = {.email = "vp-b@example.nl", .roles = ROLE_VP},
		     admin = {.email = "baas@example.nl", .roles = ROLE_BEHEERDER},
		     editor = {.email = "red@example.nl", .roles = ROLE_REDACTEUR},
		     contact = {.email = "contact@example.nl", .roles = ROLE_ORGANISATIE},
		     contact_b = {.email = "contact-b@example.nl", .roles = ROLE_ORGANISATIE};

/* A user with a live session (and for a VP a key pair, boxed into the session as at sign-in). */
static void person(struct person *p)
{
	unsigned char t[TOKEN_BYTES], h[32], box[SESSION_SK_BYTES];
	char id[TOKEN_HEX_LEN];
	assert_int_equal(store_user_add(st, p->email, "Iemand", p->roles, &p->id), 0);
	vault_random(t, sizeof(t));
	vault_hex(p->token, t, sizeof(t));
	vault_hash(h, t, sizeof(t), "session-id");
	vault_hex(id, h, sizeof(h));
	vault_hash(h, t, sizeof(t), "csrf");
	vault_hex(p->csrf, h, sizeof(h));
	if (p->roles & ROLE_VP) {
		struct user_key k = {.created_at = 1};
		p->sk = vault_secret_new();
		assert_int_equal(vault_keypair(k.pk, p->sk), 0);
		assert_int_equal(store_key_set(st, p->id, &k), 0);
		accounts_session_box(t, id, p->sk, box);
	}
	assert_int_equal(
	    store_session_add(st, id, p->id, (long long) time(NULL), "test", p->sk ? box : NULL, sizeof(box)), 0);
}

/* A case of org with an attachment (its record id into file, when asked). */
static long long one_case(long long org, char file[32])
{
	struct receipt r;
	const char *why;
	struct report_input in = {.org_id = org,
				  .mode = "melden",
				  .message = "Iets vertrouwelijks.",
				  .consent = 1,
				  .file = {"foto.jpg", (const unsigned char *) "bytes", 5}};
	assert_int_equal(cases_report(st, &in, (long long) time(NULL), &r, &why), 0);
	struct arena a = ARENA_INIT;
	struct case_record *recs;
	size_t n;
	assert_int_equal(store_records(st, &a, r.case_id, &recs, &n), 0);
	for (size_t i = 0; file && i < n; i++)
		if (!strcmp(recs[i].kind, "bijlage"))
			snprintf(file, 32, "%lld", recs[i].id);
	if (file) { /* A's case also gets an action and an oral report, for the routes that name them */
		unsigned char *ck = vault_secret_new();
		struct case_action *acts;
		assert_int_equal(cases_vp_open(st, r.case_id, vp_a.id, vp_a.sk, ck), 0);
		assert_int_equal(cases_action_add(st, r.case_id, ck, vp_a.id, "VP A", "Bellen", "", "niet-nodig", "",
						  (long long) time(NULL), &why),
				 0);
		assert_int_equal(cases_oral_report(st, r.case_id, ck, vp_a.id, "VP A", "Wat besproken is.",
						   (long long) time(NULL), &why),
				 0);
		vault_secret_free(ck);
		assert_int_equal(store_actions(st, &a, r.case_id, &acts, &n), 0);
		snprintf(action_a, sizeof(action_a), "%lld", acts[0].id);
		assert_int_equal(store_records(st, &a, r.case_id, &recs, &n), 0);
		snprintf(report_a, sizeof(report_a), "%lld", recs[n - 1].id);
	}
	arena_free(&a);
	return r.case_id;
}

static int setup(void **state)
{
	char dir[] = "/tmp/vertrouwd-iso-XXXXXX", err[512];
	const char *why;
	long long a, b;
	if (!mkdtemp(dir) || vault_start())
		return -1;
	config_defaults(&cfg);
	test_dsn(cfg.db, sizeof(cfg.db), dir, "i.db");
	if (store_open(cfg.db, &st, err, sizeof(err)) || store_migrate(st, err, sizeof(err)))
		return -1;
	struct org_input ia = {.name = "Organisatie A", .listed = 1}, ib = {.name = "Organisatie B", .listed = 1};
	if (orgs_add(st, "test", &ia, &a, &why) || orgs_add(st, "test", &ib, &b, &why))
		return -1;
	snprintf(org_a, sizeof(org_a), "organisatie-a");
	snprintf(org_b, sizeof(org_b), "organisatie-b");
	person(&vp_a);
	person(&vp_b);
	person(&admin);
	person(&editor);
	person(&contact);
	person(&contact_b);
	if (orgs_member_add(st, "test", b, contact_b.email, ORG_ROLE_CONTACT, &why) ||
	    orgs_member_add(st, "test", a, vp_a.email, ORG_ROLE_VP, &why) ||
	    orgs_member_add(st, "test", b, vp_b.email, ORG_ROLE_VP, &why) ||
	    orgs_member_add(st, "test", a, contact.email, ORG_ROLE_CONTACT, &why))
		return -1;
	snprintf(case_a, sizeof(case_a), "%lld", one_case(a, file_a));
	snprintf(case_b, sizeof(case_b), "%lld", one_case(b, NULL));
	/* A's report over last year, released: its page and downloads exist for A's own VP and contact. */
	char today[11];
	struct arena ar = ARENA_INIT;
	date_local_today((long long) time(NULL), today);
	snprintf(year_a, sizeof(year_a), "%d", (int) strtol(today, NULL, 10) - 1);
	if (reports_text_set(st, a, (int) strtol(year_a, NULL, 10), vp_a.id, "Geen bijzonderheden.", 1, 1, &why) ||
	    reports_release(st, &ar, a, (int) strtol(year_a, NULL, 10), today, vp_a.id, 1, &why))
		return -1;
	arena_free(&ar);
	if (web_init(&cfg, err, sizeof(err)))
		return -1;
	app = web_app();
	return app->worker_new(&cfg, &w);
}

static int teardown(void **state)
{
	app->worker_free(w);
	web_shutdown();
	store_close(st);
	return 0;
}

/* The route's pattern with its objects filled in from org's side; NULL for a kind this test does not know. */
static const char *fill(struct arena *a, const char *pattern, const char *org, const char *zaak)
{
	char *out = arena_strdup(a, "");
	for (const char *p = pattern; *p;) {
		const char *open = strchr(p, '{');
		if (!open)
			return arena_printf(a, "%s%s", out, p);
		const char *close = strchr(open, '}');
		const char *name = arena_strndup(a, open + 1, (size_t) (close - open - 1));
		const char *value = !strcmp(name, "org")       ? org
				    : !strcmp(name, "zaak")    ? zaak
				    : !strcmp(name, "bijlage") ? file_a
				    : !strcmp(name, "actie")   ? action_a
				    : !strcmp(name, "verslag") ? report_a
				    : !strcmp(name, "jaar")    ? year_a
				    : !strcmp(name, "formaat") ? "json"
							       : NULL;
		if (!value)
			return NULL;
		out = arena_printf(a, "%s%.*s%s", out, (int) (open - p), p, value);
		p = close + 1;
	}
	return out;
}

static int ask(const struct route *rt, const char *uri, const struct person *p)
{
	struct req r = {.cfg = &cfg, .w = w, .arena = ARENA_INIT, .out = BUF_INIT(BUF_MAX_DEFAULT)};
	char body[200];
	snprintf(body, sizeof(body), "csrf=%s&bericht=Hallo", p->csrf);
	struct http_input in = {.method = rt->method,
				.uri = uri,
				.cookie_session = p->token,
				.content_type = "application/x-www-form-urlencoded",
				.body = strcmp(rt->method, "GET") ? body : NULL,
				.body_len = strcmp(rt->method, "GET") ? strlen(body) : 0};
	http_handle(app, &r, &in);
	if (app->request_done)
		app->request_done(&r);
	int status = r.page.status;
	buf_free(&r.out);
	arena_free(&r.arena);
	return status;
}

static void every_tenant_route_is_closed_to_others(void **state)
{
	/* A VP's routes belong to A's VP; the organisation's dashboard to A's contact. */
	const struct person *vp_others[] = {&vp_b, &admin, &editor, &contact, &contact_b},
			    *contact_others[] = {&contact_b, &admin, &editor, &vp_a, &vp_b};
	int routes = 0;
	for (size_t i = 0; i < web_route_count; i++) {
		const struct route *rt = &web_routes[i];
		if (!(rt->flags & ROUTE_TENANT))
			continue;
		int for_contact = (ROUTE_ROLES_OF(rt->flags) & ROLE_ORGANISATIE) != 0;
		const struct person *owner = for_contact ? &contact : &vp_a, *peer = for_contact ? &contact_b : &vp_b;
		const struct person *const *others = for_contact ? contact_others : vp_others;
		struct arena a = ARENA_INIT;
		const char *mine = fill(&a, rt->pattern, org_a, case_a);
		const char *crossed = fill(&a, rt->pattern, org_b, case_a); /* B's org, A's case */
		const char *theirs = fill(&a, rt->pattern, org_a, case_b);  /* A's org, B's case */
		if (!mine) {
			printf("  %s %s: an object kind this test cannot fill\n", rt->method, rt->pattern);
			fail();
		}
		int own = ask(rt, mine, owner);
		printf("  %s %s: its own %s %d\n", rt->method, mine, for_contact ? "contact" : "VP", own);
		/* 400: past the tenant check, the test's form is not this route's; 409: a released report's form */
		assert_true(own == 200 || own == 303 || own == 400 || own == 409);
		for (size_t k = 0; k < 5; k++)
			assert_int_equal(ask(rt, mine, others[k]), 404);
		assert_int_equal(ask(rt, crossed, peer), strstr(rt->pattern, "{zaak}") ? 404 : ask(rt, crossed, peer));
		if (strstr(rt->pattern, "{zaak}"))
			assert_int_equal(ask(rt, theirs, owner), 404);
		routes++;
		arena_free(&a);
	}
	printf("  isolation: %d tenant routes, each closed to 5 outsiders\n", routes);
	assert_true(routes >= 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(every_tenant_route_is_closed_to_others),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
