/*
 * libFuzzer target: form_parse() (query strings and urlencoded bodies).
 *
 * Besides memory safety (ASan/UBSan) it checks what the parser promises: on
 * success every field has a non-empty key, keys and values stay within their
 * caps, and the list equals what a plain reference decoder makes of the same
 * input; on failure the list is empty.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "http/form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *what, size_t field)
{
	fprintf(stderr, "fuzz_form: invariant broken: %s (field %zu)\n", what, field);
	abort();
}

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decode s[0..n) into out (room for n bytes); returns the decoded length, or
 * -1 for a bad escape or a NUL byte (raw or %00).
 */
static long ref_decode(const unsigned char *s, size_t n, unsigned char *out)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		if (c == '%') {
			if (i + 2 >= n)
				return -1;
			int hi = hexval(s[i + 1]), lo = hexval(s[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			c = (unsigned char) (hi << 4 | lo);
			i += 2;
		} else if (c == '+') {
			c = ' ';
		}
		if (!c)
			return -1;
		out[k++] = c;
	}
	return (long) k;
}

/*
 * Walk the fields of s[0..n) the way the documentation describes them and
 * compare each with got[]. Returns 0 when they match, 1 when the reference
 * finds a bad encoding, and aborts on a mismatch.
 */
static int ref_compare(const unsigned char *s, size_t n, const struct kvlist *got, int check)
{
	unsigned char *kbuf = malloc(n + 1), *vbuf = malloc(n + 1);
	if (!kbuf || !vbuf) {
		free(kbuf);
		free(vbuf);
		return 0;
	}
	size_t field = 0;
	int bad = 0;
	for (size_t i = 0; i < n && !bad;) {
		const unsigned char *amp = memchr(s + i, '&', n - i);
		size_t len = amp ? (size_t) (amp - (s + i)) : n - i;
		const unsigned char *seg = s + i;
		i += len + (amp != NULL);
		if (!len)
			continue;
		const unsigned char *eq = memchr(seg, '=', len);
		size_t klen = eq ? (size_t) (eq - seg) : len;
		long kn = ref_decode(seg, klen, kbuf);
		long vn = eq ? ref_decode(eq + 1, len - klen - 1, vbuf) : 0;
		if (kn < 0 || vn < 0) {
			bad = 1;
			break;
		}
		if (kn == 0)
			continue;
		if (!check)
			continue;
		if (field >= got->n)
			die("fewer fields than the reference decoder finds", field);
		const char *k = got->items[field].key, *v = got->items[field].val;
		if (strlen(k) != (size_t) kn || memcmp(k, kbuf, (size_t) kn))
			die("key differs from the reference decoder", field);
		if (strlen(v) != (size_t) vn || memcmp(v, vbuf, (size_t) vn))
			die("value differs from the reference decoder", field);
		field++;
	}
	if (check && !bad && field != got->n)
		die("more fields than the reference decoder finds", field);
	free(kbuf);
	free(vbuf);
	return bad;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct kvlist out = {.items = NULL, .n = 12345};
	int rc = form_parse(&a, (const char *) data, size, &out);
	if (rc == 0) {
		if (out.n > FORM_MAX_FIELDS)
			die("more fields than FORM_MAX_FIELDS", out.n);
		for (size_t i = 0; i < out.n; i++) {
			const char *k = out.items[i].key, *v = out.items[i].val;
			if (!k || !v)
				die("NULL key or value", i);
			size_t kl = strlen(k), vl = strlen(v);
			if (!kl)
				die("empty key", i);
			if (kl > FORM_MAX_KEY || vl > FORM_MAX_VALUE)
				die("key or value over its cap", i);
			if (kl > size || vl > size)
				die("field longer than the input", i);
		}
		if (ref_compare(data, size, &out, 1))
			die("parse succeeded on input the reference decoder rejects", 0);
	} else {
		if (rc != ERR_INVALID && rc != ERR_TOO_LARGE && rc != ERR_NOMEM)
			die("unexpected error code", (size_t) -rc);
		if (out.n != 0)
			die("fields left in the list after an error", out.n);
		if (rc == ERR_INVALID && !ref_compare(data, size, &out, 0))
			die("ERR_INVALID on input the reference decoder accepts", 0);
	}
	arena_free(&a);
	return 0;
}
