/* The gate: parse, route, check the route's flags, run the handler, finish the page. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/hash.h"
#include "base/log.h"
#include "crypto/crypto.h"
#include "http/cache.h"
#include "http/form.h"
#include "http/multipart.h"
#include "http/http.h"

/*
 * The longest request target (path and query) answered other than with 414: a
 * request line nginx passes with its default large_client_header_buffers (8k)
 * is served, and the target leaves room in libmicrohttpd's per-connection pool
 * (HTTP_CONN_POOL in server.c) for headers and the response.
 */
#define HTTP_URI_MAX 8192

static int fail_with(const struct http_app *app, struct req *r, int status)
{
	buf_reset(&r->out);
	r->page.status = status;
	r->page.content_type = "text/html; charset=utf-8";
	r->page.etag = NULL;
	r->page.static_body = NULL;
	r->page.location = NULL;
	r->page.disposition = NULL;
	r->page.cache_control = "no-store";
	if (!app->render_error || app->render_error(r, status) || r->arena.failed) {
		buf_reset(&r->out);
		r->page.content_type = "text/plain; charset=utf-8";
		if (buf_addf(&r->out, "Fout %d. Probeer het later opnieuw. / Error %d.\n", status, status))
			buf_reset(&r->out);
	}
	return status;
}

/* Whether an If-None-Match header lists etag (or is "*"). */
static int etag_matches(const char *header, const char *etag)
{
	if (!header || !etag)
		return 0;
	size_t n = strlen(etag);
	for (const char *p = header; *p;) {
		while (*p == ' ' || *p == ',')
			p++;
		if (*p == '*')
			return 1;
		if (!strncmp(p, "W/", 2))
			p += 2;
		const char *e = etag[0] == 'W' && etag[1] == '/' ? etag + 2 : etag;
		size_t en = e == etag ? n : n - 2;
		if (!strncmp(p, e, en) && (p[en] == ',' || p[en] == ' ' || !p[en]))
			return 1;
		const char *comma = strchr(p, ',');
		if (!comma)
			break;
		p = comma + 1;
	}
	return 0;
}

static int parse_input(struct req *r, const struct http_input *in)
{
	const char *q = strchr(in->uri, '?');
	size_t plen = q ? (size_t) (q - in->uri) : strlen(in->uri);
	r->in.method = in->method;
	r->in.path = arena_strndup(&r->arena, in->uri, plen);
	r->in.content_type = in->content_type;
	r->in.cookie_csrf = in->cookie_csrf;
	r->in.cookie_mailbox = in->cookie_mailbox;
	r->in.client = in->client;
	r->in.secure = in->secure;
	r->in.user_agent = in->user_agent;
	if (!r->in.path)
		return 500;
	if (plen + (q ? strlen(q) : 0) > HTTP_URI_MAX)
		return 414;
	if (q) {
		const char *hash = strchr(q, '#');
		size_t qlen = hash ? (size_t) (hash - q - 1) : strlen(q + 1);
		int rc = form_parse(&r->arena, q + 1, qlen, &r->in.query);
		if (rc)
			return rc == ERR_NOMEM ? 500 : rc == ERR_TOO_LARGE ? 414 : 400;
	}
	if (in->body_too_large)
		return 413;
	int rc = 0;
	if (!in->body_len || !in->content_type)
		return 0;
	if (!strncasecmp(in->content_type, "application/x-www-form-urlencoded", 33))
		rc = form_parse(&r->arena, in->body, in->body_len, &r->in.form);
	else if (!strncasecmp(in->content_type, "multipart/form-data", 19))
		rc = multipart_parse(&r->arena, in->content_type, in->body, in->body_len, &r->in.form, &r->in.files);
	return !rc ? 0 : rc == ERR_NOMEM ? 500 : rc == ERR_TOO_LARGE ? 413 : 400;
}

/* Redirect "/nieuws/" to "/nieuws", keeping the query. */
static int redirect_trailing_slash(struct req *r, const struct http_input *in)
{
	const char *q = strchr(in->uri, '?');
	size_t plen = strlen(r->in.path);
	char *loc = arena_printf(&r->arena, "%.*s%s", (int) (plen - 1), r->in.path, q ? q : "");
	if (!loc)
		return 500;
	r->page.status = !strcmp(in->method, "GET") || !strcmp(in->method, "HEAD") ? 301 : 308;
	r->page.location = loc;
	r->page.cache_control = "no-cache";
	return 0;
}

/*
 * 401 without the session a route needs, 403 without one of its roles, else 0.
 * A tenant route answers a missing role with 404, as it answers another
 * organisation's object: whether such an object exists is nobody else's business.
 */
static int gate_session(const struct route *route, const struct req *r)
{
	unsigned roles = ROUTE_ROLES_OF(route->flags);
	if ((route->flags & ROUTE_NEEDS_SESSION) && !r->session)
		return 401;
	if (roles && !(r->session->roles & roles))
		return route->flags & ROUTE_TENANT ? 404 : 403;
	return 0;
}

/*
 * The gate: a route's flags are checked here and nowhere else. A form must send
 * back the session's CSRF token, or, before sign-in, the one in its cookie. A
 * tenant route only needs a session here: which organisation's objects the
 * user may see is the domain's check (an object of another one is a 404).
 */
/*
 * A form anyone may send comes from our own pages: a browser says where a
 * request comes from, and a cross-site one is refused. Sec-Fetch-Site decides
 * when it is there; else Origin, unless it is "null" (what our own pages send
 * under Referrer-Policy: no-referrer). Clients that are not browsers send
 * neither and cannot be made to post by someone else's page.
 */
static int same_origin(const struct req *r, const struct http_input *in)
{
	if (in->fetch_site)
		return !strcmp(in->fetch_site, "same-origin") || !strcmp(in->fetch_site, "none");
	if (!in->origin || !strcmp(in->origin, "null"))
		return 1;
	const char *base = r->cfg->base_url, *host = strstr(base, "://");
	size_t n = host ? strcspn(host + 3, "/") + (size_t) (host + 3 - base) : strlen(base);
	return strlen(in->origin) == n && !strncmp(in->origin, base, n);
}

static int gate(const struct route *route, struct req *r, const struct http_input *in)
{
	int status = gate_session(route, r);
	if (status)
		return status;
	int post = strcmp(r->in.method, "GET") && strcmp(r->in.method, "HEAD");
	if ((route->flags & ROUTE_MELDER) && !r->mailbox)
		return 401;
	if ((route->flags & ROUTE_OPEN) && post && !same_origin(r, in))
		return 403;
	if ((route->flags & ROUTE_CSRF) && post) {
		const char *want = (route->flags & ROUTE_MELDER) ? r->mailbox->csrf
				   : r->session			 ? r->session->csrf
								 : r->in.cookie_csrf;
		const char *got = req_form(r, "csrf");
		if (!want || !got || strlen(want) != strlen(got) || strlen(want) < 32 ||
		    !vault_equal(want, got, strlen(want)))
			return 403;
	}
	if (route->flags & ROUTE_NO_STORE)
		r->page.cache_control = "no-store";
	return 0;
}

static int handle_route(const struct http_app *app, struct req *r, const struct http_input *in,
			const struct route *route);

/* Conditional GET: a strong validator from the body when the handler set none. */
static void set_etag(struct req *r)
{
	if (r->page.etag)
		return;
	const char *body = r->page.static_body ? r->page.static_body : r->out.ptr;
	size_t len = r->page.static_body ? r->page.static_len : r->out.len;
	r->page.etag = arena_printf(&r->arena, "\"%016llx\"", (unsigned long long) hash64(body, len));
}

static int run(const struct http_app *app, struct req *r, const struct http_input *in)
{
	int status = parse_input(r, in);
	if (status)
		return status;
	size_t plen = strlen(r->in.path);
	if (plen > 1 && r->in.path[plen - 1] == '/') {
		/* Only redirect when the path without the slash exists. */
		struct req_in probe = {0};
		const struct route *m;
		struct buf allow = BUF_INIT(256);
		char *stripped = arena_strndup(&r->arena, r->in.path, plen - 1);
		enum route_result rr = stripped ? router_match(app->routes, app->nroutes, in->method, stripped,
							       &r->arena, &probe, &m, &allow)
						: ROUTE_NOT_FOUND;
		buf_free(&allow);
		if (rr == ROUTE_FOUND || rr == ROUTE_BAD_METHOD)
			return redirect_trailing_slash(r, in);
		return 404;
	}
	const struct route *route;
	struct buf allow = BUF_INIT(256);
	enum route_result rr =
	    router_match(app->routes, app->nroutes, in->method, r->in.path, &r->arena, &r->in, &route, &allow);
	if (rr == ROUTE_BAD_METHOD)
		r->page.allow = arena_strdup(&r->arena, allow.ptr);
	buf_free(&allow);
	switch (rr) {
	case ROUTE_BAD_PATH: return 400;
	case ROUTE_NOT_FOUND: return 404;
	case ROUTE_BAD_METHOD: return 405;
	case ROUTE_FOUND: break;
	}
	/* A store that fails while reading the session is a 503: never answer "signed out" for it. */
	if (in->cookie_session && app->session_load && (route->flags & (ROUTE_NEEDS_SESSION | ROUTE_CSRF)) &&
	    app->session_load(r, in->cookie_session))
		return 503;
	if (in->cookie_mailbox && app->mailbox_load && (route->flags & ROUTE_MELDER) &&
	    app->mailbox_load(r, in->cookie_mailbox))
		return 503;
	if ((status = gate(route, r, in)))
		return status;
	return handle_route(app, r, in, route);
}

/* The handler, or the page cache in its place. */
static int handle_route(const struct http_app *app, struct req *r, const struct http_input *in,
			const struct route *route)
{
	int status;
	long long version = 0;
	int cacheable =
	    (route->flags & ROUTE_CACHE) && r->w->cache && app->data_version && !app->data_version(r->w, &version);
	if (cacheable && page_cache_get(r->w->cache, in->uri, version, r))
		return 0;
	/* A cached page needed no snapshot at all (a round trip less on PostgreSQL). */
	/*
	 * A public page reads one snapshot. Signed-in and mailbox pages may write
	 * while they show (what was read, a session's time), which a read-only
	 * snapshot on PostgreSQL would refuse.
	 */
	int reading = (!strcmp(in->method, "GET") || !strcmp(in->method, "HEAD")) &&
		      !(route->flags & (ROUTE_NEEDS_SESSION | ROUTE_MELDER)) && app->read_begin &&
		      !app->read_begin(r->w);
	status = route->handler(r);
	if (reading)
		app->read_end(r->w);
	if (!status && r->arena.failed)
		status = 500;
	if (!status && cacheable) {
		/* The ETag is kept with the page, so a cache hit does not hash the body again. */
		if (r->page.status == 200)
			set_etag(r);
		page_cache_put(r->w->cache, in->uri, version, r);
	}
	return status;
}

size_t http_body_limit(const struct http_app *app, struct req *r, const char *method, const char *uri,
		       const char *session_cookie)
{
	/* Uploads are POSTs from a signed-in editor: everything else keeps the small limit without a route lookup. */
	size_t small = r->cfg->body_max;
	if (!session_cookie || strcmp(method, "POST") || !app->session_load)
		return small;
	const struct route *route = NULL;
	struct buf allow = BUF_INIT(256);
	const char *q = strchr(uri, '?');
	char *path = arena_strndup(&r->arena, uri, q ? (size_t) (q - uri) : strlen(uri));
	int upload =
	    path &&
	    router_match(app->routes, app->nroutes, method, path, &r->arena, &r->in, &route, &allow) == ROUTE_FOUND &&
	    (route->flags & ROUTE_UPLOAD);
	buf_free(&allow);
	/* The cookie must name a live session that holds the route's role; a made-up one gets the small limit. */
	if (!upload || app->session_load(r, session_cookie) || gate_session(route, r))
		return small;
	size_t room = r->cfg->upload_max + (64 << 10);
	return room > small ? room : small;
}

void http_handle(const struct http_app *app, struct req *r, const struct http_input *in)
{
	r->page.status = 200;
	r->page.content_type = "text/html; charset=utf-8";
	r->page.cache_control = "no-cache";
	int status = run(app, r, in);
	if (status == 500 && app->unavailable && app->unavailable(r->w))
		status = 503;
	if (status) {
		const char *allow = r->page.allow;
		fail_with(app, r, status);
		r->page.allow = allow;
		return;
	}
	if (r->page.status != 200)
		return;
	set_etag(r);
	int not_modified = in->if_none_match ? etag_matches(in->if_none_match, r->page.etag)
					     : in->if_modified_since && r->page.last_modified &&
						   !strcmp(in->if_modified_since, r->page.last_modified);
	if (not_modified) {
		r->page.status = 304;
		r->page.static_body = NULL;
		buf_reset(&r->out);
	}
}
