/*
 * Markdown to HTML: md4c's parser with a renderer of our own.
 *
 * Raw HTML in the source is never passed through (MD_FLAG_NOHTML: it shows as
 * text), every text run goes through the text escaper, and link and image
 * URLs through html_url_safe, so a "javascript:" link becomes "#". Headings
 * get stable ids made from their text (for a table of contents and deep links);
 * repeated headings get -2, -3, ... The result is the only kind of TV_HTML.
 */
#ifndef VERTROUWD_HTML_MARKDOWN_H
#define VERTROUWD_HTML_MARKDOWN_H

#include <stddef.h>

#include "base/arena.h"
#include "html/tval.h"

struct md_heading {
	int level;	  /* 2..6 */
	const char *id;	  /* the element id */
	const char *text; /* plain text of the heading */
};

struct md_doc {
	struct tval *html;	     /* TV_HTML */
	struct md_heading *headings; /* in document order */
	size_t nheadings;
};

/*
 * Render md[0..n); md[n] must be a NUL byte (md4c 0.4.8 can read one byte past
 * its input). Returns 0, ERR_NOMEM, or ERR_TOO_LARGE (over max_out bytes of HTML).
 */
int html_markdown(struct arena *a, const char *md, size_t n, size_t max_out, struct md_doc *doc) WUR;

#endif
