#include "testutil.h"

#include "http/router.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(literal_and_params),	cmocka_unit_test(encoded_segments),
	    cmocka_unit_test(trailing_slash_and_empty), cmocka_unit_test(not_found_and_method),
	    cmocka_unit_test(rest_parameter),		cmocka_unit_test(too_many_segments),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
