/*
 * The escapers (escape.h): text and attribute escaping share one loop that
 * copies safe runs whole; URL parts are percent-encoded; html_url_safe lets
 * only http, https, mailto and relative URLs through. On ERR_NOMEM or
 * ERR_TOO_LARGE out is cut back to where it was, never left half-escaped.
 */
#include "html/escape.h"

#include <string.h>
#include <strings.h>

/*
 * Length of the valid UTF-8 sequence at s (1..4), or 0 when it is invalid
 * (overlong forms, surrogates and code points above U+10FFFF included).
 */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	if (c < 0x80)
		return 1;
	size_t len;
	unsigned min;
	unsigned cp;
	if ((c & 0xE0) == 0xC0) {
		len = 2, min = 0x80, cp = c & 0x1F;
	} else if ((c & 0xF0) == 0xE0) {
		len = 3, min = 0x800, cp = c & 0x0F;
	} else if ((c & 0xF8) == 0xF0) {
		len = 4, min = 0x10000, cp = c & 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

/* Bytes that pass unchanged in both contexts: printable ASCII but & < > " ' ` =. */
static const unsigned char plain[256] = {
    [' '] = 1, ['!'] = 1, ['#'] = 1, ['$'] = 1, ['%'] = 1,  ['('] = 1, [')'] = 1, ['*'] = 1, ['+'] = 1, [','] = 1,
    ['-'] = 1, ['.'] = 1, ['/'] = 1, ['0'] = 1, ['1'] = 1,  ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
    ['7'] = 1, ['8'] = 1, ['9'] = 1, [':'] = 1, [';'] = 1,  ['?'] = 1, ['@'] = 1, ['A'] = 1, ['B'] = 1, ['C'] = 1,
    ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,  ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1,
    ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,  ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1,
    ['X'] = 1, ['Y'] = 1, ['Z'] = 1, ['['] = 1, ['\\'] = 1, [']'] = 1, ['^'] = 1, ['_'] = 1, ['a'] = 1, ['b'] = 1,
    ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,  ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
    ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1,  ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1,
    ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1, ['{'] = 1,  ['|'] = 1, ['}'] = 1, ['~'] = 1,
};

/* Escape for text (attr = 0) or attribute (attr = 1) context. */
static int escape(struct buf *out, const char *s, size_t n, int attr)
{
	size_t start = out->len;
	const unsigned char *p = (const unsigned char *) s;
	size_t i = 0;
	int rc = 0;
	while (i < n && !rc) {
		size_t run = i;
		/* Copy the longest stretch that needs no change in one go. */
		while (run < n && plain[p[run]])
			run++;
		if (run > i) {
			rc = buf_add(out, s + i, run - i);
			i = run;
			continue;
		}
		unsigned char c = p[i];
		const char *rep = NULL;
		switch (c) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		case '`': rep = attr ? "&#96;" : "`"; break;
		case '=': rep = attr ? "&#61;" : "="; break;
		default: break;
		}
		if (rep) {
			rc = buf_adds(out, rep);
			i++;
		} else if (c < 0x20 || c == 0x7F) {
			if (c == '\t' || c == '\n' || c == '\r')
				rc = buf_addc(out, (char) c);
			i++;
		} else {
			size_t len = utf8_len(p + i, n - i);
			if (len) {
				rc = buf_add(out, s + i, len);
				i += len;
			} else {
				rc = buf_adds(out, "\xEF\xBF\xBD");
				i++;
			}
		}
	}
	if (rc)
		buf_truncate(out, start);
	return rc;
}

int html_text(struct buf *out, const char *s, size_t n)
{
	return escape(out, s, n, 0);
}

int html_attr(struct buf *out, const char *s, size_t n)
{
	return escape(out, s, n, 1);
}

static int percent(struct buf *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t start = out->len;
	int rc = 0;
	for (size_t i = 0; i < n && !rc; i++) {
		unsigned char c = (unsigned char) s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
		    c == '.' || c == '_' || c == '~') {
			rc = buf_addc(out, (char) c);
		} else {
			char e[3] = {'%', hex[c >> 4], hex[c & 15]};
			rc = buf_add(out, e, 3);
		}
	}
	if (rc)
		buf_truncate(out, start);
	return rc;
}

int html_url_path(struct buf *out, const char *s, size_t n)
{
	return percent(out, s, n);
}

int html_url_query(struct buf *out, const char *s, size_t n)
{
	return percent(out, s, n);
}

int html_url_safe(struct buf *out, const char *s, size_t n)
{
	/* Browsers ignore leading spaces/controls and tabs/newlines inside a scheme. */
	char scheme[16];
	size_t k = 0, i = 0;
	while (i < n && (unsigned char) s[i] <= 0x20)
		i++;
	for (; i < n && k < sizeof(scheme) - 1; i++) {
		char c = s[i];
		if (c == '\t' || c == '\n' || c == '\r')
			continue;
		if (c == ':' || c == '/' || c == '?' || c == '#')
			break;
		scheme[k++] = c;
	}
	scheme[k] = '\0';
	if (i < n && s[i] == ':') {
		if (strcasecmp(scheme, "http") && strcasecmp(scheme, "https") && strcasecmp(scheme, "mailto"))
			return buf_addc(out, '#');
	} else if (k == sizeof(scheme) - 1) {
		/* An over-long first part could hide a scheme further on: refuse it. */
		if (memchr(s, ':', n))
			return buf_addc(out, '#');
	}
	return html_attr(out, s, n);
}
