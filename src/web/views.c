/* Views: domain objects turned into template values. */
#include <stdio.h>
#include <string.h>

#include "base/dates.h"
#include "content/content.h"
#include "html/markdown.h"
#include "web/web.h"

#define BODY_HTML_MAX ((size_t) 8 << 20)

struct tval *web_item_view(struct req *r, const struct item *it, int with_body)
{
	struct arena *a = &r->arena;
	const struct content_type *type = content_type_find(it->type);
	struct tval *v = tv_obj(a);
	char date[40];
	tv_set_str(v, "title", it->title);
	tv_set_str(v, "slug", it->slug);
	tv_set_str(v, "lead", it->lead);
	tv_set_str(v, "author", it->author);
	tv_set_str(v, "date_iso", it->published);
	tv_set_str(v, "date", date_dutch(it->published, date, sizeof(date)) ? it->published : date);
	if (type) {
		tv_set_str(v, "type_label", type->label);
		tv_set_str(v, "section", type->path);
		tv_set(v, "url", tv_str(a, arena_printf(a, "%s/%s", type->path, it->slug)));
	}
	struct tval *cats = tv_list(a);
	for (size_t i = 0; i < it->ncategories; i++) {
		struct tval *c = tv_obj(a);
		tv_set_str(c, "name", it->categories[i].name);
		tv_set_str(c, "slug", it->categories[i].slug);
		tv_push(cats, c);
	}
	tv_set(v, "categories", cats);
	if (with_body) {
		struct md_doc doc;
		if (html_markdown(a, it->body, strlen(it->body), BODY_HTML_MAX, &doc) == 0) {
			tv_set(v, "body", doc.html);
			struct tval *toc = tv_list(a);
			for (size_t i = 0; i < doc.nheadings; i++) {
				struct tval *h = tv_obj(a);
				tv_set_str(h, "id", doc.headings[i].id);
				tv_set_str(h, "text", doc.headings[i].text);
				tv_set_int(h, "level", doc.headings[i].level);
				tv_push(toc, h);
			}
			tv_set(v, "toc", toc);
		} else {
			a->failed = 1;
		}
	}
	return v;
}
