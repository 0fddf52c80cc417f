/*
 * Views: domain objects turned into template values. A view never fails by
 * itself: an unknown type or bad date is shown as stored, and a full arena or
 * a body that cannot be rendered sets arena.failed, which web_render turns
 * into a 500.
 */
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
	if (it->image && *it->image) {
		tv_set_str(v, "image", it->image);
		tv_set_str(v, "image_alt", it->image_alt);
	}
	if (it->file_name && type) {
		static const struct {
			const char *mime, *label;
		} kinds[] = {
		    {"application/pdf", "PDF"}, {"image/png", "PNG"}, {"image/jpeg", "JPEG"}, {"image/webp", "WebP"}};
		const char *label = "bestand";
		for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
			if (!strcmp(kinds[i].mime, it->file_type))
				label = kinds[i].label;
		tv_set_str(v, "file_url", arena_printf(a, "%s/%s/bestand", type->path, it->slug));
		tv_set_str(v, "file_label", label);
		tv_set_str(v, "file_size",
			   it->file_size < 1024 * 1024
			       ? arena_printf(a, "%lld kB", (it->file_size + 1023) / 1024)
			       : arena_printf(a, "%.1f MB", (double) it->file_size / (1024.0 * 1024.0)));
	}
	struct tval *cats = tv_list(a);
	for (size_t i = 0; i < it->ncategories; i++) {
		struct tval *c = tv_obj(a);
		tv_set_str(c, "name", it->categories[i].name);
		tv_set_str(c, "slug", it->categories[i].slug);
		tv_set_str(c, "url", arena_printf(a, "/categorie/%s", it->categories[i].slug));
		tv_push(cats, c);
	}
	tv_set(v, "categories", cats);
	if (type && !strcmp(type->name, "artikel")) /* about 200 words a minute for careful reading */
		tv_set_int(v, "reading_minutes", it->words / 200 ? it->words / 200 : 1);
	if (with_body) {
		struct md_doc doc;
		if (html_markdown(a, it->body, strlen(it->body), BODY_HTML_MAX, &doc) == 0) {
			tv_set(v, "body", doc.html);
			/* Level-3 headings nest under the level-2 heading before them. */
			struct tval *toc = tv_list(a), *sub = NULL;
			for (size_t i = 0; i < doc.nheadings; i++) {
				struct tval *h = tv_obj(a);
				tv_set_str(h, "id", doc.headings[i].id);
				tv_set_str(h, "text", doc.headings[i].text);
				if (doc.headings[i].level == 3 && sub) {
					tv_push(sub, h);
				} else if (doc.headings[i].level == 2) {
					sub = tv_list(a);
					tv_set(h, "children", sub);
					tv_push(toc, h);
				}
			}
			tv_set(v, "toc", toc);
		} else {
			a->failed = 1;
		}
	}
	return v;
}
