/*
 * The HTTP server: libmicrohttpd with a thread pool and epoll, one route table,
 * one gate, and the same security headers on every response.
 *
 * The application hands in its routes and three callbacks; http/ never calls
 * up into web/ or the domain otherwise.
 */
#ifndef VERTROUWD_HTTP_HTTP_H
#define VERTROUWD_HTTP_HTTP_H

#include <stddef.h>

#include "base/config.h"
#include "http/req.h"
#include "http/router.h"

#define HTTP_SESSION_COOKIE "vt_sessie"
#define HTTP_CSRF_COOKIE    "vt_formulier"

struct http_app {
	const struct route *routes;
	size_t nroutes;
	/* Make this thread's worker (open the store, ...); 0 or an error. */
	int (*worker_new)(const struct config *cfg, struct worker **out);
	void (*worker_free)(struct worker *w);
	/* Around each GET/HEAD request: one consistent read of the store (optional). */
	int (*read_begin)(struct worker *w);
	void (*read_end)(struct worker *w);
	/* Fill r->session from the session cookie's token (leave it NULL when not signed in). */
	void (*session_load)(struct req *r, const char *token);
	/* A number that changes whenever stored data changes (for the page cache); 0 or an error. */
	int (*data_version)(struct worker *w, long long *version);
	/* Whether the store cannot be reached now: a failed request is then a 503, not a 500 (optional). */
	int (*unavailable)(struct worker *w);
	/* Render the error page for status into r->out; 0 or an error (then plain text is sent). */
	int (*render_error)(struct req *r, int status);
};

/* One request as it came off the wire. */
struct http_input {
	const char *method;
	const char *uri;	       /* raw: path and query, still encoded */
	const char *content_type;      /* or NULL */
	const char *if_none_match;     /* or NULL */
	const char *if_modified_since; /* or NULL; used only without If-None-Match */
	const char *cookie_session;    /* the session cookie, or NULL */
	const char *cookie_csrf;       /* the sign-in form's CSRF cookie, or NULL */
	const char *client;	       /* a coarse client key, or NULL */
	const char *user_agent;
	const char *body;
	size_t body_len;
	int body_too_large; /* the body passed cfg->body_max and was dropped */
};

/*
 * Route, check and run one request: fills r->page and r->out (empty for 304
 * and HEAD). r must have cfg, w and an empty arena and out. Never fails: every
 * error becomes an error page with the right status.
 */
void http_handle(const struct http_app *app, struct req *r, const struct http_input *in);

/*
 * The largest body to accept for method and uri (path and query): upload_max
 * (plus room for the form around the file) on ROUTE_UPLOAD routes when the
 * client sends a session cookie, body_max otherwise. Decided before the body
 * is read, so an anonymous client cannot make the server buffer an upload.
 */
size_t http_body_limit(const struct http_app *app, const struct config *cfg, const char *method, const char *uri,
		       int has_session);

/*
 * Serve until SIGINT or SIGTERM, then stop accepting, let running requests
 * finish (up to 10 s) and return 0. Returns an error when the server cannot
 * start (the message is logged). Prints the URL it listens on when ready.
 */
int http_serve(const struct config *cfg, const struct http_app *app) WUR;

/* Load static/ under cfg->root into memory; the static route serves it. */
int http_static_load(const char *dir, char *err, size_t errlen) WUR;
void http_static_free(void);
/* The fingerprinted URL of a static file ("css/site.css" -> "/static/css/site.css?v=..."), or NULL. */
const char *http_static_url(const char *path);
/* The handler for GET /static/{path*}. */
int http_static_handler(struct req *r);

#endif
