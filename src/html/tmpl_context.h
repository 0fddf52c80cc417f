/*
 * The HTML tokenizer state the template compiler keeps between literal text
 * and values, to pick the escaper for each value. It follows the HTML
 * standard's tokenizer where a value could otherwise change meaning: tags,
 * attributes, comments and bogus comments (<!x>, </ x>, <?x>), raw text
 * (script, style, iframe, ...) and RCDATA (title, textarea). Internal to html/.
 */
#ifndef VERTROUWD_HTML_TMPL_CONTEXT_H
#define VERTROUWD_HTML_TMPL_CONTEXT_H

#include <stddef.h>

enum hstate {
	HS_TEXT,
	HS_TAG_OPEN, /* after '<' (or '</'), reading the tag name */
	HS_TAG,	     /* inside a tag, between attributes */
	HS_ATTR_NAME,
	HS_AFTER_ATTR_NAME,
	HS_BEFORE_VALUE,
	HS_VALUE_DQ,
	HS_VALUE_SQ,
	HS_VALUE_UQ,
	HS_COMMENT, /* <!-- ... --> */
	HS_BOGUS,   /* <!x ...>, </ x>, <?x ...>: a comment up to the next '>' */
	HS_RAWTEXT, /* script, style, iframe, xmp, noembed, noframes: text up to the end tag */
	HS_RCDATA,  /* title, textarea: escaped text up to the end tag */
};

struct hctx {
	enum hstate state;
	char tag[16];	  /* current or last tag name, lower case */
	char attr[16];	  /* current attribute name, lower case */
	size_t value_len; /* bytes of the current attribute value so far */
	int value_query;  /* the value so far contains '?' */
	int closing;	  /* the tag is an end tag */
	char last[3];	  /* the last three characters, for "-->" */
	const char *bad;  /* a construct we refuse to reason about: a compile error */
};

enum esc { ESC_TEXT, ESC_ATTR, ESC_PATH, ESC_QUERY, ESC_URL };

/* Advance the state over literal HTML. */
void hctx_feed(struct hctx *h, const char *s, size_t n);
/* The escaper for a value here, or -1 with a message when no value may stand here. */
int hctx_escaper(const struct hctx *h, const char **why);
/* The escaper an explicit filter asks for here, or -1 with a message when it would be unsafe. */
int hctx_filter(const struct hctx *h, int wanted, const char **why);
/* Whether a block ({{#if}}, {{else}}, {{/if}}) may stand here. */
int hctx_block_ok(const struct hctx *h, const char **why);
/* Note that a value was written into the current attribute value. */
void hctx_value_written(struct hctx *h);
/* Whether two states are the same context (for the branches of a block). */
int hctx_same(const struct hctx *a, const struct hctx *b);

#endif
