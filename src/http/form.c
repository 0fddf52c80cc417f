/*
 * application/x-www-form-urlencoded (form.h): percent-decoding and key/value
 * lists in the request's arena, for query strings and form bodies. Returns
 * ERR_INVALID for a malformed escape or a NUL, ERR_TOO_LARGE past the caps on
 * fields and their sizes, ERR_NOMEM when the arena fails; the list is then
 * incomplete and must not be used.
 */
#include "http/form.h"

#include <string.h>

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int form_decode(char *s, size_t *n, int plus)
{
	size_t k = 0;
	for (size_t i = 0; i < *n; i++) {
		char c = s[i];
		if (c == '%') {
			if (i + 2 >= *n)
				return ERR_INVALID;
			int hi = hexval(s[i + 1]), lo = hexval(s[i + 2]);
			if (hi < 0 || lo < 0)
				return ERR_INVALID;
			c = (char) (hi << 4 | lo);
			if (!c)
				return ERR_INVALID;
			i += 2;
		} else if (c == '+' && plus) {
			c = ' ';
		} else if (!c) {
			return ERR_INVALID;
		}
		s[k++] = c;
	}
	s[k] = '\0';
	*n = k;
	return 0;
}

int form_parse(struct arena *a, const char *s, size_t n, struct kvlist *out)
{
	out->items = NULL;
	out->n = 0;
	size_t fields = 0;
	for (size_t i = 0; i < n; i++)
		fields += s[i] == '&';
	fields++;
	if (fields > FORM_MAX_FIELDS * 4)
		return ERR_TOO_LARGE;
	struct kv *items = arena_calloc(a, fields, sizeof(*items));
	if (!items)
		return ERR_NOMEM;
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		const char *amp = memchr(s + i, '&', n - i);
		size_t len = amp ? (size_t) (amp - (s + i)) : n - i;
		const char *eq = memchr(s + i, '=', len);
		size_t klen = eq ? (size_t) (eq - (s + i)) : len;
		size_t vlen = eq ? len - klen - 1 : 0;
		i += len + (amp != NULL);
		if (!len)
			continue; /* "a=1&&b=2" */
		if (k == FORM_MAX_FIELDS || klen > FORM_MAX_KEY * 3 || vlen > FORM_MAX_VALUE * 3)
			return ERR_TOO_LARGE;
		char *key = arena_strndup(a, s + i - len - (amp != NULL), klen);
		char *val = arena_strndup(a, eq ? eq + 1 : "", vlen);
		if (!key || !val)
			return ERR_NOMEM;
		if (form_decode(key, &klen, 1) || form_decode(val, &vlen, 1))
			return ERR_INVALID;
		if (!klen)
			continue; /* "=x" carries no field */
		if (klen > FORM_MAX_KEY || vlen > FORM_MAX_VALUE)
			return ERR_TOO_LARGE;
		items[k].key = key;
		items[k].val = val;
		k++;
	}
	out->items = items;
	out->n = k;
	return 0;
}

const char *kv_get(const struct kvlist *l, const char *key)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->items[i].key, key))
			return l->items[i].val;
	return NULL;
}

const char *req_query(const struct req *r, const char *key)
{
	return kv_get(&r->in.query, key);
}

const char *req_form(const struct req *r, const char *key)
{
	return kv_get(&r->in.form, key);
}

size_t req_form_all(const struct req *r, const char *key, const char **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < r->in.form.n && n < max; i++)
		if (!strcmp(r->in.form.items[i].key, key) && *r->in.form.items[i].val)
			out[n++] = r->in.form.items[i].val;
	return n;
}

const struct upload *req_file(const struct req *r, const char *field)
{
	for (size_t i = 0; i < r->in.files.n; i++)
		if (!strcmp(r->in.files.items[i].field, field))
			return &r->in.files.items[i];
	return NULL;
}

const char *req_param(const struct req *r, const char *name)
{
	for (size_t i = 0; i < r->in.nparams; i++)
		if (!strcmp(r->in.params[i].key, name))
			return r->in.params[i].val;
	return NULL;
}
