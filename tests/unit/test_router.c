#include "testutil.h"

#include "http/http.h"
#include "http/router.h"
#include "web/web.h"

static int h_home(struct req *r)
{
	return 1;
}
static int h_list(struct req *r)
{
	return 2;
}
static int h_item(struct req *r)
{
	return 3;
}
static int h_post(struct req *r)
{
	return 4;
}
static int h_static(struct req *r)
{
	return 5;
}
static int h_two(struct req *r)
{
	return 6;
}

static const struct route routes[] = {
    {"GET", "/", 0, h_home},
    {"GET", "/nieuws", 0, h_list},
    {"GET", "/nieuws/{slug}", 0, h_item},
    {"POST", "/nieuws/{slug}", ROUTE_CSRF, h_post},
    {"GET", "/static/{path*}", 0, h_static},
    {"GET", "/org/{org}/vp/{vp}", 0, h_two},
};
#define N (sizeof(routes) / sizeof(routes[0]))

struct match {
	enum route_result rr;
	const struct route *route;
	struct req_in in;
	struct buf allow;
	struct arena a;
};

static void match(struct match *m, const char *method, const char *path)
{
	memset(m, 0, sizeof(*m));
	m->a = (struct arena) ARENA_INIT;
	buf_init(&m->allow, 256);
	m->rr = router_match(routes, N, method, path, &m->a, &m->in, &m->route, &m->allow);
}

static void done(struct match *m)
{
	buf_free(&m->allow);
	arena_free(&m->a);
}

static const char *param(struct match *m, const char *name)
{
	for (size_t i = 0; i < m->in.nparams; i++)
		if (!strcmp(m->in.params[i].key, name))
			return m->in.params[i].val;
	return NULL;
}

static void literal_and_params(void **state)
{
	struct match m;
	match(&m, "GET", "/");
	assert_int_equal(m.rr, ROUTE_FOUND);
	assert_ptr_equal(m.route->handler, h_home);
	done(&m);
	match(&m, "GET", "/nieuws/wat-doet-een-vp");
	assert_int_equal(m.rr, ROUTE_FOUND);
	assert_ptr_equal(m.route->handler, h_item);
	assert_string_equal(param(&m, "slug"), "wat-doet-een-vp");
	done(&m);
	match(&m, "GET", "/org/12/vp/abc");
	assert_int_equal(m.rr, ROUTE_FOUND);
	assert_string_equal(param(&m, "org"), "12");
	assert_string_equal(param(&m, "vp"), "abc");
	done(&m);
}

static void encoded_segments(void **state)
{
	struct match m;
	match(&m, "GET", "/nieuws/co%C3%B6rdinator");
	assert_int_equal(m.rr, ROUTE_FOUND);
	assert_string_equal(param(&m, "slug"), "coördinator");
	done(&m);
	match(&m, "GET", "/nieuws/a%2Fb");
	assert_int_equal(m.rr, ROUTE_FOUND);
	assert_string_equal(param(&m, "slug"), "a/b");
	done(&m);
	match(&m, "GET", "/nieuws/a%zz");
	assert_int_equal(m.rr, ROUTE_BAD_PATH);
	done(&m);
	match(&m, "GET", "/nieuws/a%00b");
	assert_int_equal(m.rr, ROUTE_BAD_PATH);
	done(&m);
	match(&m, "GET", "/nieuws/a+b");
	assert_string_equal(param(&m, "slug"), "a+b");
	done(&m);
}

static void trailing_slash_and_empty(void **state)
{
	struct match m;
	match(&m, "GET", "/nieuws/");
	/* The router ignores one trailing slash; dispatch turns it into a redirect. */
	assert_int_equal(m.rr, ROUTE_FOUND);
	assert_ptr_equal(m.route->handler, h_list);
	done(&m);
	match(&m, "GET", "/nieuws//x");
	assert_int_equal(m.rr, ROUTE_NOT_FOUND);
	done(&m);
	match(&m, "GET", "nieuws");
	assert_int_equal(m.rr, ROUTE_BAD_PATH);
	done(&m);
}

static void not_found_and_method(void **state)
{
	struct match m;
	match(&m, "GET", "/onbekend");
	assert_int_equal(m.rr, ROUTE_NOT_FOUND);
	done(&m);
	match(&m, "GET", "/nieuws/a/b");
	assert_int_equal(m.rr, ROUTE_NOT_FOUND);
	done(&m);
	match(&m, "DELETE", "/nieuws/x");
	assert_int_equal(m.rr, ROUTE_BAD_METHOD);
	assert_string_equal(m.allow.ptr, "GET, HEAD, POST");
	done(&m);
	match(&m, "POST", "/nieuws");
	assert_int_equal(m.rr, ROUTE_BAD_METHOD);
	assert_string_equal(m.allow.ptr, "GET, HEAD");
	done(&m);
	match(&m, "HEAD", "/nieuws/x");
	assert_int_equal(m.rr, ROUTE_FOUND);
	assert_ptr_equal(m.route->handler, h_item);
	done(&m);
	match(&m, "POST", "/nieuws/x");
	assert_int_equal(m.rr, ROUTE_FOUND);
	assert_int_equal(m.route->flags, ROUTE_CSRF);
	done(&m);
}

static void rest_parameter(void **state)
{
	struct match m;
	match(&m, "GET", "/static/css/site.css");
	assert_int_equal(m.rr, ROUTE_FOUND);
	assert_string_equal(param(&m, "path"), "css/site.css");
	done(&m);
	match(&m, "GET", "/static");
	assert_int_equal(m.rr, ROUTE_NOT_FOUND);
	done(&m);
}

static void too_many_segments(void **state)
{
	struct match m;
	match(&m, "GET", "/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a");
	assert_int_equal(m.rr, ROUTE_BAD_PATH);
	done(&m);
}

static char table_err[256];

static int check(const struct route *rt)
{
	return router_check(rt, 1, web_route_params, web_route_param_count, table_err, sizeof(table_err));
}

/* The real table keeps the gate's rules, and every rule catches the row that breaks it. */
static void table_rules(void **state)
{
	assert_int_equal(router_check(web_routes, web_route_count, web_route_params, web_route_param_count, table_err,
				      sizeof(table_err)),
			 0);
	const struct route good[] = {
	    {"GET", "/zaken/{zaak}", ROUTE_TENANT | ROUTE_NO_STORE, h_item},
	    {"POST", "/zaken/{zaak}/bericht", ROUTE_ROLE(ROLE_VP) | ROUTE_TENANT | ROUTE_CSRF | ROUTE_NO_STORE, h_post},
	    {"GET", "/organisaties/{slug}", ROUTE_CACHE, h_item},
	};
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		assert_int_equal(check(&good[i]), 0);
	const struct {
		struct route rt;
		const char *why;
	} bad[] = {
	    {{"POST", "/nieuws", 0, h_post}, "ROUTE_CSRF"},
	    {{"DELETE", "/nieuws", ROUTE_NO_STORE, h_post}, "ROUTE_CSRF"},
	    {{"GET", "/account", ROUTE_SESSION, h_item}, "NO_STORE"},
	    {{"GET", "/redactie", ROUTE_ROLE(ROLE_REDACTEUR), h_item}, "NO_STORE"},
	    {{"GET", "/redactie", ROUTE_ROLE(ROLE_REDACTEUR) | ROUTE_NO_STORE | ROUTE_CACHE, h_item}, "page cache"},
	    {{"GET", "/zaken", ROUTE_TENANT | ROUTE_NO_STORE, h_item}, "object from the path"},
	    {{"GET", "/zaken/{zaak}", ROUTE_SESSION | ROUTE_NO_STORE, h_item}, "needs ROUTE_TENANT"},
	    {{"GET", "/org/{org}/x", ROUTE_ROLE(ROLE_ORGANISATIE) | ROUTE_NO_STORE, h_item}, "needs ROUTE_TENANT"},
	    {{"GET", "/dingen/{ding}", 0, h_item}, "kind the table does not name"},
	    {{"POST", "/media", ROUTE_CSRF | ROUTE_UPLOAD, h_post}, "ROUTE_UPLOAD"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(check(&bad[i].rt), ERR_INVALID);
		assert_contains(table_err, bad[i].why);
	}
}

/* The parameters of a pattern, in order: what a generated test substitutes. */
static void params_of_pattern(void **state)
{
	const char *p = "/org/{org}/zaken/{zaak}/{path*}";
	char name[32];
	assert_true(router_next_param(&p, name, sizeof(name)));
	assert_string_equal(name, "org");
	assert_true(router_next_param(&p, name, sizeof(name)));
	assert_string_equal(name, "zaak");
	assert_true(router_next_param(&p, name, sizeof(name)));
	assert_string_equal(name, "path*");
	assert_false(router_next_param(&p, name, sizeof(name)));
}

/* The gate without a server: a session stub that knows the cookie "vp", and fails on "stuk". */
static int load(struct req *r, const char *token)
{
	static struct session vp = {.user_id = 7, .roles = ROLE_VP, .csrf = ""};
	if (!strcmp(token, "stuk"))
		return ERR_DB;
	if (!strcmp(token, "vp"))
		r->session = &vp;
	return 0;
}

static int gate_status(const struct http_app *app, const char *method, const char *uri, const char *cookie)
{
	struct config cfg = {.body_max = 1024};
	struct worker w = {0};
	struct req r = {.cfg = &cfg, .w = &w, .arena = ARENA_INIT, .out = BUF_INIT(1 << 16)};
	struct http_input in = {.method = method, .uri = uri, .cookie_session = cookie};
	http_handle(app, &r, &in);
	int status = r.page.status;
	buf_free(&r.out);
	arena_free(&r.arena);
	return status;
}

/* A tenant route needs a session; which objects it may see is the handler's check, not the gate's. */
static void gate_tenant_and_store_errors(void **state)
{
	static const struct route rt[] = {
	    {"GET", "/zaken/{zaak}", ROUTE_TENANT | ROUTE_NO_STORE, h_static},
	    {"GET", "/redactie", ROUTE_ROLE(ROLE_REDACTEUR) | ROUTE_NO_STORE, h_static},
	};
	struct http_app app = {.routes = rt, .nroutes = 2, .session_load = load};
	assert_int_equal(gate_status(&app, "GET", "/zaken/12", NULL), 401);
	assert_int_equal(gate_status(&app, "GET", "/zaken/12", "onbekend"), 401);
	assert_int_equal(gate_status(&app, "GET", "/zaken/12", "vp"), 5); /* the handler's own answer */
	assert_int_equal(gate_status(&app, "GET", "/redactie", "vp"), 403);
	/* A store that fails while reading the session is a 503, never "signed out". */
	assert_int_equal(gate_status(&app, "GET", "/zaken/12", "stuk"), 503);
	assert_int_equal(gate_status(&app, "GET", "/redactie", "stuk"), 503);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(literal_and_params),
	    cmocka_unit_test(encoded_segments),
	    cmocka_unit_test(trailing_slash_and_empty),
	    cmocka_unit_test(not_found_and_method),
	    cmocka_unit_test(rest_parameter),
	    cmocka_unit_test(too_many_segments),
	    cmocka_unit_test(table_rules),
	    cmocka_unit_test(params_of_pattern),
	    cmocka_unit_test(gate_tenant_and_store_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
