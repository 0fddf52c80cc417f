/* The public portal: home, section lists, item pages, health check. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "content/content.h"
#include "web/web.h"

#define PER_PAGE   10
#define HOME_ITEMS 6

/* ?page=N: absent is 1; anything but a positive whole number is a 400. */
static int page_number(struct req *r, long long *page)
{
	const char *s = req_query(r, "page");
	*page = 1;
	if (!s)
		return 0;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v < 1 || v > 1000000)
		return 400;
	*page = v;
	return 0;
}

static struct tval *item_list(struct req *r, const struct item *items, size_t n)
{
	struct tval *list = tv_list(&r->arena);
	for (size_t i = 0; i < n; i++)
		tv_push(list, web_item_view(r, &items[i], 0));
	return list;
}

int web_public_home(struct req *r)
{
	struct item *items;
	size_t n;
	if (store_item_list(r->w->store, &r->arena, "nieuws", 0, HOME_ITEMS, &items, &n))
		return 500;
	struct tval *v = tv_obj(&r->arena);
	tv_set_str(v, "title", "Vertrouwd: kennis en steun bij ongewenst gedrag op het werk");
	tv_set_str(v, "description",
		   "Kennisportaal voor vertrouwenspersonen, medewerkers en werkgevers: nieuws, kennis en een veilige "
		   "weg naar een vertrouwenspersoon.");
	tv_set(v, "news", item_list(r, items, n));
	tv_set_bool(v, "is_home", true);
	return web_render(r, "home", v);
}

int web_public_list(struct req *r)
{
	const struct content_type *type = content_type_find("nieuws");
	long long page, total;
	int status = page_number(r, &page);
	if (status)
		return status;
	if (store_item_count(r->w->store, type->name, &total))
		return 500;
	long long pages = total ? (total + PER_PAGE - 1) / PER_PAGE : 1;
	if (page > pages)
		return 404;
	struct item *items;
	size_t n;
	if (store_item_list(r->w->store, &r->arena, type->name, (page - 1) * PER_PAGE, PER_PAGE, &items, &n))
		return 500;
	struct arena *a = &r->arena;
	struct tval *v = tv_obj(a);
	tv_set_str(v, "title", page > 1 ? arena_printf(a, "%s, pagina %lld", type->label, page) : type->label);
	tv_set_str(v, "heading", type->label);
	tv_set_str(v, "description",
		   "Het laatste nieuws over sociale veiligheid, vertrouwenspersonen en klokkenluiden.");
	tv_set(v, "items", item_list(r, items, n));
	tv_set_int(v, "total", total);
	tv_set_int(v, "page", page);
	tv_set_int(v, "pages", pages);
	if (page > 1)
		tv_set_str(v, "prev_url",
			   page == 2 ? type->path : arena_printf(a, "%s?page=%lld", type->path, page - 1));
	if (page < pages)
		tv_set_str(v, "next_url", arena_printf(a, "%s?page=%lld", type->path, page + 1));
	tv_set_bool(v, "section_nieuws", true);
	return web_render(r, "list", v);
}

int web_public_item(struct req *r)
{
	const struct content_type *type = content_type_find("nieuws");
	struct item it;
	int rc = store_item_find(r->w->store, &r->arena, type->name, req_param(r, "slug"), &it);
	if (rc == ERR_NOT_FOUND)
		return 404;
	if (rc)
		return 500;
	struct tval *v = tv_obj(&r->arena);
	tv_set(v, "item", web_item_view(r, &it, 1));
	tv_set_str(v, "title", it.title);
	tv_set_str(v, "description", it.lead);
	tv_set_bool(v, "section_nieuws", true);
	return web_render(r, "item", v);
}

int web_healthz(struct req *r)
{
	long long total;
	r->page.content_type = "text/plain; charset=utf-8";
	r->page.cache_control = "no-store";
	if (store_item_count(r->w->store, NULL, &total))
		return 503;
	return buf_adds(&r->out, "ok\n") ? 500 : 0;
}
