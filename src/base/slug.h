/*
 * slug: URL names made from Dutch titles ("Coördinator in één dag" ->
 * "coordinator-in-een-dag"): lower case, accents folded, apostrophes dropped,
 * every other run of non-alphanumerics one hyphen.
 */
#ifndef VERTROUWD_BASE_SLUG_H
#define VERTROUWD_BASE_SLUG_H

#include <stddef.h>

#include "base/err.h"

#define SLUG_MAX 80

/*
 * Write the slug of s to out (outlen > SLUG_MAX). Returns 0, or ERR_INVALID
 * when nothing usable is left (out is then "").
 */
int slug_make(const char *s, char *out, size_t outlen) WUR;
/* Whether s is already a well-formed slug: [a-z0-9]+(-[a-z0-9]+)*, at most SLUG_MAX. */
int slug_valid(const char *s);
/*
 * Fold the UTF-8 character at s (n bytes available) to lower-case ASCII.
 * Sets *used to the bytes consumed and returns the replacement, *outlen bytes
 * long and not NUL-terminated ("" to drop, NULL when the character has no
 * ASCII form). Thread-safe: the result points into constant tables.
 */
const char *slug_fold_char(const unsigned char *s, size_t n, size_t *used, size_t *outlen);

#endif
