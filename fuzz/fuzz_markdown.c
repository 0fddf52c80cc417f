/*
 * libFuzzer target: html_markdown() (md4c with our own renderer).
 *
 * Checks what markdown.h promises: raw HTML never passes (every tag and
 * attribute in the output is one the renderer writes itself, so no "<script"
 * either), no href/src holds a script URL (javascript:, vbscript:, data:),
 * the output is valid UTF-8 without control bytes, and heading ids are unique.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/arena.h"
#include "html/markdown.h"
#include "url_oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define OUT_MAX ((size_t) 8 << 20) /* as src/web/views.c */

static const char *out_ptr;
static size_t out_len;

static void die(const char *what, size_t at)
{
	fprintf(stderr, "fuzz_markdown: %s at byte %zu of the HTML\n", what, at);
	size_t from = at > 200 ? at - 200 : 0, to = at + 200 < out_len ? at + 200 : out_len;
	fprintf(stderr, "--- around it ---\n%.*s\n--- end ---\n", (int) (to - from), out_ptr + from);
	abort();
}

static void die_heading(const char *what, size_t i)
{
	fprintf(stderr, "fuzz_markdown: %s (heading %zu)\n", what, i);
	abort();
}

/* The id="..." values of the output, to check they are unique. */
struct id {
	const char *s;
	size_t n, at;
};
static struct id *ids;
static size_t nids, capids;

static void note_id(const char *s, size_t n, size_t at)
{
	if (nids == capids) {
		size_t cap = capids ? capids * 2 : 64;
		struct id *p = realloc(ids, cap * sizeof(*p));
		if (!p)
			abort();
		ids = p;
		capids = cap;
	}
	ids[nids++] = (struct id){.s = s, .n = n, .at = at};
}

static int id_cmp(const void *x, const void *y)
{
	const struct id *a = x, *b = y;
	size_t m = a->n < b->n ? a->n : b->n;
	int c = memcmp(a->s, b->s, m);
	return c ? c : (a->n > b->n) - (a->n < b->n);
}

static void check_ids(void)
{
	if (nids < 2)
		return;
	qsort(ids, nids, sizeof(*ids), id_cmp);
	for (size_t i = 1; i < nids; i++)
		if (!id_cmp(&ids[i - 1], &ids[i]))
			die("two elements with the same id", ids[i].at);
}

static bool in_list(const char *s, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == n && !memcmp(s, *list, n))
			return true;
	return false;
}

/* Length of the valid UTF-8 sequence at s, or 0 (overlongs, surrogates, > U+10FFFF). */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t len;
	unsigned cp, min;
	if (c < 0x80)
		return 1;
	if ((c & 0xE0) == 0xC0)
		len = 2, cp = c & 0x1Fu, min = 0x80;
	else if ((c & 0xF0) == 0xE0)
		len = 3, cp = c & 0x0Fu, min = 0x800;
	else if ((c & 0xF8) == 0xF0)
		len = 4, cp = c & 0x07u, min = 0x10000;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3Fu);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

/* Check one tag starting at h[i] == '<'; returns the index after its '>'. */
static size_t check_tag(const char *h, size_t n, size_t i)
{
	static const char *const tags[] = {"p",	    "a",	  "img", "h2", "h3",  "h4",	"h5",
					   "h6",    "ul",	  "ol",	 "li", "em",  "strong", "code",
					   "pre",   "blockquote", "hr",	 "br", "del", "u",	"table",
					   "thead", "tbody",	  "tr",	 "th", "td",  "div",	NULL};
	static const char *const attrs[] = {"href",    "title", "rel",	 "src",	  "alt",
					    "loading", "id",	"class", "start", NULL};
	size_t p = i + 1;
	if (p < n && h[p] == '/')
		p++;
	size_t name = p;
	while (p < n && ((h[p] >= 'a' && h[p] <= 'z') || (h[p] >= '0' && h[p] <= '9')))
		p++;
	if (!in_list(h + name, p - name, tags))
		die("a tag the renderer does not write (raw HTML got through?)", i);
	for (;;) {
		if (p >= n)
			die("tag not closed", i);
		if (h[p] == '>')
			return p + 1;
		if (h[p] != ' ')
			die("unexpected byte in a tag", p);
		p++;
		size_t an = p;
		while (p < n && h[p] >= 'a' && h[p] <= 'z')
			p++;
		if (!in_list(h + an, p - an, attrs))
			die("an attribute the renderer does not write", an);
		if (p + 1 >= n || h[p] != '=' || h[p + 1] != '"')
			die("attribute value not double-quoted", p);
		p += 2;
		size_t v = p;
		while (p < n && h[p] != '"') {
			if (h[p] == '<' || h[p] == '>')
				die("raw < or > in an attribute value", p);
			p++;
		}
		if (p >= n)
			die("attribute value not closed", v);
		size_t alen = v - 2 - an;
		if (alen == 2 && !memcmp(h + an, "id", 2))
			note_id(h + v, p - v, v);
		if ((alen == 4 && !memcmp(h + an, "href", 4)) || (alen == 3 && !memcmp(h + an, "src", 3))) {
			if (url_unsafe(h + v, p - v))
				die("script URL in href/src", v);
		}
		p++;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/*
	 * The application hands html_markdown() NUL-terminated bodies (strlen in
	 * src/web/views.c); so does this target. md4c 0.4.8 reads the byte after
	 * its input: a document ending in "[x](n" followed in memory by ')' gets a
	 * text run past the end with a wrapped length (see the fuzz report).
	 */
	char *md = malloc(size + 1);
	if (!md)
		return 0;
	if (size)
		memcpy(md, data, size);
	md[size] = '\0';
	struct arena a = ARENA_INIT;
	struct md_doc doc;
	int rc = html_markdown(&a, md, size, OUT_MAX, &doc);
	if (rc) {
		if (rc != ERR_TOO_LARGE && rc != ERR_NOMEM) {
			fprintf(stderr, "fuzz_markdown: unexpected error %d\n", rc);
			abort();
		}
		arena_free(&a);
		free(md);
		return 0;
	}
	if (!doc.html || doc.html->type != TV_HTML)
		abort();
	const char *h = doc.html->u.str.s;
	size_t n = doc.html->u.str.len;
	out_ptr = h;
	out_len = n;
	nids = 0;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char) h[i];
		if (c == '<') {
			i = check_tag(h, n, i);
			continue;
		}
		if (c == '>')
			die("raw > in text", i);
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
			die("control byte in the output", i);
		size_t len = utf8_len((const unsigned char *) h + i, n - i);
		if (!len)
			die("invalid UTF-8 in the output", i);
		i += len;
	}
	/* The plain patterns too ("javascript" without a colon is a relative URL). */
	for (size_t i = 0; i < n; i++) {
		if (n - i >= 7 && !strncasecmp(h + i, "<script", 7))
			die("raw <script", i);
		if ((n - i >= 17 && !strncasecmp(h + i, "href=\"javascript:", 17)) ||
		    (n - i >= 16 && !strncasecmp(h + i, "src=\"javascript:", 16)))
			die("javascript: URL", i);
	}
	check_ids();
	for (size_t i = 0; i < doc.nheadings; i++) {
		const struct md_heading *hd = &doc.headings[i];
		if (hd->level < 2 || hd->level > 6 || !hd->id || !*hd->id || !hd->text)
			die_heading("bad heading record", i);
		for (const char *p = hd->id; *p; p++)
			if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
				die_heading("heading id with a byte outside [a-z0-9-]", i);
	}
	nids = 0;
	arena_free(&a);
	free(md);
	return 0;
}
