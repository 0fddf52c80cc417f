/*
 * The annual report against a real store: a preview counts the year's
 * statistics rows; release needs the year over and every text ready, happens
 * once, and fixes what was published (later rows change nothing); a small
 * year is prose only; no published count is 1-4; next year's comparison
 * reads last year's published tables; national trends add up published
 * figures only, hide a sum with a suppressed part, and leave out years with
 * fewer than three organisations and organisations that did not opt in.
 */
#include "testutil.h"

#include <unistd.h>

#include "orgs/orgs.h"
#include "reports/reports.h"
#include "store/store.h"
#include "store/users.h"

static char dir[] = "/tmp/vertrouwd-reports-XXXXXX", dsn[300];
static struct store *st;
static long long org[4], vp[4];

#define TODAY "2026-12-04"
#define NOW   1796374800LL /* its 10:00 in Amsterdam */

static int setup(void **state)
{
	char err[256];
	const char *why;
	if (!mkdtemp(dir))
		return -1;
	test_dsn(dsn, sizeof(dsn), dir, "r.db");
	if (store_open(dsn, &st, err, sizeof(err)) || store_migrate(st, err, sizeof(err)))
		return -1;
	for (int i = 0; i < 4; i++) {
		char name[32], email[64];
		snprintf(name, sizeof(name), "Organisatie %c", 'A' + i);
		snprintf(email, sizeof(email), "vp%d@example.nl", i);
		struct org_input in = {.name = name, .workers = 200, .listed = 1};
		if (orgs_add(st, "test", &in, &org[i], &why) || store_user_add(st, email, "VP", ROLE_VP, &vp[i]) ||
		    orgs_member_add(st, "test", org[i], email, ORG_ROLE_VP, &why))
			return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	store_close(st);
	return 0;
}

/* n cases of year in org i, spread over themes, months and modes by seed. */
static void history(int i, int year, int n, unsigned seed)
{
	static const char *const themes[] = {"pesten", "werkdruk", "conflict-leidinggevende", "fraude", "intimidatie"};
	for (int k = 0; k < n; k++) {
		seed = seed * 1103515245u + 12345u;
		unsigned r = seed >> 16;
		char month[16], received[32];
		snprintf(month, sizeof(month), "%04d-%02u", year, 1u + r % 12u);
		snprintf(received, sizeof(received), "%s-10", month);
		int melden = r % 7 == 0;
		struct case_history h = {.month = month,
					 .mode = melden ? "melden" : "sparren",
					 .channel = r % 3 ? "telefoon" : "persoonlijk",
					 .received_on = received,
					 .closed_on = received,
					 .outcome = "opgelost",
					 .ack_due = melden ? received : "",
					 .acknowledged_on = melden ? received : "",
					 .theme = themes[(r >> 4) % 5],
					 .help = "advies"};
		assert_int_equal(reports_history_add(st, org[i], &h), 0);
	}
}

static void no_small_count(const struct report_doc *d)
{
	for (size_t t = 0; t < d->ntables; t++)
		for (size_t c = 0; c < d->tables[t].nrows * d->tables[t].ncols; c++)
			if (d->tables[t].state[c] == CELL_VALUE)
				assert_false(d->tables[t].value[c] >= 1 && d->tables[t].value[c] <= 4);
}

static void release(int i, int year)
{
	struct arena a = ARENA_INIT;
	const char *why = NULL;
	assert_int_equal(reports_text_set(st, org[i], year, vp[i], "Geen bijzonderheden.", 1, 1, &why), 0);
	assert_int_equal(reports_release(st, &a, org[i], year, TODAY, vp[i], 1, &why), 0);
	arena_free(&a);
}

static void release_fixes_the_figures(void **state)
{
	struct arena a = ARENA_INIT;
	struct report_doc d;
	const char *why = NULL;
	history(0, 2024, 30, 1);
	assert_int_equal(reports_get(st, &a, org[0], 2024, TODAY, &d), 0);
	assert_false(d.released);
	assert_int_equal(d.ncases, 30);
	assert_true(d.ntables >= 5);
	no_small_count(&d);
	/* no text, a draft, the year not over */
	assert_int_equal(reports_release(st, &a, org[0], 2024, TODAY, vp[0], 1, &why), ERR_CONFLICT);
	assert_non_null(why);
	assert_int_equal(reports_text_set(st, org[0], 2024, vp[0], "Concept", 0, 1, &why), 0);
	assert_int_equal(reports_release(st, &a, org[0], 2024, TODAY, vp[0], 1, &why), ERR_CONFLICT);
	assert_int_equal(reports_release(st, &a, org[0], 2026, TODAY, vp[0], 1, &why), ERR_INVALID);
	char *long_text = calloc(3 * REPORT_TEXT_MAX + 2, 1);
	memset(long_text, 'a', REPORT_TEXT_MAX + 1);
	assert_int_equal(reports_text_set(st, org[0], 2024, vp[0], long_text, 1, 1, &why), ERR_INVALID);
	/* the limit counts characters: 15,000 accented ones (30,000 bytes) fit */
	for (size_t i = 0; i < 15000; i++)
		memcpy(long_text + 2 * i, "\xc3\xa9", 2);
	long_text[30000] = '\0';
	assert_int_equal(reports_text_set(st, org[0], 2024, vp[0], long_text, 0, 1, &why), 0);
	/* a line break sent as CRLF is one character: 10,000 of them and 10,000 letters fit */
	for (size_t i = 0; i < 10000; i++)
		memcpy(long_text + 3 * i, "a\r\n", 3);
	long_text[30000] = '\0';
	assert_int_equal(reports_text_set(st, org[0], 2024, vp[0], long_text, 0, 1, &why), 0);
	free(long_text);
	assert_int_equal(reports_text_set(st, org[0], 2024, vp[0], "Hallo \xff\xfe wereld", 0, 1, &why), ERR_INVALID);
	assert_int_equal(
	    reports_text_set(st, org[0], 2024, vp[0], "Meer aandacht voor werkdruk.\n\nAdvies.", 1, 2, &why), 0);
	assert_int_equal(reports_release(st, &a, org[0], 2024, TODAY, vp[0], 3, &why), 0);
	assert_int_equal(reports_release(st, &a, org[0], 2024, TODAY, vp[0], 4, &why), ERR_CONFLICT);
	assert_int_equal(reports_text_set(st, org[0], 2024, vp[0], "Later", 1, 5, &why), ERR_CONFLICT);
	/* rows that arrive later do not change what was published */
	history(0, 2024, 7, 2);
	assert_int_equal(reports_get(st, &a, org[0], 2024, TODAY, &d), 0);
	assert_true(d.released);
	assert_int_equal(d.ncases, 30);
	assert_string_equal(d.released_on, TODAY);
	assert_int_equal(d.ntexts, 1);
	assert_string_equal(d.texts[0].body, "Meer aandacht voor werkdruk.\n\nAdvies.");
	no_small_count(&d);
	arena_free(&a);
}

/* Formal reports never acknowledged: both deadlines have passed, so both count as missed. */
static void unacknowledged_reports_miss_both_deadlines(void **state)
{
	struct arena a = ARENA_INIT;
	struct report_doc d;
	for (int k = 0; k < 12; k++) {
		char month[16], received[32], due[32];
		snprintf(month, sizeof(month), "2023-%02d", 1 + k % 12);
		snprintf(received, sizeof(received), "%s-03", month);
		snprintf(due, sizeof(due), "%s-10", month);
		struct case_history h = {.month = month,
					 .mode = "melden",
					 .channel = "telefoon",
					 .received_on = received,
					 .closed_on = received,
					 .outcome = "opgelost",
					 .ack_due = due,
					 .theme = "fraude"};
		assert_int_equal(reports_history_add(st, org[1], &h), 0);
		if (k < 10) { /* and ten acknowledged and answered in time, so the figures are no giveaway */
			char fb_due[16], fb[16];
			snprintf(fb_due, sizeof(fb_due), "2023-%02d-01", 1 + (k + 3) % 12);
			snprintf(fb, sizeof(fb), "2023-%02d-28", 1 + k % 12);
			h.acknowledged_on = received, h.feedback_due = k < 9 ? fb_due : "2024-01-01",
			h.feedback_on = fb;
			assert_int_equal(reports_history_add(st, org[1], &h), 0);
			h.acknowledged_on = h.feedback_due = h.feedback_on = NULL;
		}
		h.mode = "sparren", h.ack_due = "", h.theme = "pesten"; /* and talks, so the mode is no giveaway */
		assert_int_equal(reports_history_add(st, org[1], &h), 0);
	}
	assert_int_equal(reports_get(st, &a, org[1], 2023, TODAY, &d), 0);
	const struct rtable *t = reports_table(&d, "termijnen");
	assert_non_null(t);
	/* row 1 "Te laat": the 12 never acknowledged, in both columns */
	assert_int_equal(t->state[1 * t->ncols + 0], CELL_VALUE);
	assert_int_equal(t->value[1 * t->ncols + 0], 12);
	assert_int_equal(t->state[1 * t->ncols + 1], CELL_VALUE);
	assert_int_equal(t->value[1 * t->ncols + 1], 12);
	arena_free(&a);
}

static void a_small_year_is_prose_only(void **state)
{
	struct arena a = ARENA_INIT;
	struct report_doc d;
	history(3, 2024, 6, 3);
	release(3, 2024);
	assert_int_equal(reports_published(st, &a, org[3], 2024, &d), 0);
	assert_int_equal(d.ncases, -1);
	assert_int_equal(d.ntables, 0);
	assert_int_equal(reports_published(st, &a, org[3], 2023, &d), ERR_NOT_FOUND);
	arena_free(&a);
}

static void next_year_compares_with_the_published_figures(void **state)
{
	struct arena a = ARENA_INIT;
	struct report_doc now, before;
	struct rtable *cmp;
	size_t n;
	history(0, 2025, 40, 4);
	release(0, 2025);
	assert_int_equal(reports_published(st, &a, org[0], 2025, &now), 0);
	assert_int_equal(reports_published(st, &a, org[0], 2024, &before), 0);
	assert_int_equal(reports_compare(&a, &now, &before, &cmp, &n), 0);
	assert_true(n >= 1);
	assert_string_equal(cmp[0].cols[0], "2024");
	assert_string_equal(cmp[0].cols[1], "2025");
	arena_free(&a);
}

/* The theme table's figure of a group key in a published report: its count, or -1 when not shown as one. */
static long long total_of(int i, int year)
{
	struct arena a = ARENA_INIT;
	struct report_doc d;
	assert_int_equal(reports_published(st, &a, org[i], year, &d), 0);
	const struct rtable *t = reports_table(&d, "thema");
	assert_non_null(t);
	size_t k = (t->nrows - 1) * t->ncols + (t->row_totals ? t->ncols - 1 : 0);
	long long v = t->state[k] == CELL_VALUE ? t->value[k] : -1;
	arena_free(&a);
	return v;
}

static void trends_add_up_published_figures(void **state)
{
	struct arena a = ARENA_INIT;
	struct rtable t;
	size_t norgs;
	/* 2024: A and the prose-only D; two organisations with tables are not enough */
	history(1, 2024, 25, 5);
	release(1, 2024);
	assert_int_equal(reports_trends(st, &a, 0, NOW, &t, &norgs), 0);
	assert_int_equal(t.ncols, 0);
	history(2, 2024, 50, 6);
	release(2, 2024);
	assert_int_equal(reports_trends(st, &a, 0, NOW, &t, &norgs), 0);
	assert_int_equal(norgs, 4);
	assert_int_equal(t.ncols, 1); /* 2025 has only A */
	assert_string_equal(t.cols[0], "2024");
	/* before 1 July 2025 the year 2024 is not fixed yet, so not shown */
	struct rtable early;
	assert_int_equal(reports_trends(st, &a, 0, 1748772000LL /* 2025-06-01 */, &early, &norgs), 0);
	assert_int_equal(early.ncols, 0);
	size_t total = (t.nrows - 1) * t.ncols;
	assert_int_equal(t.state[total], CELL_VALUE);
	assert_int_equal(t.value[total], total_of(0, 2024) + total_of(1, 2024) + total_of(2, 2024));
	for (size_t i = 0; i < t.nrows; i++)
		if (t.state[i] == CELL_VALUE)
			assert_false(t.value[i] >= 1 && t.value[i] <= 4);
	/* the public page: only organisations that opted in */
	assert_int_equal(reports_trends(st, &a, 1, NOW, &t, &norgs), 0);
	assert_int_equal(t.ncols, 0);
	for (int i = 0; i < 3; i++)
		assert_int_equal(store_org_compliance_set(st, org[i], "{}", "", 1), 0);
	assert_int_equal(reports_trends(st, &a, 1, NOW, &t, &norgs), 0);
	assert_int_equal(t.ncols, 1);
	assert_int_equal(norgs, 3);
	arena_free(&a);
}

/* Two VPs write one report; a VP who left neither blocks the release nor is published. */
static void several_vps_write_one_report(void **state)
{
	struct arena a = ARENA_INIT;
	struct report_doc d;
	const char *why;
	long long second, former;
	assert_int_equal(store_user_add(st, "tweede@example.nl", "Tweede VP", ROLE_VP, &second), 0);
	assert_int_equal(store_user_add(st, "oud@example.nl", "Oud VP", ROLE_VP, &former), 0);
	assert_int_equal(orgs_member_add(st, "test", org[2], "tweede@example.nl", ORG_ROLE_VP, &why), 0);
	assert_int_equal(orgs_member_add(st, "test", org[2], "oud@example.nl", ORG_ROLE_VP, &why), 0);
	assert_int_equal(
	    reports_text_set(st, org[2], 2025, vp[2], "Intern: meer uitleg over de meldregeling.", 1, 1, &why), 0);
	assert_int_equal(reports_text_set(st, org[2], 2025, second, "Extern: in concept.", 0, 1, &why), 0);
	assert_int_equal(reports_text_set(st, org[2], 2025, former, "Niet klaar.", 0, 1, &why), 0);
	assert_int_equal(reports_release(st, &a, org[2], 2025, TODAY, vp[2], 1, &why), ERR_CONFLICT);
	assert_int_equal(orgs_member_remove(st, "test", org[2], "oud@example.nl", ORG_ROLE_VP), 0);
	assert_int_equal(reports_release(st, &a, org[2], 2025, TODAY, vp[2], 1, &why), ERR_CONFLICT);
	assert_int_equal(reports_text_set(st, org[2], 2025, second, "Extern: werkdruk blijft een signaal.", 1, 2, &why),
			 0);
	assert_int_equal(reports_release(st, &a, org[2], 2025, TODAY, second, 3, &why), 0);
	assert_int_equal(reports_published(st, &a, org[2], 2025, &d), 0);
	assert_int_equal(d.ntexts, 2);
	for (size_t i = 0; i < d.ntexts; i++)
		assert_null(strstr(d.texts[i].body, "Niet klaar"));
	arena_free(&a);
}

/* The CSV: quoted where it must be, a formula stays text, suppressed cells as their marks. */
static void csv_keeps_formulas_out(void **state)
{
	const char *rows[] = {"=HYPERLINK(\"x\")", "Pesten, treiteren", "Totaal"}, *cols[] = {"Aantal zaken"},
		   *keys[] = {"eigen-x", "pesten", "totaal"};
	long long value[] = {0, 0, 12};
	unsigned char state_[] = {CELL_LOW, CELL_HIDDEN, CELL_VALUE};
	struct rtable t = {.id = "thema",
			   .title = "Thema",
			   .nrows = 3,
			   .ncols = 1,
			   .rows = rows,
			   .cols = cols,
			   .keys = keys,
			   .col_totals = 1,
			   .value = value,
			   .state = state_};
	struct report_doc d = {.tables = &t, .ntables = 1};
	struct buf b = BUF_INIT(1 << 16);
	assert_int_equal(reports_csv(&b, &d), 0);
	assert_int_equal(buf_addc(&b, '\0'), 0);
	assert_string_equal(b.ptr, "tabel,categorie,kolom,aantal\r\n"
				   "thema,\"'=HYPERLINK(\"\"x\"\")\",Aantal zaken,<5\r\n"
				   "thema,\"Pesten, treiteren\",Aantal zaken,x\r\n"
				   "thema,Totaal,Aantal zaken,12\r\n");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(release_fixes_the_figures),
	    cmocka_unit_test(unacknowledged_reports_miss_both_deadlines),
	    cmocka_unit_test(a_small_year_is_prose_only),
	    cmocka_unit_test(next_year_compares_with_the_published_figures),
	    cmocka_unit_test(trends_add_up_published_figures),
	    cmocka_unit_test(several_vps_write_one_report),
	    cmocka_unit_test(csv_keeps_formulas_out),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
