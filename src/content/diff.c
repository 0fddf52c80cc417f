/*
 * Line diff by longest common subsequence (diff.h): O(n*m) time and 2-byte
 * cells, both capped by DIFF_MAX_LINES per side. A longer text is
 * ERR_TOO_LARGE and a full arena ERR_NOMEM, before any output is set; the
 * lines point into the two texts.
 */
#include <stdint.h>
#include <string.h>

#include "content/diff.h"

struct lines {
	const char **at;
	size_t *len;
	size_t n;
};

static int split(struct arena *a, const char *s, struct lines *l)
{
	size_t n = 0;
	for (const char *p = s; *p; p++)
		n += *p == '\n';
	n += *s && s[strlen(s) - 1] != '\n';
	if (n > DIFF_MAX_LINES)
		return ERR_TOO_LARGE;
	l->at = arena_calloc(a, n + 1, sizeof(*l->at));
	l->len = arena_calloc(a, n + 1, sizeof(*l->len));
	if (!l->at || !l->len)
		return ERR_NOMEM;
	l->n = 0;
	for (const char *p = s; *p;) {
		size_t len = strcspn(p, "\n");
		l->at[l->n] = p;
		l->len[l->n++] = len;
		p += len + (p[len] == '\n');
	}
	return 0;
}

static int same(const struct lines *x, size_t i, const struct lines *y, size_t j)
{
	return x->len[i] == y->len[j] && !memcmp(x->at[i], y->at[j], x->len[i]);
}

int diff_lines(struct arena *a, const char *old, const char *new, struct diff_line **out, size_t *n)
{
	struct lines x, y;
	int rc = split(a, old ? old : "", &x);
	if (!rc)
		rc = split(a, new ? new : "", &y);
	if (rc)
		return rc;
	/* lcs[i][j]: the common lines of x[i..] and y[j..]. */
	size_t w = y.n + 1;
	uint16_t *lcs = arena_calloc(a, (x.n + 1) * w, sizeof(*lcs));
	struct diff_line *d = arena_calloc(a, x.n + y.n + 1, sizeof(*d));
	if (!lcs || !d)
		return ERR_NOMEM;
	for (size_t i = x.n; i-- > 0;)
		for (size_t j = y.n; j-- > 0;)
			lcs[i * w + j] = same(&x, i, &y, j) ? (uint16_t) (lcs[(i + 1) * w + j + 1] + 1)
					 : lcs[(i + 1) * w + j] >= lcs[i * w + j + 1] ? lcs[(i + 1) * w + j]
										      : lcs[i * w + j + 1];
	size_t i = 0, j = 0, k = 0;
	while (i < x.n || j < y.n) {
		if (i < x.n && j < y.n && same(&x, i, &y, j)) {
			d[k++] = (struct diff_line){' ', x.at[i], x.len[i]};
			i++, j++;
		} else if (i < x.n && (j == y.n || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) {
			d[k++] = (struct diff_line){'-', x.at[i], x.len[i]};
			i++;
		} else {
			d[k++] = (struct diff_line){'+', y.at[j], y.len[j]};
			j++;
		}
	}
	*out = d;
	*n = k;
	return 0;
}
