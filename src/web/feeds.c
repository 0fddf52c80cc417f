/*
 * Machine-readable pages: Atom and RSS feeds, sitemap.xml, robots.txt. An
 * unknown section or category is a 404, a store error a 500; the sitemap
 * stops at 50,000 addresses rather than fail.
 */
#include <string.h>

#include "base/dates.h"
#include "content/content.h"
#include "content/read.h"
#include "web/web.h"

#define FEED_ITEMS 20

/* Absolute URLs and feed dates for a list of items. */
static struct tval *feed_entries(struct req *r, const struct item *items, size_t n)
{
	struct arena *a = &r->arena;
	struct tval *list = tv_list(a);
	for (size_t i = 0; i < n; i++) {
		struct tval *v = web_item_view(r, &items[i], 0);
		char when[64];
		tv_set_str(v, "abs_url", arena_printf(a, "%s%s", r->cfg->base_url, tv_get(v, "url", 3)->u.str.s));
		if (!date_rfc3339(items[i].published, when, sizeof(when)))
			tv_set_str(v, "published_3339", when);
		if (!date_rfc3339(items[i].updated_at, when, sizeof(when)))
			tv_set_str(v, "updated_3339", when);
		if (!date_http(items[i].published, when, sizeof(when)))
			tv_set_str(v, "published_822", when);
		tv_push(list, v);
	}
	return list;
}

/* /feed/... : Atom, or RSS 2.0 when the path ends in /rss. */
static int feed(struct req *r, const struct item_filter *f, const char *title, const char *html_path)
{
	struct item *items;
	size_t n;
	if (content_item_list(r->w->store, &r->arena, f, 0, FEED_ITEMS, &items, &n))
		return 500;
	size_t plen = strlen(r->in.path);
	int rss = plen > 4 && !strcmp(r->in.path + plen - 4, "/rss");
	struct arena *a = &r->arena;
	struct tval *v = tv_obj(a);
	tv_set_str(v, "title", arena_printf(a, "%s | Vertrouwd", title));
	tv_set_str(v, "site", r->cfg->base_url);
	tv_set_str(v, "html_url", arena_printf(a, "%s%s", r->cfg->base_url, html_path));
	tv_set_str(v, "self_url", arena_printf(a, "%s%s", r->cfg->base_url, r->in.path));
	tv_set(v, "entries", feed_entries(r, items, n));
	char when[64];
	const char *newest = n ? items[0].updated_at : "2026-01-01";
	for (size_t i = 1; i < n; i++)
		if (strcmp(items[i].updated_at, newest) > 0)
			newest = items[i].updated_at;
	if (!date_rfc3339(newest, when, sizeof(when)))
		tv_set_str(v, "updated_3339", when);
	r->page.content_type = rss ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8";
	return web_render(r, rss ? "feed_rss" : "feed_atom", v);
}

/* The content type whose URL path name is s ("kennisbank", "voor-organisaties"). */
static const struct content_type *type_by_path(const char *s)
{
	for (size_t i = 0; s && i < content_type_count; i++)
		if (!strcmp(content_types[i].path + 1, s))
			return &content_types[i];
	return NULL;
}

int web_feed_section(struct req *r)
{
	const struct content_type *type = type_by_path(req_param(r, "section"));
	if (!type)
		return 404;
	struct item_filter f = {.type = type->name};
	return feed(r, &f, type->label, type->path);
}

int web_feed_category(struct req *r)
{
	struct item_category c;
	int rc = content_category_find(r->w->store, &r->arena, req_param(r, "slug"), &c);
	if (rc)
		return rc == ERR_NOT_FOUND ? 404 : 500;
	const char *one[] = {c.slug};
	struct item_filter f = {.categories = one, .ncategories = 1};
	return feed(r, &f, c.name, arena_printf(&r->arena, "/categorie/%s", c.slug));
}

struct sitemap {
	struct req *r;
	struct tval *urls;
};

/* A sitemap holds at most this many addresses (sitemaps.org); items past it (by type and slug) are left out. */
#define SITEMAP_MAX_URLS 50000

static int sitemap_each(void *ctx, const char *type_name, const char *slug, const char *updated_at)
{
	struct sitemap *sm = ctx;
	struct req *r = sm->r;
	const struct content_type *type = content_type_find(type_name);
	if (!type)
		return 0;
	struct tval *u = tv_obj(&r->arena);
	tv_set_str(u, "loc", arena_printf(&r->arena, "%s%s/%s", r->cfg->base_url, type->path, slug));
	tv_set_str(u, "lastmod", arena_strndup(&r->arena, updated_at, 10));
	tv_push(sm->urls, u);
	return r->arena.failed ? ERR_NOMEM : 0;
}

int web_sitemap(struct req *r)
{
	struct arena *a = &r->arena;
	struct tval *v = tv_obj(a), *urls = tv_list(a);
	tv_set(v, "urls", urls);
	const char *pages[] = {"/", "/vind-een-vertrouwenspersoon"};
	for (size_t i = 0; i < 2 + content_type_count; i++) {
		struct tval *u = tv_obj(a);
		tv_set_str(u, "loc",
			   arena_printf(a, "%s%s", r->cfg->base_url, i < 2 ? pages[i] : content_types[i - 2].path));
		tv_push(urls, u);
	}
	struct category_count *cats;
	size_t n;
	if (content_category_counts(r->w->store, a, NULL, &cats, &n))
		return 500;
	for (size_t i = 0; i < n; i++) {
		struct tval *u = tv_obj(a);
		tv_set_str(u, "loc", arena_printf(a, "%s/categorie/%s", r->cfg->base_url, cats[i].slug));
		tv_push(urls, u);
	}
	struct sitemap sm = {r, urls};
	long long room = SITEMAP_MAX_URLS - (long long) (2 + content_type_count + n);
	if (content_item_urls(r->w->store, room > 0 ? room : 0, sitemap_each, &sm))
		return 500;
	r->page.content_type = "application/xml; charset=utf-8";
	return web_render(r, "sitemap", v);
}

int web_robots(struct req *r)
{
	r->page.content_type = "text/plain; charset=utf-8";
	return buf_addf(&r->out, "User-agent: *\nAllow: /\nDisallow: /healthz\n\nSitemap: %s/sitemap.xml\n",
			r->cfg->base_url)
		   ? 500
		   : 0;
}
