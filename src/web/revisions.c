/*
 * The editor's revisions: every saved version of an item, what changed between
 * two of them (a line diff of the Markdown with front matter), and restoring
 * one, which saves it as a new revision so nothing is ever lost.
 */
#include <stdlib.h>
#include <string.h>

#include "content/content.h"
#include "content/diff.h"
#include "content/read.h"
#include "web/web.h"

#define REVISIONS_SHOWN 100

static long long id_param(struct req *r, const char *name)
{
	const char *s = req_query(r, name);
	char *end;
	long long v = s ? strtoll(s, &end, 10) : 0;
	return s && *s && !*end && v > 0 ? v : 0;
}

/* The diff of revisions van -> naar as template lines; a status code on failure, 0 when fine. */
static int diff_view(struct req *r, struct tval *v, long long item_id, long long from, long long to)
{
	struct revision a, b;
	int rc = content_revision_get(r->w->store, &r->arena, item_id, from, &a);
	if (!rc)
		rc = content_revision_get(r->w->store, &r->arena, item_id, to, &b);
	if (rc)
		return rc == ERR_NOT_FOUND ? 404 : 500;
	struct diff_line *d;
	size_t n;
	rc = diff_lines(&r->arena, a.snapshot, b.snapshot, &d, &n);
	if (rc == ERR_TOO_LARGE) {
		tv_set_str(v, "message", "Deze versies zijn te lang om regel voor regel te vergelijken.");
		return 0;
	}
	if (rc)
		return 500;
	struct tval *lines = tv_list(&r->arena);
	int changes = 0;
	for (size_t i = 0; i < n; i++) {
		struct tval *l = tv_obj(&r->arena);
		tv_set_str(l, "cls", d[i].op == '+' ? "diff-add" : d[i].op == '-' ? "diff-del" : "diff-same");
		tv_set_str(l, "mark", d[i].op == '+' ? "+" : d[i].op == '-' ? "-" : " ");
		tv_set_str(l, "text", arena_strndup(&r->arena, d[i].text, d[i].len));
		tv_push(lines, l);
		changes += d[i].op != ' ';
	}
	tv_set(v, "diff", lines);
	tv_set_int(v, "changes", changes);
	tv_set_int(v, "from", from);
	tv_set_int(v, "to", to);
	return 0;
}

int web_cms_revisions(struct req *r)
{
	const char *type = req_param(r, "type"), *slug = req_param(r, "slug");
	struct item it;
	struct revision *revs;
	size_t n;
	int rc = content_item_get(r->w->store, &r->arena, type, slug, &it);
	if (!rc)
		rc = content_revision_list(r->w->store, &r->arena, it.id, REVISIONS_SHOWN, &revs, &n);
	if (rc)
		return rc == ERR_NOT_FOUND ? 404 : 500;
	long long from = id_param(r, "van"), to = id_param(r, "naar");
	if (!from && n > 1)
		from = revs[1].id;
	if (!to && n)
		to = revs[0].id;
	struct tval *v = tv_obj(&r->arena), *list = tv_list(&r->arena);
	for (size_t i = 0; i < n; i++) {
		struct tval *o = tv_obj(&r->arena);
		tv_set_int(o, "id", revs[i].id);
		tv_set_str(o, "at", revs[i].at);
		tv_set_str(o, "actor", revs[i].actor);
		tv_set_bool(o, "from", revs[i].id == from);
		tv_set_bool(o, "to", revs[i].id == to);
		tv_set_bool(o, "current", i == 0);
		tv_push(list, o);
	}
	if (from && to && (rc = diff_view(r, v, it.id, from, to)))
		return rc;
	tv_set_str(v, "title", arena_printf(&r->arena, "Versies: %s", it.title));
	tv_set_str(v, "item_title", it.title);
	tv_set_str(v, "type", it.type);
	tv_set_str(v, "slug", it.slug);
	tv_set(v, "revisions", list);
	tv_set_bool(v, "restored", req_query(r, "teruggezet") != NULL);
	tv_set_str(v, "csrf", r->session->csrf);
	tv_set_bool(v, "noindex", true);
	return web_render(r, "cms_revisions", v);
}

int web_cms_restore(struct req *r)
{
	const char *type = req_form(r, "type"), *slug = req_form(r, "slug"), *rev = req_form(r, "revision");
	char *end;
	long long rev_id = rev ? strtoll(rev, &end, 10) : 0;
	struct item current, it;
	struct revision old;
	if (!type || !slug || !rev || !*rev || *end || rev_id <= 0)
		return 400;
	int rc = content_item_get(r->w->store, &r->arena, type, slug, &current);
	if (!rc)
		rc = content_revision_get(r->w->store, &r->arena, current.id, rev_id, &old);
	if (rc)
		return rc == ERR_NOT_FOUND ? 404 : 500;
	char err[256];
	if (content_parse(&r->arena, "versie", old.snapshot, strlen(old.snapshot), &it, err, sizeof(err)) ||
	    strcmp(it.type, current.type))
		return 500; /* our own snapshots always parse */
	const char *why = NULL;
	long long id;
	if (!strcmp(it.status, "gepland")) /* the schedule is not part of a snapshot: come back as a draft */
		it.status = "concept";
	rc = content_save(r->w->store, r->w->app, r->session->email, &it, current.slug, &id, &why);
	if (rc == ERR_CONFLICT || rc == ERR_INVALID)
		return 409; /* e.g. its old address now belongs to another item */
	if (rc)
		return 500;
	r->page.status = 303;
	r->page.location = arena_printf(&r->arena, "/redactie/%s/%s/versies?teruggezet=1", it.type, it.slug);
	return 0;
}
