/*
 * Matching a method and path against the route table (router.h), and checking
 * the table itself. Matching fails only by its result (ROUTE_BAD_PATH for a
 * path that does not decode, ROUTE_NOT_FOUND when the arena runs out); the
 * check returns ERR_INVALID with the broken rule in its message.
 */
#include "http/router.h"

#include <stdio.h>
#include <string.h>

#include "http/form.h"

#define MAX_SEGMENTS 32

struct segs {
	const char *s[MAX_SEGMENTS];
	size_t len[MAX_SEGMENTS];
	size_t n;
};

/* Split "/a/b/c" into segments; a trailing empty segment is dropped. */
static int split(const char *path, struct segs *out)
{
	out->n = 0;
	if (path[0] != '/')
		return ERR_INVALID;
	const char *p = path + 1;
	while (*p) {
		if (out->n == MAX_SEGMENTS)
			return ERR_TOO_LARGE;
		const char *slash = strchr(p, '/');
		size_t len = slash ? (size_t) (slash - p) : strlen(p);
		out->s[out->n] = p;
		out->len[out->n] = len;
		out->n++;
		if (!slash)
			break;
		p = slash + 1;
	}
	return 0;
}

/* Does pattern match path? Fills in->params when fill is set. */
static int matches(const char *pattern, const struct segs *path, struct arena *a, struct req_in *in, int fill, int *bad)
{
	struct segs pat;
	if (split(pattern, &pat))
		return 0;
	size_t np = 0;
	for (size_t i = 0; i < pat.n; i++) {
		const char *ps = pat.s[i];
		size_t plen = pat.len[i];
		int param = plen >= 2 && ps[0] == '{' && ps[plen - 1] == '}';
		int rest = param && plen >= 3 && ps[plen - 2] == '*';
		if (rest) {
			if (i >= path->n)
				return 0;
			if (fill) {
				/* The rest of the path, segments kept apart by '/', each decoded. */
				size_t total = (size_t) (path->s[path->n - 1] + path->len[path->n - 1] - path->s[i]);
				char *v = arena_strndup(a, path->s[i], total);
				if (!v || form_decode(v, &total, 0)) {
					*bad = 1;
					return 0;
				}
				in->params[np].key = arena_strndup(a, ps + 1, plen - 3);
				in->params[np++].val = v;
				in->nparams = np;
			}
			return 1;
		}
		if (i >= path->n)
			return 0;
		if (param) {
			if (!path->len[i])
				return 0;
			if (fill) {
				size_t len = path->len[i];
				char *v = arena_strndup(a, path->s[i], len);
				if (!v || form_decode(v, &len, 0) || memchr(v, '\0', len) != NULL) {
					*bad = 1;
					return 0;
				}
				if (np == REQ_MAX_PARAMS)
					return 0;
				in->params[np].key = arena_strndup(a, ps + 1, plen - 2);
				in->params[np++].val = v;
			}
		} else if (plen != path->len[i] || memcmp(ps, path->s[i], plen)) {
			return 0;
		}
	}
	if (pat.n != path->n)
		return 0;
	if (fill)
		in->nparams = np;
	return 1;
}

static int method_ok(const char *route_method, const char *method)
{
	return !strcmp(route_method, method) || (!strcmp(method, "HEAD") && !strcmp(route_method, "GET"));
}

enum route_result router_match(const struct route *routes, size_t n, const char *method, const char *path,
			       struct arena *a, struct req_in *in, const struct route **match, struct buf *allow)
{
	struct segs segs;
	int bad = 0;
	*match = NULL;
	in->nparams = 0;
	if (split(path, &segs))
		return ROUTE_BAD_PATH;
	int path_known = 0;
	for (size_t i = 0; i < n; i++) {
		if (!matches(routes[i].pattern, &segs, a, in, 0, &bad))
			continue;
		path_known = 1;
		if (method_ok(routes[i].method, method)) {
			if (!matches(routes[i].pattern, &segs, a, in, 1, &bad))
				return bad ? ROUTE_BAD_PATH : ROUTE_NOT_FOUND;
			*match = &routes[i];
			return ROUTE_FOUND;
		}
	}
	if (!path_known)
		return ROUTE_NOT_FOUND;
	buf_reset(allow);
	for (size_t i = 0; i < n; i++) {
		if (!matches(routes[i].pattern, &segs, a, in, 0, &bad) || strstr(allow->ptr, routes[i].method))
			continue;
		if ((allow->len && buf_adds(allow, ", ")) || buf_adds(allow, routes[i].method))
			break;
		if (!strcmp(routes[i].method, "GET") && buf_adds(allow, ", HEAD"))
			break;
	}
	return ROUTE_BAD_METHOD;
}

int router_next_param(const char **pos, char *name, size_t namelen)
{
	const char *open = strchr(*pos, '{'), *close = open ? strchr(open, '}') : NULL;
	if (!close)
		return 0;
	size_t n = (size_t) (close - open - 1);
	snprintf(name, namelen, "%.*s", (int) n, open + 1);
	*pos = close + 1;
	return 1;
}

static const struct route_param *param_of(const struct route_param *params, size_t nparams, const char *name)
{
	for (size_t i = 0; i < nparams; i++)
		if (!strcmp(params[i].name, name))
			return &params[i];
	return NULL;
}

/* The first rule route breaks, or NULL. */
static const char *broken_rule(const struct route *rt, const struct route_param *params, size_t nparams)
{
	int get = !strcmp(rt->method, "GET") || !strcmp(rt->method, "HEAD");
	int session = (rt->flags & ROUTE_NEEDS_SESSION) != 0;
	int csrf = (rt->flags & ROUTE_CSRF) != 0, open = (rt->flags & ROUTE_OPEN) != 0;
	if (!get && csrf == open)
		return "a route that changes something needs ROUTE_CSRF or ROUTE_OPEN (one of them)";
	if (open && (session || (rt->flags & ROUTE_MELDER)))
		return "ROUTE_OPEN is for a form anyone may send, without a session";
	if ((rt->flags & ROUTE_MELDER) && (session || !(rt->flags & ROUTE_NO_STORE)))
		return "a melder route needs ROUTE_NO_STORE and no staff session";
	if (session && !(rt->flags & ROUTE_NO_STORE))
		return "a signed-in route needs ROUTE_NO_STORE";
	if (session && (rt->flags & ROUTE_CACHE))
		return "a signed-in route cannot come from the page cache";
	if ((rt->flags & ROUTE_UPLOAD) && (get || !session))
		return "ROUTE_UPLOAD is for a POST that needs a session";
	int tenant_object = 0;
	char name[64];
	for (const char *p = rt->pattern; router_next_param(&p, name, sizeof(name));) {
		const struct route_param *kind = param_of(params, nparams, name);
		if (!kind)
			return "a path parameter whose kind the table does not name";
		tenant_object |= kind->tenant;
	}
	if ((rt->flags & ROUTE_TENANT) && !tenant_object)
		return "a ROUTE_TENANT route must take its object from the path ({zaak}, {org}, ...)";
	if (tenant_object && !(rt->flags & ROUTE_TENANT))
		return "a route that takes an organisation's object needs ROUTE_TENANT";
	return NULL;
}

int router_check(const struct route *routes, size_t n, const struct route_param *params, size_t nparams, char *err,
		 size_t errlen)
{
	for (size_t i = 0; i < n; i++) {
		const char *why = broken_rule(&routes[i], params, nparams);
		if (why) {
			snprintf(err, errlen, "route table: %s %s: %s", routes[i].method, routes[i].pattern, why);
			return ERR_INVALID;
		}
	}
	return 0;
}
