/*
 * Running a search (search.h): parse, expand, correct typos, rank; and
 * snippets with hits marked. Errors are ERR_TOO_LARGE (query caps), ERR_NOMEM
 * and ERR_DB, and a failed search holds no hits; an empty query, or one the
 * full-text engine refuses, gives no hits rather than an error.
 */
#include <string.h>

#include "base/buf.h"
#include "search/search.h"

/* Correct words the index does not know (and whose compound parts it does not know either). */
static int correct_typos(struct search_env *env, struct query *q, struct arena *a, int *corrected)
{
	*corrected = 0;
	for (size_t i = 0; i < q->n; i++) {
		struct clause *c = &q->clauses[i];
		if (c->kind != CLAUSE_WORD || c->n != 1 || c->nalts || c->negative)
			continue;
		int has = 0;
		if (store_search_has_term(env->st, c->stems[0], &has))
			return ERR_DB;
		for (int p = 0; !has && c->nparts >= 2 && p <= c->nparts; p++) {
			if (p == c->nparts) {
				has = 1; /* every part is known */
				break;
			}
			int part_known = 0;
			if (store_search_has_term(env->st, c->parts[p], &part_known))
				return ERR_DB;
			if (!part_known)
				break;
		}
		if (has || !env->speller)
			continue;
		const char *fix = speller_correct(env->speller, c->words[0]);
		if (!fix)
			continue;
		char word[TEXT_MAX_WORD], s[TEXT_MAX_WORD];
		text_fold(fix, strlen(fix), word, sizeof(word));
		text_stem(env->stem, word, s, sizeof(s));
		const char **alts = arena_alloc(a, sizeof(*alts));
		if (!alts)
			return ERR_NOMEM;
		alts[0] = arena_strdup(a, s);
		c->alts = alts;
		c->nalts = 1;
		c->corrected = arena_strdup(a, fix);
		(*corrected)++;
	}
	return 0;
}

/* The query as typed, with corrected words in place: "Bedoelde je: ...". */
static const char *suggestion(const struct query *q, struct arena *a)
{
	struct buf b = BUF_INIT(4096);
	int rc = 0;
	for (size_t i = 0; i < q->n && !rc; i++) {
		const struct clause *c = &q->clauses[i];
		rc = b.len && buf_addc(&b, ' ');
		rc = rc || (c->negative && buf_addc(&b, '-')) || (c->kind == CLAUSE_PHRASE && buf_addc(&b, '"'));
		for (size_t w = 0; w < c->n && !rc; w++)
			rc = (w && buf_addc(&b, ' ')) || buf_adds(&b, c->corrected ? c->corrected : c->words[w]);
		rc = rc || (c->kind == CLAUSE_PHRASE && buf_addc(&b, '"')) ||
		     (c->kind == CLAUSE_PREFIX && buf_addc(&b, '*'));
	}
	const char *s = rc ? NULL : arena_strndup(a, b.ptr, b.len);
	buf_free(&b);
	return s;
}

/* Every stem a snippet should mark. */
static void collect_highlights(const struct query *q, struct arena *a, struct search_result *res)
{
	size_t cap = 0;
	for (size_t i = 0; i < q->n; i++)
		cap += q->clauses[i].n + (size_t) q->clauses[i].nparts + q->clauses[i].nalts * 4;
	res->highlight = arena_calloc(a, cap + 1, sizeof(*res->highlight));
	if (!res->highlight)
		return;
	for (size_t i = 0; i < q->n; i++) {
		const struct clause *c = &q->clauses[i];
		if (c->negative)
			continue;
		for (size_t k = 0; k < c->n; k++)
			res->highlight[res->nhighlight++] = c->stems[k];
		for (int p = 0; p < c->nparts; p++)
			res->highlight[res->nhighlight++] = c->parts[p];
		for (size_t k = 0; k < c->nalts; k++) {
			/* A multi-word alternative: each of its stems. */
			char *copy = arena_strdup(a, c->alts[k]);
			for (char *w = copy, *sp; w && *w && res->nhighlight < cap; w = sp ? sp + 1 : NULL) {
				sp = strchr(w, ' ');
				if (sp)
					*sp = '\0';
				res->highlight[res->nhighlight++] = w;
			}
		}
	}
}

int search_run(struct search_env *env, const char *qtext, const struct item_filter *f, long long offset, int limit,
	       struct arena *a, struct search_result *res)
{
	memset(res, 0, sizeof(*res));
	struct query q;
	int rc = search_parse(env->lx, env->stem, qtext, a, &q);
	if (rc)
		return rc;
	search_expand_synonyms(env->lx, &q, a);
	int corrected;
	if ((rc = correct_typos(env, &q, a, &corrected)))
		return rc;
	collect_highlights(&q, a, res);
	res->match = search_expression(&q, a);
	if (!res->match)
		return a->failed ? ERR_NOMEM : 0;
	rc = store_search(env->st, a, res->match, f, offset, limit, &res->hits, &res->n, &res->total);
	if (rc == ERR_INVALID) { /* an expression FTS5 refuses: no results, not an error */
		res->match = NULL;
		return 0;
	}
	if (!rc && corrected)
		res->suggestion = suggestion(&q, a);
	return rc;
}

const char *search_total_label(long long total, struct arena *a)
{
	if (store_search_more(total)) {
		long n = store_search_depth();
		return n >= 1000 ? arena_printf(a, "meer dan %ld.%03ld resultaten", n / 1000, n % 1000)
				 : arena_printf(a, "meer dan %ld resultaten", n);
	}
	return total == 1 ? "1 resultaat" : arena_printf(a, "%lld resultaten", total);
}

static int is_highlight(const struct search_result *res, const char *stem)
{
	for (size_t i = 0; i < res->nhighlight; i++)
		if (!strcmp(res->highlight[i], stem))
			return 1;
	return 0;
}

/* Add text[from..to) as a snippet part, whitespace collapsed. */
static int part(struct arena *a, struct snippet_part *out, size_t *n, const char *text, size_t from, size_t to, int hit)
{
	char *s = arena_alloc(a, to - from + 1);
	if (!s)
		return ERR_NOMEM;
	size_t k = 0;
	for (size_t i = from; i < to; i++) {
		char c = text[i] == '\n' || text[i] == '\t' || text[i] == '\r' ? ' ' : text[i];
		if (c == ' ' && k && s[k - 1] == ' ')
			continue;
		s[k++] = c;
	}
	s[k] = '\0';
	out[*n].text = s;
	out[*n].hit = hit;
	(*n)++;
	return 0;
}

int search_snippet(struct search_env *env, const char *text, const struct search_result *res, int words,
		   struct arena *a, struct snippet_part **parts, size_t *n)
{
	*parts = NULL;
	*n = 0;
	char *plain = search_plain(a, text);
	struct token *toks;
	size_t ntok;
	int rc = plain ? text_tokens(env->lx, plain, strlen(plain), 100000, a, &toks, &ntok) : ERR_NOMEM;
	if (rc || !ntok)
		return rc;
	char *hit = arena_calloc(a, ntok, 1);
	if (!hit)
		return ERR_NOMEM;
	for (size_t i = 0; i < ntok; i++) {
		char w[TEXT_MAX_WORD], s[TEXT_MAX_WORD], sub[TEXT_MAX_PARTS][TEXT_MAX_WORD];
		if (toks[i].stop)
			continue;
		memcpy(w, toks[i].word, sizeof(w));
		text_base(env->lx, w);
		text_stem(env->stem, w, s, sizeof(s));
		hit[i] = (char) is_highlight(res, s);
		int np = hit[i] ? 0 : text_split(env->lx, w, sub);
		for (int p = 0; p < np && !hit[i]; p++) {
			text_stem(env->stem, sub[p], s, sizeof(s));
			hit[i] = (char) is_highlight(res, s);
		}
	}
	/* The window of `words` tokens with the most hits (the first, if none). */
	size_t win = (size_t) words < ntok ? (size_t) words : ntok, best = 0, count = 0, best_count = 0;
	for (size_t i = 0; i < win; i++)
		count += (size_t) hit[i];
	best_count = count;
	for (size_t i = win; i < ntok; i++) {
		count += (size_t) hit[i] - (size_t) hit[i - win];
		if (count > best_count) {
			best_count = count;
			best = i - win + 1;
		}
	}
	struct snippet_part *out = arena_calloc(a, win * 2 + 3, sizeof(*out));
	if (!out)
		return ERR_NOMEM;
	size_t k = 0, from = toks[best].start;
	if (best > 0)
		rc = part(a, out, &k, "… ", 0, 4, 0);
	for (size_t i = best; i < best + win && !rc; i++) {
		if (!hit[i])
			continue;
		if (toks[i].start > from)
			rc = part(a, out, &k, plain, from, toks[i].start, 0);
		if (!rc)
			rc = part(a, out, &k, plain, toks[i].start, toks[i].start + toks[i].len, 1);
		from = toks[i].start + toks[i].len;
	}
	size_t end = toks[best + win - 1].start + toks[best + win - 1].len;
	if (!rc && end > from)
		rc = part(a, out, &k, plain, from, end, 0);
	if (!rc && best + win < ntok)
		rc = part(a, out, &k, " …", 0, 4, 0);
	*parts = out;
	*n = k;
	return rc;
}
