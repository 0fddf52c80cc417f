/*
 * The VP's workspace against a real store: registering a contact seals it to
 * the VP alone; the deadlines of the Wbk and of an organisation's promise
 * (working days, Dutch holidays) land on the right dates and in the next
 * deadline the lists sort by; steps that involve someone else need the
 * melder's consent; closing sets a schedule that reopening cannot reset; the
 * workspace list filters, counts and pages; a report of another case cannot
 * be approved.
 */
#include "testutil.h"
#include "vp_fixture.h"

#include <unistd.h>

#include "cases/retention.h"
#include "cases/work.h"
#include "orgs/orgs.h"
#include "store/keys.h"
#include "store/store.h"
#include "store/users.h"

static char dir[] = "/tmp/vertrouwd-work-XXXXXX", dsn[300];
static struct store *st;
static long long org_a, org_b, vp_a, vp_b;
static unsigned char *sk_a, *sk_b;

/* Amsterdam 10:00 on these days. */
#define FRI_4_DEC  1796374800LL /* 2026-12-04, a Friday */
#define SUN_20_DEC 1797757200LL /* 2026-12-20 */
#define THU_24_DEC 1798102800LL /* 2026-12-24, before Christmas */
#define TUE_5_JAN  1799139600LL /* 2027-01-05 */

static int setup(void **state)
{
	const char *why;
	struct org_input a = {.name = "Zorggroep West", .workers = 400, .listed = 1},
			 b = {.name = "Transport Oost", .workers = 90, .listed = 1};
	if (test_store_orgs(dir, dsn, sizeof(dsn), "w.db", &st, &a, &org_a, &b, &org_b))
		return -1;
	vp_a = test_vp(st, "vp-west@example.nl", "VP", org_a, &sk_a);
	vp_b = test_vp(st, "vp-oost@example.nl", "VP", org_b, &sk_b);
	return orgs_case_settings(st, "test", org_a, 2, 0, &why);
}

static int teardown(void **state)
{
	vault_secret_free(sk_a);
	vault_secret_free(sk_b);
	store_close(st);
	return 0;
}

static struct register_input contact(const char *mode, const char *date)
{
	return (struct register_input){
	    .org_id = org_a,
	    .mode = mode,
	    .contact = {"telefoon", date, 20, "Belde over de planning."},
	    .dossier = {.melder_name = "Sanne", .story = "Het rooster wordt steeds gewijzigd."},
	    .codes = {.themes = {"werkdruk"}, .nthemes = 1, .help = {"advies"}, .nhelp = 1},
	    .consent_how = "mondeling"};
}

static long long registered(const char *mode, const char *date, long long now)
{
	long long id;
	const char *why = NULL;
	struct register_input in = contact(mode, date);
	assert_int_equal(cases_register(st, vp_a, "VP West", &in, now, &id, &why), 0);
	return id;
}

static struct case_row row(struct arena *a, long long id)
{
	struct case_row c;
	assert_int_equal(cases_get(st, a, org_a, id, &c), 0);
	return c;
}

static void registration_checks_input_and_seals_to_the_vp(void **state)
{
	const char *why = NULL;
	long long id;
	struct register_input in = contact("sparren", "2026-12-05");
	assert_int_equal(cases_register(st, vp_a, "VP West", &in, FRI_4_DEC, &id, &why), ERR_INVALID);
	assert_contains(why, "niet in de toekomst");
	in = contact("sparren", "2026-12-03");
	in.consent_how = NULL;
	assert_int_equal(cases_register(st, vp_a, "VP West", &in, FRI_4_DEC, &id, &why), ERR_INVALID);
	assert_contains(why, "toestemming");
	in = contact("sparren", "2026-12-03");
	in.codes.themes[0] = "onbekend-thema";
	assert_int_equal(cases_register(st, vp_a, "VP West", &in, FRI_4_DEC, &id, &why), ERR_INVALID);
	in = contact("sparren", "2026-12-03");
	in.contact.channel = "duif";
	assert_int_equal(cases_register(st, vp_a, "VP West", &in, FRI_4_DEC, &id, &why), ERR_INVALID);
	in = contact("sparren", "2026-12-03");
	assert_int_equal(cases_register(st, vp_b, "VP Oost", &in, FRI_4_DEC, &id, &why),
			 ERR_NOT_FOUND); /* not theirs */

	id = registered("sparren", "2026-12-03", FRI_4_DEC);
	unsigned char *ck = vault_secret_new();
	assert_int_equal(cases_vp_open(st, id, vp_b, sk_b, ck), ERR_NOT_FOUND);
	assert_int_equal(cases_vp_open(st, id, vp_a, sk_a, ck), 0);
	struct arena a = ARENA_INIT;
	struct case_view v;
	assert_int_equal(cases_view(st, &a, id, ck, CASE_FOR_VP, &v), 0);
	assert_string_equal(v.dossier.melder_name, "Sanne");
	assert_int_equal(v.ncontacts, 1);
	assert_string_equal(v.contacts[0].summary, "Belde over de planning.");
	assert_int_equal(v.nconsents, 1);
	assert_string_equal(v.consents[0].what, "registratie");
	/* The melder sees none of the VP's registration. */
	assert_int_equal(cases_view(st, &a, id, ck, CASE_FOR_MELDER, &v), 0);
	assert_int_equal(v.ntimeline, 0);
	struct case_row c = row(&a, id);
	assert_string_equal(c.themes, "werkdruk");
	assert_string_equal(c.responded_on, "2026-12-03"); /* the contact was the reply */
	vault_secret_free(ck);
	arena_free(&a);
}

static void wbk_deadlines_and_the_next_one(void **state)
{
	struct arena a = ARENA_INIT;
	unsigned char *ck = vault_secret_new();
	long long id = registered("melden", "2026-12-01", FRI_4_DEC);
	struct case_row c = row(&a, id);
	assert_string_equal(c.ack_due, "2026-12-08");
	assert_string_equal(c.next_due, "2026-12-08");
	assert_string_equal(c.next_due_what, "bevestigen");
	assert_int_equal(cases_vp_open(st, id, vp_a, sk_a, ck), 0);
	/* Acknowledged late (20 December): the 3 months run from the 8th, the day it was due. */
	assert_int_equal(cases_acknowledge(st, id, ck, vp_a, "VP West", "", SUN_20_DEC), 0);
	c = row(&a, id);
	assert_string_equal(c.acknowledged_on, "2026-12-20");
	assert_string_equal(c.feedback_due, "2027-03-08");
	assert_string_equal(c.next_due_what, "terugkoppelen");
	assert_int_equal(cases_acknowledge(st, id, ck, vp_a, "VP West", "", TUE_5_JAN), 0); /* once: no change */
	assert_string_equal(row(&a, id).acknowledged_on, "2026-12-20");
	assert_int_equal(cases_feedback(st, id, ck, vp_a, "VP West", "", TUE_5_JAN), 0);
	c = row(&a, id);
	assert_string_equal(c.feedback_on, "2027-01-05");
	assert_string_equal(c.next_due, "");
	/* On time: 3 months from the acknowledgement, a month end kept. */
	long long id2 = registered("melden", "2026-11-27", FRI_4_DEC);
	assert_int_equal(cases_vp_open(st, id2, vp_a, sk_a, ck), 0);
	assert_int_equal(cases_acknowledge(st, id2, ck, vp_a, "VP West", "", FRI_4_DEC), 0);
	assert_string_equal(row(&a, id2).feedback_due, "2027-03-04");
	/* Sparren has no legal clock. */
	long long id3 = registered("sparren", "2026-12-01", FRI_4_DEC);
	assert_int_equal(cases_vp_open(st, id3, vp_a, sk_a, ck), 0);
	assert_int_equal(cases_acknowledge(st, id3, ck, vp_a, "VP West", "", FRI_4_DEC), ERR_INVALID);
	vault_secret_free(ck);
	arena_free(&a);
}

static long long online(const char *mode, long long now)
{
	struct receipt r;
	const char *why = NULL;
	struct report_input in = {.org_id = org_a, .mode = mode, .message = "Kan ik even praten?", .consent = 1};
	assert_int_equal(cases_report(st, &in, now, &r, &why), 0);
	return r.case_id;
}

static void promised_reply_counts_working_days(void **state)
{
	struct arena a = ARENA_INIT;
	long long fri = online("sparren", FRI_4_DEC), xmas = online("sparren", THU_24_DEC);
	assert_string_equal(row(&a, fri).respond_due, "2026-12-08");  /* Monday, Tuesday */
	assert_string_equal(row(&a, xmas).respond_due, "2026-12-29"); /* Christmas and the weekend skipped */
	assert_string_equal(row(&a, online("melden", FRI_4_DEC)).respond_due, ""); /* the Wbk's clock instead */
	assert_string_equal(row(&a, fri).next_due_what, "eerste reactie");
	unsigned char *ck = vault_secret_new();
	const char *why;
	assert_int_equal(cases_vp_open(st, fri, vp_a, sk_a, ck), 0);
	assert_int_equal(cases_message(st, fri, ck, "vp", "VP West", "u1", "Ja, bel me maar.", NULL, FRI_4_DEC, &why),
			 0);
	struct case_row c = row(&a, fri);
	assert_string_equal(c.responded_on, "2026-12-04");
	assert_string_equal(c.next_due, "");
	vault_secret_free(ck);
	arena_free(&a);
}

static void steps_involving_others_need_consent(void **state)
{
	struct arena a = ARENA_INIT;
	unsigned char *ck = vault_secret_new();
	const char *why = NULL;
	long long id = registered("sparren", "2026-12-02", FRI_4_DEC);
	assert_int_equal(cases_vp_open(st, id, vp_a, sk_a, ck), 0);
	assert_int_equal(cases_action_add(st, id, ck, vp_a, "VP West", "Gesprek met de teamleider", "2026-12-10", NULL,
					  NULL, FRI_4_DEC, &why),
			 ERR_INVALID);
	assert_int_equal(cases_action_add(st, id, ck, vp_a, "VP West", "Gesprek met de teamleider", "2026-12-10",
					  "mondeling", "2026-12-05", FRI_4_DEC, &why),
			 ERR_INVALID); /* consent cannot come from the future */
	assert_int_equal(cases_action_add(st, id, ck, vp_a, "VP West", "Gesprek met de teamleider", "2026-12-10",
					  "mondeling", "2026-12-02", FRI_4_DEC, &why),
			 0);
	assert_int_equal(cases_action_add(st, id, ck, vp_a, "VP West", "Zelf nalezen wat de cao zegt", "2026-12-07",
					  "niet-nodig", NULL, FRI_4_DEC, &why),
			 0);
	struct case_row c = row(&a, id);
	assert_string_equal(c.next_due, "2026-12-07");
	assert_string_equal(c.next_due_what, "actie");
	assert_int_equal(
	    cases_refer(st, id, ck, vp_a, "VP West", "bedrijfsarts", "Voor de klachten", NULL, NULL, FRI_4_DEC, &why),
	    ERR_INVALID);
	assert_contains(why, "toestemming");
	assert_int_equal(cases_refer(st, id, ck, vp_a, "VP West", "bedrijfsarts", "Voor de klachten", "schriftelijk",
				     "2026-12-03", FRI_4_DEC, &why),
			 0);
	struct case_view v;
	assert_int_equal(cases_view(st, &a, id, ck, CASE_FOR_VP, &v), 0);
	assert_int_equal(v.nactions, 2);
	assert_int_equal(v.nreferrals, 1);
	assert_int_equal(v.nconsents, 3); /* registration, the first action, the referral */
	int tagged = 0;
	for (size_t i = 0; i < v.ntags; i++)
		tagged |= !strcmp(v.tags[i].kind, "verwijzing") && !strcmp(v.tags[i].code, "bedrijfsarts");
	assert_true(tagged);
	/* Done, the action leaves the deadlines; one of another case cannot be marked. */
	assert_int_equal(cases_action_done(st, id, vp_a, v.actions[1].id, FRI_4_DEC), 0);
	assert_string_equal(row(&a, id).next_due, "2026-12-10");
	long long other = registered("sparren", "2026-12-02", FRI_4_DEC);
	assert_int_equal(cases_action_done(st, other, vp_a, v.actions[0].id, FRI_4_DEC), ERR_NOT_FOUND);
	vault_secret_free(ck);
	arena_free(&a);
}

static void closing_sets_a_schedule_reopening_keeps(void **state)
{
	char on[11], limit[11];
	assert_int_equal(retention_schedule(0, "opgelost", "2026-12-04", on, limit), 0);
	assert_string_equal(on, "2027-06-01");
	assert_string_equal(limit, "2028-06-01");
	assert_int_equal(retention_schedule(6, "opgelost", "2026-08-31", on, limit), 0);
	assert_string_equal(on, "2027-02-28");
	assert_int_equal(retention_schedule(24, "opgelost", "2026-12-04", on, limit), 0);
	assert_string_equal(limit, "2029-12-04");
	assert_int_equal(retention_schedule(24, "klacht", "2026-12-04", on, limit), 0);
	assert_string_equal(on, "2028-12-04"); /* a complaint: 2 years at most, postponing included */
	assert_string_equal(limit, "2028-12-04");
	assert_int_equal(retention_schedule(25, "opgelost", "2026-12-04", on, limit), ERR_INVALID);

	struct arena a = ARENA_INIT;
	unsigned char *ck = vault_secret_new();
	const char *why = NULL;
	long long id = registered("sparren", "2026-12-02", FRI_4_DEC);
	assert_int_equal(cases_vp_open(st, id, vp_a, sk_a, ck), 0);
	assert_int_equal(cases_close(st, id, ck, vp_a, "VP West", "onbekend", "", FRI_4_DEC, &why), ERR_INVALID);
	assert_int_equal(cases_reopen(st, id, ck, vp_a, "VP West", "Nog iets", FRI_4_DEC, &why), ERR_INVALID);
	assert_int_equal(cases_close(st, id, ck, vp_a, "VP West", "opgelost", "Afgesproken", FRI_4_DEC, &why), 0);
	struct case_row c = row(&a, id);
	assert_string_equal(c.status, "gesloten");
	assert_string_equal(c.destroy_on, "2027-06-01");
	assert_string_equal(c.next_due_what, "vernietigen");
	assert_int_equal(cases_reopen(st, id, ck, vp_a, "VP West", "", TUE_5_JAN, &why), ERR_INVALID);
	assert_int_equal(cases_reopen(st, id, ck, vp_a, "VP West", "De melder belde opnieuw", TUE_5_JAN, &why), 0);
	assert_int_equal(cases_close(st, id, ck, vp_a, "VP West", "opgelost", "", TUE_5_JAN, &why), 0);
	c = row(&a, id);
	assert_string_equal(c.closed_on, "2027-01-05");
	assert_string_equal(c.first_closed_on, "2026-12-04");
	assert_string_equal(c.destroy_on, "2027-06-01"); /* not a year later */
	assert_int_equal(c.reopened, 1);
	vault_secret_free(ck);
	arena_free(&a);
}

static void the_list_filters_counts_and_pages(void **state)
{
	struct arena a = ARENA_INIT;
	struct case_row *rows;
	size_t n;
	long long total;
	struct case_filter f = {.user_id = vp_a, .today = "2026-12-04", .week_end = "2026-12-11", .limit = 1000};
	assert_int_equal(cases_search(st, &a, &f, &rows, &n, &total), 0);
	long long all = total;
	printf("  %lld cases in the list\n", all);
	assert_true(all >= 10);
	assert_int_equal((long long) n, all);
	f.limit = 3;
	f.offset = 3;
	assert_int_equal(cases_search(st, &a, &f, &rows, &n, &total), 0);
	assert_int_equal(n, 3);
	assert_int_equal(total, all);
	f.limit = 1000;
	f.offset = 0;
	f.status = "gesloten";
	assert_int_equal(cases_search(st, &a, &f, &rows, &n, &total), 0);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(rows[i].status, "gesloten");
	f.status = NULL;
	f.theme = "werkdruk";
	assert_int_equal(cases_search(st, &a, &f, &rows, &n, &total), 0);
	assert_true(total > 0 && total < all); /* the online reports have no theme */
	f.theme = NULL;
	f.due = "week";
	assert_int_equal(cases_search(st, &a, &f, &rows, &n, &total), 0);
	for (size_t i = 0; i < n; i++)
		assert_true(strcmp(rows[i].next_due, "2026-12-04") >= 0 && strcmp(rows[i].next_due, "2026-12-11") <= 0);
	f.due = "verlopen";
	f.today = "2027-04-01";
	assert_int_equal(cases_search(st, &a, &f, &rows, &n, &total), 0);
	assert_true(total > 0);
	for (size_t i = 0; i < n; i++)
		assert_true(*rows[i].next_due && strcmp(rows[i].next_due, "2027-04-01") < 0);
	struct case_overview ov;
	assert_int_equal(cases_overview(st, vp_a, 0, "2027-04-01", &ov), 0);
	assert_int_equal(ov.overdue, total);
	/* Another organisation's VP sees none of it, filtered or not. */
	f = (struct case_filter){.user_id = vp_b, .today = "2026-12-04", .week_end = "2026-12-11", .limit = 1000};
	assert_int_equal(cases_search(st, &a, &f, &rows, &n, &total), 0);
	assert_int_equal(total, 0);
	f.org_id = org_a;
	assert_int_equal(cases_search(st, &a, &f, &rows, &n, &total), 0);
	assert_int_equal(total, 0);
	arena_free(&a);
}

static void a_report_is_approved_only_in_its_own_case(void **state)
{
	struct arena a = ARENA_INIT;
	unsigned char *ck = vault_secret_new();
	const char *why = NULL;
	long long one = registered("sparren", "2026-12-02", FRI_4_DEC),
		  two = registered("sparren", "2026-12-02", FRI_4_DEC);
	assert_int_equal(cases_vp_open(st, one, vp_a, sk_a, ck), 0);
	assert_int_equal(
	    cases_oral_report(st, one, ck, vp_a, "VP West", "We spraken over het rooster.", FRI_4_DEC, &why), 0);
	struct case_view v;
	assert_int_equal(cases_view(st, &a, one, ck, CASE_FOR_VP, &v), 0);
	long long report = v.reports[0].id;
	assert_int_equal(cases_report_approve(st, two, ck, "melder", 0, "", report, FRI_4_DEC), ERR_NOT_FOUND);
	assert_int_equal(cases_report_approve(st, one, ck, "vp", vp_a, "VP West", v.contacts[0].id, FRI_4_DEC),
			 ERR_NOT_FOUND); /* not a report */
	assert_int_equal(cases_report_correct(st, one, ck, report, "Het was maandag, niet dinsdag.", FRI_4_DEC, &why),
			 0);
	assert_int_equal(cases_report_approve(st, one, ck, "melder", 0, "", report, FRI_4_DEC), 0);
	assert_int_equal(cases_view(st, &a, one, ck, CASE_FOR_MELDER, &v), 0);
	assert_int_equal(v.nreports, 1);
	assert_string_equal(v.reports[0].approved, "postvak");
	assert_string_equal(v.reports[0].corrections, "Het was maandag, niet dinsdag.");
	vault_secret_free(ck);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(registration_checks_input_and_seals_to_the_vp),
	    cmocka_unit_test(wbk_deadlines_and_the_next_one),
	    cmocka_unit_test(promised_reply_counts_working_days),
	    cmocka_unit_test(steps_involving_others_need_consent),
	    cmocka_unit_test(closing_sets_a_schedule_reopening_keeps),
	    cmocka_unit_test(the_list_filters_counts_and_pages),
	    cmocka_unit_test(a_report_is_approved_only_in_its_own_case),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
