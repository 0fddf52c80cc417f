/*
 * List filters: ?categorie=a&categorie=b and ?page=N, read once and turned
 * back into URLs. A bad page number or more than 16 categories is a 400, an
 * unknown category a 404; a URL that cannot be built is NULL, with
 * arena.failed set.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/slug.h"
#include "content/read.h"
#include "html/escape.h"
#include "web/web.h"

#define MAX_FILTER_CATEGORIES 16

int web_filters_read(struct req *r, struct web_filters *f)
{
	memset(f, 0, sizeof(*f));
	f->page = 1;
	const char *p = req_query(r, "page");
	if (p) {
		char *end;
		errno = 0;
		long long v = strtoll(p, &end, 10);
		if (errno || end == p || *end || v < 1 || v > 1000000)
			return 400;
		f->page = v;
	}
	size_t n = 0;
	for (size_t i = 0; i < r->in.query.n; i++)
		n += !strcmp(r->in.query.items[i].key, "categorie");
	if (n > MAX_FILTER_CATEGORIES)
		return 400;
	f->categories = arena_calloc(&r->arena, n ? n : 1, sizeof(*f->categories));
	f->names = arena_calloc(&r->arena, n ? n : 1, sizeof(*f->names));
	if (!f->categories || !f->names)
		return 500;
	for (size_t i = 0; i < r->in.query.n; i++) {
		const char *v = r->in.query.items[i].val;
		if (strcmp(r->in.query.items[i].key, "categorie"))
			continue;
		if (!slug_valid(v))
			return 404;
		int dup = 0;
		for (size_t k = 0; k < f->ncategories; k++)
			dup |= !strcmp(f->categories[k], v);
		if (dup)
			continue;
		struct item_category c;
		int rc = content_category_find(r->w->store, &r->arena, v, &c);
		if (rc)
			return rc == ERR_NOT_FOUND ? 404 : 500;
		f->categories[f->ncategories] = c.slug;
		f->names[f->ncategories++] = c.name;
	}
	return 0;
}

char *web_filters_url(struct req *r, const char *base, const struct web_filters *f, const char *toggle, long long page)
{
	struct buf u = BUF_INIT(8192);
	int rc = buf_adds(&u, base);
	char sep = '?';
	int toggled_off = 0;
	for (size_t i = 0; i < f->ncategories && !rc; i++) {
		if (toggle && !strcmp(toggle, f->categories[i])) {
			toggled_off = 1;
			continue;
		}
		rc = buf_addc(&u, sep) || buf_adds(&u, "categorie=") ||
		     html_url_query(&u, f->categories[i], strlen(f->categories[i]));
		sep = '&';
	}
	if (!rc && toggle && !toggled_off) {
		rc = buf_addc(&u, sep) || buf_adds(&u, "categorie=") || html_url_query(&u, toggle, strlen(toggle));
		sep = '&';
	}
	if (!rc && page > 1)
		rc = buf_addf(&u, "%cpage=%lld", sep, page);
	char *s = rc ? NULL : arena_strndup(&r->arena, u.ptr, u.len);
	if (!s)
		r->arena.failed = 1;
	buf_free(&u);
	return s;
}
