/*
 * reports/sdc attacked: thousands of random, reproducible case sets (small
 * organisations above all, with skewed distributions) are built into reports,
 * and an attacker with its own linear programs (GLPK, written apart from the
 * module's) tries to pin a count from what the tables publish: each suppressed
 * cell, the cases a column has besides a row or theme group, and last year's
 * and this year's tables together with the comparison between them. It must
 * find nothing, and must find something once secondary suppression is off or
 * the comparison is recomputed from raw data.
 */
#include "testutil.h"

#include <glpk.h>
#include <limits.h>
#include <math.h>

#include "reports/sdc.h"
#include "reports/sdc_internal.h"
#include "sdc_hand.h"

#define ROUNDS	  2000
#define GRIDS	  2000
#define MAX_CASES 200

/* ---- random case sets ---- */

static uint64_t seed;

static uint32_t next(void)
{
	seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
	return (uint32_t) (seed >> 32);
}

static double unit(void)
{
	return next() / 4294967296.0;
}

/* Skewed weights: many categories empty, a few taking most. */
static void skew(double *w, size_t n)
{
	double sum = 0;
	for (size_t i = 0; i < n; i++) {
		double u = unit();
		w[i] = next() % 3 ? u * u * u : 0;
		sum += w[i];
	}
	if (sum == 0)
		w[next() % n] = 1;
}

static size_t pick(const double *w, size_t n)
{
	double sum = 0, at;
	for (size_t i = 0; i < n; i++)
		sum += w[i];
	at = unit() * sum;
	for (size_t i = 0; i < n; i++)
		if ((at -= w[i]) < 0 && w[i] > 0)
			return i;
	for (size_t i = n; i-- > 0;)
		if (w[i] > 0)
			return i;
	return 0;
}

static const char *const themes[] = {"pesten",
				     "intimidatie",
				     "seksuele-intimidatie",
				     "discriminatie",
				     "agressie-geweld",
				     "conflict-leidinggevende",
				     "werkdruk",
				     "prive",
				     "fraude",
				     "diefstal",
				     "machtsmisbruik",
				     "belangenverstrengeling",
				     "regels",
				     "overig",
				     "eigen-reorganisatie",
				     "eigen-thuiswerk",
				     ""};
static const char *const channels[] = {"persoonlijk", "telefoon", "email", "brief", "online"};
static const char *const outcomes[] = {"",	  "opgelost",	"doorverwezen",	    "klacht",
				       "melding", "geen-actie", "contact-verloren", "overig"};
static const char *const involved[] = {"collega", "leidinggevende", "ondergeschikte", "klant",	      "patient",
				       "client",  "leerling",	    "passagier",      "extern-anders"};
static const char *const help[] = {"luisteren",	     "advies",	    "meedenken", "bemiddeling",
				   "doorverwijzing", "begeleiding", "nazorg"};
static const char *const referrals[] = {"huis-klokkenluiders", "bedrijfsarts", "bmw",	    "mediator",
					"klachtencommissie",   "politie",      "juridisch", "anders"};
#define N(a) (sizeof(a) / sizeof((a)[0]))

struct year {
	struct sdc_case c[MAX_CASES];
	const char *codes[MAX_CASES][3][3];
	size_t n;
};

/* Up to max codes of a list drawn by its weights (repeats allowed: a case may name one twice). */
static size_t draw(const char *const *list, const double *w, size_t nlist, const char **out, size_t max, size_t min)
{
	size_t n = min + next() % (max - min + 1);
	for (size_t i = 0; i < n; i++)
		out[i] = list[pick(w, nlist)];
	return n;
}

static void random_year(struct year *y)
{
	double wt[N(themes)], wq[4], wc[N(channels)], wo[N(outcomes)], wi[N(involved)], wh[N(help)], wr[N(referrals)],
	    wterm[3];
	skew(wt, N(themes)), skew(wc, N(channels)), skew(wo, N(outcomes)), skew(wi, N(involved)), skew(wh, N(help));
	skew(wr, N(referrals)), skew(wterm, 3);
	for (int q = 0; q < 4; q++)
		wq[q] = 0.1 + unit();
	double melden = unit();
	uint32_t size = next() % 100;
	y->n = size < 4 ? 5 + next() % 5 : size < 88 ? 10 + next() % 51 : 61 + next() % (MAX_CASES - 60);
	for (size_t i = 0; i < y->n; i++) {
		struct sdc_case *c = &y->c[i];
		*c = (struct sdc_case){.quarter = 1 + (int) pick(wq, 4),
				       .mode = unit() < melden ? "melden" : "sparren",
				       .channel = channels[pick(wc, N(channels))],
				       .theme = themes[pick(wt, N(themes))],
				       .outcome = outcomes[pick(wo, N(outcomes))]};
		c->involved = y->codes[i][0], c->ninvolved = draw(involved, wi, N(involved), y->codes[i][0], 2, 1);
		c->help = y->codes[i][1], c->nhelp = draw(help, wh, N(help), y->codes[i][1], 3, 1);
		c->referrals = y->codes[i][2], c->nreferrals = draw(referrals, wr, N(referrals), y->codes[i][2], 2, 0);
		if (!strcmp(c->mode, "melden")) {
			c->ack = SDC_TERM_RUNNING + (enum sdc_term) pick(wterm, 3);
			c->feedback = SDC_TERM_RUNNING + (enum sdc_term) pick(wterm, 3);
		}
	}
}

/* ---- the true counts, tallied here from the cases ---- */

static int has(const char *const *codes, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(codes[i], key))
			return 1;
	return 0;
}

/* Whether case c counts in row key of table id. */
static int in_row(const char *id, const char *key, const struct sdc_case *c)
{
	int is_group;
	if (!strcmp(key, "totaal"))
		return strcmp(id, "termijnen") || !strcmp(c->mode, "melden");
	if (!strcmp(id, "thema")) {
		const char *theme = *c->theme ? c->theme : "geen";
		int g = sdc_key_group(key, &is_group);
		return is_group ? sdc_theme_group(theme) == g : !strcmp(theme, key);
	}
	if (!strcmp(id, "wijze"))
		return !strcmp(c->mode, key);
	if (!strcmp(id, "kanaal"))
		return !strcmp(c->channel, key);
	if (!strcmp(id, "afloop"))
		return !strcmp(*c->outcome ? c->outcome : "lopend", key);
	if (!strcmp(id, "betrokkene"))
		return has(c->involved, c->ninvolved, key);
	if (!strcmp(id, "hulp"))
		return has(c->help, c->nhelp, key);
	if (!strcmp(id, "verwijzing"))
		return has(c->referrals, c->nreferrals, key);
	return 0;
}

static long long count(const struct rtable *t, size_t i, size_t j, const struct year *y)
{
	long long n = 0;
	for (size_t k = 0; k < y->n; k++) {
		const struct sdc_case *c = &y->c[k];
		if (!strcmp(t->id, "termijnen")) {
			enum sdc_term term = j ? c->feedback : c->ack;
			int row = term == SDC_TERM_MET ? 0 : term == SDC_TERM_MISSED ? 1 : 2;
			n += !strcmp(c->mode, "melden") && (i == 3 || (int) i == row);
			continue;
		}
		int col = !t->row_totals || j + 1 == t->ncols || (int) j == (c->quarter - 1) * (int) (t->ncols - 1) / 4;
		n += col && in_row(t->id, t->keys[i], c);
	}
	return n;
}

/* Every cell's true count, in the arena. */
static long long *truths(struct arena *a, const struct rtable *t, const struct year *y)
{
	long long *v = arena_calloc(a, t->nrows * t->ncols, sizeof(*v));
	assert_non_null(v);
	for (size_t k = 0; k < t->nrows * t->ncols; k++)
		v[k] = count(t, k / t->ncols, k % t->ncols, y);
	return v;
}

/* ---- the attacker: only suppressed cells are unknowns, the rest is substituted ---- */

struct attacker {
	glp_prob *p;
	const struct rtable *t;
	int var[64 * 16]; /* GLPK column of a suppressed cell, 0 for a published one */
};

/* Add one fact: sum(coef * cell) = v. */
static void fact(struct attacker *at, const size_t *cells, const int *coef, size_t n, long long v)
{
	int ind[64 + 2];
	double val[64 + 2];
	int len = 0;
	double rhs = (double) v;
	for (size_t i = 0; i < n; i++) {
		if (at->var[cells[i]])
			len++, ind[len] = at->var[cells[i]], val[len] = coef[i];
		else
			rhs -= coef[i] * (double) at->t->value[cells[i]];
	}
	if (!len)
		return;
	int row = glp_add_rows(at->p, 1);
	glp_set_mat_row(at->p, row, len, ind, val);
	glp_set_row_bnds(at->p, row, GLP_FX, rhs, rhs);
}

static void attacker_open(struct attacker *at, const struct rtable *t)
{
	size_t cells[64];
	int coef[64];
	at->t = t;
	at->p = glp_create_prob();
	memset(at->var, 0, sizeof(at->var));
	long long all = t->value[t->nrows * t->ncols - 1];
	for (size_t k = 0; k < t->nrows * t->ncols; k++) {
		if (t->state[k] == CELL_VALUE)
			continue;
		at->var[k] = glp_add_cols(at->p, 1);
		if (t->state[k] == CELL_LOW)
			glp_set_col_bnds(at->p, at->var[k], GLP_DB, 1, 4);
		else if (t->multi)
			glp_set_col_bnds(at->p, at->var[k], GLP_DB, 0, (double) all);
		else
			glp_set_col_bnds(at->p, at->var[k], GLP_LO, 0, 0);
	}
	for (size_t i = 0; !t->multi && t->row_totals && i < t->nrows; i++) {
		for (size_t j = 0; j < t->ncols; j++)
			cells[j] = CELL(t, i, j), coef[j] = j + 1 < t->ncols ? 1 : -1;
		fact(at, cells, coef, t->ncols, 0);
	}
	for (size_t j = 0; !t->multi && t->col_totals && j < t->ncols; j++) {
		for (size_t i = 0; i < t->nrows; i++)
			cells[i] = CELL(t, i, j), coef[i] = i + 1 < t->nrows ? 1 : -1;
		fact(at, cells, coef, t->nrows, 0);
	}
}

/* The least and greatest sum(coef * cell); hi = LLONG_MAX when unbounded. */
static void attacker_range(struct attacker *at, const size_t *cells, const int *coef, size_t n, long long *lo,
			   long long *hi)
{
	double fixed = 0;
	for (int c = 1; c <= glp_get_num_cols(at->p); c++)
		glp_set_obj_coef(at->p, c, 0);
	for (size_t i = 0; i < n; i++)
		if (at->var[cells[i]])
			glp_set_obj_coef(at->p, at->var[cells[i]],
					 glp_get_obj_coef(at->p, at->var[cells[i]]) + coef[i]);
		else
			fixed += coef[i] * (double) at->t->value[cells[i]];
	if (!glp_get_num_cols(at->p)) {
		*lo = *hi = llround(fixed);
		return;
	}
	glp_smcp parm;
	glp_init_smcp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	long long *out[2] = {lo, hi};
	for (int d = 0; d < 2; d++) {
		glp_set_obj_dir(at->p, d ? GLP_MAX : GLP_MIN);
		assert_int_equal(glp_simplex(at->p, &parm), 0);
		int st = glp_get_status(at->p);
		assert_true(st == GLP_OPT || (d && st == GLP_UNBND));
		*out[d] = st == GLP_UNBND ? LLONG_MAX : llround(glp_get_obj_val(at->p) + fixed);
	}
}

/*
 * Whether the attacker pins something in t: a "< 5" narrowed, a hidden count
 * under 5, or the cases of a column that has any provably all in one row or
 * one theme group's rows, which is so when every other cell of the column is
 * provably 0 (counts are never negative). The true counts must lie in every
 * interval, else the attacker's facts are wrong.
 */
static int pinned(struct attacker *at, const long long *truth)
{
	const struct rtable *t = at->t;
	long long hi[64 * 16];
	int found = 0;
	for (size_t k = 0; k < t->nrows * t->ncols; k++) {
		long long lo = t->value[k], v = truth[k];
		hi[k] = lo;
		if (t->state[k] != CELL_VALUE)
			attacker_range(at, &k, (int[]){1}, 1, &lo, &hi[k]);
		assert_true(lo <= v && v <= hi[k]);
		if (t->state[k] != CELL_VALUE &&
		    (t->state[k] == CELL_LOW ? lo > 1 || hi[k] < 4 : hi[k] < SDC_THRESHOLD))
			found = 1;
	}
	for (size_t j = 0; !t->multi && t->col_totals && t->nrows > 2 && j < t->ncols; j++) {
		if (!truth[CELL(t, t->nrows - 1, j)]) /* nobody there to say something about */
			continue;
		/* Sets: each row alone (s < nrows - 1), then each theme group with two rows or more. */
		for (size_t s = 0; s < t->nrows - 1 + SDC_GROUPS; s++) {
			size_t rows[64], n = s < t->nrows - 1 ? 1 : sdc_theme_rows(t, (int) (s - (t->nrows - 1)), rows);
			if (s < t->nrows - 1)
				rows[0] = s;
			else if (n < 2 || n + 1 == t->nrows)
				continue;
			long long elsewhere = 0;
			for (size_t i = 0, r = 0; i + 1 < t->nrows; i++)
				if (r < n && rows[r] == i)
					r++;
				else
					elsewhere |= hi[CELL(t, i, j)];
			found |= !elsewhere;
		}
	}
	return found;
}

/* What the module publishes holds true: shown counts, "< 5" for 1-4, nothing else leaks through value. */
static void check_cells(const struct rtable *t, const long long *truth)
{
	for (size_t k = 0; k < t->nrows * t->ncols; k++) {
		long long v = truth[k];
		if (t->state[k] == CELL_VALUE)
			assert_int_equal(t->value[k], v);
		else
			assert_int_equal(t->value[k], 0);
		if (t->state[k] == CELL_LOW)
			assert_true(v >= 1 && v <= 4);
		if (v >= 1 && v <= 4)
			assert_int_not_equal(t->state[k], CELL_VALUE);
	}
}

static const struct rtable *find(const struct rtable *t, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(t[i].id, id))
			return &t[i];
	return NULL;
}

/* Build a year, store it as JSON and read it back, as a released report is. */
static void release(struct arena *a, const struct year *y, unsigned flags, struct rtable **t, size_t *n)
{
	struct sdc_options opt = {.flags = flags};
	struct sdc_report r;
	char *json;
	assert_int_equal(sdc_build(a, y->c, y->n, &opt, &r), 0);
	if (y->n < SDC_MIN_CASES)
		assert_int_equal(r.ntables, 0);
	assert_int_equal(sdc_to_json(a, r.tables, r.ntables, &json), 0);
	assert_int_equal(sdc_from_json(a, json, t, n), 0);
	assert_int_equal(*n, r.ntables);
}

/* Attack every table of a report; returns how many it pins. Shared totals must agree and be shown. */
static int attack_report(long long *const *truth, const struct rtable *t, size_t n, const struct year *y)
{
	int hits = 0;
	for (size_t i = 0; i < n; i++) {
		struct attacker at;
		check_cells(&t[i], truth[i]);
		assert_int_equal(t[i].state[t[i].nrows * t[i].ncols - 1], CELL_VALUE);
		if (strcmp(t[i].id, "termijnen"))
			assert_int_equal(t[i].value[t[i].nrows * t[i].ncols - 1], (long long) y->n);
		attacker_open(&at, &t[i]);
		hits += pinned(&at, truth[i]);
		glp_delete_prob(at.p);
	}
	const struct rtable *mode = find(t, n, "wijze"), *terms = find(t, n, "termijnen");
	if (terms) {
		assert_int_equal(mode->state[1], CELL_VALUE);
		assert_int_equal(terms->value[CELL(terms, 3, 0)], mode->value[1]);
	}
	return hits;
}

/*
 * The comparison's column y of one table, as facts about that year's table:
 * each figure it shows is a sum of rows there. With naive, the figures the
 * comparison hid are filled in from the raw cases, as a comparison that
 * recomputed them would. Returns whether the attacker then pins something.
 */
static int attack_comparison(const struct rtable *cmp, int col, const struct rtable *t, const long long *truth,
			     int naive)
{
	struct attacker at;
	int news = 0; /* facts the table did not state itself */
	attacker_open(&at, t);
	for (size_t i = 0; i < cmp->nrows; i++) {
		size_t rows[64], cells[64], n = 0, k = CELL(cmp, i, (size_t) col);
		int coef[64], is_group, g = sdc_key_group(cmp->keys[i], &is_group);
		for (size_t r = 0; r < t->nrows; r++)
			if (!strcmp(t->keys[r], cmp->keys[i]))
				rows[n++] = r;
		if (!n && is_group)
			n = sdc_theme_rows(t, g, rows);
		long long v = cmp->value[k];
		if (cmp->state[k] != CELL_VALUE) {
			if (!naive || n < 2) /* only the sums it refused to make */
				continue;
			v = 0;
			for (size_t r = 0; r < n; r++)
				v += truth[CELL(t, rows[r], t->ncols - 1)];
		}
		for (size_t r = 0; r < n; r++)
			cells[r] = CELL(t, rows[r], t->ncols - 1), coef[r] = 1;
		fact(&at, cells, coef, n, v);
		news += n > 1 || (n == 1 && t->state[cells[0]] != CELL_VALUE);
	}
	int hit = news && pinned(&at, truth);
	glp_delete_prob(at.p);
	return hit;
}

static void attack(void **state)
{
	struct year *now = malloc(sizeof(*now)), *before = malloc(sizeof(*before));
	int flawless_hits = 0, naive_hits = 0, compared = 0, unsafe_reports = 0, with_low = 0;
	size_t periods[3] = {0}, withheld = 0;
	glp_term_out(GLP_OFF);
	seed = 0x5dc2025u;
	for (int round = 0; round < ROUNDS; round++) {
		struct arena a = ARENA_INIT;
		struct rtable *t, *last, *bare;
		size_t n, nlast, nbare;
		random_year(now);
		random_year(before);
		release(&a, now, 0, &t, &n);
		release(&a, before, 0, &last, &nlast);
		long long *tn[16], *tl[16];
		for (size_t i = 0; i < n; i++)
			tn[i] = truths(&a, &t[i], now);
		for (size_t i = 0; i < nlast; i++)
			tl[i] = truths(&a, &last[i], before);
		flawless_hits += attack_report(tn, t, n, now);
		for (size_t i = 0; i < n; i++) /* the module's own attacker agrees */
			assert_int_equal(sdc_audit(&t[i], NULL), 0);
		for (size_t i = 0; i < n; i++) {
			const struct rtable *prev = find(last, nlast, t[i].id);
			struct rtable cmp;
			if (!prev)
				continue;
			const long long *tp = tl[prev - last];
			assert_int_equal(sdc_compare(&a, &t[i], prev, "dit jaar", "vorig jaar", &cmp), 0);
			flawless_hits += attack_comparison(&cmp, 0, prev, tp, 0);
			flawless_hits += attack_comparison(&cmp, 1, &t[i], tn[i], 0);
			naive_hits += attack_comparison(&cmp, 0, prev, tp, 1);
			compared++;
		}
		/* The same year with primary suppression only: the attacker must get through. */
		release(&a, now, SDC_TEST_NO_SECONDARY, &bare, &nbare);
		int low = 0;
		for (size_t i = 0; i < nbare; i++)
			low |= memchr(bare[i].state, CELL_LOW, bare[i].nrows * bare[i].ncols) != NULL && !bare[i].multi;
		with_low += low;
		for (size_t i = 0; low && i < nbare; i++)
			tn[i] = truths(&a, &bare[i], now);
		unsafe_reports += low && attack_report(tn, bare, nbare, now) > 0;
		periods[0] += n && find(t, n, "thema") && t[0].ncols == 5;
		periods[1] += n && find(t, n, "thema") && t[0].ncols == 3;
		periods[2] += n && find(t, n, "thema") && t[0].ncols == 1;
		withheld += n && !find(t, n, "thema");
		arena_free(&a);
	}
	sdc_lp_done();
	glp_free_env();
	free(now), free(before);
	print_message("%d rounds: theme table by quarter %zu, half year %zu, year %zu, withheld %zu; %d comparisons\n",
		      ROUNDS, periods[0], periods[1], periods[2], withheld, compared);
	print_message("primary suppression only: %d of %d reports with a \"< 5\" attacked; naive comparisons: %d\n",
		      unsafe_reports, with_low, naive_hits);
	assert_int_equal(flawless_hits, 0);
	assert_true(unsafe_reports * 10 >= with_low * 9); /* nearly always without secondary suppression */
	assert_true(naive_hits > 0);
	assert_true(periods[0] > 0 && periods[1] > 0 && periods[2] > 0);
}

/* Attack one protected table; counts whether anything was pinned. */
static int attack_table(const struct rtable *t, const long long *truth)
{
	struct attacker at;
	attacker_open(&at, t);
	int hit = pinned(&at, truth);
	glp_delete_prob(at.p);
	return hit;
}

/* Whether a row or column total of t is 1-4 (the report coarsens such tables before it gets here). */
static int small_total(const struct rtable *t, const long long *truth)
{
	for (size_t k = 0; k < t->nrows * t->ncols; k++)
		if ((k % t->ncols == t->ncols - 1 || k / t->ncols == t->nrows - 1) && truth[k] >= 1 &&
		    truth[k] < SDC_THRESHOLD)
			return 1;
	return 0;
}

/*
 * The search itself on random two-way tables full of small counts, with
 * theme rows so that theme groups count, and now and then a column whose
 * cases are all in one row. A total of 1-4 split over two cells or more
 * cannot be protected (each would be under 4), so those may be refused;
 * hardly any other.
 */
static void attack_grids(void **state)
{
	static const char *const keys[] = {"pesten", "intimidatie", "werkdruk", "fraude", "diefstal", "prive"};
	int hits = 0, bare_hits = 0, with_low = 0, withheld = 0, refused = 0;
	glp_term_out(GLP_OFF);
	seed = 0x9e3779b97f4a7c15u;
	for (int round = 0; round < GRIDS; round++) {
		struct arena a = ARENA_INIT;
		struct grid g;
		long long cells[6 * 4];
		int group[7];
		size_t nr = 2 + next() % 5, nc = 2 + next() % 3, lone = next() % 4 ? nc : next() % nc;
		for (size_t k = 0; k < nr * nc; k++) {
			uint32_t u = next() % 10;
			cells[k] = u < 3 ? 0 : u < 6 ? 1 + next() % 4 : 5 + next() % 15;
			if (k % nc == lone && k / nc)
				cells[k] = 0;
		}
		struct rtable *t = hand(&a, &g, nr, nc, cells);
		if (g.truth[t->nrows * t->ncols - 1] < SDC_MIN_CASES) { /* no table at all */
			arena_free(&a);
			continue;
		}
		for (size_t i = 0; i < nr; i++)
			t->keys[i] = keys[i], group[i] = sdc_theme_group(keys[i]);
		group[nr] = -1, g.group = group;
		int rc = sdc_protect(&g, 0);
		withheld += rc == ERR_CONFLICT;
		refused += rc == ERR_CONFLICT && !small_total(t, g.truth);
		if (!rc) {
			check_cells(t, g.truth);
			hits += attack_table(t, g.truth);
		} else {
			assert_int_equal(rc, ERR_CONFLICT);
		}
		assert_int_equal(sdc_protect(&g, SDC_TEST_NO_SECONDARY), 0);
		int low = memchr(t->state, CELL_LOW, t->nrows * t->ncols) != NULL;
		with_low += low;
		bare_hits += low && attack_table(t, g.truth);
		arena_free(&a);
	}
	glp_free_env();
	print_message("%d tables: %d cannot be protected, %d of them without a total of 1-4; "
		      "primary suppression only: %d of %d attacked\n",
		      GRIDS, withheld, refused, bare_hits, with_low);
	assert_int_equal(hits, 0);
	assert_true(bare_hits * 10 >= with_low * 9);
	assert_true(refused * 100 < GRIDS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(attack),
	    cmocka_unit_test(attack_grids),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
