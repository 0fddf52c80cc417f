/*
 * The capped byte string (buf.h). Storage comes from mem_realloc and doubles,
 * up to max + 1 bytes. An append that fails (ERR_TOO_LARGE past max,
 * ERR_NOMEM, ERR_INVALID for a format vsnprintf refuses) leaves len and
 * contents as they were; an empty buf points at buf_empty and owns nothing.
 */
#include "base/buf.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/mem.h"

char buf_empty[1];

void buf_init(struct buf *b, size_t max)
{
	b->ptr = buf_empty;
	b->len = b->cap = 0;
	b->max = max;
}

int buf_grow(struct buf *b, size_t n)
{
	if (n > b->max || b->len > b->max - n)
		return ERR_TOO_LARGE;
	size_t need = b->len + n + 1;
	if (need <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	if (cap > b->max + 1)
		cap = b->max + 1;
	char *p = mem_realloc(b->cap ? b->ptr : NULL, cap);
	if (!p)
		return ERR_NOMEM;
	if (!b->cap)
		p[0] = '\0';
	b->ptr = p;
	b->cap = cap;
	return 0;
}

int buf_add(struct buf *b, const char *s, size_t n)
{
	int rc = buf_grow(b, n);
	if (rc)
		return rc;
	if (n)
		memcpy(b->ptr + b->len, s, n);
	b->len += n;
	b->ptr[b->len] = '\0';
	return 0;
}

int buf_adds(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

int buf_addc(struct buf *b, char c)
{
	return buf_add(b, &c, 1);
}

int buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return ERR_INVALID;
	int rc = buf_grow(b, (size_t) n);
	if (rc)
		return rc;
	vsnprintf(b->ptr + b->len, (size_t) n + 1, fmt, ap);
	b->len += (size_t) n;
	return 0;
}

int buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = buf_vaddf(b, fmt, ap);
	va_end(ap);
	return rc;
}

void buf_truncate(struct buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->ptr[len] = '\0';
	}
}

void buf_reset(struct buf *b)
{
	buf_truncate(b, 0);
}

void buf_free(struct buf *b)
{
	if (b->cap)
		mem_free(b->ptr);
	b->ptr = buf_empty;
	b->len = b->cap = 0;
}

char *buf_detach(struct buf *b, size_t *len)
{
	char *s = b->cap ? b->ptr : mem_strdup("");
	if (len)
		*len = s ? b->len : 0;
	b->ptr = buf_empty;
	b->len = b->cap = 0;
	return s;
}
