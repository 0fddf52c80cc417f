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

/*
 * Cookies: the session and the sign-in form's CSRF token. Behind TLS (an https
 * base URL, or a request a trusted proxy says came over TLS) they are named
 * "__Host-..." and Secure; the server reads and the handlers set the same
 * names, from here.
 */
enum http_cookie { HTTP_COOKIE_SESSION, HTTP_COOKIE_CSRF, HTTP_COOKIE_MAILBOX };

/* Whether a request's cookies are Secure and __Host- (tls: the request came over TLS). */
int http_cookie_secure(const struct config *cfg, int tls);
const char *http_cookie_name(enum http_cookie c, int secure);
/*
 * A Set-Cookie value in the arena: Path=/, HttpOnly, SameSite=Strict, Secure
 * when secure; Max-Age only when max_age >= 0 (without it the cookie ends with
 * the browser). NULL when the arena fails.
 */
const char *http_cookie_header(struct arena *a, enum http_cookie c, int secure, const char *value, long long max_age);

#define HTTP_CLIENT_KEY 8

/* The client of a request, as far as rate limits need it. */
struct http_client {
	char key[HTTP_CLIENT_KEY]; /* a coarse, non-reversible key of its address ("" when unknown) */
	int known;		   /* key is set */
	int tls;		   /* a trusted proxy says the request came over TLS */
	int via_proxy;		   /* the peer is a trusted proxy */
};

/*
 * The client behind peer (the socket's address): peer itself, or, when peer
 * is a trusted proxy (cfg->trusted_proxy), the right-most address of
 * forwarded_for (X-Forwarded-For, all its headers joined with ", ") that is
 * not itself trusted, and tls from forwarded_proto (X-Forwarded-Proto).
 * Headers from an untrusted peer are ignored. Never fails.
 */
void http_client_resolve(const struct config *cfg, const struct config_addr *peer, const char *forwarded_for,
			 const char *forwarded_proto, struct http_client *out);

struct http_app {
	const struct route *routes;
	size_t nroutes;
	/* Make this thread's worker (open the store, ...); 0 or an error. */
	int (*worker_new)(const struct config *cfg, struct worker **out);
	void (*worker_free)(struct worker *w);
	/* Around each GET/HEAD request: one consistent read of the store (optional). */
	int (*read_begin)(struct worker *w);
	void (*read_end)(struct worker *w);
	/*
	 * Fill r->session from the session cookie's token (leave it NULL when the
	 * token is unknown or expired): 0, or an error when the store failed (the
	 * request is then answered 503, never treated as signed out).
	 */
	int (*session_load)(struct req *r, const char *token);
	/*
	 * Fill r->mailbox from the melder's mailbox cookie (leave it NULL when the
	 * token is unknown or idle): 0, or an error when the store failed (503).
	 */
	int (*mailbox_load)(struct req *r, const char *token);
	/* After the response is made: let go of what the request held (keys in guarded memory). Optional. */
	void (*request_done)(struct req *r);
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
	const char *cookie_mailbox;    /* a melder's mailbox cookie, or NULL */
	const char *origin;	       /* the Origin header, or NULL */
	const char *fetch_site;	       /* the Sec-Fetch-Site header, or NULL */
	const char *client;	       /* a coarse client key, or NULL */
	int secure;		       /* cookies are Secure and __Host- (http_cookie_secure) */
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
 * (plus room for the form around the file) on a ROUTE_UPLOAD route for a
 * session that is valid and holds the route's role, body_max otherwise.
 * Decided when the headers are in and before the body is read, so neither an
 * anonymous client nor a made-up session cookie can make the server buffer an
 * upload. r is a scratch request with cfg, w and an empty arena (the session
 * is looked up in the store only for a POST to an upload route with a cookie).
 */
size_t http_body_limit(const struct http_app *app, struct req *r, const char *method, const char *uri,
		       const char *session_cookie);

/*
 * Open the listening socket of cfg->listen. A port another process listens on
 * is refused (no address sharing: two servers on one port would split the
 * connections between them). Returns the socket, or -1 with a Dutch/English
 * message in err.
 */
int http_listen(const struct config *cfg, char *err, size_t errlen) WUR;

/*
 * Serve on listen_fd (from http_listen; closed on return) until SIGINT or
 * SIGTERM, then stop accepting, let running requests finish (up to 10 s) and
 * return 0. Returns an error when the server cannot start (the message is
 * logged). Prints the URL it listens on when ready.
 */
int http_serve(const struct config *cfg, const struct http_app *app, int listen_fd) WUR;

/* Load static/ under cfg->root into memory; the static route serves it. */
int http_static_load(const char *dir, char *err, size_t errlen) WUR;
void http_static_free(void);
/* The fingerprinted URL of a static file ("css/site.css" -> "/static/css/site.css?v=..."), or NULL. */
const char *http_static_url(const char *path);
/* The handler for GET /static/{path*}. */
int http_static_handler(struct req *r);

#endif
