/*
 * Parsing application/x-www-form-urlencoded text (query strings and form
 * bodies) into a key/value list in an arena.
 *
 * Keys and values are percent-decoded ('+' is a space). Limits: at most
 * FORM_MAX_FIELDS fields, keys of at most FORM_MAX_KEY bytes, values of at
 * most FORM_MAX_VALUE bytes. Duplicate keys are kept in order (filters such as
 * ?categorie=a&categorie=b rely on that). A bad escape ("%G1", "%4"), a NUL
 * byte (%00) or a cap reached fails the whole parse.
 */
#ifndef VERTROUWD_HTTP_FORM_H
#define VERTROUWD_HTTP_FORM_H

#include <stddef.h>

#include "base/arena.h"
#include "http/req.h"

#define FORM_MAX_FIELDS 256
#define FORM_MAX_KEY	256
#define FORM_MAX_VALUE	(1 << 20)

/*
 * Parse s[0..n) into out. Returns 0, ERR_INVALID (bad encoding), ERR_TOO_LARGE
 * (a cap) or ERR_NOMEM; on error out is empty.
 */
int form_parse(struct arena *a, const char *s, size_t n, struct kvlist *out) WUR;
/* Percent-decode one component in place; '+' becomes ' ' when plus is set. */
int form_decode(char *s, size_t *n, int plus) WUR;

#endif
