/*
 * Rendering compiled templates, and loading a directory of them (tmpl.h). A
 * failed render (ERR_NOT_FOUND, ERR_INVALID, ERR_NOMEM, ERR_TOO_LARGE) cuts
 * out back to its length before the call, so no half page goes out; a failed
 * load names the file or directory in err and frees every template read.
 */
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include "base/mem.h"
#include "html/escape.h"
#include "base/i18n.h"
#include "html/tmpl.h"
#include "html/tmpl_internal.h"

#define MAX_DEPTH 32

/* One frame of the lookup scope: an each-item (with its position) or the root. */
struct scope {
	const struct tval *v;
	const struct scope *up;
	size_t index, count; /* for @index, @first, @last; count 0 = not in a loop */
};

struct render {
	const struct tmpl_set *set;
	struct arena *arena;
	struct buf *out;
	int depth;
};

static const struct tval *lookup(struct render *r, const struct scope *sc, const char *p, size_t n)
{
	if (n == 1 && p[0] == '.')
		return sc->v;
	if (p[0] == '@') {
		if (!sc->count)
			return NULL;
		if (n == 6 && !memcmp(p, "@index", 6))
			return tv_int(r->arena, (long long) sc->index + 1);
		if (n == 6 && !memcmp(p, "@first", 6))
			return tv_bool(r->arena, sc->index == 0);
		if (n == 5 && !memcmp(p, "@last", 5))
			return tv_bool(r->arena, sc->index + 1 == sc->count);
		return NULL;
	}
	const char *dot = memchr(p, '.', n);
	size_t first = dot ? (size_t) (dot - p) : n;
	const struct tval *v = NULL;
	for (; sc && !v; sc = sc->up)
		v = tv_get(sc->v, p, first);
	while (v && dot) {
		const char *seg = dot + 1;
		dot = memchr(seg, '.', n - (size_t) (seg - p));
		size_t len = dot ? (size_t) (dot - seg) : n - (size_t) (seg - p);
		v = tv_get(v, seg, len);
	}
	return v;
}

static int escape(struct render *r, enum esc esc, const char *s, size_t n)
{
	switch (esc) {
	case ESC_TEXT: return html_text(r->out, s, n);
	case ESC_ATTR: return html_attr(r->out, s, n);
	case ESC_PATH: return html_url_path(r->out, s, n);
	case ESC_QUERY: return html_url_query(r->out, s, n);
	case ESC_URL: return html_url_safe(r->out, s, n);
	}
	return ERR_INVALID;
}

/* A {{t ...}} node: the Dutch text in the page's language, "{}" filled with its argument. */
static int write_translated(struct render *r, const struct node *node, const struct scope *sc)
{
	const char *msgid = node->s;
	size_t n = node->len, tlen;
	if (!node->literal) {
		const struct tval *v = lookup(r, sc, node->s, node->len);
		if (!v || v->type != TV_STR)
			return 0;
		msgid = v->u.str.s, n = v->u.str.len;
	}
	const struct tval *lang = lookup(r, sc, "lang", 4);
	const char *text = i18n_text(lang && lang->type == TV_STR ? lang->u.str.s : "nl", msgid, n, &tlen);
	const char *hole = node->arg ? memmem(text, tlen, "{}", 2) : NULL;
	if (!hole)
		return escape(r, node->esc, text, tlen);
	const struct tval *arg = lookup(r, sc, node->arg, node->arglen);
	int rc = escape(r, node->esc, text, (size_t) (hole - text));
	if (!rc && arg && arg->type == TV_STR)
		rc = escape(r, node->esc, arg->u.str.s, arg->u.str.len);
	else if (!rc && arg && arg->type == TV_INT)
		rc = buf_addf(r->out, "%lld", arg->u.i);
	return rc ? rc : escape(r, node->esc, hole + 2, tlen - (size_t) (hole + 2 - text));
}

static int write_value(struct render *r, const struct node *node, const struct tval *v)
{
	char num[32];
	const char *s;
	size_t n;
	if (!v)
		return 0;
	switch (v->type) {
	case TV_STR: s = v->u.str.s, n = v->u.str.len; break;
	case TV_HTML:
		if (node->esc == ESC_TEXT)
			return buf_add(r->out, v->u.str.s, v->u.str.len);
		s = v->u.str.s, n = v->u.str.len;
		break;
	case TV_INT:
		n = (size_t) snprintf(num, sizeof(num), "%lld", v->u.i);
		s = num;
		break;
	case TV_BOOL: s = v->u.b ? "true" : "false", n = strlen(s); break;
	default: return 0;
	}
	return escape(r, node->esc, s, n);
}

static int render_template(struct render *r, const struct tmpl *t, const struct scope *sc);

static int render_range(struct render *r, const struct tmpl *t, size_t from, size_t to, const struct scope *sc)
{
	int rc = 0;
	for (size_t i = from; i < to && !rc;) {
		const struct node *node = &t->nodes[i];
		switch (node->kind) {
		case N_TEXT:
			rc = buf_add(r->out, node->s, node->len);
			i++;
			break;
		case N_VAR:
			rc = write_value(r, node, lookup(r, sc, node->s, node->len));
			i++;
			break;
		case N_TRANSLATE:
			rc = write_translated(r, node, sc);
			i++;
			break;
		case N_IF:
		case N_UNLESS: {
			int yes = tv_truthy(lookup(r, sc, node->s, node->len)) == (node->kind == N_IF);
			if (yes)
				rc = render_range(r, t, i + 1, node->alt, sc);
			else if (node->alt != node->end)
				rc = render_range(r, t, node->alt + 1, node->end, sc);
			i = node->end + 1;
			break;
		}
		case N_EACH: {
			const struct tval *list = lookup(r, sc, node->s, node->len);
			size_t count = list && list->type == TV_LIST ? list->u.list.n : 0;
			for (size_t k = 0; k < count && !rc; k++) {
				struct scope item = {list->u.list.items[k], sc, k, count};
				rc = render_range(r, t, i + 1, node->alt, &item);
			}
			if (!count && node->alt != node->end)
				rc = render_range(r, t, node->alt + 1, node->end, sc);
			i = node->end + 1;
			break;
		}
		case N_PARTIAL:
			rc = render_template(r, tmpl_find(r->set, node->s, node->len), sc);
			i++;
			break;
		default: i++; break;
		}
	}
	return rc;
}

static int render_template(struct render *r, const struct tmpl *t, const struct scope *sc)
{
	if (!t)
		return ERR_NOT_FOUND;
	if (r->depth >= MAX_DEPTH)
		return ERR_INVALID;
	r->depth++;
	int rc;
	if (!t->layout) {
		rc = render_range(r, t, 0, t->n, sc);
	} else {
		/* Render the page first, then the layout with the page as {{content}}. */
		struct buf page = BUF_INIT(r->out->max);
		struct buf *saved = r->out;
		r->out = &page;
		rc = render_range(r, t, 0, t->n, sc);
		r->out = saved;
		if (!rc) {
			struct tval *frame = tv_obj(r->arena);
			tv_set(frame, "content", tv_html_internal(r->arena, page.ptr, page.len));
			struct scope top = {frame, sc, 0, 0};
			rc = r->arena->failed ? ERR_NOMEM
					      : render_template(r, tmpl_find(r->set, t->layout, t->layout_len), &top);
		}
		buf_free(&page);
	}
	r->depth--;
	return rc;
}

int tmpl_render(const struct tmpl_set *set, const char *name, const struct tval *data, struct arena *a, struct buf *out)
{
	struct render r = {set, a, out, 0};
	struct scope root = {data, NULL, 0, 0};
	size_t start = out->len;
	int rc = render_template(&r, tmpl_find(set, name, strlen(name)), &root);
	if (!rc && a->failed)
		rc = ERR_NOMEM;
	if (rc)
		buf_truncate(out, start);
	return rc;
}

static int read_file(const char *path, struct buf *out)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return ERR_IO;
	char chunk[8192];
	size_t n;
	int rc = 0;
	while (!rc && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		rc = buf_add(out, chunk, n);
	if (!rc && ferror(f))
		rc = ERR_IO;
	fclose(f);
	return rc;
}

int tmpl_load_dir(const char *dir, struct tmpl_set **out, char *err, size_t errlen)
{
	struct tmpl_set *set = tmpl_set_new();
	DIR *d = opendir(dir);
	int rc = 0;
	if (!set || !d) {
		snprintf(err, errlen, "%s: %s", dir,
			 set ? "map niet te openen / cannot open directory" : "out of memory");
		rc = set ? ERR_IO : ERR_NOMEM;
		goto done;
	}
	struct dirent *e;
	while (!rc && (e = readdir(d))) {
		size_t len = strlen(e->d_name);
		size_t ext = len > 5 && !strcmp(e->d_name + len - 5, ".html")  ? 5
			     : len > 4 && !strcmp(e->d_name + len - 4, ".xml") ? 4
									       : 0;
		if (!ext || e->d_name[0] == '.')
			continue;
		char path[4096], name[256];
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		snprintf(name, sizeof(name), "%.*s", (int) (len - ext), e->d_name);
		struct buf src = BUF_INIT(4 << 20);
		rc = read_file(path, &src);
		if (rc)
			snprintf(err, errlen, "%s: %s", path, err_str(rc));
		else
			rc = tmpl_add(set, name, src.ptr, src.len, err, errlen);
		buf_free(&src);
	}
	if (!rc)
		rc = tmpl_link(set, err, errlen);
done:
	if (d)
		closedir(d);
	if (rc) {
		tmpl_set_free(set);
		set = NULL;
	}
	*out = set;
	return rc;
}
