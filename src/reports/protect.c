/*
 * Primary and secondary suppression of one table, checked by the audit's
 * linear programs (sdc.h has the rules). The search is greedy: while some
 * requirement fails, try the cheapest ways to hide more cells around it (one
 * partner in its row or column, or the other corners of a rectangle) and keep
 * the first that satisfies it, else the one that brings it closest. Every
 * step hides at least one more cell, so it ends: protected, or everything
 * that may be hidden is and the table cannot be published (ERR_CONFLICT).
 * Fails only with ERR_NOMEM or ERR_CONFLICT; the table is then not to be
 * published.
 */
#include <stdlib.h>

#include "base/mem.h"
#include "reports/sdc_internal.h"

enum req_kind {
	REQ_LOW, /* a "< 5": 1..4 all still possible */
	REQ_ALL, /* a column's cases in one row (or one theme group's rows): SDC_THRESHOLD may be elsewhere */
	REQ_HIDDEN,
};

struct req {
	enum req_kind kind;
	size_t anchor; /* the cell the search hides partners around */
	size_t col;    /* REQ_ALL: the column, */
	int group;     /* and the theme group, or -1 for the anchor's row alone */
};

/* A way to hide more: up to three cells, ordered by cost. */
struct move {
	size_t cell[3];
	size_t n;
	long long cost;
};

/*
 * Hiding a cell only widens what the published figures allow, so a
 * requirement that holds keeps holding: held[] marks those, and only the
 * others are solved again.
 */
struct search {
	struct grid *g;
	struct sdc_lp *lp;
	size_t *cells; /* scratch for one objective */
	int *coef;
	unsigned char *held;	    /* per requirement */
	unsigned char *held_hidden; /* per cell, the requirement of a hidden cell */
};

static int is_total(const struct rtable *t, size_t k)
{
	return (t->row_totals && k % t->ncols == t->ncols - 1) || (t->col_totals && k / t->ncols == t->nrows - 1);
}

static void set_state(struct search *s, size_t k, int state)
{
	struct rtable *t = s->g->t;
	t->state[k] = (unsigned char) state;
	t->value[k] = state == CELL_VALUE ? s->g->truth[k] : 0;
	if (s->lp)
		sdc_lp_cell(s->lp, k);
}

/* How far requirement r is from holding (0: it holds), or a negative error. */
static long long shortfall(struct search *s, const struct req *r)
{
	const struct rtable *t = s->g->t;
	size_t n = 0;
	if (r->kind == REQ_ALL) {
		s->cells[n] = CELL(t, t->nrows - 1, r->col), s->coef[n++] = 1;
		for (size_t i = 0; i + 1 < t->nrows; i++)
			if (r->group < 0 ? CELL(t, i, r->col) == r->anchor : s->g->group[i] == r->group)
				s->cells[n] = CELL(t, i, r->col), s->coef[n++] = -1;
	} else {
		s->cells[n] = r->anchor, s->coef[n++] = 1;
	}
	long long lo = 1, hi; /* only a "< 5" needs its least value */
	int rc = sdc_lp_range(s->lp, s->cells, s->coef, n, r->kind == REQ_LOW ? &lo : NULL, &hi);
	if (rc)
		return rc;
	return sdc_shortfall(r->kind == REQ_LOW ? CELL_LOW : CELL_HIDDEN, lo, hi);
}

/* The first requirement that fails (into *bad, with its shortfall), 0 when all hold, or an error. */
static long long first_failing(struct search *s, const struct req *reqs, size_t nreqs, struct req *bad)
{
	const struct rtable *t = s->g->t;
	for (size_t i = 0; i < nreqs; i++) {
		long long sf = s->held[i] ? 0 : shortfall(s, &reqs[i]);
		if (sf) {
			*bad = reqs[i];
			return sf;
		}
		s->held[i] = 1;
	}
	for (size_t k = 0; k < t->nrows * t->ncols; k++) {
		/* A hidden count of SDC_THRESHOLD or more is a solution itself: the maximum is at least that. */
		if (t->state[k] != CELL_HIDDEN || s->held_hidden[k] || s->g->truth[k] >= SDC_THRESHOLD)
			continue;
		struct req r = {.kind = REQ_HIDDEN, .anchor = k, .group = -1};
		long long sf = shortfall(s, &r);
		if (sf) {
			*bad = r;
			return sf;
		}
		s->held_hidden[k] = 1;
	}
	return 0;
}

/* Add a move hiding the published ones of cells[0..n); none when a locked cell would have to go. */
static void add_move(struct search *s, struct move *moves, size_t *nmoves, const size_t *cells, size_t n)
{
	const struct rtable *t = s->g->t;
	struct move m = {.n = 0, .cost = 0};
	for (size_t i = 0; i < n; i++) {
		size_t k = cells[i];
		if (t->state[k] != CELL_VALUE)
			continue;
		if (s->g->locked[k])
			return;
		m.cell[m.n++] = k;
		/* Fewer cells first, then small ones (they tell least), totals last. */
		m.cost += 1000000 + s->g->truth[k] + (is_total(t, k) ? 10000 : 0);
	}
	if (m.n)
		moves[(*nmoves)++] = m;
}

static int by_cost(const void *a, const void *b)
{
	const struct move *x = a, *y = b;
	return (x->cost > y->cost) - (x->cost < y->cost);
}

/* The ways to hide more around cell k: partners in its lines, rectangles through it. */
static size_t moves_around(struct search *s, size_t k, struct move *moves)
{
	const struct rtable *t = s->g->t;
	size_t i = k / t->ncols, j = k % t->ncols, n = 0;
	for (size_t l = 0; t->row_totals && l < t->ncols; l++)
		if (l != j)
			add_move(s, moves, &n, (size_t[]){CELL(t, i, l)}, 1);
	for (size_t r = 0; t->col_totals && r < t->nrows; r++)
		if (r != i)
			add_move(s, moves, &n, (size_t[]){CELL(t, r, j)}, 1);
	for (size_t r = 0; t->row_totals && t->col_totals && r < t->nrows; r++)
		for (size_t l = 0; r != i && l < t->ncols; l++)
			if (l != j)
				add_move(s, moves, &n, (size_t[]){CELL(t, i, l), CELL(t, r, j), CELL(t, r, l)}, 3);
	qsort(moves, n, sizeof(*moves), by_cost);
	return n;
}

static void apply(struct search *s, const struct move *m, int state)
{
	for (size_t i = 0; i < m->n; i++)
		set_state(s, m->cell[i], state);
}

/*
 * One step for the failing requirement r (shortfall sf): hide the first
 * move that satisfies it, else the one that helps most, else the cheapest.
 * 0, ERR_CONFLICT when nothing around it can be hidden, or an error.
 */
static int step(struct search *s, const struct req *r, long long sf, struct move *moves)
{
	size_t n = moves_around(s, r->anchor, moves), best = 0;
	long long best_sf = sf;
	if (!n)
		return ERR_CONFLICT;
	for (size_t i = 0; i < n; i++) {
		apply(s, &moves[i], CELL_HIDDEN);
		long long now = shortfall(s, r);
		apply(s, &moves[i], CELL_VALUE);
		if (now < 0)
			return (int) now;
		if (now < best_sf)
			best = i, best_sf = now;
		if (!now)
			break;
	}
	apply(s, &moves[best], CELL_HIDDEN);
	return 0;
}

/*
 * Whether a theme group's rows form a set of their own: two rows or more (one
 * row is its own requirement), and not every row (then the set says nothing).
 */
static int group_set(const struct grid *g, int group)
{
	size_t n = 0;
	for (size_t i = 0; g->group && i + 1 < g->t->nrows; i++)
		n += g->group[i] == group;
	return n >= 2 && n + 1 < g->t->nrows;
}

/*
 * Primary suppression: counts of 1-4 become "< 5"; in each column a row (or
 * a theme group's rows) holding all its cases is hidden (its largest cell)
 * and noted as a requirement. Returns how many requirements went into reqs.
 */
static size_t primary(struct search *s, struct req *reqs)
{
	struct grid *g = s->g;
	struct rtable *t = g->t;
	size_t n = 0;
	for (size_t k = 0; k < t->nrows * t->ncols; k++)
		set_state(s, k, g->truth[k] >= 1 && g->truth[k] < SDC_THRESHOLD ? CELL_LOW : CELL_VALUE);
	for (size_t k = 0; k < t->nrows * t->ncols; k++)
		if (t->state[k] == CELL_LOW)
			reqs[n++] = (struct req){.kind = REQ_LOW, .anchor = k, .group = -1};
	for (size_t j = 0; t->col_totals && t->nrows > 2 && j < t->ncols; j++) {
		long long total = g->truth[CELL(t, t->nrows - 1, j)];
		for (size_t i = 0; total > 0 && i + 1 < t->nrows; i++)
			if (g->truth[CELL(t, i, j)] == total)
				reqs[n++] =
				    (struct req){.kind = REQ_ALL, .anchor = CELL(t, i, j), .col = j, .group = -1};
		for (int grp = 0; total > 0 && grp < SDC_GROUPS; grp++) {
			size_t big = CELL(t, t->nrows - 1, j); /* the set's largest cell */
			long long sum = 0;
			for (size_t i = 0; group_set(g, grp) && i + 1 < t->nrows; i++)
				if (g->group[i] == grp) {
					size_t k = CELL(t, i, j);
					sum += g->truth[k];
					if (big == CELL(t, t->nrows - 1, j) || g->truth[k] > g->truth[big])
						big = k;
				}
			if (sum == total)
				reqs[n++] = (struct req){.kind = REQ_ALL, .anchor = big, .col = j, .group = grp};
		}
	}
	for (size_t i = 0; i < n; i++)
		if (reqs[i].kind == REQ_ALL && t->state[reqs[i].anchor] == CELL_VALUE)
			set_state(s, reqs[i].anchor, CELL_HIDDEN);
	return n;
}

int sdc_protect(struct grid *g, unsigned flags)
{
	struct rtable *t = g->t;
	size_t ncells = t->nrows * t->ncols;
	struct search s = {.g = g};
	/* At most one LOW per cell, and per column an all-cases requirement per row and per theme group. */
	size_t maxreqs = ncells + t->ncols * (t->nrows + SDC_GROUPS);
	struct req *reqs = mem_calloc(maxreqs, sizeof(*reqs));
	struct move *moves = mem_calloc(t->nrows * t->ncols + t->nrows + t->ncols, sizeof(*moves));
	s.cells = mem_calloc(t->nrows + 1, sizeof(*s.cells));
	s.coef = mem_calloc(t->nrows + 1, sizeof(*s.coef));
	s.held = mem_calloc(maxreqs + ncells, 1);
	s.held_hidden = s.held ? s.held + maxreqs : NULL;
	int rc = reqs && moves && s.cells && s.coef && s.held ? 0 : ERR_NOMEM;
	size_t nreqs = rc ? 0 : primary(&s, reqs);
	for (size_t k = 0; !rc && k < ncells; k++)
		if (g->locked[k] && t->state[k] != CELL_VALUE)
			rc = ERR_CONFLICT;
	if (!rc && !(flags & SDC_TEST_NO_SECONDARY))
		rc = sdc_lp_open(&s.lp, t);
	/* Each step hides a cell more, so ncells steps reach the end either way. */
	int held = !s.lp;
	for (size_t round = 0; !rc && !held && round <= ncells; round++) {
		struct req bad;
		long long sf = first_failing(&s, reqs, nreqs, &bad);
		if (sf < 0)
			rc = (int) sf;
		else if (!sf)
			held = 1;
		else
			rc = step(&s, &bad, sf, moves);
	}
	if (!rc && !held)
		rc = ERR_CONFLICT;
	sdc_lp_close(s.lp);
	mem_free(reqs), mem_free(moves), mem_free(s.cells), mem_free(s.coef), mem_free(s.held);
	if (rc == ERR_INVALID) /* the true counts always fit: only a broken solver gets here */
		rc = ERR_CONFLICT;
	return rc;
}

void sdc_protect_list(struct grid *g)
{
	struct rtable *t = g->t;
	for (size_t j = 0; j < t->ncols; j++) {
		long long all = g->truth[CELL(t, t->nrows - 1, j)];
		for (size_t i = 0; i < t->nrows; i++) {
			size_t k = CELL(t, i, j);
			long long x = g->truth[k];
			int state = x >= 1 && x < SDC_THRESHOLD ? CELL_LOW : CELL_VALUE;
			if (i + 1 < t->nrows && state == CELL_VALUE && x > 0 && all - x < SDC_THRESHOLD)
				state = CELL_HIDDEN;
			t->state[k] = (unsigned char) state;
			t->value[k] = state == CELL_VALUE ? x : 0;
		}
	}
}

size_t sdc_suppressed(const struct rtable *t, int *total_hidden)
{
	size_t n = 0;
	*total_hidden = 0;
	for (size_t k = 0; k < t->nrows * t->ncols; k++) {
		if (t->state[k] == CELL_VALUE)
			continue;
		if (!is_total(t, k))
			n++;
		else if (t->col_totals && k / t->ncols == t->nrows - 1)
			*total_hidden = 1;
	}
	return n;
}
