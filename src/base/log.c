/*
 * Log lines (log.h) on stderr: a UTC timestamp, the level, and the message
 * with newlines folded, so one event is one line. Logging never fails its
 * caller: a message past about 2 KiB is cut, a failed write is ignored.
 */
#include "base/log.h"

#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/mem.h"

static enum log_level min_level = LOG_INFO;
static const char *const names[] = {"debug", "info", "warn", "error"};

void log_set_level(enum log_level level)
{
	min_level = level;
}

int log_parse_level(const char *s, enum log_level *out)
{
	for (int i = 0; i < 4; i++)
		if (!strcmp(s, names[i])) {
			*out = (enum log_level) i;
			return 0;
		}
	return ERR_INVALID;
}

/* "2026-01-02T03:04:05Z info  ": how every line starts. */
static size_t line_start(char *out, size_t outlen, time_t sec, enum log_level level)
{
	struct tm tm;
	gmtime_r(&sec, &tm);
	size_t n = strftime(out, outlen, "%Y-%m-%dT%H:%M:%SZ ", &tm);
	int k = snprintf(out + n, outlen - n, "%-5s ", names[level]);
	return k > 0 && (size_t) k < outlen - n ? n + (size_t) k : n;
}

/* One event, one line: fold any newline a message carries. */
static void fold(char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] == '\n' || p[i] == '\r')
			p[i] = ' ';
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	if (level < min_level)
		return;
	char line[2048];
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	size_t n = line_start(line, sizeof(line), ts.tv_sec, level);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof(line) - n, fmt, ap);
	va_end(ap);
	fold(line, strlen(line));
	fprintf(stderr, "%s\n", line);
}

/*
 * The access log. Each thread appends its lines to a buffer of its own, which
 * goes to stderr in one write when the next line does not fit, from a flusher
 * thread once a second, at log_flush() and when the thread ends (the key's
 * destructor: libmicrohttpd's threads end before http_serve returns). This is
 * what nginx's "access_log ... buffer=64k flush=1s" does: a write(2) and a turn
 * at stderr's lock per request were a tenth of the server's CPU under load.
 * Lines of different threads can reach the log up to a second out of order.
 */
#define ACCESS_BUF  (64 << 10)
#define ACCESS_LINE 2048

struct access_buf {
	pthread_mutex_t lock; /* between the owner thread and the flusher */
	struct access_buf *next;
	time_t sec; /* the second prefix was made for */
	size_t prefix_len, len;
	char prefix[64];
	char data[ACCESS_BUF];
};

static pthread_once_t access_once = PTHREAD_ONCE_INIT;
static int access_ready; /* the key and the flusher exist */
static pthread_key_t access_key;
static pthread_mutex_t access_list_lock = PTHREAD_MUTEX_INITIALIZER;
static struct access_buf *access_list; /* every thread's buffer */
static _Thread_local struct access_buf *access_mine;

/* With b->lock held. stderr is unbuffered: fwrite writes at once, under stderr's lock. */
static void access_write(struct access_buf *b)
{
	if (b->len)
		fwrite(b->data, 1, b->len, stderr);
	b->len = 0;
}

void log_flush(void)
{
	pthread_mutex_lock(&access_list_lock);
	for (struct access_buf *b = access_list; b; b = b->next) {
		pthread_mutex_lock(&b->lock);
		access_write(b);
		pthread_mutex_unlock(&b->lock);
	}
	pthread_mutex_unlock(&access_list_lock);
}

static void *access_flusher(void *arg)
{
	(void) arg;
	sigset_t all;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL); /* signals are for the threads that wait for them */
	for (;;) {
		sleep(1);
		log_flush();
	}
	return NULL;
}

/* The key's destructor: a thread ends, its lines go out and its buffer goes. */
static void access_release(void *p)
{
	struct access_buf *b = p;
	pthread_mutex_lock(&access_list_lock);
	for (struct access_buf **pp = &access_list; *pp; pp = &(*pp)->next)
		if (*pp == b) {
			*pp = b->next;
			break;
		}
	pthread_mutex_unlock(&access_list_lock);
	access_write(b);
	pthread_mutex_destroy(&b->lock);
	mem_free(b);
}

static void access_init(void)
{
	if (pthread_key_create(&access_key, access_release))
		return;
	pthread_attr_t attr;
	pthread_t t;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	if (!pthread_create(&t, &attr, access_flusher, NULL))
		access_ready = 1;
	else
		pthread_key_delete(access_key);
	pthread_attr_destroy(&attr);
}

/* This thread's buffer, made on first use; NULL when there is none (then lines go out one by one). */
static struct access_buf *access_buf_get(void)
{
	if (access_mine)
		return access_mine;
	pthread_once(&access_once, access_init);
	if (!access_ready)
		return NULL;
	struct access_buf *b = mem_alloc(sizeof(*b));
	if (!b)
		return NULL;
	pthread_mutex_init(&b->lock, NULL);
	b->sec = -1;
	b->len = b->prefix_len = 0;
	if (pthread_setspecific(access_key, b)) {
		pthread_mutex_destroy(&b->lock);
		mem_free(b);
		return NULL;
	}
	pthread_mutex_lock(&access_list_lock);
	b->next = access_list;
	access_list = b;
	pthread_mutex_unlock(&access_list_lock);
	return access_mine = b;
}

void log_access(const char *fmt, ...)
{
	if (LOG_INFO < min_level)
		return;
	struct access_buf *b = access_buf_get();
	va_list ap;
	va_start(ap, fmt);
	if (!b) {
		char line[ACCESS_LINE];
		vsnprintf(line, sizeof(line), fmt, ap);
		va_end(ap);
		log_msg(LOG_INFO, "%s", line);
		return;
	}
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	pthread_mutex_lock(&b->lock);
	if (b->sec != ts.tv_sec) {
		b->prefix_len = line_start(b->prefix, sizeof(b->prefix), ts.tv_sec, LOG_INFO);
		b->sec = ts.tv_sec;
	}
	/* Room for the longest line log_msg would write (it cuts a line at 2 KiB too). */
	if (ACCESS_BUF - b->len < ACCESS_LINE + 1)
		access_write(b);
	char *line = b->data + b->len;
	memcpy(line, b->prefix, b->prefix_len);
	size_t room = ACCESS_LINE - b->prefix_len;
	int n = vsnprintf(line + b->prefix_len, room, fmt, ap);
	va_end(ap);
	if (n >= 0) {
		/* A longer message was cut, as log_msg cuts it. */
		size_t len = b->prefix_len + ((size_t) n < room ? (size_t) n : room - 1);
		fold(line, len);
		line[len] = '\n';
		b->len += len + 1;
	}
	pthread_mutex_unlock(&b->lock);
}
