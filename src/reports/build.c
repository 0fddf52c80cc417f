/*
 * sdc_build: one year's cases counted into the report's tables, each then
 * protected (protect.c). Owns the choice of the theme table's period and
 * rows. Everything lands in the caller's arena; a failure returns
 * ERR_INVALID (a case the lists do not know) or ERR_NOMEM with the report
 * empty.
 */
#include <stdlib.h>
#include <string.h>

#include "cases/cases.h"
#include "reports/sdc_internal.h"

/* One theme that occurs, with its cases per quarter. */
struct theme {
	const char *code;
	int group, rank;
	long long q[4], year;
};

struct ctx {
	struct arena *a;
	const struct sdc_case *cases;
	size_t n;
	const struct sdc_options *opt;
	struct theme *themes;
	size_t nthemes;
	struct sdc_report *out;
	size_t tables_cap, withheld_cap;
};

static int by_group_rank(const void *a, const void *b)
{
	const struct theme *x = a, *y = b;
	if (x->group != y->group)
		return x->group - y->group;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	return strcmp(x->code, y->code);
}

static int known(const struct case_choice *list, const char *code)
{
	return code && case_choice_find(list, code);
}

static int all_known(const struct case_choice *list, const char *const *codes, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!known(list, codes[i]))
			return 0;
	return 1;
}

static int valid_term(enum sdc_term t)
{
	return t == SDC_TERM_RUNNING || t == SDC_TERM_MET || t == SDC_TERM_MISSED;
}

static int valid(const struct sdc_case *c)
{
	int g, melden = c->mode && !strcmp(c->mode, "melden");
	if (c->quarter < 1 || c->quarter > 4 || !c->mode || (!melden && strcmp(c->mode, "sparren")))
		return 0;
	if (!known(case_channels, c->channel) || !c->theme || !c->outcome)
		return 0;
	if (*c->theme && (!strcmp(c->theme, SDC_NO_THEME) || sdc_theme_rank(c->theme, &g) < 0))
		return 0;
	if (*c->outcome && !known(case_outcomes, c->outcome))
		return 0;
	if (melden && (!valid_term(c->ack) || !valid_term(c->feedback)))
		return 0;
	return all_known(involved_relations, c->involved, c->ninvolved) && all_known(help_kinds, c->help, c->nhelp) &&
	       all_known(referral_kinds, c->referrals, c->nreferrals);
}

/* The distinct themes of the year with their counts, in report order. */
static int count_themes(struct ctx *c)
{
	c->themes = arena_calloc(c->a, c->n, sizeof(*c->themes));
	if (!c->themes)
		return ERR_NOMEM;
	for (size_t i = 0; i < c->n; i++) {
		const char *code = *c->cases[i].theme ? c->cases[i].theme : SDC_NO_THEME;
		size_t k = 0;
		while (k < c->nthemes && strcmp(c->themes[k].code, code))
			k++;
		if (k == c->nthemes) {
			c->themes[k].code = code;
			c->themes[k].rank = sdc_theme_rank(code, &c->themes[k].group);
			c->nthemes++;
		}
		c->themes[k].q[c->cases[i].quarter - 1]++;
		c->themes[k].year++;
	}
	qsort(c->themes, c->nthemes, sizeof(*c->themes), by_group_rank);
	return 0;
}

/* A table of nrows x ncols with its grid, all zero, in the arena; NULL on failure. */
static struct rtable *new_table(struct ctx *c, struct grid *g, const char *id, const char *title, size_t nrows,
				size_t ncols)
{
	struct arena *a = c->a;
	struct rtable *t = arena_calloc(a, 1, sizeof(*t));
	size_t cells = nrows * ncols;
	if (!t)
		return NULL;
	*t = (struct rtable){.id = id, .title = title, .nrows = nrows, .ncols = ncols, .col_totals = 1};
	t->rows = arena_calloc(a, nrows, sizeof(char *));
	t->keys = arena_calloc(a, nrows, sizeof(char *));
	t->cols = arena_calloc(a, ncols, sizeof(char *));
	t->value = arena_calloc(a, cells, sizeof(long long));
	t->state = arena_calloc(a, cells, 1);
	*g = (struct grid){
	    .t = t, .truth = arena_calloc(a, cells, sizeof(long long)), .locked = arena_calloc(a, cells, 1)};
	if (a->failed)
		return NULL;
	t->rows[nrows - 1] = "Totaal", t->keys[nrows - 1] = "totaal";
	g->locked[cells - 1] = 1; /* the number of cases: every table publishes it */
	return t;
}

/* Append a finished table to the report. */
static int publish(struct ctx *c, const struct rtable *t)
{
	struct sdc_report *r = c->out;
	struct rtable *tables = arena_grow(c->a, r->tables, r->ntables, &c->tables_cap, sizeof(*tables));
	if (!tables)
		return ERR_NOMEM;
	r->tables = tables;
	r->tables[r->ntables++] = *t;
	return 0;
}

static int withhold(struct ctx *c, const char *id)
{
	struct sdc_report *r = c->out;
	const char **w = arena_grow(c->a, r->withheld, r->nwithheld, &c->withheld_cap, sizeof(*w));
	if (!w)
		return ERR_NOMEM;
	r->withheld = w;
	r->withheld[r->nwithheld++] = id;
	return 0;
}

/* Protect an additive table and publish it, or withhold it when it cannot be protected. */
static int protect_or_withhold(struct ctx *c, struct grid *g)
{
	int rc = sdc_protect(g, c->opt->flags);
	if (rc == ERR_CONFLICT)
		return withhold(c, g->t->id);
	return rc ? rc : publish(c, g->t);
}

static const char *theme_label(struct ctx *c, const char *code)
{
	if (!strcmp(code, SDC_NO_THEME))
		return "Geen thema vastgelegd";
	const struct case_choice *ch = case_choice_find(c->opt->themes ? c->opt->themes : case_themes, code);
	if (!ch)
		ch = case_theme_find(code);
	return ch ? ch->label : code;
}

/* Whether a group is shown theme by theme at this many periods: each of its themes has SDC_THRESHOLD a period. */
static int split_group(struct ctx *c, int group, int periods)
{
	int any = 0;
	for (size_t i = 0; i < c->nthemes; i++)
		if (c->themes[i].group == group) {
			if (c->themes[i].year < (long long) SDC_THRESHOLD * periods)
				return 0;
			any = 1;
		}
	return any;
}

static const char *const quarter_labels[] = {"1e kwartaal", "2e kwartaal", "3e kwartaal", "4e kwartaal"};
static const char *const half_labels[] = {"1e halfjaar", "2e halfjaar"};

/* The theme table at a period level (4, 2 or 1 columns of time), themes split where split allows. */
static int theme_table(struct ctx *c, int periods, int split, struct grid *g)
{
	size_t nrows = 0;
	int *group;
	for (int gr = 0; gr < SDC_GROUPS; gr++)
		if (split && split_group(c, gr, periods))
			for (size_t i = 0; i < c->nthemes; i++)
				nrows += c->themes[i].group == gr;
		else
			nrows++;
	size_t ncols = periods > 1 ? (size_t) periods + 1 : 1;
	struct rtable *t = new_table(c, g, SDC_THEME_TABLE, "Zaken naar thema", nrows + 1, ncols);
	g->group = group = arena_calloc(c->a, nrows + 1, sizeof(int));
	if (!t || !group)
		return ERR_NOMEM;
	t->row_totals = periods > 1;
	for (int p = 0; p < periods && periods > 1; p++)
		t->cols[p] = periods == 4 ? quarter_labels[p] : half_labels[p];
	t->cols[ncols - 1] = periods > 1 ? "Totaal" : "Aantal zaken";
	size_t row = 0;
	for (int gr = 0; gr < SDC_GROUPS; gr++) {
		int by_theme = split && split_group(c, gr, periods);
		if (!by_theme)
			t->rows[row] = sdc_group_label(gr), t->keys[row] = sdc_group_key(gr), group[row] = gr;
		for (size_t i = 0; i < c->nthemes; i++) {
			const struct theme *th = &c->themes[i];
			if (th->group != gr)
				continue;
			if (by_theme)
				t->rows[row] = theme_label(c, th->code), t->keys[row] = th->code, group[row] = gr;
			for (int q = 0; q < 4; q++) {
				size_t col = periods > 1 ? (size_t) (q * periods / 4) : 0;
				g->truth[CELL(t, row, col)] += th->q[q];
				g->truth[CELL(t, nrows, col)] += th->q[q];
				if (periods > 1) {
					g->truth[CELL(t, row, ncols - 1)] += th->q[q];
					g->truth[CELL(t, nrows, ncols - 1)] += th->q[q];
				}
			}
			row += by_theme;
		}
		row += !by_theme;
	}
	group[nrows] = -1;
	return 0;
}

/* Whether a period level fails before any search: a period total under SDC_THRESHOLD, or too many "< 5" already. */
static int too_fine(const struct grid *g)
{
	const struct rtable *t = g->t;
	size_t low = 0, interior = (t->nrows - 1) * (t->ncols - 1);
	for (size_t i = 0; i < t->nrows; i++)
		for (size_t j = 0; j < t->ncols; j++) {
			long long v = g->truth[CELL(t, i, j)];
			if (i + 1 == t->nrows && v < SDC_THRESHOLD)
				return 1;
			low += i + 1 < t->nrows && j + 1 < t->ncols && v >= 1 && v < SDC_THRESHOLD;
		}
	return low * SDC_HIDDEN_SHARE > interior;
}

/*
 * The theme table at the finest level that suppresses little: quarters, then
 * half years (kept when no period total is suppressed and at most one interior
 * cell in SDC_HIDDEN_SHARE is), then the year by theme, then by group.
 */
static int themes(struct ctx *c)
{
	static const char *const names[] = {"jaar", "halfjaar", NULL, "kwartaal"};
	static const int levels[][2] = {{4, 1}, {2, 1}, {1, 1}, {1, 0}};
	for (size_t l = 0; l < sizeof(levels) / sizeof(levels[0]); l++) {
		struct grid g;
		int rc = theme_table(c, levels[l][0], levels[l][1], &g);
		if (!rc && levels[l][0] > 1 && too_fine(&g))
			continue;
		if (!rc)
			rc = sdc_protect(&g, c->opt->flags);
		if (rc == ERR_CONFLICT)
			continue;
		if (rc)
			return rc;
		int total_hidden;
		size_t hidden = sdc_suppressed(g.t, &total_hidden);
		size_t interior = (g.t->nrows - 1) * (g.t->ncols - 1);
		if (levels[l][0] > 1 && (total_hidden || hidden * SDC_HIDDEN_SHARE > interior))
			continue;
		c->out->period = names[levels[l][0] - 1];
		return publish(c, g.t);
	}
	return withhold(c, SDC_THEME_TABLE);
}

/* The rows of a list table: every code of the list in its order, then extra (if any), then the total. */
static struct rtable *list_table(struct ctx *c, struct grid *g, const char *id, const char *title,
				 const struct case_choice *list, const struct case_choice *extra)
{
	size_t n = 0;
	while (list[n].code)
		n++;
	struct rtable *t = new_table(c, g, id, title, n + 1 + !!extra, 1);
	if (!t)
		return NULL;
	for (size_t i = 0; i < n; i++)
		t->rows[i] = list[i].label, t->keys[i] = list[i].code;
	if (extra)
		t->rows[n] = extra->label, t->keys[n] = extra->code;
	t->cols[0] = "Aantal zaken";
	g->truth[t->nrows - 1] = (long long) c->n;
	return t;
}

/* The row of code in a list table (the list has it: valid() checked). */
static size_t row_of(const struct case_choice *list, const char *code)
{
	return (size_t) (case_choice_find(list, code) - list);
}

static const struct case_choice modes[] = {{"sparren", "Sparren"}, {"melden", "Melden"}, {NULL, NULL}};
static const struct case_choice still_open = {"lopend", "Nog lopend"};

/* The single-valued variables besides the theme. */
static const char *mode_of(const struct sdc_case *c)
{
	return c->mode;
}

static const char *channel_of(const struct sdc_case *c)
{
	return c->channel;
}

static const char *outcome_of(const struct sdc_case *c)
{
	return c->outcome;
}

/* A single-valued variable over all cases; "" counts in the extra row. */
static int single(struct ctx *c, const char *id, const char *title, const struct case_choice *list,
		  const struct case_choice *extra, const char *(*get)(const struct sdc_case *) )
{
	struct grid g;
	struct rtable *t = list_table(c, &g, id, title, list, extra);
	if (!t)
		return ERR_NOMEM;
	for (size_t i = 0; i < c->n; i++) {
		const char *code = get(&c->cases[i]);
		g.truth[*code ? row_of(list, code) : t->nrows - 2]++;
	}
	return protect_or_withhold(c, &g);
}

/* The multi-valued variables: a case's codes, into *codes, and how many. */
static size_t involved_of(const struct sdc_case *c, const char *const **codes)
{
	*codes = c->involved;
	return c->ninvolved;
}

static size_t help_of(const struct sdc_case *c, const char *const **codes)
{
	*codes = c->help;
	return c->nhelp;
}

static size_t referrals_of(const struct sdc_case *c, const char *const **codes)
{
	*codes = c->referrals;
	return c->nreferrals;
}

/* A multi-valued variable: cases with each code (a list of under 32), against all cases. */
static int multi(struct ctx *c, const char *id, const char *title, const struct case_choice *list,
		 size_t (*get)(const struct sdc_case *, const char *const **))
{
	struct grid g;
	struct rtable *t = list_table(c, &g, id, title, list, NULL);
	if (!t)
		return ERR_NOMEM;
	t->multi = 1;
	t->rows[t->nrows - 1] = "Alle zaken";
	for (size_t i = 0; i < c->n; i++) {
		const char *const *codes;
		size_t ncodes = get(&c->cases[i], &codes);
		unsigned long seen = 0; /* a code twice in one case counts once */
		for (size_t k = 0; k < ncodes; k++)
			seen |= 1ul << row_of(list, codes[k]);
		for (size_t r = 0; r + 1 < t->nrows; r++)
			g.truth[r] += (seen >> r) & 1;
	}
	sdc_protect_list(&g);
	return publish(c, t);
}

/*
 * The deadlines of formal reports: on time, late, still running, per
 * deadline. Its totals are the "melden" count, so it is made only when the
 * mode table publishes that count as a value, and there are SDC_MIN_CASES.
 */
static int deadlines(struct ctx *c)
{
	const struct rtable *mode = NULL;
	for (size_t i = 0; i < c->out->ntables; i++)
		if (!strcmp(c->out->tables[i].id, "wijze"))
			mode = &c->out->tables[i];
	size_t melden = row_of(modes, "melden");
	if (!mode || mode->state[melden] != CELL_VALUE || mode->value[melden] < SDC_MIN_CASES)
		return withhold(c, "termijnen");
	struct grid g;
	struct rtable *t = new_table(c, &g, "termijnen", "Termijnen bij meldingen", 4, 2);
	if (!t)
		return ERR_NOMEM;
	static const char *const rows[] = {"Op tijd", "Te laat", "Termijn loopt nog"};
	static const char *const keys[] = {"op-tijd", "te-laat", "loopt"};
	for (size_t i = 0; i < 3; i++)
		t->rows[i] = rows[i], t->keys[i] = keys[i];
	t->cols[0] = "Ontvangst bevestigd binnen 7 dagen";
	t->cols[1] = "Terugkoppeling binnen 3 maanden";
	for (size_t i = 0; i < c->n; i++) {
		if (strcmp(c->cases[i].mode, "melden"))
			continue;
		enum sdc_term term[2] = {c->cases[i].ack, c->cases[i].feedback};
		for (size_t j = 0; j < 2; j++) {
			size_t r = term[j] == SDC_TERM_MET ? 0 : term[j] == SDC_TERM_MISSED ? 1 : 2;
			g.truth[CELL(t, r, j)]++;
			g.truth[CELL(t, 3, j)]++;
		}
	}
	g.locked[CELL(t, 3, 0)] = g.locked[CELL(t, 3, 1)] = 1; /* the "melden" count, published beside */
	return protect_or_withhold(c, &g);
}

int sdc_build(struct arena *a, const struct sdc_case *cases, size_t n, const struct sdc_options *opt,
	      struct sdc_report *out)
{
	static const struct sdc_options none;
	struct ctx c = {.a = a, .cases = cases, .n = n, .opt = opt ? opt : &none, .out = out};
	*out = (struct sdc_report){.ncases = n, .period = "jaar"};
	for (size_t i = 0; i < n; i++)
		if (!valid(&cases[i]))
			return ERR_INVALID;
	if (n < SDC_MIN_CASES)
		return 0;
	int rc = count_themes(&c);
	if (!rc)
		rc = themes(&c);
	if (!rc)
		rc = single(&c, "wijze", "Sparren of melden", modes, NULL, mode_of);
	if (!rc)
		rc = single(&c, "kanaal", "Eerste contact via", case_channels, NULL, channel_of);
	if (!rc)
		rc = multi(&c, "betrokkene", "Zaken naar betrokkene (een zaak kan er meer hebben)", involved_relations,
			   involved_of);
	if (!rc)
		rc = multi(&c, "hulp", "Geboden hulp (een zaak kan er meer hebben)", help_kinds, help_of);
	if (!rc)
		rc = multi(&c, "verwijzing", "Doorverwijzingen (een zaak kan er meer hebben)", referral_kinds,
			   referrals_of);
	if (!rc)
		rc = single(&c, "afloop", "Afloop", case_outcomes, &still_open, outcome_of);
	if (!rc)
		rc = deadlines(&c);
	sdc_lp_done();
	if (rc)
		*out = (struct sdc_report){.ncases = n, .period = "jaar"};
	return rc;
}
