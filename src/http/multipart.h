/*
 * Parsing multipart/form-data bodies (RFC 7578) into text fields and files.
 *
 * Text fields go into the same key/value list as an urlencoded form, so the
 * CSRF gate and handlers read them the same way; files point into the body
 * (no copy). Caps: at most MP_MAX_PARTS parts, MP_MAX_HEADERS bytes of headers
 * per part, field and file names of at most MP_MAX_NAME bytes, text values of
 * at most FORM_MAX_VALUE bytes and without NUL bytes. A file input sent
 * without a file (empty name and content) is left out.
 */
#ifndef VERTROUWD_HTTP_MULTIPART_H
#define VERTROUWD_HTTP_MULTIPART_H

#include <stddef.h>

#include "base/arena.h"
#include "http/req.h"

#define MP_MAX_PARTS	64
#define MP_MAX_HEADERS	2048
#define MP_MAX_NAME	200
#define MP_MAX_BOUNDARY 70

/*
 * The boundary of a "multipart/form-data; boundary=..." content type into out
 * (at least MP_MAX_BOUNDARY + 1 bytes). Returns 0 or ERR_INVALID.
 */
int multipart_boundary(const char *content_type, char *out) WUR;

/*
 * Parse body[0..n) sent with content_type. Returns 0, ERR_INVALID (malformed),
 * ERR_TOO_LARGE (a cap) or ERR_NOMEM; on error fields and files are empty.
 */
int multipart_parse(struct arena *a, const char *content_type, const char *body, size_t n, struct kvlist *fields,
		    struct uploads *files) WUR;

#endif
