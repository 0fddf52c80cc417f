/*
 * buf: a growable byte string with a hard size cap.
 *
 * A buf is never NULL after BUF_INIT and always NUL-terminated, so b.ptr can be
 * handed to C string functions at any time. Every buf has a maximum length: an
 * append that would pass it fails with ERR_TOO_LARGE and leaves the buf as it
 * was, so a client can never grow one without bound.
 */
#ifndef VERTROUWD_BASE_BUF_H
#define VERTROUWD_BASE_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "base/err.h"

struct buf {
	char *ptr;
	size_t len, cap, max;
};

extern char buf_empty[];
#define BUF_INIT(maxlen)                                                                                               \
	{                                                                                                              \
		.ptr = buf_empty, .len = 0, .cap = 0, .max = (maxlen)                                                  \
	}
#define BUF_MAX_DEFAULT ((size_t) 16 << 20)

void buf_init(struct buf *b, size_t max);
/* Make room for n more bytes; ERR_NOMEM or ERR_TOO_LARGE, buf unchanged. */
int buf_grow(struct buf *b, size_t n) WUR;
/* Append n bytes / a C string / one byte; errors as buf_grow, buf unchanged. */
int buf_add(struct buf *b, const char *s, size_t n) WUR;
int buf_adds(struct buf *b, const char *s) WUR;
int buf_addc(struct buf *b, char c) WUR;
/* Append formatted text; on error the buf is unchanged. */
int buf_addf(struct buf *b, const char *fmt, ...) PRINTF_LIKE(2, 3) WUR;
int buf_vaddf(struct buf *b, const char *fmt, va_list ap) PRINTF_LIKE(2, 0) WUR;
/* Shorten to len (len <= b->len). */
void buf_truncate(struct buf *b, size_t len);
/* Empty the buf but keep its memory. */
void buf_reset(struct buf *b);
/* Free the memory; the buf is empty and usable again. */
void buf_free(struct buf *b);
/* Take the string (never NULL: an empty buf yields a fresh allocation, or NULL
 * on allocation failure); the caller frees it with mem_free; b is reset. */
char *buf_detach(struct buf *b, size_t *len);

#endif
