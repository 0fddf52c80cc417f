/*
 * libFuzzer target: the template compiler and renderer.
 *
 * The input is compiled as template "t". When it compiles, it is rendered
 * twice with data of the same shape: once with hostile strings (a <script>
 * marker, quotes that would end an attribute, javascript: URLs) and once with
 * harmless ones. Both outputs are run through a small HTML tokenizer that
 * follows the browser's rules (not the compiler's), which reduces each to a
 * skeleton: tag and attribute names, whether each URL attribute holds a
 * script URL, and the full text of <script>/<style> elements, style= and on*=
 * attributes. Whatever the template's own text makes is the same in both
 * skeletons, so any difference came from the data: a value escaped its
 * context. (Comparing two renderings, rather than searching the template
 * source for the marker, also covers markers a template splits across tags,
 * such as "<scr{{! }}ipt>x".)
 *
 * The data also carries one TV_HTML value (rendered Markdown, the only value
 * written unescaped): it must only ever land in element text.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/arena.h"
#include "base/buf.h"
#include "html/markdown.h"
#include "html/tmpl.h"
#include "html/tval.h"
#include "url_oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MARKER	"<script>x"
#define BODY_MD "Tekst met [link](/mdk \"q\") en **vet**."

struct strings {
	const char *title, *url, *url2, *name, *item_url, *lead;
};

static const struct strings hostile = {
    .title = MARKER "</script>\"' onx=1 &amp; <b>",
    .url = "javascript:alert(1)",
    .url2 = " JaVaScRiPt:alert(2)",
    .name = MARKER "\" onx=\"1",
    .item_url = "javascript:alert(3)",
    .lead = "' onx='1",
};

static const struct strings harmless = {
    .title = "titel met tekst",
    .url = "https://example.org/a",
    .url2 = "/pad/b",
    .name = "naam",
    .item_url = "/nieuws/c",
    .lead = "inleiding",
};

static struct tval *make_data(struct arena *a, const struct strings *s, struct tval *body)
{
	struct tval *root = tv_obj(a);
	tv_set_str(root, "title", s->title);
	tv_set_str(root, "url", s->url);
	tv_set_str(root, "href", s->url2);
	tv_set_str(root, "lead", s->lead);
	tv_set_str(root, "empty", "");
	tv_set_bool(root, "flag", true);
	tv_set_bool(root, "no", false);
	tv_set_int(root, "n", 3);
	tv_set(root, "body", body);
	struct tval *list = tv_list(a);
	for (int i = 0; i < 3; i++) {
		struct tval *o = tv_obj(a);
		tv_set_str(o, "name", s->name);
		tv_set_str(o, "url", s->item_url);
		tv_set_str(o, "title", s->title);
		tv_set_int(o, "n", i);
		tv_set_bool(o, "flag", i == 1);
		tv_push(list, o);
	}
	tv_set(root, "items", list);
	struct tval *item = tv_obj(a);
	tv_set_str(item, "title", s->title);
	tv_set_str(item, "url", s->url);
	tv_set(item, "body", body);
	tv_set(item, "categories", list);
	tv_set(root, "item", item);
	return root;
}

/* How often needle occurs in hay, ignoring ASCII case. */
static size_t count_ci(const char *hay, size_t n, const char *needle)
{
	size_t m = strlen(needle), c = 0;
	for (size_t i = 0; i + m <= n; i++)
		if (!strncasecmp(hay + i, needle, m))
			c++;
	return c;
}

/* ---- a browser-like HTML tokenizer (WHATWG tokenization, simplified) ---- */

static bool is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c;
}

static void name_add(char *dst, size_t cap, char c)
{
	size_t n = strlen(dst);
	if (n + 1 < cap) {
		dst[n] = lower(c);
		dst[n + 1] = '\0';
	}
}

enum tstate {
	T_DATA,
	T_TAG_NAME,
	T_BEFORE_ATTR,
	T_ATTR_NAME,
	T_AFTER_ATTR,
	T_BEFORE_VALUE,
	T_VALUE_DQ,
	T_VALUE_SQ,
	T_VALUE_UQ,
	T_AFTER_VALUE,
	T_SELF_CLOSING,
	T_BOGUS_COMMENT,
	T_COMMENT,
	T_RAW, /* inside a raw text element: script, style, title, textarea, ... */
};

struct tok {
	const char *h;
	size_t n;
	enum tstate st;
	char tag[24], attr[24], raw[24];
	bool end_tag;
	bool raw_keep;	/* record the raw text (script, style) */
	bool raw_never; /* plaintext: never ends */
	int script_esc; /* 0, 1 escaped (after <!--), 2 double escaped */
	size_t vstart;
	struct buf *sk;
	int rc;
};

static void sk_add(struct tok *t, const char *s, size_t n)
{
	if (!t->rc)
		t->rc = buf_add(t->sk, s, n);
}

static void sk_adds(struct tok *t, const char *s)
{
	sk_add(t, s, strlen(s));
}

static bool in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(s, *list))
			return true;
	return false;
}

static void attr_done(struct tok *t)
{
	sk_adds(t, " ");
	sk_adds(t, t->attr);
}

static void value_done(struct tok *t, size_t end)
{
	static const char *const urls[] = {"href", "src", "action", "formaction", "poster", "data", "cite", NULL};
	const char *v = t->h + t->vstart;
	size_t n = end - t->vstart;
	if (in_list(t->attr, urls)) {
		sk_adds(t, url_unsafe(v, n) ? "=UNSAFE" : "=ok");
	} else if (!strncmp(t->attr, "on", 2) || !strcmp(t->attr, "style")) {
		sk_adds(t, "=[");
		sk_add(t, v, n);
		sk_adds(t, "]");
	}
}

static void tag_emit(struct tok *t)
{
	static const char *const keep[] = {"script", "style", NULL};
	static const char *const raw[] = {"title",    "textarea", "xmp",       "iframe", "noembed",
					  "noframes", "noscript", "plaintext", NULL};
	sk_adds(t, ">");
	t->st = T_DATA;
	if (t->end_tag)
		return;
	t->raw_keep = in_list(t->tag, keep);
	if (t->raw_keep || in_list(t->tag, raw)) {
		t->st = T_RAW;
		snprintf(t->raw, sizeof(t->raw), "%s", t->tag);
		t->raw_never = !strcmp(t->tag, "plaintext");
		t->script_esc = 0;
		if (t->raw_keep)
			sk_adds(t, "{");
	}
}

/* Whether h[i..] starts with "</name" or "<name" (with slash) followed by a delimiter. */
static bool tag_at(const struct tok *t, size_t i, const char *name, bool slash)
{
	size_t m = strlen(name), p = i + 1 + (slash ? 1 : 0);
	if (p + m >= t->n || t->h[i] != '<' || (slash && t->h[i + 1] != '/'))
		return false;
	if (strncasecmp(t->h + p, name, m))
		return false;
	char d = t->h[p + m];
	return is_ws(d) || d == '/' || d == '>';
}

static bool at(const struct tok *t, size_t i, const char *s)
{
	size_t m = strlen(s);
	return i + m <= t->n && !memcmp(t->h + i, s, m);
}

/* One step at h[i]; returns how many bytes it consumed (0: reconsume in the new state). */
static size_t step(struct tok *t, size_t i)
{
	const char *h = t->h;
	char c = h[i];
	switch (t->st) {
	case T_DATA:
		if (c != '<' || i + 1 >= t->n)
			return 1;
		if (is_alpha(h[i + 1])) {
			t->st = T_TAG_NAME;
			t->tag[0] = '\0';
			t->end_tag = false;
			return 1;
		}
		if (h[i + 1] == '/') {
			if (i + 2 < t->n && is_alpha(h[i + 2])) {
				t->st = T_TAG_NAME;
				t->tag[0] = '\0';
				t->end_tag = true;
				return 2;
			}
			if (i + 2 < t->n && h[i + 2] == '>')
				return 3;
			t->st = T_BOGUS_COMMENT;
			return 2;
		}
		if (at(t, i, "<!--")) {
			if (at(t, i + 4, ">"))
				return 5;
			if (at(t, i + 4, "->"))
				return 6;
			t->st = T_COMMENT;
			return 4;
		}
		if (h[i + 1] == '!' || h[i + 1] == '?') {
			t->st = T_BOGUS_COMMENT;
			return 2;
		}
		return 1;
	case T_TAG_NAME:
		if (is_ws(c) || c == '/' || c == '>') {
			sk_adds(t, t->end_tag ? "</" : "<");
			sk_adds(t, t->tag);
			t->st = is_ws(c) ? T_BEFORE_ATTR : c == '/' ? T_SELF_CLOSING : T_DATA;
			if (c == '>')
				tag_emit(t);
			return 1;
		}
		name_add(t->tag, sizeof(t->tag), c);
		return 1;
	case T_BEFORE_ATTR:
		if (is_ws(c))
			return 1;
		if (c == '/' || c == '>') {
			t->st = T_AFTER_ATTR;
			return 0;
		}
		t->st = T_ATTR_NAME;
		t->attr[0] = '\0';
		if (c == '=') {
			name_add(t->attr, sizeof(t->attr), c);
			return 1;
		}
		return 0;
	case T_ATTR_NAME:
		if (is_ws(c) || c == '/' || c == '>') {
			attr_done(t);
			t->st = T_AFTER_ATTR;
			return 0;
		}
		if (c == '=') {
			attr_done(t);
			t->st = T_BEFORE_VALUE;
			return 1;
		}
		name_add(t->attr, sizeof(t->attr), c);
		return 1;
	case T_AFTER_ATTR:
		if (is_ws(c))
			return 1;
		if (c == '/') {
			t->st = T_SELF_CLOSING;
			return 1;
		}
		if (c == '=') {
			t->st = T_BEFORE_VALUE;
			return 1;
		}
		if (c == '>') {
			tag_emit(t);
			return 1;
		}
		t->st = T_ATTR_NAME;
		t->attr[0] = '\0';
		return 0;
	case T_BEFORE_VALUE:
		if (is_ws(c))
			return 1;
		if (c == '"' || c == '\'') {
			t->st = c == '"' ? T_VALUE_DQ : T_VALUE_SQ;
			t->vstart = i + 1;
			return 1;
		}
		if (c == '>') {
			tag_emit(t);
			return 1;
		}
		t->st = T_VALUE_UQ;
		t->vstart = i;
		return 0;
	case T_VALUE_DQ:
	case T_VALUE_SQ:
		if (c == (t->st == T_VALUE_DQ ? '"' : '\'')) {
			value_done(t, i);
			t->st = T_AFTER_VALUE;
		}
		return 1;
	case T_VALUE_UQ:
		if (is_ws(c) || c == '>') {
			value_done(t, i);
			t->st = T_BEFORE_ATTR;
			if (c == '>')
				tag_emit(t);
		}
		return 1;
	case T_AFTER_VALUE:
		if (is_ws(c)) {
			t->st = T_BEFORE_ATTR;
			return 1;
		}
		if (c == '/') {
			t->st = T_SELF_CLOSING;
			return 1;
		}
		if (c == '>') {
			tag_emit(t);
			return 1;
		}
		t->st = T_BEFORE_ATTR;
		return 0;
	case T_SELF_CLOSING:
		if (c == '>') {
			tag_emit(t);
			return 1;
		}
		t->st = T_BEFORE_ATTR;
		return 0;
	case T_BOGUS_COMMENT:
		if (c == '>')
			t->st = T_DATA;
		return 1;
	case T_COMMENT:
		if (at(t, i, "-->")) {
			t->st = T_DATA;
			return 3;
		}
		if (at(t, i, "--!>")) {
			t->st = T_DATA;
			return 4;
		}
		return 1;
	case T_RAW:
		if (t->raw_never)
			return 1;
		if (!strcmp(t->raw, "script")) {
			if (t->script_esc == 0 && at(t, i, "<!--")) {
				t->script_esc = 1;
				sk_add(t, h + i, 4);
				return 4;
			}
			if (t->script_esc && at(t, i, "-->")) {
				t->script_esc = 0;
				sk_add(t, h + i, 3);
				return 3;
			}
			if (t->script_esc == 1 && tag_at(t, i, "script", false)) {
				t->script_esc = 2;
				sk_add(t, h + i, 7);
				return 7;
			}
			if (t->script_esc == 2 && tag_at(t, i, "script", true)) {
				t->script_esc = 1;
				sk_add(t, h + i, 8);
				return 8;
			}
		}
		if (tag_at(t, i, t->raw, true)) {
			if (t->raw_keep)
				sk_adds(t, "}");
			t->st = T_TAG_NAME;
			t->end_tag = true;
			snprintf(t->tag, sizeof(t->tag), "%s", t->raw);
			return 2 + strlen(t->raw);
		}
		if (t->raw_keep)
			sk_add(t, h + i, 1);
		return 1;
	}
	return 1;
}

/*
 * Reduce html to its skeleton in sk. When mark is set, also report whether it
 * occurs anywhere but in element text (or in the text of title/textarea).
 */
static int skeleton(const char *html, size_t n, struct buf *sk, const char *mark, bool *mark_misplaced)
{
	struct tok t = {.h = html, .n = n, .st = T_DATA, .sk = sk};
	size_t mlen = mark ? strlen(mark) : 0;
	size_t guard = 0;
	for (size_t i = 0; i < n && !t.rc;) {
		if (mark && html[i] == mark[0] && i + mlen <= n && !memcmp(html + i, mark, mlen)) {
			bool text = t.st == T_DATA || (t.st == T_RAW && !t.raw_keep);
			if (!text)
				*mark_misplaced = true;
		}
		size_t used = step(&t, i);
		/* A reconsume never happens twice in a row without progress; be sure. */
		guard = used ? 0 : guard + 1;
		if (guard > 4)
			abort();
		i += used;
	}
	return t.rc;
}

/* ---- the target ---- */

static int render(const struct tmpl_set *set, const struct strings *s, struct buf *out)
{
	struct arena a = ARENA_INIT;
	struct md_doc doc;
	int rc = html_markdown(&a, BODY_MD, strlen(BODY_MD), 1 << 16, &doc);
	if (!rc) {
		struct tval *root = make_data(&a, s, doc.html);
		rc = a.failed ? ERR_NOMEM : tmpl_render(set, "t", root, &a, out);
	}
	arena_free(&a);
	return rc;
}

static void show(const char *label, const struct buf *b)
{
	fprintf(stderr, "--- %s ---\n%.*s\n", label, (int) (b->len > 3000 ? 3000 : b->len), b->ptr);
}

static void fail(const char *what, const struct buf *bad, const struct buf *good)
{
	fprintf(stderr, "fuzz_tmpl: data escaped its context: %s\n", what);
	show("output with hostile data", bad);
	show("output with harmless data", good);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tmpl_set *set = tmpl_set_new();
	if (!set)
		return 0;
	char err[256];
	if (tmpl_add(set, "t", (const char *) data, size, err, sizeof(err))) {
		tmpl_set_free(set);
		return 0;
	}
	struct buf bad = BUF_INIT(4 << 20), good = BUF_INIT(4 << 20);
	int rc_bad = render(set, &hostile, &bad);
	int rc_good = render(set, &harmless, &good);
	if (rc_bad != rc_good && rc_bad != ERR_TOO_LARGE && rc_good != ERR_TOO_LARGE) {
		fprintf(stderr, "fuzz_tmpl: rendering result depends on the strings: %d vs %d\n", rc_bad, rc_good);
		abort();
	}
	if (rc_bad == 0 && rc_good == 0) {
		if (count_ci(bad.ptr, bad.len, "<script") != count_ci(good.ptr, good.len, "<script") ||
		    count_ci(bad.ptr, bad.len, MARKER) != count_ci(good.ptr, good.len, MARKER))
			fail("raw " MARKER " from the data", &bad, &good);
		struct buf skb = BUF_INIT(16 << 20), skg = BUF_INIT(16 << 20);
		bool misplaced = false;
		/* The rendered Markdown, as it appears in the output. */
		static const char body_html[] = "<p>Tekst met <a href=\"/mdk\"";
		int rc = skeleton(bad.ptr, bad.len, &skb, body_html, &misplaced);
		if (!rc)
			rc = skeleton(good.ptr, good.len, &skg, NULL, NULL);
		if (!rc && (skb.len != skg.len || memcmp(skb.ptr, skg.ptr, skb.len))) {
			show("skeleton with hostile data", &skb);
			show("skeleton with harmless data", &skg);
			fail("the HTML structure depends on the data", &bad, &good);
		}
		/* The template itself may hold this text anywhere; judge only values. */
		if (!rc && misplaced && !memmem(data, size, "mdk", 3))
			fail("rendered Markdown (TV_HTML) outside element text", &bad, &good);
		buf_free(&skb);
		buf_free(&skg);
	}
	/* When a rendering fails, its buf must be as it was: empty. */
	if ((rc_bad && bad.len) || (rc_good && good.len)) {
		fprintf(stderr, "fuzz_tmpl: tmpl_render failed but left output behind\n");
		abort();
	}
	buf_free(&bad);
	buf_free(&good);
	tmpl_set_free(set);
	return 0;
}
