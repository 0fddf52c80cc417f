/*
 * reports/sdc: each disclosure-control rule on small hand-made case sets and
 * tables; the JSON round trip; the comparison; allocation failures; GLPK from
 * several threads. The attack on thousands of random reports is in
 * test_sdc_attack.c.
 */
#include "testutil.h"

#include <pthread.h>

#include "base/mem.h"
#include "reports/sdc.h"
#include "reports/sdc_internal.h"
#include "sdc_hand.h"

static struct sdc_case kase(int quarter, const char *theme)
{
	return (struct sdc_case){
	    .quarter = quarter, .mode = "sparren", .channel = "persoonlijk", .theme = theme, .outcome = ""};
}

static const struct rtable *find(const struct sdc_report *r, const char *id)
{
	for (size_t i = 0; i < r->ntables; i++)
		if (!strcmp(r->tables[i].id, id))
			return &r->tables[i];
	return NULL;
}

static long long row_of(const struct rtable *t, const char *key)
{
	for (size_t i = 0; i < t->nrows; i++)
		if (!strcmp(t->keys[i], key))
			return (long long) i;
	fail_msg("no row %s in %s", key, t->id);
	return -1;
}

/* The state of a row's cell in column j (the last column for j < 0). */
static int state_of(const struct rtable *t, const char *key, long long j)
{
	return t->state[CELL(t, (size_t) row_of(t, key), j < 0 ? t->ncols - 1 : (size_t) j)];
}

static long long value_of(const struct rtable *t, const char *key)
{
	size_t k = CELL(t, (size_t) row_of(t, key), t->ncols - 1);
	assert_int_equal(t->state[k], CELL_VALUE);
	return t->value[k];
}

/* Publish a hand table as given: states from a string per cell ('v', 'l', 'x'), values from truth. */
static void publish_as(struct grid *g, const char *states)
{
	for (size_t k = 0; k < g->t->nrows * g->t->ncols; k++) {
		g->t->state[k] = states[k] == 'l' ? CELL_LOW : states[k] == 'x' ? CELL_HIDDEN : CELL_VALUE;
		g->t->value[k] = states[k] == 'v' ? g->truth[k] : 0;
	}
}

static void nothing_under_ten(void **state)
{
	struct arena a = ARENA_INIT;
	struct sdc_case c[10];
	struct sdc_report r;
	for (int i = 0; i < 10; i++)
		c[i] = kase(1 + i % 4, "werkdruk");
	assert_int_equal(sdc_build(&a, c, 9, NULL, &r), 0);
	assert_int_equal(r.ncases, 9);
	assert_int_equal(r.ntables, 0);
	assert_int_equal(sdc_build(&a, c, 10, NULL, &r), 0);
	assert_int_equal(r.ncases, 10);
	assert_non_null(find(&r, "thema"));
	assert_non_null(find(&r, "hulp"));
	c[3].theme = "geen-thema";
	assert_int_equal(sdc_build(&a, c, 10, NULL, &r), ERR_INVALID);
	assert_int_equal(r.ntables, 0);
	c[3].theme = "werkdruk", c[3].quarter = 5;
	assert_int_equal(sdc_build(&a, c, 10, NULL, &r), ERR_INVALID);
	c[3].quarter = 1, c[3].mode = "melden"; /* a formal report needs its deadlines */
	assert_int_equal(sdc_build(&a, c, 10, NULL, &r), ERR_INVALID);
	c[3].ack = SDC_TERM_MET, c[3].feedback = SDC_TERM_RUNNING;
	assert_int_equal(sdc_build(&a, c, 10, NULL, &r), 0);
	arena_free(&a);
}

/* A cell of 3 is "< 5", and its row and its column each get a second suppressed cell. */
static void low_cell_and_partners(void **state)
{
	struct arena a = ARENA_INIT;
	struct grid g;
	const long long cells[] = {3, 10, 12, 8, 9, 11, 7, 6, 14};
	struct rtable *t = hand(&a, &g, 3, 3, cells);
	assert_int_equal(sdc_protect(&g, 0), 0);
	assert_int_equal(t->state[CELL(t, 0, 0)], CELL_LOW);
	assert_int_equal(t->value[CELL(t, 0, 0)], 0);
	size_t in_row = 0, in_col = 0;
	for (size_t j = 1; j < 3; j++)
		in_row += t->state[CELL(t, 0, j)] != CELL_VALUE;
	for (size_t i = 1; i < 3; i++)
		in_col += t->state[CELL(t, i, 0)] != CELL_VALUE;
	assert_true(in_row >= 1 && in_col >= 1);
	for (size_t k = 0; k < 16; k++) /* totals stay, and what is shown is true */
		if (t->state[k] == CELL_VALUE)
			assert_int_equal(t->value[k], g.truth[k]);
	for (size_t j = 0; j < 4; j++)
		assert_int_equal(t->state[CELL(t, 3, j)], CELL_VALUE);
	assert_int_equal(sdc_audit(t, NULL), 0);
	/* Without secondary suppression the 3 is the row total minus the rest. */
	assert_int_equal(sdc_protect(&g, SDC_TEST_NO_SECONDARY), 0);
	struct sdc_range r[16];
	assert_int_equal(sdc_audit(t, r), ERR_CONFLICT);
	assert_int_equal(r[0].lo, 3);
	assert_int_equal(r[0].hi, 3);
	arena_free(&a);
}

/* The intervals of the audit, worked out by hand. */
static void intervals_by_hand(void **state)
{
	struct arena a = ARENA_INIT;
	struct grid g;
	struct sdc_range r[16];
	/* 2x2, only the totals shown: a in 1..4 makes b = 10-a, c = 11-a, d = 9+a. */
	struct rtable *t = hand(&a, &g, 2, 2, (const long long[]){3, 7, 8, 12});
	publish_as(&g, "lxv"
		       "xxv"
		       "vvv");
	assert_int_equal(sdc_audit(t, r), 0);
	assert_int_equal(r[CELL(t, 0, 0)].lo, 1), assert_int_equal(r[CELL(t, 0, 0)].hi, 4);
	assert_int_equal(r[CELL(t, 0, 1)].lo, 6), assert_int_equal(r[CELL(t, 0, 1)].hi, 9);
	assert_int_equal(r[CELL(t, 1, 0)].lo, 7), assert_int_equal(r[CELL(t, 1, 0)].hi, 10);
	assert_int_equal(r[CELL(t, 1, 1)].lo, 10), assert_int_equal(r[CELL(t, 1, 1)].hi, 13);
	/* 3x3: the "< 5" and its partner b share a row residual of 3, so a <= 3 and b <= 2. */
	t = hand(&a, &g, 3, 3, (const long long[]){2, 1, 9, 9, 6, 6, 10, 10, 10});
	publish_as(&g, "lxvv"
		       "xxvv"
		       "vvvv"
		       "vvvv");
	assert_int_equal(sdc_audit(t, r), ERR_CONFLICT);
	assert_int_equal(r[CELL(t, 0, 0)].lo, 1), assert_int_equal(r[CELL(t, 0, 0)].hi, 3);
	assert_int_equal(r[CELL(t, 0, 1)].lo, 0), assert_int_equal(r[CELL(t, 0, 1)].hi, 2);
	assert_int_equal(r[CELL(t, 1, 0)].lo, 8), assert_int_equal(r[CELL(t, 1, 0)].hi, 10);
	assert_int_equal(r[CELL(t, 1, 1)].lo, 5), assert_int_equal(r[CELL(t, 1, 1)].hi, 7);
	/* The protection finds a pattern that holds for the same counts. */
	assert_int_equal(sdc_protect(&g, 0), 0);
	assert_int_equal(sdc_audit(t, r), 0);
	for (size_t k = 0; k < 16; k++)
		assert_true(r[k].lo <= g.truth[k] && (r[k].hi == SDC_UNBOUNDED || g.truth[k] <= r[k].hi));
	/* Figures that contradict each other are no table. */
	publish_as(&g, "lxvv"
		       "xxvv"
		       "vvvv"
		       "vvvv");
	t->value[CELL(t, 0, 2)] = 12;
	assert_int_equal(sdc_audit(t, r), ERR_INVALID);
	arena_free(&a);
}

/* A column whose cases are all in one row: that cell and a zero beside it are hidden. */
static void everyone_in_one_row(void **state)
{
	struct arena a = ARENA_INIT;
	struct sdc_case c[12];
	struct sdc_report r;
	for (int i = 0; i < 12; i++)
		c[i] = kase(1 + i % 4, i < 6 ? "pesten" : "werkdruk");
	assert_int_equal(sdc_build(&a, c, 12, NULL, &r), 0);
	const struct rtable *t = find(&r, "wijze"); /* everyone spars */
	assert_int_equal(state_of(t, "sparren", -1), CELL_HIDDEN);
	assert_int_equal(state_of(t, "melden", -1), CELL_HIDDEN);
	assert_int_equal(value_of(t, "totaal"), 12);
	assert_int_equal(sdc_audit(t, NULL), 0);
	t = find(&r, "kanaal"); /* and came in person */
	assert_int_equal(state_of(t, "persoonlijk", -1), CELL_HIDDEN);
	assert_int_equal(sdc_audit(t, NULL), 0);
	/* Two themes of one group hold all cases: as telling as one row that does. */
	for (int i = 0; i < 12; i++)
		c[i].theme = i < 6 ? "pesten" : "intimidatie";
	assert_int_equal(sdc_build(&a, c, 12, NULL, &r), 0);
	t = find(&r, "thema");
	assert_string_equal(r.period, "jaar");
	assert_int_equal(state_of(t, "pesten", -1) != CELL_VALUE || state_of(t, "intimidatie", -1) != CELL_VALUE, 1);
	assert_int_equal(sdc_audit(t, NULL), 0);
	arena_free(&a);
}

/* Themes under SDC_THRESHOLD a period merge into their group; time coarsens until little is suppressed. */
static void rare_themes_and_coarser_time(void **state)
{
	struct arena a = ARENA_INIT;
	struct sdc_case c[120];
	struct sdc_report r;
	const char *themes[] = {"pesten",   "pesten",	"pesten",   "intimidatie", "intimidatie",
				"werkdruk", "werkdruk", "werkdruk", "werkdruk",	   "werkdruk",
				"werkdruk", "werkdruk", "fraude",   "prive"};
	for (int i = 0; i < 14; i++)
		c[i] = kase(1 + i % 4, themes[i]);
	assert_int_equal(sdc_build(&a, c, 14, NULL, &r), 0);
	const struct rtable *t = find(&r, "thema");
	assert_string_equal(r.period, "jaar");
	assert_int_equal(t->ncols, 1);
	assert_int_equal(t->nrows, 5);					  /* pesten 3 and intimidatie 2 are one row, */
	assert_int_equal(value_of(t, "werkdruk"), 7);			  /* werkdruk's 7 one of its own */
	assert_int_equal(state_of(t, "groep-integriteit", -1), CELL_LOW); /* 1 */
	assert_int_equal(state_of(t, "groep-overig", -1), CELL_LOW);	  /* 1 */
	/* 14 - 7 leaves 2 for the two "< 5" if the 5 were shown: it is hidden too. */
	assert_int_equal(state_of(t, "groep-ongewenst-gedrag", -1), CELL_HIDDEN);
	assert_int_equal(sdc_audit(t, NULL), 0);
	/* 80 cases, 20 a quarter, 5 per group a quarter: quarters, by group. */
	const char *four[] = {"pesten", "werkdruk", "fraude", "prive"};
	for (int i = 0; i < 80; i++)
		c[i] = kase(1 + i % 4, four[(i / 4) % 4]);
	assert_int_equal(sdc_build(&a, c, 80, NULL, &r), 0);
	assert_string_equal(r.period, "kwartaal");
	t = find(&r, "thema");
	assert_int_equal(t->ncols, 5);
	assert_string_equal(t->keys[0], "pesten"); /* 20 cases: 5 a quarter */
	assert_int_equal(t->value[CELL(t, 0, 2)], 5);
	/* Move the integrity cases into the first half, two a quarter: halves keep them whole. */
	for (int i = 0; i < 80; i++)
		if (!strcmp(c[i].theme, "fraude"))
			c[i].quarter = 1 + (c[i].quarter + 1) % 2;
	for (int i = 0; i < 8; i++)
		c[i] = kase(1 + i % 2, "diefstal");
	assert_int_equal(sdc_build(&a, c, 80, NULL, &r), 0);
	t = find(&r, "thema");
	assert_string_equal(r.period, "halfjaar");
	assert_int_equal(sdc_audit(t, NULL), 0);
	arena_free(&a);
}

/* Lists of "cases with X": 1-4 is "< 5"; all or nearly all is hidden; nothing is 0. */
static void lists_and_complements(void **state)
{
	struct arena a = ARENA_INIT;
	static const char *const all[] = {"luisteren", "advies", "meedenken"}, *const some[] = {"luisteren", "advies"},
				 *const few[] = {"luisteren", "advies", "nazorg", "nazorg"},
				 *const one[] = {"luisteren"};
	struct sdc_case c[12];
	struct sdc_report r;
	for (int i = 0; i < 12; i++) {
		c[i] = kase(1 + i % 4, "werkdruk");
		c[i].help = i < 6 ? all : i < 10 ? some : i < 13 ? few : one;
		c[i].nhelp = i < 6 ? 3 : i < 10 ? 2 : 4;
	}
	c[11].help = one, c[11].nhelp = 1;
	assert_int_equal(sdc_build(&a, c, 12, NULL, &r), 0);
	const struct rtable *t = find(&r, "hulp");
	assert_true(t->multi);
	assert_int_equal(state_of(t, "luisteren", -1), CELL_HIDDEN); /* 12 of 12 */
	assert_int_equal(state_of(t, "advies", -1), CELL_HIDDEN);    /* 11 of 12: 1 without */
	assert_int_equal(value_of(t, "meedenken"), 6);
	assert_int_equal(state_of(t, "nazorg", -1), CELL_LOW); /* 1 case, named twice */
	assert_int_equal(value_of(t, "bemiddeling"), 0);
	assert_int_equal(value_of(t, "totaal"), 12);
	assert_int_equal(sdc_audit(t, NULL), 0);
	arena_free(&a);
}

/* The deadline table: only when the "melden" count is published, then by the same rules. */
static void deadlines(void **state)
{
	struct arena a = ARENA_INIT;
	struct sdc_case c[30];
	struct sdc_report r;
	for (int i = 0; i < 30; i++) {
		c[i] = kase(1 + i % 4, "werkdruk");
		if (i < 12) {
			c[i].mode = "melden";
			c[i].ack = i < 9 ? SDC_TERM_MET : SDC_TERM_MISSED;
			c[i].feedback = i < 10 ? SDC_TERM_MET : SDC_TERM_RUNNING;
		}
	}
	assert_int_equal(sdc_build(&a, c, 30, NULL, &r), 0);
	const struct rtable *t = find(&r, "termijnen");
	assert_non_null(t);
	assert_int_equal(t->state[CELL(t, 1, 0)], CELL_LOW); /* 3 late */
	assert_int_not_equal(t->state[CELL(t, 0, 0)], CELL_VALUE);
	assert_int_equal(t->value[CELL(t, 3, 0)], 12);
	assert_int_equal(t->value[CELL(t, 3, 1)], 12);
	assert_int_equal(sdc_audit(t, NULL), 0);
	assert_int_equal(r.nwithheld, 0);
	c[0].mode = "sparren", c[1].mode = "sparren", c[2].mode = "sparren"; /* 9 formal reports */
	assert_int_equal(sdc_build(&a, c, 30, NULL, &r), 0);
	assert_null(find(&r, "termijnen"));
	assert_int_equal(r.nwithheld, 1);
	assert_string_equal(r.withheld[0], "termijnen");
	arena_free(&a);
}

static int same_tables(const struct rtable *x, const struct rtable *y, size_t n)
{
	for (size_t i = 0; i < n; i++, x++, y++) {
		if (strcmp(x->id, y->id) || strcmp(x->title, y->title) || x->nrows != y->nrows ||
		    x->ncols != y->ncols || x->row_totals != y->row_totals || x->col_totals != y->col_totals ||
		    x->multi != y->multi)
			return 0;
		for (size_t r = 0; r < x->nrows; r++)
			if (strcmp(x->rows[r], y->rows[r]) || strcmp(x->keys[r], y->keys[r]))
				return 0;
		for (size_t c = 0; c < x->ncols; c++)
			if (strcmp(x->cols[c], y->cols[c]))
				return 0;
		if (memcmp(x->state, y->state, x->nrows * x->ncols) ||
		    memcmp(x->value, y->value, x->nrows * x->ncols * sizeof(*x->value)))
			return 0;
	}
	return 1;
}

static void json_round_trip(void **state)
{
	struct arena a = ARENA_INIT;
	struct sdc_case c[14];
	struct sdc_report r;
	for (int i = 0; i < 14; i++)
		c[i] = kase(1 + i % 4, i < 3 ? "pesten" : "werkdruk");
	assert_int_equal(sdc_build(&a, c, 14, NULL, &r), 0);
	char *json;
	assert_int_equal(sdc_to_json(&a, r.tables, r.ntables, &json), 0);
	assert_contains(json, "\"<5\"");
	struct rtable *back;
	size_t n;
	assert_int_equal(sdc_from_json(&a, json, &back, &n), 0);
	assert_int_equal(n, r.ntables);
	assert_true(same_tables(r.tables, back, n));
	static const char *const bad[] = {
	    "",
	    "[]",
	    "{\"version\":2,\"tables\":[]}",
	    /* a count where the totals say otherwise */
	    "{\"version\":1,\"tables\":[{\"id\":\"a\",\"title\":\"A\",\"rows\":[\"x\",\"Totaal\"],\"keys\":[\"x\","
	    "\"totaal\"],\"cols\":[\"n\"],\"row_totals\":false,\"col_totals\":true,\"multi\":false,\"cells\":[[3],[12]]"
	    "}]}",
	    /* a cell that is neither a count, "<5" nor "x" */
	    "{\"version\":1,\"tables\":[{\"id\":\"a\",\"title\":\"A\",\"rows\":[\"x\",\"Totaal\"],\"keys\":[\"x\","
	    "\"totaal\"],\"cols\":[\"n\"],\"row_totals\":false,\"col_totals\":true,\"multi\":false,\"cells\":[[\"3\"],"
	    "[12]]}]}",
	    /* rows and keys that disagree */
	    "{\"version\":1,\"tables\":[{\"id\":\"a\",\"title\":\"A\",\"rows\":[\"x\",\"Totaal\"],\"keys\":[\"x\"],"
	    "\"cols\":[\"n\"],\"row_totals\":false,\"col_totals\":true,\"multi\":false,\"cells\":[[\"x\"],[12]]}]}",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(sdc_from_json(&a, bad[i], &back, &n), ERR_INVALID);
		assert_null(back);
	}
	arena_free(&a);
}

/* A one-column theme table as a year publishes it: keys, states ('v', 'l', 'x') and values. */
static struct rtable *year(struct arena *a, const char *const *keys, const char *states, const long long *values,
			   size_t n)
{
	struct rtable *t = arena_calloc(a, 1, sizeof(*t));
	*t = (struct rtable){.id = "thema", .title = "Zaken naar thema", .nrows = n, .ncols = 1, .col_totals = 1};
	t->rows = (const char **) keys, t->keys = (const char **) keys;
	t->cols = arena_calloc(a, 1, sizeof(char *));
	t->cols[0] = "Aantal zaken";
	t->value = arena_calloc(a, n, sizeof(long long));
	t->state = arena_calloc(a, n, 1);
	for (size_t i = 0; i < n; i++) {
		t->state[i] = states[i] == 'l' ? CELL_LOW : states[i] == 'x' ? CELL_HIDDEN : CELL_VALUE;
		t->value[i] = states[i] == 'v' ? values[i] : 0;
	}
	return t;
}

/*
 * Last year showed pesten 7 and intimidatie "< 5"; this year shows the group.
 * Last year's group figure would be 7 + the "< 5": the comparison hides it. When
 * last year's table pins the group's sum, the comparison shows it.
 */
static void comparison_uses_published_figures(void **state)
{
	struct arena a = ARENA_INIT;
	static const char *const then[] = {"pesten",	   "intimidatie", "groep-werk-en-leiding", "groep-integriteit",
					   "groep-overig", "totaal"};
	static const char *const now[] = {"groep-ongewenst-gedrag", "groep-werk-en-leiding", "groep-integriteit",
					  "groep-overig", "totaal"};
	struct rtable *before = year(&a, then, "vlxvvv", (const long long[]){7, 0, 0, 0, 0, 16}, 6);
	struct rtable *after = year(&a, now, "vvvvv", (const long long[]){10, 5, 0, 6, 21}, 5);
	assert_int_equal(sdc_audit(before, NULL), 0);
	struct rtable out;
	assert_int_equal(sdc_compare(&a, after, before, "2025", "2024", &out), 0);
	assert_int_equal(out.ncols, 2);
	assert_string_equal(out.cols[0], "2024");
	assert_string_equal(out.keys[0], "groep-ongewenst-gedrag");
	assert_int_equal(out.state[CELL(&out, 0, 0)], CELL_HIDDEN);
	assert_int_equal(out.value[CELL(&out, 0, 1)], 10);
	assert_int_equal(out.state[CELL(&out, 1, 0)], CELL_HIDDEN); /* copied as published */
	assert_int_equal(out.value[CELL(&out, 4, 0)], 16);
	/* pesten hidden instead, Werk en leiding shown: the group is 16 - 6 = 10 for anyone. */
	before = year(&a, then, "xlvvvv", (const long long[]){0, 0, 6, 0, 0, 16}, 6);
	assert_int_equal(sdc_audit(before, NULL), 0);
	assert_int_equal(sdc_compare(&a, after, before, "2025", "2024", &out), 0);
	assert_int_equal(out.state[CELL(&out, 0, 0)], CELL_VALUE);
	assert_int_equal(out.value[CELL(&out, 0, 0)], 10);
	/* Themes both years: row by row, a theme absent from a year's split group is 0. */
	static const char *const split[] = {"pesten", "groep-werk-en-leiding", "groep-integriteit", "groep-overig",
					    "totaal"};
	after = year(&a, split, "vvvvv", (const long long[]){10, 5, 0, 6, 21}, 5);
	assert_int_equal(sdc_compare(&a, after, before, "2025", "2024", &out), 0);
	assert_int_equal(out.nrows, 6);
	assert_string_equal(out.keys[1], "intimidatie");
	assert_int_equal(out.state[CELL(&out, 1, 0)], CELL_LOW);
	assert_int_equal(out.state[CELL(&out, 1, 1)], CELL_VALUE);
	assert_int_equal(out.value[CELL(&out, 1, 1)], 0);
	after->id = "hulp";
	assert_int_equal(sdc_compare(&a, after, before, "2025", "2024", &out), ERR_INVALID);
	arena_free(&a);
}

/* A mixed year, for the tests below: every table made, some suppression. */
static size_t mixed(struct sdc_case *c)
{
	static const char *const themes[] = {"pesten", "werkdruk", "werkdruk",		 "fraude",
					     "prive",  "",	   "eigen-reorganisatie"};
	static const char *const channels[] = {"persoonlijk", "telefoon", "email", "online"};
	static const char *const outcomes[] = {"", "opgelost", "doorverwezen", "opgelost"};
	static const char *const help[] = {"luisteren", "advies", "nazorg"}, *const who[] = {"collega",
											     "leidinggevende"};
	for (size_t i = 0; i < 40; i++) {
		c[i] = kase(1 + (int) (i * 7 % 4), themes[i % 7]);
		c[i].channel = channels[i % 4], c[i].outcome = outcomes[i % 4];
		c[i].help = help, c[i].nhelp = 1 + i % 3;
		c[i].involved = who, c[i].ninvolved = 1 + i % 2;
		if (i % 3) {
			c[i].mode = "melden";
			c[i].ack = i % 5 ? SDC_TERM_MET : SDC_TERM_MISSED;
			c[i].feedback = i % 4 ? SDC_TERM_MET : SDC_TERM_RUNNING;
		}
	}
	return 40;
}

/* Every allocation of a build failing in turn: a clean ERR_NOMEM, no leak, then success. */
static void under_faults(void **state)
{
	struct sdc_case c[40];
	size_t n = mixed(c);
	for (long fail = 1; fail < 100000; fail++) {
		struct arena a = ARENA_INIT;
		struct sdc_report r;
		char *json = NULL;
		mem_fail_after(fail);
		int rc = sdc_build(&a, c, n, NULL, &r);
		if (!rc)
			rc = sdc_to_json(&a, r.tables, r.ntables, &json);
		mem_fail_after(0);
		arena_free(&a);
		if (!mem_fail_fired()) {
			assert_int_equal(rc, 0);
			assert_true(fail > 10);
			return;
		}
		assert_int_equal(rc, ERR_NOMEM);
	}
	fail_msg("never succeeded");
}

static void *build_in_thread(void *arg)
{
	struct sdc_case c[40];
	size_t n = mixed(c);
	char **json = arg;
	for (int i = 0; i < 20; i++) {
		struct arena a = ARENA_INIT;
		struct sdc_report r;
		char *s, failed[] = "error";
		if (sdc_build(&a, c, n, NULL, &r) || sdc_to_json(&a, r.tables, r.ntables, &s))
			s = failed;
		if (!*json)
			*json = mem_strdup(s);
		else if (strcmp(*json, s))
			**json = '!';
		arena_free(&a);
	}
	return NULL;
}

/* The server builds reports on several threads: each has its own GLPK problem and state. */
static void threads(void **state)
{
	pthread_t th[4];
	char *json[4] = {NULL};
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&th[i], NULL, build_in_thread, &json[i]), 0);
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_join(th[i], NULL), 0);
	for (int i = 0; i < 4; i++)
		assert_string_equal(json[i], json[0]);
	for (int i = 0; i < 4; i++)
		mem_free(json[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(nothing_under_ten),
	    cmocka_unit_test(low_cell_and_partners),
	    cmocka_unit_test(intervals_by_hand),
	    cmocka_unit_test(everyone_in_one_row),
	    cmocka_unit_test(rare_themes_and_coarser_time),
	    cmocka_unit_test(lists_and_complements),
	    cmocka_unit_test(deadlines),
	    cmocka_unit_test(json_round_trip),
	    cmocka_unit_test(comparison_uses_published_figures),
	    cmocka_unit_test(under_faults),
	    cmocka_unit_test(threads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
