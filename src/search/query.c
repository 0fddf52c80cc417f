/*
 * The query language (search.h): parse, expand synonyms, turn into an FTS5
 * expression. Only parsing fails: ERR_TOO_LARGE past the query caps, ERR_NOMEM
 * when the arena is full. Expansion leaves out an alternative it cannot add;
 * search_expression is NULL when nothing is left to look for or memory ran out.
 */
#include <string.h>

#include "base/buf.h"
#include "search/search.h"

/* Append a clause for words[0..n) (folded tokens of one word, a phrase or a prefix). */
static int add_clause(const struct lexicon *lx, struct text_stemmer *stem, struct query *q, struct arena *a,
		      enum clause_kind kind, int negative, struct token *toks, size_t n)
{
	size_t keep = 0;
	for (size_t i = 0; i < n; i++)
		keep += !toks[i].stop || kind == CLAUSE_PREFIX;
	if (!keep)
		return 0;
	if (q->n == QUERY_MAX_CLAUSES)
		return ERR_TOO_LARGE;
	struct clause *c = &q->clauses[q->n];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->negative = negative;
	c->words = arena_calloc(a, keep, sizeof(*c->words));
	c->stems = arena_calloc(a, keep, sizeof(*c->stems));
	if (!c->words || !c->stems)
		return ERR_NOMEM;
	for (size_t i = 0; i < n; i++) {
		if (toks[i].stop && kind != CLAUSE_PREFIX)
			continue;
		char s[TEXT_MAX_WORD];
		if (kind != CLAUSE_PREFIX)
			text_base(lx, toks[i].word);
		text_stem(stem, toks[i].word, s, sizeof(s));
		c->words[c->n] = arena_strdup(a, toks[i].word);
		c->stems[c->n++] = arena_strdup(a, kind == CLAUSE_PREFIX ? toks[i].word : s);
	}
	if (kind == CLAUSE_WORD && c->n == 1) {
		char parts[TEXT_MAX_PARTS][TEXT_MAX_WORD], s[TEXT_MAX_WORD];
		int np = text_split(lx, c->words[0], parts);
		for (int p = 0; p < np; p++) {
			text_stem(stem, parts[p], s, sizeof(s));
			c->parts[c->nparts++] = arena_strdup(a, s);
		}
	}
	q->n++;
	return a->failed ? ERR_NOMEM : 0;
}

int search_parse(const struct lexicon *lx, struct text_stemmer *stem, const char *q, struct arena *a, struct query *out)
{
	size_t len = strlen(q);
	out->n = 0;
	out->clauses = arena_calloc(a, QUERY_MAX_CLAUSES, sizeof(*out->clauses));
	if (!out->clauses)
		return ERR_NOMEM;
	if (len > QUERY_MAX_BYTES)
		return ERR_TOO_LARGE;
	int rc = 0;
	for (size_t i = 0; i < len && !rc;) {
		while (i < len && (q[i] == ' ' || q[i] == '\t' || q[i] == '\n' || q[i] == '+'))
			i++;
		if (i >= len)
			break;
		int negative = 0;
		if (q[i] == '-' && i + 1 < len && q[i + 1] != ' ') {
			negative = 1;
			i++;
		}
		size_t start = i, end;
		enum clause_kind kind = CLAUSE_WORD;
		if (q[i] == '"') {
			const char *close = memchr(q + i + 1, '"', len - i - 1);
			start = i + 1;
			end = close ? (size_t) (close - q) : len;
			i = close ? end + 1 : len;
			kind = CLAUSE_PHRASE;
		} else {
			while (i < len && q[i] != ' ' && q[i] != '\t' && q[i] != '\n' && q[i] != '"')
				i++;
			end = i;
			if (end > start && q[end - 1] == '*')
				kind = CLAUSE_PREFIX;
		}
		struct token *toks;
		size_t n;
		rc = text_tokens(lx, q + start, end - start, 64, a, &toks, &n);
		if (rc || !n)
			continue;
		if (kind == CLAUSE_PHRASE && n == 1)
			kind = CLAUSE_WORD;
		if (kind == CLAUSE_WORD && n > 1) {
			/* "e-mail", "auto's-laden": each token its own word. */
			for (size_t k = 0; k < n && !rc; k++)
				rc = add_clause(lx, stem, out, a, kind, negative, toks + k, 1);
		} else {
			rc = add_clause(lx, stem, out, a, kind, negative, toks + (kind == CLAUSE_PREFIX ? n - 1 : 0),
					kind == CLAUSE_PREFIX ? 1 : n);
		}
	}
	return rc;
}

static int push_alt(struct clause *c, struct arena *a, const char *alt)
{
	const char **alts = arena_alloc(a, (c->nalts + 1) * sizeof(*alts));
	if (!alts || !alt)
		return ERR_NOMEM;
	if (c->nalts)
		memcpy(alts, c->alts, c->nalts * sizeof(*alts));
	alts[c->nalts++] = alt;
	c->alts = alts;
	return 0;
}

/* Whether clauses from..from+alt->n are plain words spelling alt. */
static int matches_alt(const struct query *q, size_t from, const struct synonym_alt *alt)
{
	if (from + alt->n > q->n)
		return 0;
	for (size_t k = 0; k < alt->n; k++) {
		const struct clause *c = &q->clauses[from + k];
		if (c->kind != CLAUSE_WORD || c->n != 1 || c->negative != q->clauses[from].negative ||
		    strcmp(c->stems[0], alt->stems[k]))
			return 0;
	}
	return 1;
}

void search_expand_synonyms(const struct lexicon *lx, struct query *q, struct arena *a)
{
	size_t ngroups;
	const struct synonym_group *groups = lexicon_synonyms(lx, &ngroups);
	for (size_t i = 0; i < q->n; i++) {
		for (size_t g = 0; g < ngroups; g++) {
			for (size_t k = 0; k < groups[g].n; k++) {
				const struct synonym_alt *alt = &groups[g].alts[k];
				if (!matches_alt(q, i, alt))
					continue;
				/* A multi-word match becomes one phrase clause with the group as alternatives. */
				struct clause *c = &q->clauses[i];
				if (alt->n > 1) {
					c->kind = CLAUSE_PHRASE;
					c->stems = alt->stems;
					c->words = alt->stems;
					c->n = alt->n;
					c->nparts = 0;
					memmove(q->clauses + i + 1, q->clauses + i + alt->n,
						(q->n - i - alt->n) * sizeof(*q->clauses));
					q->n -= alt->n - 1;
				}
				for (size_t o = 0; o < groups[g].n; o++) {
					if (o == k)
						continue;
					struct buf b = BUF_INIT(1024);
					for (size_t w = 0; w < groups[g].alts[o].n; w++)
						if ((w && buf_addc(&b, ' ')) ||
						    buf_adds(&b, groups[g].alts[o].stems[w]))
							break;
					(void) push_alt(c, a, arena_strndup(a, b.ptr, b.len));
					buf_free(&b);
				}
				g = ngroups; /* one group per clause */
				break;
			}
		}
	}
}

/* An FTS5 string: our terms are [a-z0-9 ] only, but quotes are doubled all the same. */
static int quoted(struct buf *b, const char *s)
{
	int rc = buf_addc(b, '"');
	for (; *s && !rc; s++)
		rc = *s == '"' ? buf_adds(b, "\"\"") : buf_addc(b, *s);
	return rc ? rc : buf_addc(b, '"');
}

static int clause_expr(struct buf *b, const struct clause *c)
{
	int rc = buf_addc(b, '(');
	if (c->kind == CLAUSE_PREFIX) {
		rc = rc || quoted(b, c->stems[0]) || buf_adds(b, " *");
	} else if (c->kind == CLAUSE_PHRASE) {
		struct buf phrase = BUF_INIT(4096);
		for (size_t i = 0; i < c->n && !rc; i++)
			rc = (i && buf_addc(&phrase, ' ')) || buf_adds(&phrase, c->stems[i]);
		rc = rc || quoted(b, phrase.ptr);
		buf_free(&phrase);
	} else {
		rc = rc || quoted(b, c->stems[0]);
		if (c->nparts >= 2) {
			rc = rc || buf_adds(b, " OR (");
			for (int p = 0; p < c->nparts && !rc; p++)
				rc = (p && buf_adds(b, " AND ")) || quoted(b, c->parts[p]);
			rc = rc || buf_addc(b, ')');
		}
	}
	for (size_t i = 0; i < c->nalts && !rc; i++)
		rc = buf_adds(b, " OR ") || quoted(b, c->alts[i]);
	return rc ? rc : buf_addc(b, ')');
}

char *search_expression(const struct query *q, struct arena *a)
{
	struct buf pos = BUF_INIT(64 << 10), neg = BUF_INIT(64 << 10);
	int rc = 0;
	for (size_t i = 0; i < q->n && !rc; i++) {
		struct buf *b = q->clauses[i].negative ? &neg : &pos;
		rc = (b->len && buf_adds(b, q->clauses[i].negative ? " OR " : " AND ")) ||
		     clause_expr(b, &q->clauses[i]);
	}
	char *out = NULL;
	if (!rc && pos.len)
		out = neg.len ? arena_printf(a, "(%s) NOT (%s)", pos.ptr, neg.ptr) : arena_strdup(a, pos.ptr);
	buf_free(&pos);
	buf_free(&neg);
	return out;
}
