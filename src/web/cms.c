/*
 * The editor (redacteur): every item of every status, create and edit with a
 * server-rendered preview, save (a revision each time), delete after a
 * confirmation. Works without JavaScript; every change needs a CSRF token.
 */
#include <string.h>

#include "base/dates.h"
#include "base/slug.h"
#include "content/content.h"
#include "content/media.h"
#include "content/read.h"
#include "store/files.h"
#include "html/markdown.h"
#include "search/search.h"
#include "web/web.h"

#define EDITOR_LIST 50

static const char *const statuses[] = {"concept", "gepland", "gepubliceerd", "gearchiveerd"};
#define NSTATUSES (sizeof(statuses) / sizeof(statuses[0]))

int web_cms_list(struct req *r)
{
	const char *type = req_query(r, "type"), *status = req_query(r, "status"), *q = req_query(r, "q");
	if (type && !*type)
		type = NULL;
	if (status && !*status)
		status = NULL;
	if (q && !*q)
		q = NULL;
	if ((type && !content_type_find(type)) || (status && !content_status_valid(status)) || (q && strlen(q) > 200))
		return 400;
	struct item *items;
	size_t n;
	if (content_item_list_all(r->w->store, &r->arena, type, status, q, 0, EDITOR_LIST, &items, &n))
		return 500;
	struct tval *v = tv_obj(&r->arena), *list = tv_list(&r->arena), *types = tv_list(&r->arena);
	for (size_t i = 0; i < n; i++) {
		struct tval *o = web_item_view(r, &items[i], 0);
		tv_set_str(o, "status", items[i].status);
		tv_set_str(o, "type", items[i].type);
		tv_set_str(o, "edit_url", arena_printf(&r->arena, "/redactie/%s/%s", items[i].type, items[i].slug));
		tv_push(list, o);
	}
	for (size_t i = 0; i < content_type_count; i++) {
		struct tval *t = tv_obj(&r->arena);
		tv_set_str(t, "name", content_types[i].name);
		tv_set_str(t, "label", content_types[i].label);
		tv_set_bool(t, "selected", type && !strcmp(type, content_types[i].name));
		tv_push(types, t);
	}
	struct tval *sts = tv_list(&r->arena);
	for (size_t i = 0; i < NSTATUSES; i++) {
		struct tval *t = tv_obj(&r->arena);
		tv_set_str(t, "name", statuses[i]);
		tv_set_bool(t, "selected", status && !strcmp(status, statuses[i]));
		tv_push(sts, t);
	}
	tv_set_str(v, "title", "Redactie");
	tv_set(v, "items", list);
	tv_set(v, "types", types);
	tv_set(v, "statuses", sts);
	tv_set_str(v, "q", q);
	tv_set_bool(v, "noindex", true);
	return web_render(r, "cms_list", v);
}

/* The edit form for it (new when old_slug is NULL), with a preview or a message. */
static int edit_form(struct req *r, const struct item *it, const char *old_slug, const char *categories, int status,
		     const char *message, int preview)
{
	struct tval *v = tv_obj(&r->arena), *sts = tv_list(&r->arena);
	const struct content_type *type = content_type_find(it->type);
	for (size_t i = 0; i < NSTATUSES; i++) {
		struct tval *t = tv_obj(&r->arena);
		tv_set_str(t, "name", statuses[i]);
		tv_set_bool(t, "selected", it->status && !strcmp(it->status, statuses[i]));
		tv_push(sts, t);
	}
	tv_set_str(v, "title", old_slug ? arena_printf(&r->arena, "Bewerken: %s", it->title) : "Nieuwe inhoud");
	tv_set_str(v, "type", it->type);
	tv_set_str(v, "type_label", type ? type->label : it->type);
	tv_set_str(v, "old_slug", old_slug);
	tv_set_str(v, "item_title", it->title);
	tv_set_str(v, "slug", it->slug);
	tv_set_str(v, "date", it->published);
	if (it->publish_at > 0) {
		char at[17], shown[64];
		date_local_input(it->publish_at, at);
		date_local_dutch(it->publish_at, shown, sizeof(shown));
		tv_set_str(v, "publish_at", arena_strdup(&r->arena, at));
		if (it->status && !strcmp(it->status, "gepland"))
			tv_set_str(v, "scheduled", arena_strdup(&r->arena, shown));
	}
	tv_set_str(v, "lead", it->lead);
	tv_set_str(v, "author", it->author);
	tv_set_str(v, "categories", categories);
	tv_set_str(v, "body", it->body);
	tv_set_str(v, "image", it->image);
	tv_set_str(v, "image_alt", it->image_alt);
	tv_set_bool(v, "download", !strcmp(it->type, "download"));
	tv_set_str(v, "file_name", it->file_name);
	tv_set_str(v, "max", arena_printf(&r->arena, "%zu MiB", r->cfg->upload_max >> 20));
	tv_set(v, "statuses", sts);
	tv_set_str(v, "message", message);
	tv_set_bool(v, "saved", req_query(r, "opgeslagen") != NULL);
	tv_set_str(v, "csrf", r->session->csrf);
	tv_set_bool(v, "noindex", true);
	if (old_slug && type && it->status && !strcmp(it->status, "gepubliceerd"))
		tv_set_str(v, "public_url", arena_printf(&r->arena, "%s/%s", type->path, old_slug));
	if (it->id) {
		long long revisions = 0;
		if (!content_revision_count(r->w->store, it->id, &revisions))
			tv_set_int(v, "revisions", revisions);
	}
	if (preview && it->body) {
		struct md_doc doc;
		if (html_markdown(&r->arena, it->body, strlen(it->body), 8 << 20, &doc))
			return 500;
		tv_set(v, "preview", doc.html);
	}
	r->page.status = status;
	return web_render(r, "cms_edit", v);
}

static const char *category_names(struct req *r, const struct item *it)
{
	struct buf b = BUF_INIT(1 << 16);
	for (size_t i = 0; i < it->ncategories; i++)
		if ((i && buf_adds(&b, ", ")) || buf_adds(&b, it->categories[i].name))
			break;
	const char *s = arena_strndup(&r->arena, b.ptr, b.len);
	buf_free(&b);
	return s;
}

int web_cms_new(struct req *r)
{
	const char *type = req_query(r, "type");
	if (!type || !content_type_find(type))
		return 400;
	char today[11];
	date_today(today);
	struct item it = {.type = type, .status = "concept", .published = arena_strdup(&r->arena, today)};
	return edit_form(r, &it, NULL, "", 200, NULL, 0);
}

int web_cms_edit(struct req *r)
{
	struct item it;
	int rc = content_item_get(r->w->store, &r->arena, req_param(r, "type"), req_param(r, "slug"), &it);
	if (!rc)
		rc = content_item_schedule(r->w->store, it.id, &it.publish_at);
	if (rc)
		return rc == ERR_NOT_FOUND ? 404 : 500;
	return edit_form(r, &it, it.slug, category_names(r, &it), 200, NULL, 0);
}

/* "Integriteit, Melding" -> categories with slugs; 0, or ERR_INVALID for a name without letters. */
static int parse_categories(struct req *r, const char *s, struct item *it)
{
	size_t n = 1;
	for (const char *p = s; *p; p++)
		n += *p == ',';
	it->categories = arena_calloc(&r->arena, n, sizeof(*it->categories));
	if (!it->categories || n > 32)
		return ERR_INVALID;
	for (const char *p = s; *p;) {
		size_t len = strcspn(p, ",");
		while (len && (*p == ' '))
			p++, len--;
		size_t end = len;
		while (end && p[end - 1] == ' ')
			end--;
		if (end) {
			char *name = arena_strndup(&r->arena, p, end), slug[SLUG_MAX + 1];
			if (!name || slug_make(name, slug, sizeof(slug)))
				return ERR_INVALID;
			it->categories[it->ncategories].name = name;
			it->categories[it->ncategories++].slug = arena_strdup(&r->arena, slug);
		}
		p += len + (p[len] == ',');
	}
	return 0;
}

/*
 * The form's files: a new image (stored in the media library with the image's
 * description, and shown with the item) and, for downloads, the PDF. Returns
 * 0 or the status for the form with *why.
 */
static int attach_uploads(struct req *r, struct item *it, const char **why)
{
	const struct upload *img = req_file(r, "afbeelding_bestand"), *pdf = req_file(r, "pdf");
	int status = 0;
	if (img) {
		struct stored_file f;
		if (web_media_take(r, img, it->image_alt, &f, &status, why))
			return status;
		const struct media_kind *k = media_kind_by_type(f.content_type);
		if (!k->image)
			return *why = "Kies bij Afbeelding een PNG, JPEG of WebP; een PDF hoort bij Downloads.", 400;
		it->image = web_media_url(r, &f);
	}
	if (pdf) {
		struct media_info info;
		if (strcmp(it->type, "download"))
			return *why = "Alleen downloads hebben een PDF-bestand.", 400;
		int rc = media_check(pdf->data, pdf->len, r->cfg->upload_max, &info, why);
		if (rc)
			return rc == ERR_TOO_LARGE ? 413 : 400;
		if (info.kind->image)
			return *why = "Kies bij PDF-bestand een PDF; een afbeelding kan bij Afbeelding.", 400;
		it->file_name = pdf->filename;
		it->file_type = info.kind->content_type;
		it->file_data = pdf->data;
		it->file_len = pdf->len;
	}
	return 0;
}

int web_cms_save(struct req *r)
{
	const char *old_slug = req_form(r, "old_slug"), *cats = req_form(r, "categories");
	struct item it = {
	    .type = req_form(r, "type"),
	    .title = req_form(r, "title"),
	    .slug = req_form(r, "slug"),
	    .published = req_form(r, "date"),
	    .lead = req_form(r, "lead"),
	    .author = req_form(r, "author"),
	    .status = req_form(r, "status"),
	    .body = req_form(r, "body"),
	    .image = req_form(r, "image"),
	    .image_alt = req_form(r, "image_alt"),
	};
	const char *why = NULL;
	if (!it.type || !content_type_find(it.type) || !it.title || !it.body)
		return 400;
	if (old_slug && !*old_slug)
		old_slug = NULL;
	if (old_slug) {
		struct item existing;
		int rc = content_item_get(r->w->store, &r->arena, it.type, old_slug, &existing);
		if (rc)
			return rc == ERR_NOT_FOUND ? 404 : 500;
		it.id = existing.id;
	}
	if (!it.slug || !*it.slug) {
		/* No address given: make one from the title (in the request's arena, so it outlives the save). */
		char made[SLUG_MAX + 1];
		it.slug = slug_make(it.title, made, sizeof(made)) ? "" : arena_strdup(&r->arena, made);
		if (!*it.slug)
			return edit_form(r, &it, old_slug, cats, 400,
					 "Van deze titel is geen adres te maken; vul er zelf een in.", 0);
	}
	const char *at = req_form(r, "publish_at");
	if (at && *at && date_local_parse(at, &it.publish_at))
		return edit_form(r, &it, old_slug, cats, 400,
				 "Geef de publicatietijd als datum en tijd (JJJJ-MM-DD UU:MM).", 0);
	if (parse_categories(r, cats ? cats : "", &it))
		return edit_form(r, &it, old_slug, cats, 400, "Een categorie moet letters of cijfers bevatten.", 0);
	int status = attach_uploads(r, &it, &why);
	if (status)
		return status == 500 ? 500 : edit_form(r, &it, old_slug, cats, status, why, 0);
	if (req_form(r, "voorbeeld"))
		return edit_form(r, &it, old_slug, cats, 200, NULL, 1);
	long long id;
	int rc = content_save(r->w->store, r->w->app, r->session->email, &it, old_slug, &id, &why);
	if (rc == ERR_INVALID || rc == ERR_CONFLICT)
		return edit_form(r, &it, old_slug, cats, 400, why, 0);
	if (rc)
		return 500;
	r->page.status = 303;
	r->page.location = arena_printf(&r->arena, "/redactie/%s/%s?opgeslagen=1", it.type, it.slug);
	return 0;
}

int web_cms_delete(struct req *r)
{
	const char *type = req_form(r, "type"), *slug = req_form(r, "slug");
	struct item it;
	int rc = type && slug ? content_item_get(r->w->store, &r->arena, type, slug, &it) : ERR_NOT_FOUND;
	if (rc)
		return rc == ERR_NOT_FOUND ? 404 : 500;
	if (!req_form(r, "zeker")) {
		struct tval *v = tv_obj(&r->arena);
		tv_set_str(v, "title", "Verwijderen?");
		tv_set_str(v, "item_title", it.title);
		tv_set_str(v, "type", type);
		tv_set_str(v, "slug", slug);
		tv_set_str(v, "csrf", r->session->csrf);
		tv_set_bool(v, "noindex", true);
		return web_render(r, "cms_delete", v);
	}
	if (content_delete(r->w->store, r->session->email, type, slug))
		return 500;
	r->page.status = 303;
	r->page.location = "/redactie";
	return 0;
}
