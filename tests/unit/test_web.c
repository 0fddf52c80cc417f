/* Web helpers without a server: list filters and their URLs, the table of contents of an item, body limits. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "store/items.h"
#include "store/store.h"
#include "http/form.h"
#include "web/web.h"
#include "accounts/accounts.h"
#include "crypto/crypto.h"
#include "store/sessions.h"

static struct store *st;
static struct worker w;

static int setup(void **state)
{
	char dir[] = "/tmp/vertrouwd-web-XXXXXX", dsn[300], err[256];
	if (!mkdtemp(dir))
		return -1;
	test_dsn(dsn, sizeof(dsn), dir, "w.db");
	if (store_open(dsn, &st, err, sizeof(err)) || store_migrate(st, err, sizeof(err)))
		return -1;
	struct item_category cats[] = {{"integriteit", "Integriteit"}, {"klokkenluider", "Klokkenluider"}};
	struct item it = {.type = "kennisbank",
			  .slug = "kb",
			  .title = "KB",
			  .published = "2026-01-01",
			  .body = "## Een\n\n### Een a\n\n### Een b\n\n## Twee\n\n#### Diep\n\n## Drie\n",
			  .categories = cats,
			  .ncategories = 2};
	long long id;
	if (store_begin(st) || store_item_save(st, &it, &id) || store_commit(st))
		return -1;
	w.store = st;
	return 0;
}

static int teardown(void **state)
{
	store_close(st);
	return 0;
}

static struct req make_req(const char *query)
{
	struct req r = {.w = &w, .arena = ARENA_INIT, .out = BUF_INIT(1 << 20)};
	r.in.path = "/nieuws";
	assert_int_equal(form_parse(&r.arena, query, strlen(query), &r.in.query), 0);
	return r;
}

static void done(struct req *r)
{
	buf_free(&r->out);
	arena_free(&r->arena);
}

static void filters_read(void **state)
{
	struct web_filters f;
	struct req r = make_req("categorie=integriteit&categorie=klokkenluider&categorie=integriteit&page=2");
	assert_int_equal(web_filters_read(&r, &f), 0);
	assert_int_equal(f.page, 2);
	assert_int_equal(f.ncategories, 2); /* the duplicate counts once */
	assert_string_equal(f.names[1], "Klokkenluider");
	done(&r);
	const struct {
		const char *query;
		int status;
	} bad[] = {{"page=0", 400},	      {"page=-3", 400}, {"page=abc", 400},
		   {"page=1.5", 400},	      {"page=", 400},	{"categorie=onbekend", 404},
		   {"categorie=%3Cx%3E", 404}};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		r = make_req(bad[i].query);
		assert_int_equal(web_filters_read(&r, &f), bad[i].status);
		done(&r);
	}
}

static void filter_urls(void **state)
{
	struct web_filters f;
	struct req r = make_req("categorie=integriteit");
	assert_int_equal(web_filters_read(&r, &f), 0);
	/* Adding keeps the active one; removing drops it; pages keep the filters. */
	assert_string_equal(web_filters_url(&r, "/nieuws", &f, "klokkenluider", 1),
			    "/nieuws?categorie=integriteit&categorie=klokkenluider");
	assert_string_equal(web_filters_url(&r, "/nieuws", &f, "integriteit", 1), "/nieuws");
	assert_string_equal(web_filters_url(&r, "/nieuws", &f, NULL, 3), "/nieuws?categorie=integriteit&page=3");
	struct web_filters none = {.page = 1};
	assert_string_equal(web_filters_url(&r, "/nieuws", &none, NULL, 2), "/nieuws?page=2");
	assert_string_equal(web_filters_url(&r, "/nieuws", &none, "a b&c", 1), "/nieuws?categorie=a%20b%26c");
	done(&r);
}

static void table_of_contents(void **state)
{
	struct req r = make_req("");
	struct item it;
	assert_int_equal(store_item_find(st, &r.arena, "kennisbank", "kb", &it), 0);
	struct tval *v = web_item_view(&r, &it, 1);
	struct tval *toc = tv_get(v, "toc", 3);
	assert_non_null(toc);
	/* h2 entries at the top, h3 nested beneath the h2 before them, h4 left out. */
	assert_int_equal(toc->u.list.n, 3);
	struct tval *first = toc->u.list.items[0];
	assert_string_equal(tv_get(first, "id", 2)->u.str.s, "een");
	struct tval *kids = tv_get(first, "children", 8);
	assert_int_equal(kids->u.list.n, 2);
	assert_string_equal(tv_get(kids->u.list.items[1], "id", 2)->u.str.s, "een-b");
	assert_int_equal(tv_get(toc->u.list.items[1], "children", 8)->u.list.n, 0);
	done(&r);
}

/* A session for a new user with roles, as a cookie token (hex). */
static void session_for(const char *email, unsigned roles, char token[65])
{
	long long uid;
	unsigned char t[32], h[32];
	char id[65];
	assert_int_equal(vault_start(), 0);
	vault_random(t, sizeof(t));
	vault_hex(token, t, sizeof(t));
	vault_hash(h, t, sizeof(t), "session-id");
	vault_hex(id, h, sizeof(h));
	assert_int_equal(store_user_add(st, email, "Iemand", roles, &uid), 0);
	assert_int_equal(store_session_add(st, id, uid, (long long) time(NULL), "test", NULL, 0), 0);
}

static size_t limit(const struct config *cfg, const char *method, const char *uri, const char *cookie)
{
	struct req r = {.cfg = cfg, .w = &w, .arena = ARENA_INIT, .out = BUF_INIT(0)};
	size_t max = http_body_limit(web_app(), &r, method, uri, cookie);
	arena_free(&r.arena);
	return max;
}

/*
 * Only a live session that holds the route's role may send more than
 * --body-max, and only to an upload route: a made-up cookie, another role's
 * session or a blocked account's gets the small limit before any body is read.
 */
static void body_limits(void **state)
{
	struct config cfg = {.body_max = 1 << 20, .upload_max = 10 << 20};
	size_t big = cfg.upload_max + (64 << 10);
	char editor[65], contact[65], blocked[65], junk[65];
	session_for("red@example.nl", ROLE_REDACTEUR, editor);
	session_for("org@example.nl", ROLE_ORGANISATIE, contact);
	session_for("weg@example.nl", ROLE_REDACTEUR, blocked);
	assert_int_equal(accounts_set_disabled(st, 0, "test", "weg@example.nl", 1), 0);
	memset(junk, 'a', 64);
	junk[64] = '\0';
	assert_int_equal(limit(&cfg, "POST", "/redactie/media", editor), big);
	assert_int_equal(limit(&cfg, "POST", "/redactie/opslaan?x=1", editor), big);
	assert_int_equal(limit(&cfg, "POST", "/redactie/media", NULL), cfg.body_max);
	assert_int_equal(limit(&cfg, "POST", "/redactie/media", "anything"), cfg.body_max);
	assert_int_equal(limit(&cfg, "POST", "/redactie/media", junk), cfg.body_max);
	assert_int_equal(limit(&cfg, "POST", "/redactie/media", contact), cfg.body_max);
	assert_int_equal(limit(&cfg, "POST", "/redactie/media", blocked), cfg.body_max);
	assert_int_equal(limit(&cfg, "GET", "/redactie/media", editor), cfg.body_max);
	assert_int_equal(limit(&cfg, "POST", "/inloggen", editor), cfg.body_max);
	assert_int_equal(limit(&cfg, "PUT", "/redactie/media", editor), cfg.body_max);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(filters_read),
	    cmocka_unit_test(filter_urls),
	    cmocka_unit_test(table_of_contents),
	    cmocka_unit_test(body_limits),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
