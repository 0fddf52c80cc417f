/*
 * Media: the editor's library (upload, list, delete) and serving files at
 * /media/HASH.EXT with the type their bytes were checked to be, never one a
 * browser could run as script.
 */
#include <stdlib.h>
#include <string.h>

#include "content/media.h"
#include "store/files.h"
#include "web/web.h"

#define MEDIA_PAGE 40

/* "/media/HASH.EXT" for a stored file. */
const char *web_media_url(struct req *r, const struct stored_file *f)
{
	const struct media_kind *k = media_kind_by_type(f->content_type);
	return arena_printf(&r->arena, "/media/%s.%s", f->hash, k ? k->ext : "bin");
}

static const char *human_size(struct req *r, long long n)
{
	if (n < 1024)
		return arena_printf(&r->arena, "%lld bytes", n);
	if (n < 1024 * 1024)
		return arena_printf(&r->arena, "%lld KiB", (n + 1023) / 1024);
	return arena_printf(&r->arena, "%.1f MiB", (double) n / (1024.0 * 1024.0));
}

static struct tval *file_view(struct req *r, const struct stored_file *f, const char *fresh)
{
	struct tval *o = tv_obj(&r->arena);
	const struct media_kind *k = media_kind_by_type(f->content_type);
	const char *url = web_media_url(r, f);
	tv_set_str(o, "url", url);
	tv_set_str(o, "hash", f->hash);
	tv_set_str(o, "name", f->name);
	tv_set_str(o, "label", k ? k->label : f->content_type);
	tv_set_str(o, "size", human_size(r, f->size));
	tv_set_str(o, "alt", f->alt);
	tv_set_str(o, "by", *f->uploaded_by ? f->uploaded_by : "import");
	tv_set_str(o, "date", arena_strndup(&r->arena, f->created_at, 10));
	tv_set_int(o, "uses", f->uses);
	tv_set_str(o, "used",
		   !f->uses	  ? "nog niet gebruikt"
		   : f->uses == 1 ? "gebruikt in 1 item"
				  : arena_printf(&r->arena, "gebruikt in %d items", f->uses));
	tv_set_bool(o, "fresh", fresh && !strcmp(fresh, f->hash));
	if (k && k->image) {
		tv_set_bool(o, "image", true);
		tv_set_str(o, "dims", arena_printf(&r->arena, "%d × %d", f->width, f->height));
		tv_set_str(o, "markdown", arena_printf(&r->arena, "![%s](%s)", f->alt, url));
	} else {
		tv_set_str(o, "markdown", arena_printf(&r->arena, "[%s](%s)", f->name, url));
	}
	return o;
}

static int page(struct req *r, int status, const char *message)
{
	const char *p = req_query(r, "pagina"), *fresh = req_query(r, "nieuw");
	long page_no = p ? strtol(p, NULL, 10) : 1;
	if (page_no < 1 || page_no > 100000)
		return 400;
	struct stored_file *files;
	size_t n;
	long long total;
	if (media_list(r->w->store, &r->arena, (size_t) (page_no - 1) * MEDIA_PAGE, MEDIA_PAGE, &files, &n, &total))
		return 500;
	struct tval *v = tv_obj(&r->arena), *list = tv_list(&r->arena);
	for (size_t i = 0; i < n; i++)
		tv_push(list, file_view(r, &files[i], fresh));
	tv_set_str(v, "title", "Media");
	tv_set(v, "files", list);
	tv_set_int(v, "total", total);
	tv_set_str(v, "max", arena_printf(&r->arena, "%zu MiB", r->cfg->upload_max >> 20));
	if (page_no > 1)
		tv_set_str(v, "prev", arena_printf(&r->arena, "/redactie/media?pagina=%ld", page_no - 1));
	if (page_no * MEDIA_PAGE < total)
		tv_set_str(v, "next", arena_printf(&r->arena, "/redactie/media?pagina=%ld", page_no + 1));
	tv_set_str(v, "message", message);
	tv_set_bool(v, "uploaded", status == 200 && fresh);
	tv_set_bool(v, "deleted", status == 200 && req_query(r, "verwijderd"));
	return web_form_render(r, "cms_media", v, status);
}

int web_cms_media(struct req *r)
{
	return page(r, 200, NULL);
}

/* Store the form's file (field) with alt text; on failure *status and *why say what to show. */
int web_media_take(struct req *r, const struct upload *u, const char *alt, struct stored_file *f, int *status,
		   const char **why)
{
	int rc =
	    media_upload(r->w->store, r->session->email, u->filename, u->data, u->len, alt, r->cfg->upload_max, f, why);
	*status = rc == ERR_TOO_LARGE ? 413 : rc == ERR_INVALID ? 400 : rc ? 500 : 0;
	return rc;
}

int web_cms_media_upload(struct req *r)
{
	const struct upload *u = req_file(r, "bestand");
	if (!u)
		return page(r, 400, "Kies eerst een bestand om te uploaden.");
	struct stored_file f;
	const char *why = NULL;
	int status;
	if (web_media_take(r, u, req_form(r, "alt"), &f, &status, &why))
		return status == 500 ? 500 : page(r, status, why);
	r->page.status = 303;
	r->page.location = arena_printf(&r->arena, "/redactie/media?nieuw=%s", f.hash);
	return 0;
}

int web_cms_media_delete(struct req *r)
{
	const char *hash = req_form(r, "hash");
	if (!hash || strlen(hash) > FILE_HASH_LEN)
		return 400;
	int rc = media_delete(r->w->store, r->session->email, hash);
	if (rc == ERR_NOT_FOUND)
		return page(r, 404, "Dit bestand bestaat niet (meer).");
	if (rc == ERR_CONFLICT)
		return page(r, 409, "Dit bestand wordt nog gebruikt. Haal het eerst weg uit de inhoud die het toont.");
	if (rc)
		return 500;
	r->page.status = 303;
	r->page.location = "/redactie/media?verwijderd=1";
	return 0;
}

/* A file name safe for a Content-Disposition header: letters, digits, '-', '_' and '.'. */
static const char *download_name(struct req *r, const char *name, const char *ext)
{
	char *s = arena_strdup(&r->arena, name);
	size_t len = 0;
	for (const char *p = name; s && *p && len < 80; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-_.", *p))
			s[len++] = *p;
	if (!s || !len)
		return arena_printf(&r->arena, "document.%s", ext);
	s[len] = '\0';
	const char *dot = strrchr(s, '.');
	return dot && !strcmp(dot + 1, ext) ? s : arena_printf(&r->arena, "%s.%s", s, ext);
}

int web_media_file(struct req *r)
{
	const char *name = req_param(r, "name"), *dot = strchr(name, '.');
	if (!dot || dot - name != FILE_HASH_LEN)
		return 404;
	char hash[FILE_HASH_LEN + 1];
	for (int i = 0; i < FILE_HASH_LEN; i++) {
		if (!strchr("0123456789abcdef", name[i]) || !name[i])
			return 404;
		hash[i] = name[i];
	}
	hash[FILE_HASH_LEN] = '\0';
	struct stored_file f;
	int rc = media_find(r->w->store, &r->arena, hash, &f);
	const struct media_kind *k = rc ? NULL : media_kind_by_type(f.content_type);
	if (rc == ERR_NOT_FOUND || (!rc && (!k || strcmp(dot + 1, k->ext))))
		return 404;
	if (rc || media_read(r->w->store, &f, &r->out)) {
		buf_reset(&r->out);
		return 500;
	}
	r->page.content_type = k->content_type;
	r->page.cache_control = "public, max-age=31536000, immutable";
	r->page.etag = arena_printf(&r->arena, "\"%.32s\"", hash);
	r->page.disposition =
	    k->image ? "inline"
		     : arena_printf(&r->arena, "attachment; filename=\"%s\"", download_name(r, f.name, k->ext));
	return 0;
}
