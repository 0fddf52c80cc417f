/*
 * The editor's category management: a list with counts and forms to add,
 * rename, merge and delete. A change the editor can fix shows the list again
 * with the Dutch reason (400, 404 or 409) and changes nothing; a store error
 * is a 500.
 */
#include <string.h>

#include "content/content.h"
#include "content/read.h"
#include "web/web.h"

static int page(struct req *r, int status, const char *message)
{
	struct category_count *cats;
	size_t n;
	if (content_category_all(r->w->store, &r->arena, &cats, &n))
		return 500;
	struct tval *v = tv_obj(&r->arena), *list = tv_list(&r->arena);
	for (size_t i = 0; i < n; i++) {
		struct tval *o = tv_obj(&r->arena);
		tv_set_str(o, "slug", cats[i].slug);
		tv_set_str(o, "name", cats[i].name);
		tv_set_int(o, "count", cats[i].count);
		tv_set_bool(o, "empty", cats[i].count == 0);
		tv_push(list, o);
	}
	tv_set_str(v, "title", "Categorieën");
	tv_set(v, "categories", list);
	tv_set_int(v, "total", (long long) n);
	tv_set_str(v, "message", message);
	tv_set_bool(v, "done", status == 200 && req_query(r, "klaar") != NULL);
	return web_form_render(r, "cms_categories", v, status);
}

int web_cms_categories(struct req *r)
{
	return page(r, 200, NULL);
}

int web_cms_category_change(struct req *r)
{
	const char *action = req_param(r, "action"), *why = NULL;
	static const char *const actions[] = {"nieuw", "hernoemen", "samenvoegen", "verwijderen"};
	int known = 0;
	for (size_t i = 0; i < 4; i++)
		known |= !strcmp(action, actions[i]);
	if (!known)
		return 404;
	const char *slug = req_form(r, "slug"), *value = req_form(r, strcmp(action, "samenvoegen") ? "name" : "into");
	int rc = content_category_change(r->w->store, r->session->email, action, slug, value, &why);
	if (rc == ERR_INVALID || rc == ERR_CONFLICT || rc == ERR_NOT_FOUND)
		return page(r,
			    rc == ERR_INVALID	 ? 400
			    : rc == ERR_CONFLICT ? 409
						 : 404,
			    why ? why : "Dat lukte niet; controleer de invoer.");
	if (rc)
		return 500;
	r->page.status = 303;
	r->page.location = "/redactie/categorieen?klaar=1";
	return 0;
}
