/*
 * One escaper per output context (after cgit's html.c).
 *
 * Each appends the escaped form of s[0..n) to out and returns 0, or ERR_NOMEM /
 * ERR_TOO_LARGE with out unchanged. Invalid UTF-8 becomes U+FFFD and control
 * bytes other than tab, newline and carriage return are dropped, so no context
 * ever receives bytes a browser could misparse.
 */
#ifndef VERTROUWD_HTML_ESCAPE_H
#define VERTROUWD_HTML_ESCAPE_H

#include <stddef.h>

#include "base/buf.h"

/* Element text: & < > " ' become entities. */
int html_text(struct buf *out, const char *s, size_t n) WUR;
/* A double-quoted attribute value: also ` and = become entities. */
int html_attr(struct buf *out, const char *s, size_t n) WUR;
/* One URL path segment: everything but unreserved bytes is %XX-encoded ('/' too). */
int html_url_path(struct buf *out, const char *s, size_t n) WUR;
/* One URL query key or value: as a path segment, space becomes %20. */
int html_url_query(struct buf *out, const char *s, size_t n) WUR;
/*
 * A whole URL for href/src: relative URLs ("/x", "#x", "?x", "x/y") and the
 * schemes http, https and mailto pass (attribute-escaped); anything else
 * (javascript:, data:, vbscript:, ...) is replaced by "#".
 */
int html_url_safe(struct buf *out, const char *s, size_t n) WUR;

#endif
