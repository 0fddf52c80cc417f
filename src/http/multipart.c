/* multipart/form-data: boundaries, part headers, text fields and files. */
#include "http/multipart.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "http/form.h"

/* RFC 2046 bchars: what a boundary may contain (a space only inside, not last). */
static int bchar(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || strchr("'()+_,-./:=? ", c);
}

/* Skip spaces and tabs. */
static const char *skip_ws(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	return s;
}

/*
 * The value of parameter name in a header value's "; name=value" list, into
 * out (quoted strings unquoted, backslash escapes taken literally). Returns 1
 * when found, 0 when absent, ERR_INVALID (unterminated quote) or ERR_TOO_LARGE
 * (longer than outlen - 1).
 */
static int header_param(const char *s, const char *end, const char *name, char *out, size_t outlen)
{
	size_t nlen = strlen(name);
	const char *p = memchr(s, ';', (size_t) (end - s));
	while (p && p < end) {
		p = skip_ws(p + 1, end);
		const char *key = p;
		while (p < end && *p != '=' && *p != ';')
			p++;
		const char *kend = p;
		while (kend > key && (kend[-1] == ' ' || kend[-1] == '\t'))
			kend--;
		if (p == end || *p == ';') {
			if (p == end)
				return 0;
			continue; /* a parameter without a value */
		}
		p = skip_ws(p + 1, end);
		size_t o = 0;
		int match = (size_t) (kend - key) == nlen && !strncasecmp(key, name, nlen);
		if (p < end && *p == '"') {
			for (p++; p < end && *p != '"'; p++) {
				if (*p == '\\' && p + 1 < end)
					p++;
				if (match && o + 1 >= outlen)
					return ERR_TOO_LARGE;
				if (match)
					out[o++] = *p;
			}
			if (p == end)
				return ERR_INVALID; /* unterminated quote */
			p++;
		} else {
			for (; p < end && *p != ';' && *p != ' ' && *p != '\t'; p++) {
				if (match && o + 1 >= outlen)
					return ERR_TOO_LARGE;
				if (match)
					out[o++] = *p;
			}
		}
		if (match) {
			out[o] = '\0';
			return 1;
		}
		p = memchr(p, ';', (size_t) (end - p));
	}
	return 0;
}

int multipart_boundary(const char *content_type, char *out)
{
	static const char type[] = "multipart/form-data";
	if (!content_type || strncasecmp(content_type, type, sizeof(type) - 1))
		return ERR_INVALID;
	const char *s = content_type + sizeof(type) - 1;
	const char *end = s + strlen(s);
	if (s < end && *s != ';' && *s != ' ' && *s != '\t')
		return ERR_INVALID; /* "multipart/form-datax" */
	if (header_param(s, end, "boundary", out, MP_MAX_BOUNDARY + 1) != 1)
		return ERR_INVALID;
	size_t len = strlen(out);
	if (!len || out[len - 1] == ' ')
		return ERR_INVALID;
	for (size_t i = 0; i < len; i++)
		if (!bchar((unsigned char) out[i]))
			return ERR_INVALID;
	return 0;
}

/* One part's headers, parsed. */
struct part_head {
	char name[MP_MAX_NAME + 1];
	char filename[MP_MAX_NAME + 1];
	char type[MP_MAX_NAME + 1];
	int has_filename;
};

static int has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char) *s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

/* Parse the header block h[0..n) (lines ending in CRLF, no final empty line). */
static int parse_head(const char *h, size_t n, struct part_head *ph)
{
	int disposition = 0;
	const char *end = h + n;
	memset(ph, 0, sizeof(*ph));
	for (const char *line = h; line < end;) {
		const char *eol = memchr(line, '\r', (size_t) (end - line));
		if (!eol || eol + 1 >= end || eol[1] != '\n')
			return ERR_INVALID;
		const char *colon = memchr(line, ':', (size_t) (eol - line));
		if (!colon || colon == line || *line == ' ' || *line == '\t')
			return ERR_INVALID; /* not "Name: value", or obsolete line folding */
		size_t klen = (size_t) (colon - line);
		const char *v = skip_ws(colon + 1, eol);
		if (klen == 19 && !strncasecmp(line, "Content-Disposition", klen)) {
			if (disposition++ || (size_t) (eol - v) < 9 || strncasecmp(v, "form-data", 9) ||
			    (v + 9 < eol && v[9] != ';' && v[9] != ' '))
				return ERR_INVALID;
			int rc = header_param(v, eol, "name", ph->name, sizeof(ph->name));
			int rf = header_param(v, eol, "filename", ph->filename, sizeof(ph->filename));
			if (rc < 0 || rf < 0)
				return rc < 0 ? rc : rf;
			if (rc == 0 || !*ph->name)
				return ERR_INVALID;
			ph->has_filename = rf;
		} else if (klen == 12 && !strncasecmp(line, "Content-Type", klen)) {
			size_t vlen = (size_t) (eol - v);
			if (vlen > MP_MAX_NAME)
				return ERR_TOO_LARGE;
			memcpy(ph->type, v, vlen);
			ph->type[vlen] = '\0';
		}
		line = eol + 2;
	}
	if (!disposition || has_control(ph->name) || has_control(ph->filename) || has_control(ph->type))
		return ERR_INVALID;
	return 0;
}

/* The file name without any directory a browser or tool put in front. */
static const char *base_name(const char *s)
{
	const char *slash = strrchr(s, '/');
	const char *back = strrchr(s, '\\');
	if (back && (!slash || back > slash))
		slash = back;
	return slash ? slash + 1 : s;
}

/* Add one part to fields or files. */
static int add_part(struct arena *a, const struct part_head *ph, const char *data, size_t len, struct kvlist *fields,
		    size_t *fcap, struct uploads *files, size_t *ucap)
{
	if (ph->has_filename) {
		const char *fname = base_name(ph->filename);
		if (!*fname && !len)
			return 0; /* a file input left empty */
		struct upload *u = arena_grow(a, files->items, files->n, ucap, sizeof(*u));
		if (!u)
			return ERR_NOMEM;
		files->items = u;
		u += files->n++;
		u->field = arena_strdup(a, ph->name);
		u->filename = arena_strdup(a, fname);
		u->content_type = arena_strdup(a, ph->type);
		u->data = (const unsigned char *) data;
		u->len = len;
		return u->field && u->filename && u->content_type ? 0 : ERR_NOMEM;
	}
	if (len > FORM_MAX_VALUE)
		return ERR_TOO_LARGE;
	if (memchr(data, '\0', len))
		return ERR_INVALID;
	struct kv *kv = arena_grow(a, fields->items, fields->n, fcap, sizeof(*kv));
	if (!kv)
		return ERR_NOMEM;
	fields->items = kv;
	kv += fields->n++;
	kv->key = arena_strdup(a, ph->name);
	kv->val = arena_strndup(a, data, len);
	return kv->key && kv->val ? 0 : ERR_NOMEM;
}

/*
 * Find "\r\n" + delim in s[0..n), followed by "--", padding or CRLF (so a
 * longer boundary-like line inside a file is data): a pointer to the CR, or NULL.
 */
static const char *find_delim(const char *s, size_t n, const char *delim, size_t dlen)
{
	const char *end = s + n;
	for (const char *p = s; (p = memmem(p, (size_t) (end - p), delim, dlen)); p++)
		if (p - s >= 2 && p[-2] == '\r' && p[-1] == '\n' &&
		    (p + dlen == end || (p[dlen] && strchr("- \t\r", p[dlen]))))
			return p - 2;
	return NULL;
}

/* After a delimiter: "--" ends the body, otherwise padding and CRLF start a part. */
static int after_delim(const char **p, const char *end, int *last)
{
	const char *s = *p;
	if (end - s >= 2 && s[0] == '-' && s[1] == '-') {
		*last = 1;
		return 0;
	}
	s = skip_ws(s, end);
	if (end - s < 2 || s[0] != '\r' || s[1] != '\n')
		return ERR_INVALID;
	*p = s + 2;
	return 0;
}

static int parse_parts(struct arena *a, const char *delim, const char *body, size_t n, struct kvlist *fields,
		       struct uploads *files)
{
	size_t dlen = strlen(delim), fcap = 0, ucap = 0, parts = 0;
	const char *end = body + n;
	const char *p; /* the first delimiter opens the body or follows a preamble */
	if (n >= dlen && !memcmp(body, delim, dlen))
		p = body + dlen;
	else if ((p = find_delim(body, n, delim, dlen)))
		p += 2 + dlen;
	else
		return ERR_INVALID;
	int last = 0, rc = after_delim(&p, end, &last);
	while (!rc && !last) {
		if (++parts > MP_MAX_PARTS)
			return ERR_TOO_LARGE;
		size_t room = (size_t) (end - p);
		const char *hend = NULL;
		if (room >= 2 && p[0] == '\r' && p[1] == '\n')
			hend = p; /* no headers at all */
		else if ((hend = memmem(p, room < MP_MAX_HEADERS + 4 ? room : MP_MAX_HEADERS + 4, "\r\n\r\n", 4)))
			hend += 2; /* keep the last header's CRLF */
		if (!hend)
			return room > MP_MAX_HEADERS ? ERR_TOO_LARGE : ERR_INVALID;
		struct part_head ph;
		if ((rc = parse_head(p, (size_t) (hend - p), &ph)))
			return rc;
		const char *data = hend + 2;
		const char *close = find_delim(data, (size_t) (end - data), delim, dlen);
		if (!close)
			return ERR_INVALID; /* truncated */
		if ((rc = add_part(a, &ph, data, (size_t) (close - data), fields, &fcap, files, &ucap)))
			return rc;
		p = close + 2 + dlen;
		rc = after_delim(&p, end, &last);
	}
	return rc;
}

int multipart_parse(struct arena *a, const char *content_type, const char *body, size_t n, struct kvlist *fields,
		    struct uploads *files)
{
	char boundary[MP_MAX_BOUNDARY + 1], delim[MP_MAX_BOUNDARY + 3];
	*fields = (struct kvlist){0};
	*files = (struct uploads){0};
	int rc = multipart_boundary(content_type, boundary);
	if (!rc) {
		snprintf(delim, sizeof(delim), "--%s", boundary);
		rc = body ? parse_parts(a, delim, body, n, fields, files) : ERR_INVALID;
	}
	if (!rc && a->failed)
		rc = ERR_NOMEM;
	if (rc) {
		*fields = (struct kvlist){0};
		*files = (struct uploads){0};
	}
	return rc;
}
