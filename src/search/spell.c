/*
 * Typo tolerance after SymSpell: every vocabulary word is stored with all its
 * deletions up to two letters (as 64-bit hashes, sorted); a query word's own
 * deletions meet them, and the true edit distance (with transpositions) decides.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "base/mem.h"
#include "search/search.h"
#include "store/search.h"

#define MAX_WORD 32

struct del {
	uint64_t h;
	uint32_t w;
};

struct speller {
	char *text; /* the words, NUL-separated */
	size_t len, cap;
	uint32_t *off; /* word i starts at text + off[i] */
	long long *freq;
	size_t n, capw;
	struct del *dels;
	size_t ndels, capd;
	uint32_t *sorted; /* word indices in byte order, for prefixes */
};

static int push_del(struct speller *sp, const char *s, size_t n, uint32_t w)
{
	if (sp->ndels == sp->capd) {
		size_t cap = sp->capd ? sp->capd * 2 : 4096;
		struct del *d = mem_realloc(sp->dels, cap * sizeof(*d));
		if (!d)
			return ERR_NOMEM;
		sp->dels = d;
		sp->capd = cap;
	}
	sp->dels[sp->ndels].h = hash64(s, n);
	sp->dels[sp->ndels++].w = w;
	return 0;
}

/* Push w and its deletions up to depth (duplicates are harmless). */
static int deletions(struct speller *sp, char *s, size_t n, int depth, uint32_t w)
{
	int rc = push_del(sp, s, n, w);
	if (rc || !depth || n <= 1)
		return rc;
	char buf[MAX_WORD];
	for (size_t i = 0; i < n && !rc; i++) {
		if (i && s[i] == s[i - 1])
			continue; /* deleting either of a double letter gives the same string */
		memcpy(buf, s, i);
		memcpy(buf + i, s + i + 1, n - i - 1);
		rc = deletions(sp, buf, n - 1, depth - 1, w);
	}
	return rc;
}

static int add_word(void *ctx, const char *word, long long freq)
{
	struct speller *sp = ctx;
	size_t n = strlen(word);
	if (n < 3 || n >= MAX_WORD)
		return 0;
	if (sp->n == sp->capw) {
		size_t cap = sp->capw ? sp->capw * 2 : 1024;
		uint32_t *o = mem_realloc(sp->off, cap * sizeof(*o));
		if (o)
			sp->off = o;
		long long *f = mem_realloc(sp->freq, cap * sizeof(*f));
		if (f)
			sp->freq = f;
		if (!o || !f)
			return ERR_NOMEM;
		sp->capw = cap;
	}
	if (sp->len + n + 1 > sp->cap) {
		size_t cap = sp->cap ? sp->cap * 2 : 1 << 16;
		char *t = mem_realloc(sp->text, cap);
		if (!t)
			return ERR_NOMEM;
		sp->text = t;
		sp->cap = cap;
	}
	memcpy(sp->text + sp->len, word, n + 1);
	sp->off[sp->n] = (uint32_t) sp->len;
	sp->freq[sp->n] = freq;
	sp->len += n + 1;
	char copy[MAX_WORD];
	memcpy(copy, word, n + 1);
	int rc = deletions(sp, copy, n, n >= 4 ? 2 : 1, (uint32_t) sp->n);
	sp->n++;
	return rc;
}

static int by_hash(const void *a, const void *b)
{
	uint64_t x = ((const struct del *) a)->h, y = ((const struct del *) b)->h;
	return x < y ? -1 : x > y;
}

static const struct speller *sort_ctx;

static int by_word(const void *a, const void *b)
{
	return strcmp(sort_ctx->text + sort_ctx->off[*(const uint32_t *) a],
		      sort_ctx->text + sort_ctx->off[*(const uint32_t *) b]);
}

struct speller *speller_build(struct store *st, long long max_words)
{
	struct speller *sp = mem_calloc(1, sizeof(*sp));
	if (!sp)
		return NULL;
	if (store_search_words(st, 1, max_words, add_word, sp) || !sp->n) {
		speller_free(sp);
		return NULL;
	}
	qsort(sp->dels, sp->ndels, sizeof(*sp->dels), by_hash);
	sp->sorted = mem_alloc(sp->n * sizeof(*sp->sorted));
	if (!sp->sorted) {
		speller_free(sp);
		return NULL;
	}
	for (size_t i = 0; i < sp->n; i++)
		sp->sorted[i] = (uint32_t) i;
	/* Built once, before any thread sees it: the static sort context is safe here. */
	sort_ctx = sp;
	qsort(sp->sorted, sp->n, sizeof(*sp->sorted), by_word);
	sort_ctx = NULL;
	return sp;
}

void speller_free(struct speller *sp)
{
	if (!sp)
		return;
	mem_free(sp->text);
	mem_free(sp->off);
	mem_free(sp->freq);
	mem_free(sp->dels);
	mem_free(sp->sorted);
	mem_free(sp);
}

/* Edit distance with adjacent transpositions (optimal string alignment), capped at max + 1. */
static int distance(const char *a, const char *b, int max)
{
	size_t n = strlen(a), m = strlen(b);
	if ((n > m ? n - m : m - n) > (size_t) max)
		return max + 1;
	int d[MAX_WORD + 1][MAX_WORD + 1];
	for (size_t i = 0; i <= n; i++)
		d[i][0] = (int) i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = (int) j;
	for (size_t i = 1; i <= n; i++)
		for (size_t j = 1; j <= m; j++) {
			int cost = a[i - 1] != b[j - 1];
			int v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[n][m];
}

struct best {
	const struct speller *sp;
	const char *word;
	int max, dist;
	long long freq;
	const char *found;
};

static void consider(struct best *b, const char *s, size_t n)
{
	uint64_t h = hash64(s, n);
	size_t lo = 0, hi = b->sp->ndels;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (b->sp->dels[mid].h < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < b->sp->ndels && b->sp->dels[i].h == h; i++) {
		uint32_t w = b->sp->dels[i].w;
		const char *cand = b->sp->text + b->sp->off[w];
		int d = distance(b->word, cand, b->max);
		if (d == 0 || d > b->max)
			continue;
		if (d < b->dist || (d == b->dist && b->sp->freq[w] > b->freq)) {
			b->dist = d;
			b->freq = b->sp->freq[w];
			b->found = cand;
		}
	}
}

static void query_deletions(struct best *b, char *s, size_t n, int depth)
{
	consider(b, s, n);
	if (!depth || n <= 1)
		return;
	char buf[MAX_WORD];
	for (size_t i = 0; i < n; i++) {
		if (i && s[i] == s[i - 1])
			continue;
		memcpy(buf, s, i);
		memcpy(buf + i, s + i + 1, n - i - 1);
		query_deletions(b, buf, n - 1, depth - 1);
	}
}

const char *speller_correct(const struct speller *sp, const char *word)
{
	size_t n = strlen(word);
	int max = n >= 9 ? 2 : n >= 5 ? 1 : 0;
	if (!sp || !max || n >= MAX_WORD)
		return NULL;
	struct best b = {sp, word, max, max + 1, 0, NULL};
	char copy[MAX_WORD];
	memcpy(copy, word, n + 1);
	query_deletions(&b, copy, n, max);
	return b.found;
}

size_t speller_complete(const struct speller *sp, const char *prefix, const char **out, size_t max)
{
	size_t plen = strlen(prefix), lo = 0, hi = sp ? sp->n : 0, k = 0;
	if (!sp || !plen)
		return 0;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(sp->text + sp->off[sp->sorted[mid]], prefix) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* The range of words with the prefix; keep the most frequent (the first 5000 looked at). */
	long long best_freq[16] = {0};
	if (max > 16)
		max = 16;
	for (size_t i = lo, seen = 0; i < sp->n && seen < 5000; i++, seen++) {
		uint32_t w = sp->sorted[i];
		const char *s = sp->text + sp->off[w];
		if (strncmp(s, prefix, plen))
			break;
		long long f = sp->freq[w];
		size_t pos = k < max ? k : max;
		while (pos > 0 && best_freq[pos - 1] < f)
			pos--;
		if (pos >= max)
			continue;
		size_t end = k < max ? k : max - 1;
		memmove(out + pos + 1, out + pos, (end - pos) * sizeof(*out));
		memmove(best_freq + pos + 1, best_freq + pos, (end - pos) * sizeof(*best_freq));
		out[pos] = s;
		best_freq[pos] = f;
		if (k < max)
			k++;
	}
	return k;
}
