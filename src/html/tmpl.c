/*
 * The template compiler (tmpl.h): splits a template into literal and value
 * nodes, follows the HTML around them (tmpl_context.c) to pick each value's
 * escaper, and checks that blocks nest (at most 64 deep). A broken rule is
 * ERR_INVALID with "templates/NAME.html:LINE: why" in err; on any error the
 * set is unchanged and the half-compiled template is freed.
 */
#include "html/tmpl.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include "base/mem.h"
#include "html/escape.h"
#include "html/tmpl_context.h"
#include "html/tmpl_internal.h"

#define MAX_NEST 64

struct tmpl_set *tmpl_set_new(void)
{
	return mem_calloc(1, sizeof(struct tmpl_set));
}

static void tmpl_clear(struct tmpl *t)
{
	mem_free(t->name);
	mem_free(t->src);
	mem_free(t->nodes);
}

void tmpl_set_free(struct tmpl_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->n; i++)
		tmpl_clear(&set->t[i]);
	mem_free(set->t);
	mem_free(set);
}

const struct tmpl *tmpl_find(const struct tmpl_set *set, const char *name, size_t len)
{
	for (size_t i = 0; i < set->n; i++)
		if (strlen(set->t[i].name) == len && !memcmp(set->t[i].name, name, len))
			return &set->t[i];
	return NULL;
}

/* ---- compiling ---- */

struct compiler {
	struct tmpl *t;
	struct hctx html;
	struct {
		size_t node;
		struct hctx html;
		int seen_else;
	} stack[MAX_NEST];
	int depth;
	int line;
	char *err;
	size_t errlen;
};

static int fail(struct compiler *c, const char *msg)
{
	snprintf(c->err, c->errlen, "templates/%s.html:%d: %s", c->t->name, c->line, msg);
	return ERR_INVALID;
}

static int emit(struct compiler *c, enum kind k, const char *s, size_t len, struct node **out)
{
	struct tmpl *t = c->t;
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 32;
		struct node *p = mem_realloc(t->nodes, cap * sizeof(*p));
		if (!p)
			return ERR_NOMEM;
		t->nodes = p;
		t->cap = cap;
	}
	struct node *n = &t->nodes[t->n++];
	memset(n, 0, sizeof(*n));
	n->kind = k;
	n->s = s;
	n->len = len;
	n->line = c->line;
	if (out)
		*out = n;
	return 0;
}

static int valid_path(const char *s, size_t n)
{
	if (n == 1 && s[0] == '.')
		return 1;
	if (!n || s[0] == '.' || s[n - 1] == '.')
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
			 (c == '.' && s[i - 1] != '.') || (c == '@' && i == 0);
		if (!ok)
			return 0;
	}
	return 1;
}

static void trim(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t' || **s == '\n'))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\n'))
		(*n)--;
}

static int starts(const char *s, size_t n, const char *word)
{
	size_t w = strlen(word);
	return n >= w && !memcmp(s, word, w);
}

static int open_block(struct compiler *c, enum kind k, const char *arg, size_t n)
{
	trim(&arg, &n);
	const char *why = "";
	if (!valid_path(arg, n))
		return fail(c, "block needs a value name, e.g. {{#if items}}");
	if (!hctx_block_ok(&c->html, &why))
		return fail(c, why);
	if (c->depth == MAX_NEST)
		return fail(c, "blocks nested too deep");
	int rc = emit(c, k, arg, n, NULL);
	if (rc)
		return rc;
	c->stack[c->depth].node = c->t->n - 1;
	c->stack[c->depth].html = c->html;
	c->stack[c->depth].seen_else = 0;
	c->depth++;
	return 0;
}

static int block_else(struct compiler *c)
{
	if (!c->depth)
		return fail(c, "{{else}} outside a block");
	if (c->stack[c->depth - 1].seen_else)
		return fail(c, "two {{else}} in one block");
	const char *why = "";
	if (!hctx_block_ok(&c->html, &why))
		return fail(c, why);
	if (!hctx_same(&c->html, &c->stack[c->depth - 1].html))
		return fail(c, "a block branch changes the HTML context (close the tag or quote inside it)");
	int rc = emit(c, N_ELSE, NULL, 0, NULL);
	if (rc)
		return rc;
	c->t->nodes[c->stack[c->depth - 1].node].alt = c->t->n - 1;
	c->stack[c->depth - 1].seen_else = 1;
	size_t vl = c->html.value_len;
	c->html = c->stack[c->depth - 1].html;
	c->html.value_len = vl;
	return 0;
}

static int close_block(struct compiler *c, const char *name, size_t n)
{
	static const char *const names[] = {[N_IF] = "if", [N_UNLESS] = "unless", [N_EACH] = "each"};
	if (!c->depth)
		return fail(c, "closing tag without an open block");
	struct node *open = &c->t->nodes[c->stack[c->depth - 1].node];
	if (strlen(names[open->kind]) != n || memcmp(names[open->kind], name, n))
		return fail(c, "closing tag does not match the open block");
	const char *why = "";
	if (!hctx_block_ok(&c->html, &why))
		return fail(c, why);
	if (!hctx_same(&c->html, &c->stack[c->depth - 1].html))
		return fail(c, "a block changes the HTML context (close the tag or quote inside it)");
	size_t at = c->stack[c->depth - 1].node;
	int rc = emit(c, N_END, NULL, 0, NULL);
	if (rc)
		return rc;
	open = &c->t->nodes[at];
	open->end = c->t->n - 1;
	if (!c->stack[c->depth - 1].seen_else)
		open->alt = open->end;
	c->depth--;
	return 0;
}

static int variable(struct compiler *c, const char *s, size_t n)
{
	const char *bar = memchr(s, '|', n);
	size_t plen = bar ? (size_t) (bar - s) : n;
	const char *p = s;
	trim(&p, &plen);
	if (!valid_path(p, plen))
		return fail(c, "bad value name (letters, digits, _ and dots)");
	const char *why = "";
	int esc = hctx_escaper(&c->html, &why);
	if (esc < 0)
		return fail(c, why);
	if (bar) {
		const char *f = bar + 1;
		size_t flen = n - (size_t) (f - s);
		trim(&f, &flen);
		static const char *const filters[] = {[ESC_TEXT] = "text",
						      [ESC_ATTR] = "attr",
						      [ESC_PATH] = "path",
						      [ESC_QUERY] = "query",
						      [ESC_URL] = "url"};
		int found = -1;
		for (int i = 0; i <= ESC_URL; i++)
			if (strlen(filters[i]) == flen && !memcmp(filters[i], f, flen))
				found = i;
		if (found < 0)
			return fail(c, "unknown filter (text, attr, path, query, url)");
		if ((found = hctx_filter(&c->html, found, &why)) < 0)
			return fail(c, why);
		esc = found;
	}
	struct node *node;
	int rc = emit(c, N_VAR, p, plen, &node);
	if (rc)
		return rc;
	node->esc = (enum esc) esc;
	hctx_value_written(&c->html);
	return 0;
}

/*
 * {{t "Dutch text"}} or {{t path}}: the text (or the path's value) in the
 * page's language ({{lang}}), escaped for where it stands; {{t "... {} ..."
 * path}} puts the path's value (escaped too) where "{}" is.
 */
static int translate(struct compiler *c, const char *s, size_t n)
{
	trim(&s, &n);
	const char *text = s, *rest;
	size_t tlen;
	int literal = n && s[0] == '"';
	if (literal) {
		const char *q = memchr(s + 1, '"', n - 1);
		if (!q)
			return fail(c, "{{t \"...\"}} without its closing quote");
		text = s + 1;
		tlen = (size_t) (q - text);
		rest = q + 1;
	} else {
		tlen = strcspn(s, " ");
		if (tlen > n)
			tlen = n;
		if (!valid_path(s, tlen))
			return fail(c, "{{t}} takes \"a text\" or a value name");
		rest = s + tlen;
	}
	size_t rlen = n - (size_t) (rest - s);
	trim(&rest, &rlen);
	if (rlen && !valid_path(rest, rlen))
		return fail(c, "bad value name after {{t ...}}");
	const char *why = "";
	int esc = hctx_escaper(&c->html, &why);
	if (esc < 0)
		return fail(c, why);
	struct node *node;
	int rc = emit(c, N_TRANSLATE, text, tlen, &node);
	if (rc)
		return rc;
	node->esc = (enum esc) esc;
	node->literal = literal;
	node->arg = rlen ? rest : NULL;
	node->arglen = rlen;
	hctx_value_written(&c->html);
	return 0;
}

static int tag(struct compiler *c, const char *s, size_t n, int first_tag)
{
	trim(&s, &n);
	if (n && s[0] == '!')
		return 0;
	if (starts(s, n, "t "))
		return translate(c, s + 2, n - 2);
	if (starts(s, n, "#if "))
		return open_block(c, N_IF, s + 4, n - 4);
	if (starts(s, n, "#unless "))
		return open_block(c, N_UNLESS, s + 8, n - 8);
	if (starts(s, n, "#each "))
		return open_block(c, N_EACH, s + 6, n - 6);
	if (n == 4 && !memcmp(s, "else", 4))
		return block_else(c);
	if (n && s[0] == '/')
		return close_block(c, s + 1, n - 1);
	if (n && (s[0] == '>' || s[0] == '<')) {
		const char *name = s + 1;
		size_t len = n - 1;
		trim(&name, &len);
		if (!valid_path(name, len) || memchr(name, '.', len))
			return fail(c, "bad template name");
		if (s[0] == '<') {
			if (!first_tag || c->t->layout)
				return fail(c, "{{< layout}} must be the first tag");
			c->t->layout = name;
			c->t->layout_len = len;
			return 0;
		}
		if (c->html.state != HS_TEXT)
			return fail(c, "partials may only stand in element text");
		return emit(c, N_PARTIAL, name, len, NULL);
	}
	if (n && s[0] == '#')
		return fail(c, "unknown block (#if, #unless, #each)");
	return variable(c, s, n);
}

static void count_lines(struct compiler *c, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		c->line += s[i] == '\n';
}

static int compile(struct compiler *c)
{
	const char *s = c->t->src;
	size_t n = strlen(s), i = 0;
	int first = 1, rc = 0;
	while (i < n && !rc) {
		const char *open = strstr(s + i, "{{");
		size_t lit = open ? (size_t) (open - (s + i)) : n - i;
		if (lit) {
			rc = emit(c, N_TEXT, s + i, lit, NULL);
			if (rc)
				break;
			hctx_feed(&c->html, s + i, lit);
			count_lines(c, s + i, lit);
			if (c->html.bad)
				return fail(c, c->html.bad);
			/* Text before a layout tag is only whitespace. */
			for (size_t k = 0; k < lit && first; k++)
				if (s[i + k] != ' ' && s[i + k] != '\n' && s[i + k] != '\t')
					first = 0;
		}
		if (!open)
			break;
		const char *close = strstr(open + 2, "}}");
		if (!close)
			return fail(c, "'{{' without '}}'");
		rc = tag(c, open + 2, (size_t) (close - open - 2), first);
		count_lines(c, open, (size_t) (close - open));
		first = 0;
		i = (size_t) (close + 2 - s);
	}
	if (!rc && c->depth)
		return fail(c, "block not closed at end of file");
	if (!rc && c->html.state != HS_TEXT)
		return fail(c, "the template ends inside a tag, comment or raw text (close it: partials and layouts "
			       "are included in element text)");
	return rc;
}

int tmpl_add(struct tmpl_set *set, const char *name, const char *src, size_t len, char *err, size_t errlen)
{
	if (tmpl_find(set, name, strlen(name))) {
		snprintf(err, errlen, "templates/%s.html: defined twice", name);
		return ERR_INVALID;
	}
	if (memchr(src, '\0', len)) {
		snprintf(err, errlen, "templates/%s.html: contains a NUL byte", name);
		return ERR_INVALID;
	}
	struct tmpl t = {0};
	struct compiler c = {.t = &t, .line = 1, .err = err, .errlen = errlen};
	int rc = ERR_NOMEM;
	t.name = mem_strdup(name);
	t.src = mem_alloc(len + 1);
	if (!t.name || !t.src)
		goto fail;
	memcpy(t.src, src, len);
	t.src[len] = '\0';
	rc = compile(&c);
	if (rc)
		goto fail;
	if (set->n == set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 16;
		struct tmpl *p = mem_realloc(set->t, cap * sizeof(*p));
		rc = ERR_NOMEM;
		if (!p)
			goto fail;
		set->t = p;
		set->cap = cap;
	}
	set->t[set->n++] = t;
	return 0;
fail:
	if (rc == ERR_NOMEM)
		snprintf(err, errlen, "templates/%s.html: out of memory", name);
	tmpl_clear(&t);
	return rc;
}

int tmpl_link(const struct tmpl_set *set, char *err, size_t errlen)
{
	for (size_t i = 0; i < set->n; i++) {
		const struct tmpl *t = &set->t[i];
		if (t->layout && !tmpl_find(set, t->layout, t->layout_len)) {
			snprintf(err, errlen, "templates/%s.html: layout '%.*s' does not exist", t->name,
				 (int) t->layout_len, t->layout);
			return ERR_INVALID;
		}
		for (size_t k = 0; k < t->n; k++)
			if (t->nodes[k].kind == N_PARTIAL && !tmpl_find(set, t->nodes[k].s, t->nodes[k].len)) {
				snprintf(err, errlen, "templates/%s.html:%d: partial '%.*s' does not exist", t->name,
					 t->nodes[k].line, (int) t->nodes[k].len, t->nodes[k].s);
				return ERR_INVALID;
			}
	}
	return 0;
}
