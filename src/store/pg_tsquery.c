/*
 * Search expressions for PostgreSQL: src/search/query.c writes FTS5's syntax
 * (quoted terms and phrases, "term" * for a prefix, AND, OR, NOT, parentheses);
 * this rewrites it as a tsquery for to_tsquery('simple', ...).
 */
#include <string.h>

#include "store/pg.h"

/* One lexeme, quoted for tsquery; prefix adds :* as FTS5's trailing *. */
static int lexeme(struct buf *b, const char *s, size_t n, int prefix)
{
	int rc = buf_addc(b, '\'');
	for (size_t i = 0; i < n && !rc; i++)
		rc = (s[i] == '\'' || s[i] == '\\') ? buf_addc(b, '\\') || buf_addc(b, s[i]) : buf_addc(b, s[i]);
	return rc || buf_addc(b, '\'') || (prefix && buf_adds(b, ":*")) ? ERR_TOO_LARGE : 0;
}

/* A quoted FTS5 phrase p (quotes doubled inside) as lexemes joined by <->. */
static int phrase(struct buf *b, const char *p, size_t n, int prefix)
{
	char word[256];
	size_t len = 0, words = 0;
	int rc = buf_addc(b, '(');
	for (size_t i = 0; i <= n && !rc; i++) {
		char c = i < n ? p[i] : ' ';
		if (c != ' ' && len < sizeof(word)) {
			word[len++] = c;
			if (c == '"')
				i++; /* a doubled quote */
			continue;
		}
		if (!len)
			continue;
		rc = (words++ && buf_adds(b, " <-> ")) || lexeme(b, word, len, prefix && i >= n);
		len = 0;
	}
	if (!words && !rc)
		rc = lexeme(b, "", 0, 0);
	return rc || buf_addc(b, ')') ? ERR_TOO_LARGE : 0;
}

int pg_tsquery(const char *fts, struct buf *out)
{
	int rc = 0;
	const char *p = fts;
	while (*p && !rc) {
		if (*p == ' ') {
			p++;
		} else if (*p == '(' || *p == ')') {
			rc = buf_addc(out, *p++);
		} else if (*p == '"') {
			const char *start = ++p;
			while (*p && !(*p == '"' && p[1] != '"'))
				p += *p == '"' ? 2 : 1;
			size_t n = (size_t) (p - start);
			if (*p)
				p++;
			const char *q = p;
			while (*q == ' ')
				q++;
			int prefix = *q == '*';
			if (prefix)
				p = q + 1;
			rc = phrase(out, start, n, prefix);
		} else if (!strncmp(p, "AND", 3) || !strncmp(p, "OR", 2) || !strncmp(p, "NOT", 3)) {
			rc = buf_adds(out, *p == 'A' ? " & " : *p == 'O' ? " | " : " & !");
			p += *p == 'O' ? 2 : 3;
		} else {
			return ERR_INVALID; /* nothing else is FTS5 syntax query.c writes */
		}
	}
	return rc ? ERR_TOO_LARGE : 0;
}
