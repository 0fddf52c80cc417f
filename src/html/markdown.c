/*
 * Markdown rendering (markdown.h): md4c parses, the callbacks here write HTML
 * through the escapers into a capped buf and collect up to 256 headings with
 * their ids. The first error (ERR_NOMEM, ERR_TOO_LARGE) stops the rendering;
 * doc is then left untouched, so no partial HTML gets out.
 */
#include "html/markdown.h"

#include <md4c.h>
#include <stdio.h>
#include <string.h>

#include "base/slug.h"
#include "html/escape.h"

#define MAX_HEADINGS 256

struct md_render {
	struct arena *arena;
	struct buf out;	    /* the document */
	struct buf heading; /* HTML of the heading being read */
	struct buf plain;   /* plain text of the heading, or of an image's alt */
	int in_heading;	    /* level, or 0 */
	int in_image;	    /* depth of nested images */
	struct md_heading *headings;
	size_t nheadings, capheadings;
	int rc;
};

static struct buf *target(struct md_render *r)
{
	return r->in_heading ? &r->heading : &r->out;
}

static int put(struct md_render *r, const char *s)
{
	if (!r->rc)
		r->rc = buf_adds(target(r), s);
	return r->rc;
}

static int put_text(struct md_render *r, const char *s, size_t n)
{
	if (r->rc)
		return r->rc;
	if (r->in_heading || r->in_image)
		r->rc = buf_add(&r->plain, s, n);
	if (!r->rc && !r->in_image)
		r->rc = html_text(target(r), s, n);
	return r->rc;
}

/* Decode an attribute (text and entities) into plain bytes. */
static int attr_plain(const MD_ATTRIBUTE *a, struct buf *out)
{
	int rc = 0;
	for (unsigned i = 0; !rc && a->substr_offsets[i] < a->size; i++) {
		const char *s = a->text + a->substr_offsets[i];
		size_t n = a->substr_offsets[i + 1] - a->substr_offsets[i];
		if (a->substr_types[i] == MD_TEXT_NULLCHAR)
			rc = buf_adds(out, "\xEF\xBF\xBD");
		else if (a->substr_types[i] != MD_TEXT_ENTITY)
			rc = buf_add(out, s, n);
		else if (n == 5 && !memcmp(s, "&amp;", 5))
			rc = buf_addc(out, '&');
		else
			rc = buf_add(out, s, n); /* other entities stay literal; the escaper handles '&' */
	}
	return rc;
}

static int put_url_attr(struct md_render *r, const char *name, const MD_ATTRIBUTE *a)
{
	struct buf url = BUF_INIT(64 << 10);
	if (!r->rc)
		r->rc = attr_plain(a, &url);
	put(r, name);
	if (!r->rc)
		r->rc = html_url_safe(target(r), url.ptr, url.len);
	put(r, "\"");
	buf_free(&url);
	return r->rc;
}

static int put_title_attr(struct md_render *r, const MD_ATTRIBUTE *a)
{
	if (!a->size)
		return r->rc;
	struct buf t = BUF_INIT(64 << 10);
	if (!r->rc)
		r->rc = attr_plain(a, &t);
	put(r, " title=\"");
	if (!r->rc)
		r->rc = html_attr(target(r), t.ptr, t.len);
	put(r, "\"");
	buf_free(&t);
	return r->rc;
}

static int enter_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
	struct md_render *r = ud;
	char tmp[64];
	switch (type) {
	case MD_BLOCK_DOC: break;
	case MD_BLOCK_QUOTE: put(r, "<blockquote>\n"); break;
	case MD_BLOCK_UL: put(r, "<ul>\n"); break;
	case MD_BLOCK_OL: {
		unsigned start = ((MD_BLOCK_OL_DETAIL *) detail)->start;
		snprintf(tmp, sizeof(tmp), start == 1 ? "<ol>\n" : "<ol start=\"%u\">\n", start);
		put(r, tmp);
		break;
	}
	case MD_BLOCK_LI: put(r, "<li>"); break;
	case MD_BLOCK_HR: put(r, "<hr>\n"); break;
	case MD_BLOCK_H:
		r->in_heading = (int) ((MD_BLOCK_H_DETAIL *) detail)->level;
		buf_reset(&r->heading);
		buf_reset(&r->plain);
		break;
	case MD_BLOCK_CODE: put(r, "<pre><code>"); break;
	case MD_BLOCK_HTML: break;
	case MD_BLOCK_P: put(r, "<p>"); break;
	case MD_BLOCK_TABLE: put(r, "<div class=\"table\"><table>\n"); break;
	case MD_BLOCK_THEAD: put(r, "<thead>\n"); break;
	case MD_BLOCK_TBODY: put(r, "<tbody>\n"); break;
	case MD_BLOCK_TR: put(r, "<tr>"); break;
	case MD_BLOCK_TH: put(r, "<th>"); break;
	case MD_BLOCK_TD: put(r, "<td>"); break;
	}
	return r->rc;
}

/* Close a heading: give it a unique id and remember it for the table of contents. */
static int finish_heading(struct md_render *r)
{
	int level = r->in_heading;
	r->in_heading = 0;
	/* The page title is the only h1; content headings start at h2. */
	if (level < 2)
		level = 2;
	char base[SLUG_MAX + 1], id[SLUG_MAX + 16];
	if (slug_make(r->plain.ptr, base, sizeof(base)))
		snprintf(base, sizeof(base), "kop");
	snprintf(id, sizeof(id), "%s", base);
	for (int k = 2;; k++) {
		size_t i = 0;
		while (i < r->nheadings && strcmp(r->headings[i].id, id))
			i++;
		if (i == r->nheadings)
			break;
		snprintf(id, sizeof(id), "%s-%d", base, k);
	}
	char open[SLUG_MAX + 40];
	snprintf(open, sizeof(open), "<h%d id=\"%s\">", level, id);
	put(r, open);
	if (!r->rc)
		r->rc = buf_add(&r->out, r->heading.ptr, r->heading.len);
	snprintf(open, sizeof(open), "</h%d>\n", level);
	put(r, open);
	if (r->nheadings < MAX_HEADINGS && !r->rc) {
		struct md_heading *grown =
		    arena_grow(r->arena, r->headings, r->nheadings, &r->capheadings, sizeof(*grown));
		if (grown)
			r->headings = grown;
		else
			r->rc = ERR_NOMEM;
	}
	if (r->nheadings < r->capheadings && !r->rc) {
		struct md_heading *h = &r->headings[r->nheadings];
		h->level = level;
		h->id = arena_strdup(r->arena, id);
		h->text = arena_strndup(r->arena, r->plain.ptr, r->plain.len);
		if (!h->id || !h->text)
			r->rc = ERR_NOMEM;
		else
			r->nheadings++;
	}
	return r->rc;
}

static void finish_image(struct md_render *r)
{
	put(r, " alt=\"");
	if (!r->rc)
		r->rc = html_attr(target(r), r->plain.ptr, r->plain.len);
	put(r, "\" loading=\"lazy\">");
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
	struct md_render *r = ud;
	(void) detail;
	if (r->in_image) {
		/* md4c 0.4.8 can report more image starts than ends (fuzz_markdown: "![![](![]()]())"). */
		r->in_image = 0;
		finish_image(r);
	}
	switch (type) {
	case MD_BLOCK_DOC: break;
	case MD_BLOCK_QUOTE: put(r, "</blockquote>\n"); break;
	case MD_BLOCK_UL: put(r, "</ul>\n"); break;
	case MD_BLOCK_OL: put(r, "</ol>\n"); break;
	case MD_BLOCK_LI: put(r, "</li>\n"); break;
	case MD_BLOCK_HR: break;
	case MD_BLOCK_H: finish_heading(r); break;
	case MD_BLOCK_CODE: put(r, "</code></pre>\n"); break;
	case MD_BLOCK_HTML: break;
	case MD_BLOCK_P: put(r, "</p>\n"); break;
	case MD_BLOCK_TABLE: put(r, "</table></div>\n"); break;
	case MD_BLOCK_THEAD: put(r, "</thead>\n"); break;
	case MD_BLOCK_TBODY: put(r, "</tbody>\n"); break;
	case MD_BLOCK_TR: put(r, "</tr>\n"); break;
	case MD_BLOCK_TH: put(r, "</th>"); break;
	case MD_BLOCK_TD: put(r, "</td>"); break;
	}
	return r->rc;
}

static int enter_span(MD_SPANTYPE type, void *detail, void *ud)
{
	struct md_render *r = ud;
	if (r->in_image) {
		if (type == MD_SPAN_IMG)
			r->in_image++;
		return r->rc;
	}
	switch (type) {
	case MD_SPAN_EM: put(r, "<em>"); break;
	case MD_SPAN_STRONG: put(r, "<strong>"); break;
	case MD_SPAN_A: {
		MD_SPAN_A_DETAIL *a = detail;
		put_url_attr(r, "<a href=\"", &a->href);
		put_title_attr(r, &a->title);
		int external = a->href.size > 4 && !memcmp(a->href.text, "http", 4);
		put(r, external ? " rel=\"noopener noreferrer\">" : ">");
		break;
	}
	case MD_SPAN_IMG:
		put_url_attr(r, "<img src=\"", &((MD_SPAN_IMG_DETAIL *) detail)->src);
		put_title_attr(r, &((MD_SPAN_IMG_DETAIL *) detail)->title);
		r->in_image = 1;
		if (!r->in_heading)
			buf_reset(&r->plain);
		break;
	case MD_SPAN_CODE: put(r, "<code>"); break;
	case MD_SPAN_DEL: put(r, "<del>"); break;
	case MD_SPAN_U: put(r, "<u>"); break;
	default: break;
	}
	return r->rc;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *ud)
{
	struct md_render *r = ud;
	(void) detail;
	if (r->in_image) {
		if (type == MD_SPAN_IMG && --r->in_image == 0)
			finish_image(r);
		return r->rc;
	}
	switch (type) {
	case MD_SPAN_EM: put(r, "</em>"); break;
	case MD_SPAN_STRONG: put(r, "</strong>"); break;
	case MD_SPAN_A: put(r, "</a>"); break;
	case MD_SPAN_CODE: put(r, "</code>"); break;
	case MD_SPAN_DEL: put(r, "</del>"); break;
	case MD_SPAN_U: put(r, "</u>"); break;
	default: break;
	}
	return r->rc;
}

static int text(MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE n, void *ud)
{
	struct md_render *r = ud;
	switch (type) {
	case MD_TEXT_NULLCHAR: return put_text(r, "\xEF\xBF\xBD", 3);
	case MD_TEXT_BR: return r->in_image ? put_text(r, " ", 1) : put(r, "<br>\n");
	case MD_TEXT_SOFTBR: return put_text(r, "\n", 1);
	case MD_TEXT_ENTITY:
		/* md4c reports only well-formed references (&name; &#123; &#x1F;): safe as
		 * they are in HTML. They are left out of plain text (ids, alt text). */
		if (!r->rc && !r->in_image)
			r->rc = buf_add(target(r), s, n);
		return r->rc;
	default: return put_text(r, s, n);
	}
}

int html_markdown(struct arena *a, const char *md, size_t n, size_t max_out, struct md_doc *doc)
{
	struct md_render r = {
	    .arena = a,
	    .out = BUF_INIT(max_out),
	    .heading = BUF_INIT(max_out),
	    .plain = BUF_INIT(max_out),
	};
	const MD_PARSER parser = {
	    .flags = MD_FLAG_NOHTML | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEURLAUTOLINKS,
	    .enter_block = enter_block,
	    .leave_block = leave_block,
	    .enter_span = enter_span,
	    .leave_span = leave_span,
	    .text = text,
	};
	int prc = n > 0xFFFFFFF0u ? ERR_TOO_LARGE : md_parse(md, (MD_SIZE) n, &parser, &r);
	int rc = r.rc ? r.rc : prc ? (prc == ERR_TOO_LARGE ? ERR_TOO_LARGE : ERR_NOMEM) : 0;
	if (!rc) {
		doc->html = tv_html_internal(a, r.out.ptr, r.out.len);
		doc->headings = r.headings;
		doc->nheadings = r.nheadings;
		if (!doc->html)
			rc = ERR_NOMEM;
	}
	buf_free(&r.out);
	buf_free(&r.heading);
	buf_free(&r.plain);
	return rc;
}
