/*
 * Handing over a leaving VP's cases (cases/handover.h) and the melder's say in
 * oral reports, against a real store: a case moves only with the melder's
 * consent or a recorded reason, only to another VP of its organisation who can
 * read it, and then the old VP's key no longer opens it; a refused case keeps
 * the access it had. A melder approves or corrects only reports of their own
 * case.
 */
#include "testutil.h"
#include "vp_fixture.h"

#include "cases/handover.h"
#include "orgs/orgs.h"
#include "store/db.h"
#include "store/keys.h"
#include "store/notify.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store/users.h"

static char dir[] = "/tmp/vertrouwd-handover-XXXXXX", dsn[300];
static struct store *st;
static long long org_a, org_b, vp_a, vp_a2, vp_a3, vp_b;
static unsigned char *sk_a, *sk_a2, *sk_a3, *sk_b;

#define NOW	  1796000000LL /* 2026-11-30 */
#define REASON	  "Verhuisd, telefoon afgesloten, reden-9Xq2"
#define TODAY	  "2026-11-30"
#define YESTERDAY "2026-11-29"

static int setup(void **state)
{
	struct org_input a = {.name = "Gemeente Noord", .workers = 300, .listed = 1},
			 b = {.name = "Bakkerij Zuid", .workers = 12, .listed = 0};
	if (test_store_orgs(dir, dsn, sizeof(dsn), "h.db", &st, &a, &org_a, &b, &org_b))
		return -1;
	vp_a = test_vp(st, "vp-a@example.nl", "Vera Vertrekt", org_a, &sk_a);
	vp_a2 = test_vp(st, "vp-a2@example.nl", "Nina Nieuw", org_a, &sk_a2);
	vp_a3 = test_vp(st, "vp-a3@example.nl", "Dirk Derde", org_a, &sk_a3);
	vp_b = test_vp(st, "vp-b@example.nl", "Bert Buiten", org_b, &sk_b);
	return 0;
}

static int teardown(void **state)
{
	vault_secret_free(sk_a);
	vault_secret_free(sk_a2);
	vault_secret_free(sk_a3);
	vault_secret_free(sk_b);
	store_close(st);
	return 0;
}

/* A melder's online report of org for one VP; the receipt's case id. */
static long long report_for(long long org, long long vp, const char *message)
{
	const char *why = NULL;
	struct receipt r;
	struct report_input in = {.org_id = org, .vp_id = vp, .mode = "sparren", .message = message, .consent = 1};
	assert_int_equal(cases_report(st, &in, NOW, &r, &why), 0);
	return r.case_id;
}

/* Whether vp's key opens the case. */
static int opens(long long case_id, long long vp, const unsigned char *sk)
{
	unsigned char *ck = vault_secret_new();
	int rc = cases_vp_open(st, case_id, vp, sk, ck);
	vault_secret_free(ck);
	return rc;
}

static int hand(long long case_id, long long to, const char *how, const char *on, const char *reason, const char **why)
{
	struct handover_input in = {.case_id = case_id, .consent_how = how, .consent_on = on, .reason = reason};
	return cases_hand_over(st, org_a, vp_a, "Vera Vertrekt", sk_a, to, &in, NOW, why);
}

static void with_consent_the_case_moves(void **state)
{
	struct arena a = ARENA_INIT;
	const char *why = NULL;
	long long id = report_for(org_a, vp_a, "Voor Vera.");
	struct notify_due *due;
	size_t n;
	assert_int_equal(store_notify_due(st, &a, &due, &n), 0);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(store_notify_done(st, due[i].user_id, due[i].deadline), 0);
	assert_int_equal(opens(id, vp_a2, sk_a2), ERR_NOT_FOUND);

	assert_int_equal(hand(id, vp_a2, "mondeling", YESTERDAY, NULL, &why), 0);
	assert_int_equal(opens(id, vp_a2, sk_a2), 0);
	assert_int_equal(opens(id, vp_a, sk_a), ERR_NOT_FOUND);

	/* The new VP reads everything and sees how the melder agreed; the audit names her, and she is told. */
	unsigned char *ck = vault_secret_new();
	struct case_view cv;
	assert_int_equal(cases_vp_open(st, id, vp_a2, sk_a2, ck), 0);
	assert_int_equal(cases_view(st, &a, id, ck, CASE_FOR_VP, &cv), 0);
	const struct case_entry *last = &cv.timeline[cv.ntimeline - 1];
	assert_string_equal(last->kind, "overdracht");
	assert_string_equal(last->text, "aan Nina Nieuw, met toestemming van de melder (mondeling, " YESTERDAY ")");
	assert_string_equal(cv.timeline[0].text, "Voor Vera.");
	const struct case_consent *c = &cv.consents[cv.nconsents - 1];
	assert_string_equal(c->what, "overdracht");
	assert_string_equal(c->how, "mondeling");
	assert_string_equal(c->at, YESTERDAY);
	assert_true(c->given);
	assert_int_equal(c->ref, last->id);
	assert_string_equal(cv.audit[cv.naudit - 1].what, "overgedragen aan Nina Nieuw");
	assert_string_equal(cv.audit[cv.naudit - 1].who, "Vera Vertrekt");
	assert_int_equal(store_notify_due(st, &a, &due, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(due[0].user_id, vp_a2);
	/* The melder does not see the hand-over record (it is about them, not to them). */
	struct case_entry *e;
	assert_int_equal(cases_entries(st, &a, id, ck, CASE_FOR_MELDER, &e, &n), 0);
	for (size_t i = 0; i < n; i++)
		assert_string_not_equal(e[i].kind, "overdracht");
	/* Handed over once, it is no longer Vera's to hand over. */
	assert_int_equal(hand(id, vp_a3, "mondeling", YESTERDAY, NULL, &why), ERR_NOT_FOUND);
	assert_int_equal(opens(id, vp_a3, sk_a3), ERR_NOT_FOUND);
	vault_secret_free(ck);
	arena_free(&a);
}

static void without_consent_or_reason_nothing_moves(void **state)
{
	const char *why = NULL;
	long long id = report_for(org_a, vp_a, "Nog steeds voor Vera.");
	static char long_reason[CASE_FIELD_MAX + 2];
	memset(long_reason, 'x', sizeof(long_reason) - 1);
	struct {
		const char *how, *on, *reason, *says;
	} bad[] = {
	    {NULL, NULL, NULL, "toestemming"},
	    {"", TODAY, NULL, "toestemming"},
	    {"zomaar", TODAY, NULL, "toestemming"},
	    {"mondeling", NULL, NULL, "datum"},
	    {"mondeling", "2026-12-01", NULL, "datum"}, /* tomorrow */
	    {"schriftelijk", "30-11-2026", NULL, "datum"},
	    {HANDOVER_UNREACHABLE, NULL, NULL, "waarom"},
	    {HANDOVER_UNREACHABLE, NULL, "", "waarom"},
	    {HANDOVER_UNREACHABLE, NULL, long_reason, "500"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		why = NULL;
		assert_int_equal(hand(id, vp_a2, bad[i].how, bad[i].on, bad[i].reason, &why), ERR_INVALID);
		assert_non_null(why);
		assert_contains(why, bad[i].says);
	}
	/* A case without a mailbox cannot have consent "through the mailbox". */
	long long reg;
	struct register_input in = {.org_id = org_a,
				    .mode = "sparren",
				    .contact = {.channel = "telefoon", .date = TODAY},
				    .consent_how = "mondeling"};
	assert_int_equal(cases_register(st, vp_a, "Vera Vertrekt", &in, NOW, &reg, &why), 0);
	assert_int_equal(hand(reg, vp_a2, "postvak", TODAY, NULL, &why), ERR_INVALID);
	assert_contains(why, "postvak");
	assert_int_equal(opens(reg, vp_a, sk_a), 0);
	/* Nothing moved, nothing written. */
	assert_int_equal(opens(id, vp_a, sk_a), 0);
	assert_int_equal(opens(id, vp_a2, sk_a2), ERR_NOT_FOUND);
	struct arena a = ARENA_INIT;
	struct case_consent *cons;
	struct case_audit *audit;
	size_t n;
	assert_int_equal(store_consents(st, &a, id, &cons, &n), 0);
	for (size_t i = 0; i < n; i++)
		assert_string_not_equal(cons[i].what, "overdracht");
	assert_int_equal(store_case_audit(st, &a, id, &audit, &n), 0);
	for (size_t i = 0; i < n; i++)
		assert_not_contains(audit[i].what, "overgedragen");
	arena_free(&a);
}

static void only_to_another_vp_of_the_organisation(void **state)
{
	const char *why = NULL;
	long long id = report_for(org_a, vp_a, "Alleen binnen Noord.");
	/* A VP of another organisation, oneself, nobody, or someone who is not a VP at all. */
	long long plain;
	assert_int_equal(store_user_add(st, "beheer@example.nl", "Beheerder", ROLE_BEHEERDER, &plain), 0);
	long long nobody[] = {vp_b, vp_a, 0, 999999, plain};
	for (size_t i = 0; i < sizeof(nobody) / sizeof(nobody[0]); i++) {
		why = NULL;
		assert_int_equal(hand(id, nobody[i], "schriftelijk", TODAY, NULL, &why), ERR_NOT_FOUND);
		assert_contains(why, "andere vertrouwenspersoon");
	}
	assert_int_equal(opens(id, vp_b, sk_b), ERR_NOT_FOUND);
	/* A VP whose account the beheerder disabled receives nothing either. */
	assert_int_equal(store_user_set_disabled(st, vp_a3, 1), 0);
	assert_int_equal(hand(id, vp_a3, "schriftelijk", TODAY, NULL, &why), ERR_NOT_FOUND);
	assert_int_equal(store_user_set_disabled(st, vp_a3, 0), 0);
	assert_int_equal(opens(id, vp_a3, sk_a3), ERR_NOT_FOUND);
	assert_int_equal(opens(id, vp_a, sk_a), 0);
	/* Another organisation's case under this organisation, or without the leaving VP's key: not found. */
	long long theirs = report_for(org_b, vp_b, "Van Zuid.");
	assert_int_equal(hand(theirs, vp_a2, "schriftelijk", TODAY, NULL, &why), ERR_NOT_FOUND);
	assert_contains(why, "niet van jou");
	assert_int_equal(opens(theirs, vp_a2, sk_a2), ERR_NOT_FOUND);
	struct handover_input in = {.case_id = id, .consent_how = "mondeling", .consent_on = TODAY};
	assert_int_equal(cases_hand_over(st, org_a, vp_a, "Vera Vertrekt", sk_a2, vp_a2, &in, NOW, &why),
			 ERR_NOT_FOUND);
	assert_int_equal(cases_hand_over(st, org_a, vp_a, "Vera Vertrekt", NULL, vp_a2, &in, NOW, &why), ERR_NOT_FOUND);
	assert_int_equal(opens(id, vp_a2, sk_a2), ERR_NOT_FOUND);
	/* The list of targets: the others of the organisation, with a key, not disabled. */
	struct arena a = ARENA_INIT;
	struct org_vp *to;
	size_t n;
	assert_int_equal(cases_handover_targets(st, &a, org_a, vp_a, &to, &n), 0);
	assert_int_equal(n, 2);
	for (size_t i = 0; i < n; i++)
		assert_true(to[i].user_id == vp_a2 || to[i].user_id == vp_a3);
	arena_free(&a);
}

static void an_unreachable_melder_leaves_a_boxed_reason(void **state)
{
	struct arena a = ARENA_INIT;
	const char *why = NULL;
	long long id = report_for(org_a, vp_a, "Vera en daarna?");
	assert_int_equal(hand(id, vp_a2, HANDOVER_UNREACHABLE, NULL, REASON, &why), 0);
	assert_int_equal(opens(id, vp_a2, sk_a2), 0);
	assert_int_equal(opens(id, vp_a, sk_a), ERR_NOT_FOUND);
	unsigned char *ck = vault_secret_new();
	struct case_view cv;
	assert_int_equal(cases_vp_open(st, id, vp_a2, sk_a2, ck), 0);
	assert_int_equal(cases_view(st, &a, id, ck, CASE_FOR_VP, &cv), 0);
	assert_string_equal(cv.timeline[cv.ntimeline - 1].text,
			    "aan Nina Nieuw; de melder was niet bereikbaar: " REASON);
	const struct case_consent *c = &cv.consents[cv.nconsents - 1];
	assert_string_equal(c->what, "overdracht");
	assert_string_equal(c->how, HANDOVER_UNREACHABLE);
	assert_false(c->given);
	assert_string_equal(c->at, TODAY);
	assert_int_equal(c->ref, cv.timeline[cv.ntimeline - 1].id);
	/* The reason is a record like any other: only ciphertext at rest. */
	if (!strncmp(dsn, "sqlite:", 7)) {
		char db[400], wal[420];
		snprintf(db, sizeof(db), "%s/h.db", dir);
		snprintf(wal, sizeof(wal), "%s/h.db-wal", dir);
		assert_false(test_file_has(db, "reden-9Xq2"));
		assert_false(test_file_has(wal, "reden-9Xq2"));
	}
	vault_secret_free(ck);
	arena_free(&a);
}

/* A case Vera shares with Dirk: handing it to Nina moves Vera's access only. */
static void a_shared_case_moves_only_ones_own_access(void **state)
{
	const char *why = NULL;
	long long id = report_for(org_a, vp_a, "Gedeeld.");
	unsigned char *ck = vault_secret_new();
	assert_int_equal(cases_vp_open(st, id, vp_a, sk_a, ck), 0);
	assert_int_equal(cases_share(st, id, org_a, ck, vp_a, vp_a3, "mondeling", NOW, &why), 0);
	assert_int_equal(hand(id, vp_a2, "schriftelijk", TODAY, NULL, &why), 0);
	assert_int_equal(opens(id, vp_a3, sk_a3), 0);
	assert_int_equal(opens(id, vp_a2, sk_a2), 0);
	assert_int_equal(opens(id, vp_a, sk_a), ERR_NOT_FOUND);
	struct arena a = ARENA_INIT;
	long long *readers;
	size_t n;
	assert_int_equal(cases_readers(st, &a, id, &readers, &n), 0);
	assert_int_equal(n, 2);
	vault_secret_free(ck);
	arena_free(&a);
}

/* The leaving VP's list: their open and closed cases of the organisation, none of another. */
static void the_list_is_the_vps_own(void **state)
{
	struct arena a = ARENA_INIT;
	const char *why = NULL;
	long long id = report_for(org_a, vp_a, "Wordt gesloten.");
	unsigned char *ck = vault_secret_new();
	assert_int_equal(cases_vp_open(st, id, vp_a, sk_a, ck), 0);
	assert_int_equal(cases_close(st, id, ck, vp_a, "Vera Vertrekt", "opgelost", "", NOW, &why), 0);
	struct case_row *rows;
	size_t n;
	long long total;
	int seen = 0;
	assert_int_equal(cases_handover_list(st, &a, org_a, vp_a, &rows, &n, &total), 0);
	assert_int_equal(total, (long long) n);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(rows[i].org_id, org_a);
		assert_int_equal(opens(rows[i].id, vp_a, sk_a), 0);
		seen += rows[i].id == id;
	}
	assert_int_equal(seen, 1);
	assert_int_equal(cases_handover_list(st, &a, org_b, vp_a, &rows, &n, &total), 0);
	assert_int_equal(n, 0);
	vault_secret_free(ck);
	arena_free(&a);
}

/* The melder approves or corrects a report of their own case; another case's report id is not found. */
static void a_melder_approves_only_their_own_reports(void **state)
{
	struct arena a = ARENA_INIT;
	const char *why = NULL;
	long long mine = report_for(org_a, vp_a, "Mijn zaak."), other = report_for(org_a, vp_a, "Een andere zaak.");
	unsigned char *ck = vault_secret_new(), *ck2 = vault_secret_new();
	assert_int_equal(cases_vp_open(st, mine, vp_a, sk_a, ck), 0);
	assert_int_equal(cases_vp_open(st, other, vp_a, sk_a, ck2), 0);
	assert_int_equal(cases_oral_report(st, mine, ck, vp_a, "Vera", "Verslag van mijn gesprek.", NOW, &why), 0);
	assert_int_equal(cases_oral_report(st, other, ck2, vp_a, "Vera", "Verslag van het andere.", NOW, &why), 0);
	struct case_view cv, cv2;
	assert_int_equal(cases_view(st, &a, mine, ck, CASE_FOR_MELDER, &cv), 0);
	assert_int_equal(cases_view(st, &a, other, ck2, CASE_FOR_MELDER, &cv2), 0);
	assert_int_equal(cv.nreports, 1);
	long long my_report = cv.reports[0].id, their_report = cv2.reports[0].id;
	/* With the key of the mailbox of `mine`: the other case's report, or a record that is no report. */
	assert_int_equal(cases_report_approve(st, mine, ck, "melder", 0, "", their_report, NOW), ERR_NOT_FOUND);
	assert_int_equal(cases_report_approve(st, mine, ck, "melder", 0, "", cv.timeline[0].id, NOW), ERR_NOT_FOUND);
	assert_int_equal(cases_report_correct(st, mine, ck, their_report, "Anders.", NOW, &why), ERR_NOT_FOUND);
	assert_int_equal(cases_view(st, &a, other, ck2, CASE_FOR_MELDER, &cv2), 0);
	assert_string_equal(cv2.reports[0].approved, "");
	assert_string_equal(cv2.reports[0].corrections, "");
	/* Their own: approved through the mailbox, and corrected. */
	assert_int_equal(cases_report_correct(st, mine, ck, my_report, "", NOW, &why), ERR_INVALID);
	assert_int_equal(cases_report_correct(st, mine, ck, my_report, "Het was dinsdag.", NOW, &why), 0);
	assert_int_equal(cases_report_approve(st, mine, ck, "melder", 0, "", my_report, NOW + 60), 0);
	/* A second approval (a form sent twice, or on paper afterwards) writes nothing. */
	assert_int_equal(cases_report_approve(st, mine, ck, "melder", 0, "", my_report, NOW + 120), 0);
	assert_int_equal(cases_report_approve(st, mine, ck, "vp", vp_a, "Vera", my_report, NOW + 180), 0);
	struct case_consent *cons;
	size_t n, approvals = 0;
	assert_int_equal(store_consents(st, &a, mine, &cons, &n), 0);
	for (size_t i = 0; i < n; i++)
		approvals += !strcmp(cons[i].what, "verslag") && cons[i].ref == my_report;
	assert_int_equal(approvals, 1);
	assert_int_equal(cases_view(st, &a, mine, ck, CASE_FOR_MELDER, &cv), 0);
	assert_string_equal(cv.reports[0].approved, "postvak");
	assert_int_equal(cv.reports[0].approved_at, NOW + 60);
	assert_string_equal(cv.reports[0].corrections, "Het was dinsdag.");
	vault_secret_free(ck);
	vault_secret_free(ck2);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(with_consent_the_case_moves),
	    cmocka_unit_test(without_consent_or_reason_nothing_moves),
	    cmocka_unit_test(only_to_another_vp_of_the_organisation),
	    cmocka_unit_test(an_unreachable_melder_leaves_a_boxed_reason),
	    cmocka_unit_test(a_shared_case_moves_only_ones_own_access),
	    cmocka_unit_test(the_list_is_the_vps_own),
	    cmocka_unit_test(a_melder_approves_only_their_own_reports),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
