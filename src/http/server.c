/* libmicrohttpd glue: connections, bodies, workers, responses, shutdown. */
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <errno.h>
#include <strings.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include "base/log.h"
#include "base/mem.h"
#include "http/cache.h"
#include "crypto/crypto.h"
#include "http/http.h"

struct server {
	const struct config *cfg;
	const struct http_app *app;
	pthread_mutex_t lock; /* guards workers */
	struct worker **workers;
	size_t nworkers, capworkers;
};

struct conn {
	char *uri;
	struct buf body;
	int too_large;
	struct http_client client; /* who sent it: resolved once the headers are in */
	int secure;		   /* its cookies are __Host- and Secure */
	struct timespec start;
};

/*
 * libmicrohttpd (0.9.75) keeps a connection's request line, headers, a 64-byte
 * record per header, cookie and query field, and the response header in one
 * pool, and clears the whole pool with memset before each request on a
 * keep-alive connection (MHD_pool_reset, memorypool.c). At 256 KiB that clearing
 * was 30% of the CPU under load. 32 KiB holds a request target of 8 KiB (longer
 * ones get our 414: HTTP_URI_MAX in dispatch.c), about 20 KiB of headers and our
 * response header; a request line longer than the pool gets MHD's own 414, a
 * header section that does not fit its 431. Query fields cost the pool nothing
 * (on_uri).
 */
#define HTTP_CONN_POOL (32 * 1024)

static _Thread_local struct worker *tls_worker;

static const char *const security_headers[][2] = {
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
     "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
    {"Cross-Origin-Opener-Policy", "same-origin"},
    {"Cross-Origin-Resource-Policy", "same-origin"},
    {"Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"},
};

/* This thread's worker, made on first use and remembered for shutdown. */
static struct worker *worker_get(struct server *srv)
{
	if (tls_worker)
		return tls_worker;
	struct worker *w = NULL;
	if (srv->app->worker_new(srv->cfg, &w))
		return NULL;
	w->cache = page_cache_new(srv->cfg->page_cache);
	pthread_mutex_lock(&srv->lock);
	if (srv->nworkers == srv->capworkers) {
		size_t cap = srv->capworkers ? srv->capworkers * 2 : 8;
		struct worker **p = mem_realloc(srv->workers, cap * sizeof(*p));
		if (!p) {
			pthread_mutex_unlock(&srv->lock);
			srv->app->worker_free(w);
			return NULL;
		}
		srv->workers = p;
		srv->capworkers = cap;
	}
	srv->workers[srv->nworkers++] = w;
	pthread_mutex_unlock(&srv->lock);
	return tls_worker = w;
}

/*
 * Called with the raw request target before MHD splits its query into fields.
 * We parse the query ourselves from this copy (dispatch.c) and never read MHD's
 * fields, so the query is cut off where MHD would parse it: in 0.9.75
 * (parse_initial_message_line, connection.c) MHD has already found the '?' in
 * the target (our uri, in its read buffer), and after this callback it
 * terminates the path there and parses from the next byte, which is now the end.
 * Without the cut, every field took a record from the pool, and a query with
 * more fields than fit (4,000 in an 8 KB URL with the old 256 KiB pool, a few
 * hundred with 32 KiB) made MHD queue a 431 that it then never sent: the
 * connection hung until the idle timeout. Only a target with a NUL byte before
 * its '?' (which browsers and proxies do not send) still reaches MHD's parser.
 */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
	(void) cls;
	(void) c;
	char *query = uri ? strchr(uri, '?') : NULL;
	struct conn *st = mem_calloc(1, sizeof(*st));
	if (st) {
		st->uri = uri ? mem_strdup(uri) : NULL;
		buf_init(&st->body, 0);
		clock_gettime(CLOCK_MONOTONIC, &st->start);
	}
	if (query)
		query[1] = '\0';
	return st;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode t)
{
	(void) cls;
	(void) c;
	(void) t;
	struct conn *st = *con_cls;
	if (!st)
		return;
	mem_free(st->uri);
	buf_free(&st->body);
	mem_free(st);
	*con_cls = NULL;
}

static enum MHD_Result plain(struct MHD_Connection *c, unsigned status, const char *text)
{
	struct MHD_Response *resp =
	    MHD_create_response_from_buffer(strlen(text), (void *) text, MHD_RESPMEM_PERSISTENT);
	if (!resp)
		return MHD_NO;
	MHD_add_response_header(resp, "Content-Type", "text/plain; charset=utf-8");
	for (size_t i = 0; i < sizeof(security_headers) / sizeof(security_headers[0]); i++)
		MHD_add_response_header(resp, security_headers[i][0], security_headers[i][1]);
	enum MHD_Result rc = MHD_queue_response(c, status, resp);
	MHD_destroy_response(resp);
	return rc;
}

static void add_header(struct MHD_Response *resp, const char *name, const char *value)
{
	if (value)
		MHD_add_response_header(resp, name, value);
}

static enum MHD_Result respond(struct MHD_Connection *c, struct req *r, const struct conn *st)
{
	struct MHD_Response *resp;
	size_t len;
	if (r->page.static_body) {
		len = r->page.static_len;
		resp = MHD_create_response_from_buffer(len, (void *) r->page.static_body, MHD_RESPMEM_PERSISTENT);
	} else {
		char *body = buf_detach(&r->out, &len);
		if (!body)
			return plain(c, 500, "Interne fout / internal error\n");
		resp = MHD_create_response_from_buffer_with_free_callback(len, body, mem_free);
		if (!resp)
			mem_free(body);
	}
	if (!resp)
		return MHD_NO;
	for (size_t i = 0; i < sizeof(security_headers) / sizeof(security_headers[0]); i++)
		MHD_add_response_header(resp, security_headers[i][0], security_headers[i][1]);
	if (r->page.status != 304 && r->page.status != 301 && r->page.status != 308)
		add_header(resp, "Content-Type", r->page.content_type);
	add_header(resp, "Cache-Control", r->page.cache_control);
	add_header(resp, "ETag", r->page.status < 400 ? r->page.etag : NULL);
	add_header(resp, "Last-Modified", r->page.last_modified);
	add_header(resp, "Location", r->page.location);
	add_header(resp, "Content-Disposition", r->page.disposition);
	add_header(resp, "Allow", r->page.status == 405 ? r->page.allow : NULL);
	add_header(resp, "Set-Cookie", r->page.set_cookie[0]);
	add_header(resp, "Set-Cookie", r->page.set_cookie[1]);
	add_header(resp, "Clear-Site-Data", r->page.clear_site_data ? "\"cookies\", \"storage\", \"cache\"" : NULL);
	enum MHD_Result rc = MHD_queue_response(c, (unsigned) r->page.status, resp);
	MHD_destroy_response(resp);

	/* The access log: no client address, no query string (it may carry codes). */
	struct timespec end;
	clock_gettime(CLOCK_MONOTONIC, &end);
	double ms = (double) (end.tv_sec - st->start.tv_sec) * 1e3 + (double) (end.tv_nsec - st->start.tv_nsec) / 1e6;
	log_access("%s %s %d %zuB %.2fms", r->in.method ? r->in.method : "-", r->in.path ? r->in.path : "-",
		   r->page.status, len, ms);
	return rc;
}

/* The socket's peer address, or NULL. */
static const struct config_addr *peer_of(struct MHD_Connection *c, struct config_addr *out)
{
	const union MHD_ConnectionInfo *info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (!info || !info->client_addr)
		return NULL;
	const struct sockaddr *sa = info->client_addr;
	memset(out, 0, sizeof(*out));
	if (sa->sa_family == AF_INET) {
		out->family = 4;
		memcpy(out->bytes, &((const struct sockaddr_in *) sa)->sin_addr, 4);
	} else if (sa->sa_family == AF_INET6) {
		out->family = 6;
		memcpy(out->bytes, &((const struct sockaddr_in6 *) sa)->sin6_addr, 16);
	} else {
		return NULL;
	}
	return out;
}

/* Every X-Forwarded-For header, joined with ", " in the order they came (a proxy may add its own line). */
static enum MHD_Result join_forwarded(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct buf *b = cls;
	(void) kind;
	if (value && !strcasecmp(key, "X-Forwarded-For") &&
	    ((b->len && buf_add(b, ", ", 2)) || buf_add(b, value, strlen(value))))
		return MHD_NO; /* past the cap: what we have is read as it is */
	return MHD_YES;
}

/* Who sent the request on c (http_client_resolve), reading the proxy headers only from a trusted proxy. */
static void client_of(const struct config *cfg, struct MHD_Connection *c, struct http_client *out)
{
	struct config_addr peer;
	const struct config_addr *p = peer_of(c, &peer);
	if (!p || !config_proxy_trusted(cfg, p)) {
		http_client_resolve(cfg, p, NULL, NULL, out);
		return;
	}
	struct buf xff = BUF_INIT(8192);
	MHD_get_connection_values(c, MHD_HEADER_KIND, join_forwarded, &xff);
	http_client_resolve(cfg, p, xff.len ? xff.ptr : NULL,
			    MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-Proto"), out);
	buf_free(&xff);
}

static const char *cookie(struct MHD_Connection *c, const struct conn *st, enum http_cookie which)
{
	return MHD_lookup_connection_value(c, MHD_COOKIE_KIND, http_cookie_name(which, st->secure));
}

/*
 * The body limit of a request whose headers are in (http_body_limit): the
 * session cookie is checked against the store before an upload is accepted.
 * Without a worker (no store) the small limit holds.
 */
static size_t body_limit(struct server *srv, struct MHD_Connection *c, const struct conn *st, const char *method)
{
	const char *session = cookie(c, st, HTTP_COOKIE_SESSION);
	struct worker *w = session && !strcmp(method, "POST") ? worker_get(srv) : NULL;
	if (!w)
		return srv->cfg->body_max;
	struct req scratch = {.cfg = srv->cfg, .w = w, .arena = ARENA_INIT, .out = BUF_INIT(0)};
	size_t max = http_body_limit(srv->app, &scratch, method, st->uri, session);
	arena_free(&scratch.arena);
	return max;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
				  const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	(void) url;
	(void) version;
	struct server *srv = cls;
	struct conn *st = *con_cls;
	if (!st || !st->uri)
		return plain(c, 503, "Tijdelijk geen geheugen; probeer het opnieuw. / Out of memory.\n");
	if (*upload_size) {
		if (!st->too_large && buf_add(&st->body, upload, *upload_size))
			st->too_large = 1;
		*upload_size = 0;
		return MHD_YES;
	}
	if (!st->body.max && !st->too_large) {
		/* First call: the headers are in; refuse an announced oversized body now. */
		client_of(srv->cfg, c, &st->client);
		st->secure = http_cookie_secure(srv->cfg, st->client.tls);
		st->body.max = body_limit(srv, c, st, method);
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
		if (cl && strtoull(cl, NULL, 10) > st->body.max)
			st->too_large = 1;
		/*
		 * Nothing of an oversized body is kept. A client is answered 413 at once;
		 * a trusted proxy already holds the whole body, bounded by its own limit,
		 * and sends it anyway: it is read and dropped, so that the proxy gets the
		 * 413 instead of a reset connection (which it would pass on as a 502).
		 */
		if (!st->too_large || st->client.via_proxy)
			return MHD_YES;
	}
	struct worker *w = worker_get(srv);
	if (!w)
		return plain(c, 503,
			     "De server kan de opslag niet bereiken; probeer het zo opnieuw. / Store unavailable.\n");
	struct req r = {.cfg = srv->cfg, .w = w, .arena = ARENA_INIT, .out = BUF_INIT(BUF_MAX_DEFAULT)};
	struct http_input in = {
	    .method = method,
	    .uri = st->uri,
	    .content_type = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type"),
	    .if_none_match = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match"),
	    .if_modified_since = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-Modified-Since"),
	    .cookie_session = cookie(c, st, HTTP_COOKIE_SESSION),
	    .cookie_csrf = cookie(c, st, HTTP_COOKIE_CSRF),
	    .cookie_mailbox = cookie(c, st, HTTP_COOKIE_MAILBOX),
	    .origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin"),
	    .fetch_site = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Sec-Fetch-Site"),
	    .client = st->client.known ? st->client.key : NULL,
	    .secure = st->secure,
	    .user_agent = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "User-Agent"),
	    .body = st->body.ptr,
	    .body_len = st->body.len,
	    .body_too_large = st->too_large,
	};
	http_handle(srv->app, &r, &in);
	enum MHD_Result rc = respond(c, &r, st);
	if (srv->app->request_done)
		srv->app->request_done(&r);
	buf_free(&r.out);
	arena_free(&r.arena);
	return rc;
}

static void log_mhd(void *cls, const char *fmt, va_list ap) PRINTF_LIKE(2, 0);

static void log_mhd(void *cls, const char *fmt, va_list ap)
{
	(void) cls;
	char msg[512];
	vsnprintf(msg, sizeof(msg), fmt, ap);
	log_warn("http: %s", msg);
}

int http_listen(const struct config *cfg, char *err, size_t errlen)
{
	struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(cfg->port)};
	if (inet_pton(AF_INET, cfg->host, &addr.sin_addr) != 1) {
		snprintf(err, errlen,
			 "ongeldig luisteradres '%s' (verwacht bv. 127.0.0.1:8080) / invalid listen address",
			 cfg->listen);
		return -1;
	}
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), one = 1;
	/* SO_REUSEADDR lets a restart bind past old connections in TIME_WAIT; unlike SO_REUSEPORT it never lets
	 * a second listener share the port. */
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one))) {
		snprintf(err, errlen, "kan geen socket openen: %s / cannot open a socket", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (bind(fd, (struct sockaddr *) &addr, sizeof(addr)) || listen(fd, 1024)) {
		int e = errno;
		if (e == EADDRINUSE)
			snprintf(
			    err, errlen,
			    "kan niet luisteren op %s: de poort is al in gebruik (draait er al een server? Stop die "
			    "eerst, of kies een andere poort met --listen) / the port is already in use",
			    cfg->listen);
		else
			snprintf(err, errlen, "kan niet luisteren op %s: %s / cannot listen", cfg->listen, strerror(e));
		close(fd);
		return -1;
	}
	return fd;
}

int http_serve(const struct config *cfg, const struct http_app *app, int listen_fd)
{
	struct server srv = {.cfg = cfg, .app = app};
	pthread_mutex_init(&srv.lock, NULL);
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned threads = cfg->threads > 0 ? (unsigned) cfg->threads : cores > 0 ? (unsigned) cores : 2;

	/* Block the signals here so every server thread inherits the mask; sigwait takes them below. */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);

	struct MHD_Daemon *d = MHD_start_daemon(
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC | MHD_USE_ERROR_LOG | MHD_USE_TURBO, 0, NULL,
	    NULL, on_request, &srv, MHD_OPTION_EXTERNAL_LOGGER, log_mhd, NULL, MHD_OPTION_LISTEN_SOCKET,
	    (MHD_socket) listen_fd, MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_LIMIT, 1024u,
	    MHD_OPTION_CONNECTION_TIMEOUT, 30u, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t) HTTP_CONN_POOL,
	    MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL, MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_END);
	if (!d) {
		log_error("kan de webserver op %s niet starten / cannot start the web server", cfg->listen);
		close(listen_fd);
		pthread_sigmask(SIG_UNBLOCK, &set, NULL);
		pthread_mutex_destroy(&srv.lock);
		return ERR_IO;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	unsigned port = info ? info->port : cfg->port;
	printf("vertrouwd luistert op http://%s:%u/ (%u threads; stoppen met Ctrl-C)\n", cfg->host, port, threads);
	fflush(stdout);

	int sig = 0;
	sigwait(&set, &sig);
	log_info("signal %d: no new connections; finishing running requests", sig);
	MHD_socket lfd = MHD_quiesce_daemon(d);
	if (lfd != MHD_INVALID_SOCKET)
		close(lfd);
	for (int i = 0; i < 100; i++) {
		info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
		if (!info || info->num_connections == 0)
			break;
		usleep(100 * 1000);
	}
	MHD_stop_daemon(d);
	for (size_t i = 0; i < srv.nworkers; i++) {
		page_cache_free(srv.workers[i]->cache);
		app->worker_free(srv.workers[i]);
	}
	mem_free(srv.workers);
	pthread_mutex_destroy(&srv.lock);
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	log_flush(); /* the access log lines still buffered */
	log_info("stopped");
	return 0;
}
