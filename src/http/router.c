#include "http/router.h"

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
