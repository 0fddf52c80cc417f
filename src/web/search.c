/*
 * /zoeken: the search page with snippets and facets; /zoeken/suggest: JSON
 * for autocomplete. A bad filter is a 400 or 404, a query past its caps a
 * 414, a store error a 500; a snippet or facets that cannot be read are left
 * out, and a failed suggestion search answers an empty list.
 */
#include <jansson.h>
#include <string.h>

#include "base/slug.h"
#include "content/content.h"
#include "content/read.h"
#include "html/escape.h"
#include "search/search.h"
#include "web/web.h"

#define PER_PAGE    10
#define FEW_RESULTS 3

/* /zoeken?q=...&type=...&categorie=... with one parameter changed (NULL value: left out). */
static char *search_url(struct req *r, const char *q, const char *type, const struct web_filters *f,
			const char *toggle_cat, long long page)
{
	struct buf u = BUF_INIT(8192);
	int rc = buf_adds(&u, "/zoeken?q=") || html_url_query(&u, q, strlen(q));
	if (!rc && type)
		rc = buf_adds(&u, "&type=") || html_url_query(&u, type, strlen(type));
	char *rest = rc ? NULL : web_filters_url(r, "", f, toggle_cat, page);
	if (rest && *rest)
		rc = buf_addc(&u, '&') || buf_adds(&u, rest + 1);
	char *s = rc || !rest ? NULL : arena_strndup(&r->arena, u.ptr, u.len);
	buf_free(&u);
	if (!s)
		r->arena.failed = 1;
	return s;
}

static struct tval *snippet_view(struct req *r, struct search_env *env, const struct item *it,
				 const struct search_result *res)
{
	const char *lead, *body;
	struct snippet_part *parts;
	size_t n;
	if (content_item_text(env->st, &r->arena, it->id, &lead, &body) ||
	    search_snippet(env, body, res, 30, &r->arena, &parts, &n))
		return NULL;
	struct tval *list = tv_list(&r->arena);
	for (size_t i = 0; i < n; i++) {
		struct tval *p = tv_obj(&r->arena);
		tv_set_str(p, "text", parts[i].text);
		tv_set_bool(p, "hit", parts[i].hit);
		tv_push(list, p);
	}
	return list;
}

static void facets(struct req *r, struct tval *v, struct search_env *env, const struct search_result *res,
		   const char *q, const char *type, const struct web_filters *f)
{
	struct search_facet *types, *cats;
	size_t nt, nc;
	if (!res->match || content_search_facets(env->st, &r->arena, res->match, &types, &nt, &cats, &nc))
		return;
	struct tval *tl = tv_list(&r->arena);
	for (size_t i = 0; i < nt; i++) {
		const struct content_type *ct = content_type_find(types[i].key);
		struct tval *o = tv_obj(&r->arena);
		int active = type && !strcmp(type, types[i].key);
		tv_set_str(o, "name", ct ? ct->label : types[i].key);
		tv_set_int(o, "count", types[i].count);
		tv_set_bool(o, "active", active);
		tv_set_str(o, "url", search_url(r, q, active ? NULL : types[i].key, f, NULL, 1));
		tv_push(tl, o);
	}
	tv_set(v, "type_facets", tl);
	struct tval *cl = tv_list(&r->arena);
	for (size_t i = 0; i < nc; i++) {
		struct tval *o = tv_obj(&r->arena);
		int active = 0;
		for (size_t k = 0; k < f->ncategories; k++)
			active |= !strcmp(f->categories[k], cats[i].key);
		tv_set_str(o, "name", cats[i].label);
		tv_set_int(o, "count", cats[i].count);
		tv_set_bool(o, "active", active);
		tv_set_str(o, "url", search_url(r, q, type, f, cats[i].key, 1));
		tv_push(cl, o);
	}
	tv_set(v, "cat_facets", cl);
}

int web_search(struct req *r)
{
	struct search_env *env = r->w->app;
	const char *q = req_query(r, "q");
	const char *type = req_query(r, "type");
	struct web_filters f;
	int status = web_filters_read(r, &f);
	if (status)
		return status;
	if (type && !content_type_find(type))
		return 404;
	struct tval *v = tv_obj(&r->arena);
	tv_set_str(v, "title", q && *q ? arena_printf(&r->arena, "Zoeken: %s", q) : "Zoeken");
	tv_set_str(v, "q", q ? q : "");
	tv_set_bool(v, "noindex", true);
	tv_set_bool(v, "section_zoeken", true);
	if (!q || !*q)
		return web_render(r, "search", v);
	struct item_filter filter = {.type = type, .categories = f.categories, .ncategories = f.ncategories};
	struct search_result res;
	web_speller_acquire(r->w);
	int rc = search_run(env, q, &filter, (f.page - 1) * PER_PAGE, PER_PAGE, &r->arena, &res);
	web_speller_release(r->w);
	if (rc == ERR_TOO_LARGE)
		return 414;
	if (rc)
		return 500;
	long long pages = res.total ? (res.total + PER_PAGE - 1) / PER_PAGE : 1;
	if (f.page > pages)
		return 404;
	struct tval *hits = tv_list(&r->arena);
	for (size_t i = 0; i < res.n; i++) {
		struct tval *h = web_item_view(r, &res.hits[i].item, 0);
		tv_set_bool(h, "show_type", true);
		tv_set(h, "snippet", snippet_view(r, env, &res.hits[i].item, &res));
		tv_push(hits, h);
	}
	tv_set(v, "hits", hits);
	tv_set_bool(v, "searched", true);
	tv_set_str(v, "total_label", search_total_label(res.total, &r->arena));
	tv_set_int(v, "page", f.page);
	tv_set_int(v, "pages", pages);
	tv_set_bool(v, "paged", pages > 1);
	if (f.page > 1)
		tv_set_str(v, "prev_url", search_url(r, q, type, &f, NULL, f.page - 1));
	if (f.page < pages)
		tv_set_str(v, "next_url", search_url(r, q, type, &f, NULL, f.page + 1));
	if (res.suggestion && res.total <= FEW_RESULTS + 10) {
		tv_set_str(v, "suggestion", res.suggestion);
		tv_set_str(v, "suggestion_url",
			   search_url(r, res.suggestion, NULL, &(struct web_filters){.page = 1}, NULL, 1));
	}
	if (type || f.ncategories)
		tv_set_str(v, "clear_url", search_url(r, q, NULL, &(struct web_filters){.page = 1}, NULL, 1));
	facets(r, v, env, &res, q, type, &f);
	return web_render(r, "search", v);
}

int web_search_suggest(struct req *r)
{
	struct search_env *env = r->w->app;
	const char *q = req_query(r, "q");
	r->page.content_type = "application/json; charset=utf-8";
	json_t *out = json_array();
	if (q && *q && strlen(q) <= 100) {
		/* Titles that match the words typed so far, the last one as a prefix. */
		char *prefixed = arena_printf(&r->arena, "%s*", q);
		struct search_result res;
		struct item_filter f = {0};
		if (prefixed && !search_run(env, prefixed, &f, 0, 8, &r->arena, &res))
			for (size_t i = 0; i < res.n; i++) {
				struct tval *view = web_item_view(r, &res.hits[i].item, 0);
				const struct tval *url = tv_get(view, "url", 3);
				json_array_append_new(out, json_pack("{s:s, s:s, s:s}", "title", res.hits[i].item.title,
								     "url", url ? url->u.str.s : "", "type",
								     res.hits[i].item.type));
			}
	}
	char *s = json_dumps(out, JSON_COMPACT);
	json_decref(out);
	int rc = s ? buf_adds(&r->out, s) : ERR_NOMEM;
	free(s);
	return rc ? 500 : 0;
}
