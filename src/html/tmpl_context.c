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

static void end_tag(struct hctx *h)
{
	if (!h->closing && (!strcmp(h->tag, "script") || !strcmp(h->tag, "style")))
		h->state = HS_RAWTEXT;
	else
		h->state = HS_TEXT;
}

static void start_value(struct hctx *h, enum hstate s)
{
	h->state = s;
	h->value_len = 0;
	h->value_query = 0;
}

void hctx_feed(struct hctx *h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		switch (h->state) {
		case HS_TEXT:
			if (c == '<' && i + 4 <= n && !strncmp(s + i, "<!--", 4)) {
				h->state = HS_COMMENT;
				h->dash = 0;
				i += 3;
			} else if (c == '<' && (i + 1 == n || isalpha((unsigned char) s[i + 1]) || s[i + 1] == '/' ||
						s[i + 1] == '!')) {
				/* A '<' right before a value would let the value name a tag: treat it as one. */
				h->state = HS_TAG_OPEN;
				h->tag[0] = '\0';
				h->closing = i + 1 < n && s[i + 1] == '/';
				if (h->closing)
					i++;
			}
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
			else if (!is_space(c) && c != '/') {
				h->state = HS_ATTR_NAME;
				h->attr[0] = '\0';
				append(h->attr, sizeof(h->attr), c);
			}
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
			else if (!is_space(c)) {
				h->state = HS_ATTR_NAME;
				h->attr[0] = '\0';
				append(h->attr, sizeof(h->attr), c);
			}
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
			if (c == '>' && h->dash >= 2)
				h->state = HS_TEXT;
			h->dash = c == '-' ? h->dash + 1 : 0;
			break;
		case HS_RAWTEXT:
			if (c == '<' && i + 2 + strlen(h->tag) <= n && s[i + 1] == '/' &&
			    !strncasecmp(s + i + 2, h->tag, strlen(h->tag))) {
				h->state = HS_TAG;
				h->closing = 1;
				i += 1 + strlen(h->tag);
			}
			break;
		}
	}
}

static int is_url_attr(const char *a)
{
	static const char *const names[] = {"href", "src", "action", "formaction", "cite", "poster", "srcset", "data"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(a, names[i]))
			return 1;
	return 0;
}

int hctx_escaper(const struct hctx *h, const char **why)
{
	switch (h->state) {
	case HS_TEXT: return ESC_TEXT;
	case HS_VALUE_DQ:
	case HS_VALUE_SQ:
		if (!strncmp(h->attr, "on", 2) || !strcmp(h->attr, "style")) {
			*why = "no values in style or event-handler attributes";
			return -1;
		}
		if (is_url_attr(h->attr))
			return h->value_len == 0 ? ESC_URL : h->value_query ? ESC_QUERY : ESC_PATH;
		return ESC_ATTR;
	case HS_COMMENT: *why = "no values inside HTML comments"; return -1;
	case HS_RAWTEXT: *why = "no values inside <script> or <style>"; return -1;
	case HS_VALUE_UQ:
	case HS_BEFORE_VALUE: *why = "attribute values must be quoted"; return -1;
	default: *why = "no values in tag or attribute names"; return -1;
	}
}

void hctx_value_written(struct hctx *h)
{
	if (h->state == HS_VALUE_DQ || h->state == HS_VALUE_SQ)
		h->value_len++;
}

int hctx_same(const struct hctx *a, const struct hctx *b)
{
	if (a->state != b->state)
		return 0;
	if (a->state == HS_VALUE_DQ || a->state == HS_VALUE_SQ)
		return !strcmp(a->attr, b->attr);
	if (a->state == HS_RAWTEXT)
		return !strcmp(a->tag, b->tag);
	return 1;
}
