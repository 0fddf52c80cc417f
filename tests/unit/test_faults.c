/*
 * Fail the Nth allocation, for N = 1, 2, 3, ... until the operation succeeds
 * (after SQLite's test_malloc.c): every failure must end in a clean error,
 * with the state unchanged, and (under ASan) without a leak.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/mem.h"
#include "html/markdown.h"
#include "html/tmpl.h"
#include "http/http.h"
#include "store/items.h"
#include "store/store.h"
#include "web/web.h"

#define MAX_N 5000

static void buf_under_faults(void **state)
{
	for (long n = 1; n < MAX_N; n++) {
		struct buf b = BUF_INIT(1 << 20);
		int rc = 0;
		mem_fail_after(n);
		for (int i = 0; i < 2000 && !rc; i++)
			rc = buf_addf(&b, "regel %d;", i);
		mem_fail_after(0);
		if (rc) {
			assert_int_equal(rc, ERR_NOMEM);
			assert_int_equal(b.ptr[b.len], '\0');
		}
		buf_free(&b);
		if (!mem_fail_fired()) {
			assert_true(n > 5);
			return;
		}
	}
	fail_msg("never succeeded");
}

static void arena_under_faults(void **state)
{
	for (long n = 1; n < MAX_N; n++) {
		struct arena a = ARENA_INIT;
		mem_fail_after(n);
		for (int i = 0; i < 500; i++)
			(void) arena_printf(&a, "%0*d", 100, i);
		(void) arena_alloc(&a, 100000);
		mem_fail_after(0);
		assert_int_equal(a.failed, mem_fail_fired());
		arena_free(&a);
		if (!mem_fail_fired()) {
			assert_true(n > 5);
			return;
		}
	}
	fail_msg("never succeeded");
}

static const char *src =
    "{{< layout}}<ul>{{#each items}}<li class=\"{{cls}}\"><a href=\"/n/{{slug}}\">{{title}}</a></li>"
    "{{else}}leeg{{/each}}</ul>{{#if x}}{{> part}}{{/if}}";

static void templates_under_faults(void **state)
{
	for (long n = 1; n < MAX_N; n++) {
		char err[256];
		struct tmpl_set *set;
		struct arena a = ARENA_INIT;
		struct buf out = BUF_INIT(1 << 20);
		mem_fail_after(n);
		int rc = (set = tmpl_set_new()) ? 0 : ERR_NOMEM;
		if (!rc)
			rc = tmpl_add(set, "layout", "<main>{{content}}</main>", 24, err, sizeof(err));
		if (!rc)
			rc = tmpl_add(set, "part", "<i>{{x}}</i>", 12, err, sizeof(err));
		if (!rc)
			rc = tmpl_add(set, "page", src, strlen(src), err, sizeof(err));
		if (!rc) {
			struct tval *d = tv_obj(&a);
			struct tval *items = tv_list(&a);
			for (int i = 0; i < 20; i++) {
				struct tval *o = tv_obj(&a);
				tv_set_str(o, "slug", "s");
				tv_set_str(o, "title", "<t>");
				tv_set_str(o, "cls", "c");
				tv_push(items, o);
			}
			tv_set(d, "items", items);
			tv_set_bool(d, "x", true);
			rc = tmpl_render(set, "page", d, &a, &out);
		}
		mem_fail_after(0);
		if (rc) {
			assert_int_equal(rc, ERR_NOMEM);
			assert_string_equal(out.ptr, "");
		}
		tmpl_set_free(set);
		buf_free(&out);
		arena_free(&a);
		if (!mem_fail_fired()) {
			assert_int_equal(rc, 0);
			assert_true(n > 20);
			return;
		}
	}
	fail_msg("never succeeded");
}

static void markdown_under_faults(void **state)
{
	const char *md = "## Kop\n\nTekst met [link](/x) en **vet**.\n\n- a\n- b\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
	for (long n = 1; n < MAX_N; n++) {
		struct arena a = ARENA_INIT;
		struct md_doc doc;
		mem_fail_after(n);
		int rc = html_markdown(&a, md, strlen(md), 1 << 20, &doc);
		mem_fail_after(0);
		arena_free(&a);
		if (!mem_fail_fired()) {
			assert_int_equal(rc, 0);
			return;
		}
		assert_int_not_equal(rc, 0);
	}
	fail_msg("never succeeded");
}

/* A whole page: route, store query, Markdown, templates, error page. */
static void page_render_under_faults(void **state)
{
	char dir[] = "/tmp/vertrouwd-faults-XXXXXX";
	assert_non_null(mkdtemp(dir));
	struct config cfg;
	config_defaults(&cfg);
	test_dsn(cfg.db, sizeof(cfg.db), dir, "f.db");
	char err[512];
	struct store *st;
	assert_int_equal(store_open(cfg.db, &st, err, sizeof(err)), 0);
	assert_int_equal(store_migrate(st, err, sizeof(err)), 0);
	struct item_category cats[] = {{"integriteit", "Integriteit"}};
	struct item it = {.type = "nieuws",
			  .slug = "bericht",
			  .title = "Een bericht",
			  .lead = "Kort",
			  .body = "## Kop\n\nTekst **vet**.",
			  .published = "2026-01-01",
			  .categories = cats,
			  .ncategories = 1};
	long long id;
	assert_int_equal(store_begin(st), 0);
	assert_int_equal(store_item_save(st, &it, &id), 0);
	assert_int_equal(store_commit(st), 0);
	store_close(st);

	assert_int_equal(web_init(&cfg, err, sizeof(err)), 0);
	const struct http_app *app = web_app();
	struct worker *w;
	assert_int_equal(app->worker_new(&cfg, &w), 0);
	const char *uris[] = {"/nieuws/bericht", "/", "/nieuws?page=1", "/bestaat-niet"};
	for (size_t u = 0; u < sizeof(uris) / sizeof(uris[0]); u++) {
		int done = 0;
		for (long n = 1; n < MAX_N && !done; n++) {
			struct req r = {.cfg = &cfg, .w = w, .arena = ARENA_INIT, .out = BUF_INIT(BUF_MAX_DEFAULT)};
			struct http_input in = {.method = "GET", .uri = uris[u]};
			mem_fail_after(n);
			http_handle(app, &r, &in);
			mem_fail_after(0);
			int want = u == 3 ? 404 : 200;
			if (!mem_fail_fired()) {
				assert_int_equal(r.page.status, want);
				assert_true(n > 3);
				if (u == 0)
					assert_contains(r.out.ptr, "<h1>Een bericht</h1>");
				done = 1;
			} else if (r.page.status != want) {
				assert_int_equal(r.page.status, 500);
			}
			buf_free(&r.out);
			arena_free(&r.arena);
		}
		assert_true(done);
	}
	app->worker_free(w);
	web_shutdown();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(buf_under_faults),		cmocka_unit_test(arena_under_faults),
	    cmocka_unit_test(templates_under_faults),	cmocka_unit_test(markdown_under_faults),
	    cmocka_unit_test(page_render_under_faults),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
