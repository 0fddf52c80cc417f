#include "testutil.h"

#include <stdio.h>

#include "http/cache.h"

static struct req make_req(void)
{
	struct req r = {.arena = ARENA_INIT, .out = BUF_INIT(1 << 20)};
	r.page.status = 200;
	return r;
}

static void done(struct req *r)
{
	buf_free(&r->out);
	arena_free(&r->arena);
}

static void put_page(struct page_cache *c, const char *uri, long long version, const char *body)
{
	struct req r = make_req();
	r.page.content_type = "text/html";
	r.page.etag = "\"e\"";
	assert_int_equal(buf_adds(&r.out, body), 0);
	page_cache_put(c, uri, version, &r);
	done(&r);
}

static void hit_only_at_same_version(void **state)
{
	struct page_cache *c = page_cache_new(8);
	put_page(c, "/nieuws?page=2", 7, "<p>twee</p>");
	struct req r = make_req();
	assert_true(page_cache_get(c, "/nieuws?page=2", 7, &r));
	assert_string_equal(r.out.ptr, "<p>twee</p>");
	assert_string_equal(r.page.etag, "\"e\"");
	done(&r);
	r = make_req();
	assert_false(page_cache_get(c, "/nieuws?page=2", 8, &r));
	assert_false(page_cache_get(c, "/nieuws?page=3", 7, &r));
	assert_string_equal(r.out.ptr, "");
	done(&r);
	page_cache_free(c);
}

static void replace_and_overflow(void **state)
{
	struct page_cache *c = page_cache_new(4);
	put_page(c, "/a", 1, "oud");
	put_page(c, "/a", 2, "nieuw");
	struct req r = make_req();
	assert_true(page_cache_get(c, "/a", 2, &r));
	assert_string_equal(r.out.ptr, "nieuw");
	done(&r);
	char uri[32];
	for (int i = 0; i < 100; i++) {
		snprintf(uri, sizeof(uri), "/p%d", i);
		put_page(c, uri, 2, uri);
	}
	r = make_req();
	assert_true(page_cache_get(c, "/p99", 2, &r));
	assert_string_equal(r.out.ptr, "/p99");
	done(&r);
	page_cache_free(c);
}

static void only_plain_200s(void **state)
{
	struct page_cache *c = page_cache_new(4);
	struct req r = make_req();
	r.page.status = 404;
	assert_int_equal(buf_adds(&r.out, "x"), 0);
	page_cache_put(c, "/x", 1, &r);
	done(&r);
	r = make_req();
	r.page.static_body = "static";
	r.page.static_len = 6;
	page_cache_put(c, "/s", 1, &r);
	done(&r);
	r = make_req();
	assert_false(page_cache_get(c, "/x", 1, &r));
	assert_false(page_cache_get(c, "/s", 1, &r));
	done(&r);
	assert_null(page_cache_new(0));
	page_cache_free(NULL);
	page_cache_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(hit_only_at_same_version),
	    cmocka_unit_test(replace_and_overflow),
	    cmocka_unit_test(only_plain_200s),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
