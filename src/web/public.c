/*
 * The public portal: home, section lists with filters, item pages,
 * categories, downloads. An unknown item or a page past the last is a 404, an
 * item's old address answers 301 to its new one, a store error is a 500 (a
 * 503 for /healthz); related items that cannot be read are left out.
 */
#include <string.h>

#include "base/dates.h"
#include "content/content.h"
#include "content/read.h"
#include "web/web.h"

#define PER_PAGE      10
#define HOME_ITEMS    6
#define RELATED_ITEMS 3

/* The content type whose section the request's path is in ("/kennisbank/..."). */
static const struct content_type *section(const struct req *r)
{
	for (size_t i = 0; i < content_type_count; i++) {
		size_t n = strlen(content_types[i].path);
		if (!strncmp(r->in.path, content_types[i].path, n) && (!r->in.path[n] || r->in.path[n] == '/'))
			return &content_types[i];
	}
	return NULL;
}

static struct tval *item_list(struct req *r, const struct item *items, size_t n, long long skip_id)
{
	struct tval *list = tv_list(&r->arena);
	for (size_t i = 0; i < n; i++)
		if (items[i].id != skip_id)
			tv_push(list, web_item_view(r, &items[i], 0));
	return list;
}

/* Counts and page numbers of a list page. */
static void set_paging(struct tval *v, long long total, long long page, long long pages)
{
	tv_set_str(v, "total_label", arena_printf(v->arena, total == 1 ? "%lld resultaat" : "%lld resultaten", total));
	tv_set_int(v, "page", page);
	tv_set_int(v, "pages", pages);
	tv_set_bool(v, "paged", pages > 1);
}

/* Newest items of a type into v[key]; 0 or 500. */
static int latest(struct req *r, struct tval *v, const char *key, const char *type, int limit)
{
	struct item_filter f = {.type = type};
	struct item *items;
	size_t n;
	if (content_item_list(r->w->store, &r->arena, &f, 0, limit, &items, &n))
		return 500;
	tv_set(v, key, item_list(r, items, n, 0));
	return 0;
}

int web_public_home(struct req *r)
{
	struct tval *v = tv_obj(&r->arena);
	tv_set_str(v, "title", "Vertrouwd: kennis en steun bij ongewenst gedrag op het werk");
	tv_set_str(v, "description",
		   "Kennisportaal voor vertrouwenspersonen, medewerkers en werkgevers: nieuws, kennis "
		   "en een veilige weg naar een vertrouwenspersoon.");
	tv_set_bool(v, "is_home", true);
	if (latest(r, v, "news", "nieuws", HOME_ITEMS) || latest(r, v, "articles", "artikel", 3) ||
	    latest(r, v, "kennisbank", "kennisbank", 4))
		return 500;
	return web_render(r, "home", v);
}

/* The facet list: every category of this list with its count, and whether it is active. */
static struct tval *facets(struct req *r, const char *base, const char *type, const struct web_filters *f)
{
	struct category_count *cats;
	size_t n;
	if (content_category_counts(r->w->store, &r->arena, type, &cats, &n)) {
		r->arena.failed = 1;
		return NULL;
	}
	struct tval *list = tv_list(&r->arena);
	for (size_t i = 0; i < n; i++) {
		struct tval *c = tv_obj(&r->arena);
		int active = 0;
		for (size_t k = 0; k < f->ncategories; k++)
			active |= !strcmp(f->categories[k], cats[i].slug);
		tv_set_str(c, "name", cats[i].name);
		tv_set_int(c, "count", cats[i].count);
		tv_set_bool(c, "active", active);
		tv_set_str(c, "url", web_filters_url(r, base, f, cats[i].slug, 1));
		tv_push(list, c);
	}
	return list;
}

/*
 * One page of a list into v: items, counts, page numbers and the previous and
 * next links (base with f's filters). 0, 404 past the last page, or 500.
 */
static int list_page(struct req *r, struct tval *v, const struct item_filter *filter, const char *base,
		     const struct web_filters *f)
{
	long long total;
	if (content_item_count(r->w->store, &r->arena, filter, &total))
		return 500;
	long long pages = total ? (total + PER_PAGE - 1) / PER_PAGE : 1;
	if (f->page > pages)
		return 404;
	struct item *items;
	size_t n;
	if (content_item_list(r->w->store, &r->arena, filter, (f->page - 1) * PER_PAGE, PER_PAGE, &items, &n))
		return 500;
	tv_set(v, "items", item_list(r, items, n, 0));
	set_paging(v, total, f->page, pages);
	if (f->page > 1)
		tv_set_str(v, "prev_url", web_filters_url(r, base, f, NULL, f->page - 1));
	if (f->page < pages)
		tv_set_str(v, "next_url", web_filters_url(r, base, f, NULL, f->page + 1));
	return 0;
}

int web_public_list(struct req *r)
{
	const struct content_type *type = section(r);
	struct web_filters f;
	int status = web_filters_read(r, &f);
	if (status)
		return status;
	struct item_filter filter = {.type = type->name, .categories = f.categories, .ncategories = f.ncategories};
	struct arena *a = &r->arena;
	struct tval *v = tv_obj(a);
	if ((status = list_page(r, v, &filter, type->path, &f)))
		return status;
	tv_set_str(v, "title", f.page > 1 ? arena_printf(a, "%s, pagina %lld", type->label, f.page) : type->label);
	tv_set_str(v, "heading", type->label);
	tv_set_str(v, "description",
		   arena_printf(a, "%s over sociale veiligheid, vertrouwenspersonen en klokkenluiden.", type->label));
	tv_set(v, "facets", facets(r, type->path, type->name, &f));
	struct tval *active = tv_list(a);
	for (size_t i = 0; i < f.ncategories; i++) {
		struct tval *c = tv_obj(a);
		tv_set_str(c, "name", f.names[i]);
		tv_set_str(c, "remove_url", web_filters_url(r, type->path, &f, f.categories[i], 1));
		tv_push(active, c);
	}
	tv_set(v, "active", active);
	tv_set_bool(v, arena_printf(a, "section_%s", type->name), true);
	tv_set_str(v, "feed_url", arena_printf(a, "/feed%s", type->path));
	tv_set_str(v, "feed_title", arena_printf(a, "%s (Atom)", type->label));
	return web_render(r, "list", v);
}

/* Items that share a category with it, newest first, without it. */
static struct tval *related(struct req *r, const struct item *it, const char *type)
{
	const char **slugs = arena_calloc(&r->arena, it->ncategories + 1, sizeof(*slugs));
	if (!slugs)
		return NULL;
	for (size_t i = 0; i < it->ncategories; i++)
		slugs[i] = it->categories[i].slug;
	struct item_filter f = {.type = type, .categories = slugs, .ncategories = it->ncategories};
	struct item *items;
	size_t n;
	if (!it->ncategories || content_item_list(r->w->store, &r->arena, &f, 0, RELATED_ITEMS + 1, &items, &n))
		return NULL;
	struct tval *list = item_list(r, items, n, it->id);
	if (list && list->u.list.n > RELATED_ITEMS)
		list->u.list.n = RELATED_ITEMS;
	return list;
}

int web_public_item(struct req *r)
{
	const struct content_type *type = section(r);
	struct item it;
	int rc = content_item_find(r->w->store, &r->arena, type->name, req_param(r, "slug"), &it);
	const char *moved;
	if (rc == ERR_NOT_FOUND &&
	    !content_redirect_find(r->w->store, &r->arena, type->name, req_param(r, "slug"), &moved)) {
		/* The item's address changed in the editor: send old links to the new one. */
		r->page.status = 301;
		r->page.location = arena_printf(&r->arena, "%s/%s", type->path, moved);
		r->page.cache_control = "no-cache";
		return 0;
	}
	if (rc == ERR_NOT_FOUND)
		return 404;
	if (rc)
		return 500;
	struct tval *v = tv_obj(&r->arena);
	struct tval *view = web_item_view(r, &it, 1);
	tv_set(v, "item", view);
	tv_set_str(v, "title", it.title);
	tv_set_str(v, "description", it.lead);
	tv_set_bool(v, arena_printf(&r->arena, "section_%s", type->name), true);
	tv_set_bool(v, "show_toc", !strcmp(type->name, "kennisbank") || !strcmp(type->name, "organisaties"));
	tv_set_str(v, "related_heading", !strcmp(type->name, "kennisbank") ? "Meer binnen deze categorie" : "Lees ook");
	tv_set(v, "related", related(r, &it, type->name));
	tv_set_str(v, "og_type", "article");
	char modified[64];
	if (!date_http(it.updated_at, modified, sizeof(modified)))
		r->page.last_modified = arena_strdup(&r->arena, modified);
	return web_render(r, "item", v);
}

int web_public_file(struct req *r)
{
	const struct content_type *type = section(r);
	const char *name, *ctype, *slug = req_param(r, "slug");
	int rc = content_item_file(r->w->store, &r->arena, type->name, slug, &name, &ctype, &r->out);
	if (rc)
		buf_reset(&r->out);
	if (rc == ERR_NOT_FOUND)
		return 404;
	if (rc)
		return 500;
	/* Only types the import sniffed are stored; serve them as downloads, never inline HTML. */
	r->page.content_type = ctype;
	r->page.disposition = arena_printf(&r->arena, "attachment; filename=\"%s%s\"", slug,
					   !strcmp(ctype, "application/pdf") ? ".pdf" : "");
	r->page.cache_control = "public, max-age=3600";
	return 0;
}

int web_public_category(struct req *r)
{
	struct item_category c;
	int rc = content_category_find(r->w->store, &r->arena, req_param(r, "slug"), &c);
	if (rc == ERR_NOT_FOUND)
		return 404;
	if (rc)
		return 500;
	struct web_filters f;
	int status = web_filters_read(r, &f);
	if (status)
		return status;
	const char *one[] = {c.slug};
	struct item_filter filter = {.categories = one, .ncategories = 1};
	struct web_filters paging = {.page = f.page}; /* the category is in the path, not the query */
	struct arena *a = &r->arena;
	struct tval *v = tv_obj(a);
	if ((status = list_page(r, v, &filter, arena_printf(a, "/categorie/%s", c.slug), &paging)))
		return status;
	tv_set_str(v, "title", arena_printf(a, "Categorie: %s", c.name));
	tv_set_str(v, "heading", c.name);
	tv_set_str(v, "description",
		   arena_printf(a, "Alles over %s: nieuws, kennisartikelen, kennisbank en downloads.", c.name));
	tv_set_bool(v, "show_type", true);
	tv_set_str(v, "feed_url", arena_printf(a, "/feed/categorie/%s", c.slug));
	tv_set_str(v, "feed_title", arena_printf(a, "%s (Atom)", c.name));
	return web_render(r, "list", v);
}

int web_healthz(struct req *r)
{
	struct item_filter f = {0};
	long long total;
	r->page.content_type = "text/plain; charset=utf-8";
	r->page.cache_control = "no-store";
	if (content_item_count(r->w->store, &r->arena, &f, &total))
		return 503;
	return buf_adds(&r->out, "ok\n") ? 500 : 0;
}
