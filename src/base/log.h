/*
 * Logging: one line per event on stderr, with a UTC timestamp and a level.
 *
 * Log lines never contain a client's IP address, a session token, a password
 * or any content of a case; callers pass only what is safe to keep.
 */
#ifndef VERTROUWD_BASE_LOG_H
#define VERTROUWD_BASE_LOG_H

#include "base/err.h"

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR };

void log_set_level(enum log_level level);
/* Parse "debug", "info", "warn" or "error"; ERR_INVALID otherwise. */
int log_parse_level(const char *s, enum log_level *out) WUR;
void log_msg(enum log_level level, const char *fmt, ...) PRINTF_LIKE(2, 3);
/*
 * An access log line (level info): kept in a buffer of the calling thread and
 * written with others when the buffer is full, at least once a second, at
 * log_flush() and when the thread ends, like nginx's "access_log buffer=".
 */
void log_access(const char *fmt, ...) PRINTF_LIKE(1, 2);
/* Write out every thread's buffered access log lines now. */
void log_flush(void);

#define log_debug(...) log_msg(LOG_DEBUG, __VA_ARGS__)
#define log_info(...)  log_msg(LOG_INFO, __VA_ARGS__)
#define log_warn(...)  log_msg(LOG_WARN, __VA_ARGS__)
#define log_error(...) log_msg(LOG_ERROR, __VA_ARGS__)

#endif
