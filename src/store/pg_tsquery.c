/*
 * Search expressions for PostgreSQL. src/search/query.c writes FTS5's syntax
 * (quoted terms and phrases, "term" * for a prefix, AND, OR, NOT, parentheses);
 * this rewrites it as JSON the statements in pg_sql.c read:
 *
 *   {"q": "<the whole expression as a tsquery>",
 *    "p": [{"q": "<one phrase>", "t": ["term", ...], "x": <prefix>, "g": "<guard>"}, ...]}
 *
 * "q" selects the matches; "p" lists every phrase in order, as FTS5's bm25
 * sees them, so the rank can be computed the same way. FTS5 counts a phrase's
 * occurrences in a row only where the AND groups around it match there (in
 * ("ziekt" AND "verzuim") OR "verzuim", a row without ziekt counts verzuim
 * once): "g" is the conjunction of those groups as a tsquery, "" for none.
 */
#include <string.h>

#include "base/mem.h"
#include "store/pg.h"

/* Append s as the body of a JSON string (our terms are plain, but escape anyway). */
static int json_chars(struct buf *b, const char *s, size_t n)
{
	int rc = 0;
	for (size_t i = 0; i < n && !rc; i++)
		rc = (s[i] == '"' || s[i] == '\\') ? buf_addc(b, '\\') || buf_addc(b, s[i])
		     : (unsigned char) s[i] < 0x20 ? buf_addf(b, "\\u%04x", (unsigned) (unsigned char) s[i])
						   : buf_addc(b, s[i]);
	return rc;
}

/* One lexeme, quoted for tsquery; prefix adds :* as FTS5's trailing *. */
static int lexeme(struct buf *b, const char *s, size_t n, int prefix)
{
	int rc = buf_addc(b, '\'');
	for (size_t i = 0; i < n && !rc; i++)
		rc = (s[i] == '\'' || s[i] == '\\') ? buf_addc(b, '\\') || buf_addc(b, s[i]) : buf_addc(b, s[i]);
	return rc || buf_addc(b, '\'') || (prefix && buf_adds(b, ":*"));
}

#define MAX_DEPTH   16
#define MAX_PHRASES 256

/* Parenthesised groups of the expression, as spans of the tsquery text. */
struct group {
	size_t start, end; /* in q, the parentheses included */
	int and, or ;	   /* joined by AND, by OR at its own level */
	int parent;	   /* index, or -1 */
};

struct parse {
	struct buf q, ph;
	struct group groups[MAX_PHRASES];
	int ngroups, open[MAX_DEPTH], depth, top_or;
	int phrase_group[MAX_PHRASES]; /* the innermost group of each phrase, or -1 */
	int nphrases;
};

/*
 * A quoted FTS5 phrase p (quotes doubled inside): lexemes joined by <-> into
 * the expression q, and its entry in the phrase list ph (without its guard).
 */
static int phrase(struct buf *q, struct buf *ph, const char *p, size_t n, int prefix)
{
	struct buf one = BUF_INIT(4096);
	char word[256];
	size_t len = 0, words = 0;
	int rc = buf_addc(&one, '(') || buf_adds(ph, ph->len ? ",{\"t\":[" : "{\"t\":[");
	for (size_t i = 0; i <= n && !rc; i++) {
		char c = i < n ? p[i] : ' ';
		if (c != ' ') {
			if (len < sizeof(word))
				word[len++] = c;
			i += c == '"'; /* a doubled quote */
			continue;
		}
		if (!len)
			continue;
		rc = (words && (buf_adds(&one, " <-> ") || buf_addc(ph, ','))) ||
		     lexeme(&one, word, len, prefix && i >= n) || buf_addc(ph, '"') || json_chars(ph, word, len) ||
		     buf_addc(ph, '"');
		words++;
		len = 0;
	}
	if (!words && !rc)
		rc = lexeme(&one, "", 0, 0);
	rc = rc || buf_addc(&one, ')') || buf_add(q, one.ptr, one.len) || buf_adds(ph, "],\"q\":\"") ||
	     json_chars(ph, one.ptr, one.len) || buf_addf(ph, "\",\"x\":%s,\"g\":\"", prefix ? "true" : "false");
	buf_free(&one);
	return rc;
}

/* Whether an OR encloses group g: otherwise a matching row matches g as well. */
static int under_or(const struct parse *ps, int g)
{
	for (g = ps->groups[g].parent; g >= 0; g = ps->groups[g].parent)
		if (ps->groups[g].or)
			return 1;
	return ps->top_or;
}

/* The guard of a phrase in group g: the enclosing AND groups a match does not imply, joined by &. */
static int guard(struct parse *ps, int g, struct buf *out)
{
	int rc = 0, first = 1;
	for (; g >= 0 && !rc; g = ps->groups[g].parent) {
		if (!ps->groups[g].and || !under_or(ps, g))
			continue;
		rc = (!first && json_chars(out, " & ", 3)) ||
		     json_chars(out, ps->q.ptr + ps->groups[g].start, ps->groups[g].end - ps->groups[g].start);
		first = 0;
	}
	return rc;
}

/* Read the expression into ps: 0, ERR_INVALID or ERR_TOO_LARGE. */
static int parse(struct parse *ps, const char *p)
{
	int rc = 0;
	while (*p && !rc) {
		if (*p == ' ') {
			p++;
		} else if (*p == '(') {
			if (ps->depth == MAX_DEPTH || ps->ngroups == MAX_PHRASES)
				return ERR_TOO_LARGE;
			struct group *g = &ps->groups[ps->ngroups];
			g->start = ps->q.len;
			g->parent = ps->depth ? ps->open[ps->depth - 1] : -1;
			ps->open[ps->depth++] = ps->ngroups++;
			rc = buf_addc(&ps->q, *p++);
		} else if (*p == ')') {
			if (!ps->depth)
				return ERR_INVALID;
			rc = buf_addc(&ps->q, *p++);
			ps->groups[ps->open[--ps->depth]].end = ps->q.len;
		} else if (*p == '"') {
			const char *start = ++p;
			while (*p && !(*p == '"' && p[1] != '"'))
				p += *p == '"' ? 2 : 1;
			size_t n = (size_t) (p - start);
			if (*p)
				p++;
			const char *after = p;
			while (*after == ' ')
				after++;
			int prefix = *after == '*';
			if (prefix)
				p = after + 1;
			if (ps->nphrases == MAX_PHRASES)
				return ERR_TOO_LARGE;
			ps->phrase_group[ps->nphrases++] = ps->depth ? ps->open[ps->depth - 1] : -1;
			/* Each phrase's JSON ends in its guard's opening quote; a NUL marks where it goes. */
			rc = phrase(&ps->q, &ps->ph, start, n, prefix) || buf_addc(&ps->ph, '\0');
		} else if (!strncmp(p, "AND", 3) || !strncmp(p, "OR", 2) || !strncmp(p, "NOT", 3)) {
			struct group *g = ps->depth ? &ps->groups[ps->open[ps->depth - 1]] : NULL;
			if (*p != 'N' && g)
				*(*p == 'A' ? &g->and : &g->or) = 1;
			else if (*p == 'O')
				ps->top_or = 1;
			rc = buf_adds(&ps->q, *p == 'A' ? " & " : *p == 'O' ? " | " : " & !");
			p += *p == 'O' ? 2 : 3;
		} else {
			return ERR_INVALID; /* nothing else is FTS5 syntax query.c writes */
		}
	}
	return rc ? ERR_TOO_LARGE : ps->depth ? ERR_INVALID : 0;
}

int pg_tsquery(const char *fts, struct buf *out)
{
	struct parse *ps = mem_calloc(1, sizeof(*ps));
	if (!ps)
		return ERR_NOMEM;
	buf_init(&ps->q, 32 << 10);
	buf_init(&ps->ph, 32 << 10);
	int rc = parse(ps, fts);
	if (!rc && (buf_adds(out, "{\"q\":\"") || json_chars(out, ps->q.ptr, ps->q.len) || buf_adds(out, "\",\"p\":[")))
		rc = ERR_TOO_LARGE;
	const char *p = ps->ph.ptr;
	for (int i = 0; i < ps->nphrases && !rc; i++) {
		size_t len = strlen(p);
		if (buf_add(out, p, len) || guard(ps, ps->phrase_group[i], out) || buf_adds(out, "\"}"))
			rc = ERR_TOO_LARGE;
		p += len + 1;
	}
	if (!rc && buf_adds(out, "]}"))
		rc = ERR_TOO_LARGE;
	buf_free(&ps->q);
	buf_free(&ps->ph);
	mem_free(ps);
	return rc;
}
