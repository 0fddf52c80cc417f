/*
 * The request as handlers see it (see "The shape of a request" in
 * shared/docs/architecture.md).
 *
 * Three lifetimes stay apart: the configuration (immutable after start), the
 * worker (this thread's store handle and caches) and the request (its arena,
 * parsed input, page settings and body). A handler reads req->in, calls the
 * domain with typed arguments, renders into req->out, and returns 0 or an HTTP
 * status for an error page. Only http/ talks to libmicrohttpd.
 */
#ifndef VERTROUWD_HTTP_REQ_H
#define VERTROUWD_HTTP_REQ_H

#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/config.h"

struct store;
struct tmpl_set;
struct page_cache;

/* Per worker thread; made by the application's worker_new callback. */
struct worker {
	struct store *store;
	const struct tmpl_set *templates;
	struct page_cache *cache; /* rendered public pages; NULL when off (made by http/) */
	void *app;		  /* the application's per-thread state */
};

struct kv {
	const char *key;
	const char *val;
};

struct kvlist {
	struct kv *items;
	size_t n;
};

/* A file from a multipart/form-data body; data points into the request body. */
struct upload {
	const char *field;	  /* the form field's name */
	const char *filename;	  /* as sent, without any directory part (never trust it) */
	const char *content_type; /* as sent, or "" (never trust it either) */
	const unsigned char *data;
	size_t len;
};

struct uploads {
	struct upload *items;
	size_t n;
};

#define REQ_MAX_PARAMS 8

struct req_in {
	const char *method;		  /* "GET", "HEAD", "POST", ... */
	const char *path;		  /* the raw (still percent-encoded) path */
	struct kv params[REQ_MAX_PARAMS]; /* path parameters, decoded */
	size_t nparams;
	struct kvlist query;	    /* decoded query string */
	struct kvlist form;	    /* the body's text fields (urlencoded or multipart) */
	struct uploads files;	    /* the body's files (multipart only) */
	const char *content_type;   /* request Content-Type, or NULL */
	const char *cookie_csrf;    /* the sign-in form's CSRF cookie, or NULL */
	const char *cookie_mailbox; /* a melder's mailbox cookie, or NULL */
	const char *client;	    /* a coarse key for the client (never its address), or NULL */
	int secure;		    /* cookies are Secure and __Host- (http_cookie_secure) */
	const char *user_agent;	    /* or NULL */
};

struct page {
	int status;		   /* 200 unless set */
	const char *content_type;  /* default text/html; charset=utf-8 */
	const char *etag;	   /* quoted; computed from the body when NULL */
	const char *last_modified; /* an HTTP date, or NULL */
	const char *cache_control; /* default "no-cache" */
	const char *location;	   /* for redirects */
	const char *disposition;   /* Content-Disposition, or NULL */
	const char *allow;	   /* for 405 */
	const char *static_body;   /* a body that outlives the request (static files) */
	size_t static_len;
	const char *set_cookie[2]; /* Set-Cookie values, or NULL */
	int clear_site_data;	   /* send Clear-Site-Data: cookies, storage and cache (signing out) */
};

/* The signed-in user of a request, filled by the application's session hook. */
struct session {
	long long user_id;
	unsigned roles;
	const char *email;
	const char *name;
	const char *id;		     /* the session's id in the store (a hash, not the cookie) */
	const char *csrf;	     /* the token forms must send back */
	const char *token;	     /* the cookie's token (hex), to open what the session boxed */
	const unsigned char *sk_box; /* a VP's secret key boxed under the session's key, or NULL */
	size_t sk_len;
};

/* A melder's mailbox session, filled by the application's mailbox hook. */
struct mailbox {
	long long case_id;
	const char *token; /* the cookie's value */
	const char *csrf;  /* the token its forms must send back */
	void *key;	   /* the application's key for this request (freed by request_done) */
};

struct req {
	const struct config *cfg;
	struct worker *w;
	struct arena arena;
	struct req_in in;
	struct session *session; /* NULL when anonymous */
	struct mailbox *mailbox; /* a melder's mailbox, or NULL */
	struct page page;
	struct buf out;
};

/* A path parameter by name, or NULL. */
const char *req_param(const struct req *r, const char *name);
/* The first query value for key, or NULL. */
const char *req_query(const struct req *r, const char *key);
/* The first form value for key, or NULL. */
const char *req_form(const struct req *r, const char *key);
/* Every non-empty form value for key (a group of check boxes), at most max: how many. */
size_t req_form_all(const struct req *r, const char *key, const char **out, size_t max);
/* The first uploaded file of a form field with content, or NULL. */
const struct upload *req_file(const struct req *r, const char *field);
/* The first value for key in a list, or NULL. */
const char *kv_get(const struct kvlist *l, const char *key);

#endif
