/*
 * The HTML tokenizer of the template compiler (tmpl_context.h). Feeding it
 * text never fails: a construct no value may stand in is remembered, and
 * reported (-1 with the reason in *why) only when a value or block is placed
 * there. Tag and attribute names are kept in lower case, cut at their buffer.
 */
#include "html/tmpl_context.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static void append(char *dst, size_t cap, char c)
{
	size_t n = strlen(dst);
	if (n + 1 < cap) {
		dst[n] = (char) tolower((unsigned char) c);
		dst[n + 1] = '\0';
	}
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(s, *list))
			return 1;
	return 0;
}

static const char *const rawtext_tags[] = {"script", "style", "iframe", "xmp", "noembed", "noframes", NULL};
static const char *const rcdata_tags[] = {"title", "textarea", NULL};

static void end_tag(struct hctx *h)
{
	h->state = HS_TEXT;
	if (h->closing)
		return;
	if (in_list(h->tag, rawtext_tags))
		h->state = HS_RAWTEXT;
	else if (in_list(h->tag, rcdata_tags))
		h->state = HS_RCDATA;
	else if (!strcmp(h->tag, "plaintext"))
		h->bad = "no <plaintext>";
}

static void start_value(struct hctx *h, enum hstate s)
{
	h->state = s;
	h->value_len = 0;
	h->value_query = 0;
}

static void start_attr(struct hctx *h, char c)
{
	h->state = HS_ATTR_NAME;
	h->attr[0] = '\0';
	append(h->attr, sizeof(h->attr), c);
}

/* In raw text or RCDATA: does "</tag" followed by space, '/' or '>' start at s[i]? */
static int end_of_raw(const struct hctx *h, const char *s, size_t n, size_t i)
{
	size_t t = strlen(h->tag);
	if (i + 2 + t >= n || s[i + 1] != '/' || strncasecmp(s + i + 2, h->tag, t))
		return 0;
	char c = s[i + 2 + t];
	return is_space(c) || c == '/' || c == '>';
}

/* '<' in text: what does it open? Returns how many characters it consumed beyond '<'. */
static size_t open_markup(struct hctx *h, const char *s, size_t n, size_t i)
{
	char next = i + 1 < n ? s[i + 1] : '\0';
	h->closing = 0;
	h->tag[0] = '\0';
	if (isalpha((unsigned char) next) || !next) {
		/* "<x": a tag. A '<' at the end of a literal stands before a value, which could name a tag. */
		h->state = HS_TAG_OPEN;
		return 0;
	}
	if (next == '/') {
		char after = i + 2 < n ? s[i + 2] : '\0';
		if (isalpha((unsigned char) after) || !after) {
			h->state = HS_TAG_OPEN;
			h->closing = 1;
			return 1;
		}
		if (after == '>')
			return 2; /* "</>" is ignored */
		h->state = HS_BOGUS;
		return 1;
	}
	if (next == '!') {
		if (i + 3 < n && s[i + 2] == '-' && s[i + 3] == '-') {
			h->state = HS_COMMENT;
			memset(h->last, 0, sizeof(h->last));
			/* "<!-->" and "<!--->" close at once. */
			if (i + 4 < n && s[i + 4] == '>')
				return h->state = HS_TEXT, 4;
			if (i + 5 < n && s[i + 4] == '-' && s[i + 5] == '>')
				return h->state = HS_TEXT, 5;
			return 3;
		}
		h->state = HS_BOGUS;
		return 1;
	}
	if (next == '?') {
		h->state = HS_BOGUS;
		return 1;
	}
	return 0; /* a '<' that is just text */
}

void hctx_feed(struct hctx *h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		switch (h->state) {
		case HS_TEXT:
			if (c == '<')
				i += open_markup(h, s, n, i);
			break;
		case HS_TAG_OPEN:
			if (is_space(c) || c == '/')
				h->state = HS_TAG;
			else if (c == '>')
				end_tag(h);
			else
				append(h->tag, sizeof(h->tag), c);
			break;
		case HS_TAG:
			if (c == '>')
				end_tag(h);
			else if (!is_space(c) && c != '/')
				start_attr(h, c);
			break;
		case HS_ATTR_NAME:
			if (c == '=')
				h->state = HS_BEFORE_VALUE;
			else if (c == '>')
				end_tag(h);
			else if (is_space(c))
				h->state = HS_AFTER_ATTR_NAME;
			else if (c == '/')
				h->state = HS_TAG;
			else
				append(h->attr, sizeof(h->attr), c);
			break;
		case HS_AFTER_ATTR_NAME:
			if (c == '=')
				h->state = HS_BEFORE_VALUE;
			else if (c == '>')
				end_tag(h);
			else if (c == '/')
				h->state = HS_TAG;
			else if (!is_space(c))
				start_attr(h, c);
			break;
		case HS_BEFORE_VALUE:
			if (c == '"')
				start_value(h, HS_VALUE_DQ);
			else if (c == '\'')
				start_value(h, HS_VALUE_SQ);
			else if (c == '>')
				end_tag(h);
			else if (!is_space(c)) {
				start_value(h, HS_VALUE_UQ);
				h->value_len = 1;
			}
			break;
		case HS_VALUE_DQ:
		case HS_VALUE_SQ:
			if (c == (h->state == HS_VALUE_DQ ? '"' : '\'')) {
				h->state = HS_TAG;
			} else {
				h->value_len++;
				if (c == '?')
					h->value_query = 1;
			}
			break;
		case HS_VALUE_UQ:
			if (is_space(c))
				h->state = HS_TAG;
			else if (c == '>')
				end_tag(h);
			break;
		case HS_COMMENT:
			/* Ends at "-->" or "--!>". */
			if (c == '>' && ((h->last[1] == '-' && h->last[2] == '-') ||
					 (h->last[0] == '-' && h->last[1] == '-' && h->last[2] == '!')))
				h->state = HS_TEXT;
			memmove(h->last, h->last + 1, 2);
			h->last[2] = c;
			break;
		case HS_BOGUS:
			if (c == '>')
				h->state = HS_TEXT;
			break;
		case HS_RAWTEXT:
		case HS_RCDATA:
			if (c == '<' && end_of_raw(h, s, n, i)) {
				h->state = HS_TAG_OPEN;
				h->closing = 1;
				i += 1 + strlen(h->tag);
				h->state = HS_TAG;
			} else if (c == '<' && h->state == HS_RAWTEXT && i + 3 < n && !strncmp(s + i, "<!--", 4)) {
				/* Script data's escaped states are beyond this tracker: refuse them. */
				h->bad = "no <!-- inside <script> or <style>";
			}
			break;
		}
	}
}

static int is_url_attr(const char *a)
{
	static const char *const names[] = {"href",	"src",	  "action",   "formaction", "cite",
					    "poster",	"srcset", "data",     "xlink:href", "background",
					    "manifest", "icon",	  "longdesc", "codebase",   "archive",
					    "lowsrc",	"ping",	  "dynsrc",   NULL};
	return in_list(a, names);
}

static int is_code_attr(const char *a)
{
	static const char *const names[] = {"style", "srcdoc", NULL};
	return !strncmp(a, "on", 2) || in_list(a, names);
}

int hctx_escaper(const struct hctx *h, const char **why)
{
	if (h->bad) {
		*why = h->bad;
		return -1;
	}
	switch (h->state) {
	case HS_TEXT:
	case HS_RCDATA: return ESC_TEXT;
	case HS_VALUE_DQ:
	case HS_VALUE_SQ:
		if (is_code_attr(h->attr)) {
			*why = "no values in style, srcdoc or event-handler attributes";
			return -1;
		}
		if (is_url_attr(h->attr))
			return h->value_len == 0 ? ESC_URL : h->value_query ? ESC_QUERY : ESC_PATH;
		return ESC_ATTR;
	case HS_COMMENT:
	case HS_BOGUS: *why = "no values inside HTML comments"; return -1;
	case HS_RAWTEXT: *why = "no values inside <script>, <style> or other raw text"; return -1;
	case HS_VALUE_UQ:
	case HS_BEFORE_VALUE: *why = "attribute values must be quoted"; return -1;
	default: *why = "no values in tag or attribute names"; return -1;
	}
}

int hctx_filter(const struct hctx *h, int wanted, const char **why)
{
	int esc = hctx_escaper(h, why);
	if (esc < 0)
		return esc;
	int url_attr = esc == ESC_URL || ((esc == ESC_PATH || esc == ESC_QUERY) && is_url_attr(h->attr));
	if (url_attr && (wanted == ESC_TEXT || wanted == ESC_ATTR)) {
		*why = "in URL attributes use |url, |path or |query";
		return -1;
	}
	if (esc == ESC_TEXT)
		return wanted == ESC_ATTR ? ESC_TEXT : wanted;
	/* In any attribute, "text" means attribute escaping (and raw HTML is never written there). */
	return wanted == ESC_TEXT ? ESC_ATTR : wanted;
}

int hctx_block_ok(const struct hctx *h, const char **why)
{
	if (h->bad) {
		*why = h->bad;
		return 0;
	}
	switch (h->state) {
	case HS_TEXT:
	case HS_RCDATA:
	case HS_TAG:
	case HS_VALUE_DQ:
	case HS_VALUE_SQ: return 1;
	default: *why = "blocks may not stand inside tag or attribute names, comments or raw text"; return 0;
	}
}

void hctx_value_written(struct hctx *h)
{
	if (h->state == HS_VALUE_DQ || h->state == HS_VALUE_SQ)
		h->value_len++;
}

int hctx_same(const struct hctx *a, const struct hctx *b)
{
	if (a->state != b->state || (a->bad != NULL) != (b->bad != NULL))
		return 0;
	switch (a->state) {
	case HS_TEXT: return 1;
	case HS_TAG: return a->closing == b->closing && !strcmp(a->tag, b->tag);
	case HS_VALUE_DQ:
	case HS_VALUE_SQ: return !strcmp(a->attr, b->attr) && !strcmp(a->tag, b->tag);
	default: return !strcmp(a->tag, b->tag);
	}
}
