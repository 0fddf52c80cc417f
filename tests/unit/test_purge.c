/*
 * Scheduled destruction against a real store: the schedule a closing sets,
 * postponing within its bounds, reopening that keeps the clock, the purge
 * that destroys only closed cases that are due, and what stays afterwards
 * (the coarse statistics) and what does not (keys, records, the melder's
 * box; on SQLite not even their bytes in the file or its WAL).
 */
#include "testutil.h"
#include "vp_fixture.h"

#include <unistd.h>

#include "base/dates.h"
#include "cases/cases.h"
#include "cases/retention.h"
#include "cases/work.h"
#include "orgs/orgs.h"
#include "store/keys.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store/users.h"

static char dir[] = "/tmp/vertrouwd-purge-XXXXXX", dsn[300];
static struct store *st;
static long long org_a, org_m, vp;
static unsigned char *sk;
static struct org oa;

#define CANARY "kanarie-P7x3-wit-44qe"

/* Noon, Dutch time, on date. */
static long long at(const char *date)
{
	char s[20];
	long long t;
	snprintf(s, sizeof(s), "%sT12:00", date);
	assert_int_equal(date_local_parse(s, &t), 0);
	return t;
}

static int setup(void **state)
{
	const char *why;
	struct org_input a = {.name = "Gemeente Noord", .workers = 300, .listed = 1},
			 m = {.name = "Maandwerk", .workers = 60, .listed = 1};
	if (test_store_orgs(dir, dsn, sizeof(dsn), "p.db", &st, &a, &org_a, &m, &org_m) ||
	    store_org_case_settings(st, org_m, 0, 6))
		return -1;
	vp = test_vp(st, "vp@example.nl", "Vera", org_a, &sk);
	if (orgs_vp_profile_set(st, "test", "vp@example.nl",
				&(struct vp_profile){.kind = "extern", .focus = "beide", .languages = "Nederlands"},
				&why) ||
	    orgs_member_add(st, "test", org_m, "vp@example.nl", ORG_ROLE_VP, &why))
		return -1;
	static struct arena keep = ARENA_INIT;
	return orgs_get(st, &keep, org_a, &oa);
}

static int teardown(void **state)
{
	vault_secret_free(sk);
	store_close(st);
	return 0;
}

/* A phone contact registered on date as a case (mode) of org, with the canary in every field it has. */
static long long registered_as(long long org, const char *mode, const char *date)
{
	long long id;
	const char *why = NULL;
	struct register_input in = {
	    .org_id = org,
	    .mode = mode,
	    .contact = {"telefoon", date, 30, "Gesprek " CANARY},
	    .dossier = {"Naam " CANARY, "06-" CANARY, "werknemer", "Chef " CANARY, "sinds " CANARY, "Verhaal " CANARY,
			"Wens " CANARY, "Opties " CANARY},
	    .codes = {.themes = {"pesten"}, .nthemes = 1, .involved = {"leidinggevende"}, .ninvolved = 1},
	    .consent_how = "mondeling"};
	assert_int_equal(cases_register(st, vp, "Vera", &in, at(date), &id, &why), 0);
	return id;
}

static long long registered(long long org, const char *date)
{
	return registered_as(org, "melden", date);
}

static unsigned char *opened(long long case_id)
{
	unsigned char *ck = vault_secret_new();
	assert_int_equal(cases_vp_open(st, case_id, vp, sk, ck), 0);
	return ck;
}

static void closed(long long case_id, const char *outcome, const char *date)
{
	const char *why = NULL;
	unsigned char *ck = opened(case_id);
	assert_int_equal(cases_close(st, case_id, ck, vp, "Vera", outcome, "Klaar " CANARY, at(date), &why), 0);
	vault_secret_free(ck);
}

static struct case_row row_of(struct arena *a, long long case_id)
{
	struct case_row c;
	assert_int_equal(store_case_by_id(st, a, case_id, &c), 0);
	return c;
}

static void the_schedule(void **state)
{
	char on[11], limit[11];
	/* Default: 1 June after the annual report over the year of closing; postponing up to a year later. */
	assert_int_equal(retention_schedule(0, "opgelost", "2026-03-10", on, limit), 0);
	assert_string_equal(on, "2027-06-01");
	assert_string_equal(limit, "2028-06-01");
	assert_int_equal(retention_schedule(0, "opgelost", "2026-12-31", on, limit), 0);
	assert_string_equal(on, "2027-06-01");
	/* The organisation's months after closing, month ends kept. */
	assert_int_equal(retention_schedule(6, "opgelost", "2026-08-31", on, limit), 0);
	assert_string_equal(on, "2027-02-28");
	assert_string_equal(limit, "2028-02-28");
	/* A complaint: never past 2 years after closing, postponed or not. */
	assert_int_equal(retention_schedule(0, "klacht", "2026-03-10", on, limit), 0);
	assert_string_equal(on, "2027-06-01");
	assert_string_equal(limit, "2028-03-10");
	assert_int_equal(retention_schedule(24, "klacht", "2026-03-10", on, limit), 0);
	assert_string_equal(on, "2028-03-10");
	assert_string_equal(limit, "2028-03-10");
	/* Out of bounds. */
	assert_int_equal(retention_schedule(0, "opgelost", "2026-02-30", on, limit), ERR_INVALID);
	assert_int_equal(retention_schedule(RETENTION_MONTHS_MAX + 1, "opgelost", "2026-03-10", on, limit),
			 ERR_INVALID);
	assert_int_equal(retention_schedule(-1, "opgelost", "2026-03-10", on, limit), ERR_INVALID);
}

static void closing_sets_the_schedule_and_the_next_deadline(void **state)
{
	struct arena a = ARENA_INIT;
	long long id = registered(org_m, "2026-03-02");
	closed(id, "opgelost", "2026-03-10");
	struct case_row c = row_of(&a, id);
	assert_string_equal(c.first_closed_on, "2026-03-10");
	assert_string_equal(c.destroy_on, "2026-09-10"); /* the organisation's 6 months */
	assert_string_equal(c.destroy_limit, "2027-09-10");
	assert_string_equal(c.next_due, "2026-09-10");
	assert_string_equal(c.next_due_what, "vernietigen");
	arena_free(&a);
}

static void postponing_has_bounds(void **state)
{
	struct arena a = ARENA_INIT;
	const char *why = NULL;
	char reason[CASE_FIELD_MAX + 2];
	long long id = registered(org_a, "2026-03-02");
	unsigned char *ck = opened(id);
	long long now = at("2027-05-10");
	/* An open case has no date to postpone. */
	assert_int_equal(cases_postpone(st, id, ck, vp, "Vera", "2027-09-01", "Nog nodig", now, &why), ERR_INVALID);
	vault_secret_free(ck);
	closed(id, "opgelost", "2026-03-10"); /* destroyed on 2027-06-01, at most postponed to 2028-06-01 */
	ck = opened(id);
	assert_int_equal(cases_postpone(st, id, ck, vp, "Vera", "2027-09-01", "", now, &why), ERR_INVALID);
	assert_contains(why, "reden");
	assert_int_equal(cases_postpone(st, id, ck, vp, "Vera", "2027-09-01", NULL, now, &why), ERR_INVALID);
	memset(reason, 'x', sizeof(reason) - 1);
	reason[sizeof(reason) - 1] = '\0';
	assert_int_equal(cases_postpone(st, id, ck, vp, "Vera", "2027-09-01", reason, now, &why), ERR_INVALID);
	assert_int_equal(cases_postpone(st, id, ck, vp, "Vera", "2027-13-01", "Nog nodig", now, &why), ERR_INVALID);
	assert_int_equal(cases_postpone(st, id, ck, vp, "Vera", "2027-05-31", "Nog nodig", now, &why), ERR_INVALID);
	assert_int_equal(cases_postpone(st, id, ck, vp, "Vera", "2027-06-01", "Nog nodig", now, &why), ERR_INVALID);
	assert_int_equal(cases_postpone(st, id, ck, vp, "Vera", "2028-06-02", "Nog nodig", now, &why), ERR_INVALID);
	assert_contains(why, "12 maanden");
	assert_string_equal(row_of(&a, id).destroy_on, "2027-06-01"); /* nothing changed */

	assert_int_equal(cases_postpone(st, id, ck, vp, "Vera", "2027-09-01", "Klacht loopt nog " CANARY, now, &why),
			 0);
	struct case_row c = row_of(&a, id);
	assert_string_equal(c.destroy_on, "2027-09-01");
	assert_string_equal(c.destroy_limit, "2028-06-01"); /* the limit does not move */
	assert_string_equal(c.next_due, "2027-09-01");
	/* The reason is a record of the case; the audit trail has only the date. */
	struct case_view v;
	assert_int_equal(cases_view(st, &a, id, ck, CASE_FOR_VP, &v), 0);
	const char *seen = "";
	for (size_t i = 0; i < v.ntimeline; i++)
		if (!strcmp(v.timeline[i].kind, "uitstel"))
			seen = v.timeline[i].text;
	assert_contains(seen, "2027-09-01");
	assert_contains(seen, "Klacht loopt nog " CANARY);
	int logged = 0;
	for (size_t i = 0; i < v.naudit; i++) {
		assert_not_contains(v.audit[i].what, "Klacht loopt");
		logged += !strcmp(v.audit[i].what, "vernietiging uitgesteld tot 2027-09-01");
	}
	assert_int_equal(logged, 1);
	/* Again, up to the limit and no further; never to a date already past. */
	assert_int_equal(cases_postpone(st, id, ck, vp, "Vera", "2028-06-01", "Nog langer", now, &why), 0);
	assert_int_equal(cases_postpone(st, id, ck, vp, "Vera", "2028-06-02", "Nog langer", now, &why), ERR_INVALID);
	assert_int_equal(cases_postpone(st, id, ck, vp, "Vera", "2028-06-01", "Nog langer", at("2028-06-05"), &why),
			 ERR_INVALID);
	vault_secret_free(ck);
	arena_free(&a);
}

static void a_complaint_is_kept_two_years_at_most(void **state)
{
	struct arena a = ARENA_INIT;
	const char *why = NULL;
	long long id = registered(org_a, "2026-03-02");
	closed(id, "klacht", "2026-03-10");
	unsigned char *ck = opened(id);
	assert_string_equal(row_of(&a, id).destroy_limit, "2028-03-10");
	assert_int_equal(cases_postpone(st, id, ck, vp, "Vera", "2028-03-11", "Commissie", at("2027-05-10"), &why),
			 ERR_INVALID);
	assert_int_equal(cases_postpone(st, id, ck, vp, "Vera", "2028-03-10", "Commissie", at("2027-05-10"), &why), 0);
	vault_secret_free(ck);
	arena_free(&a);
}

static void reopening_keeps_the_clock(void **state)
{
	struct arena a = ARENA_INIT;
	const char *why = NULL;
	long long id = registered(org_a, "2026-03-02");
	closed(id, "opgelost", "2026-03-10");
	unsigned char *ck = opened(id);
	assert_int_equal(cases_reopen(st, id, ck, vp, "Vera", "De melder belde weer", at("2026-05-01"), &why), 0);
	struct case_row c = row_of(&a, id);
	assert_string_equal(c.status, "lopend");
	assert_string_equal(c.destroy_on, "2027-06-01");
	vault_secret_free(ck);
	closed(id, "doorverwezen", "2026-12-20"); /* a later year, yet the first closing's schedule */
	c = row_of(&a, id);
	assert_string_equal(c.first_closed_on, "2026-03-10");
	assert_string_equal(c.destroy_on, "2027-06-01");
	assert_string_equal(c.destroy_limit, "2028-06-01");
	arena_free(&a);
}

/* Whether the n bytes at p occur in the file at path. */
static int file_holds(const char *path, const unsigned char *p, size_t n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	static unsigned char buf[1 << 23];
	size_t len = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	return memmem(buf, len, p, n) != NULL;
}

static void count_due(void *ctx, const struct case_due *c)
{
	long long *last = ctx;
	*last = c->id;
}

static void the_purge_destroys_due_closed_cases_only(void **state)
{
	struct arena a = ARENA_INIT;
	const char *why = NULL;
	int count = -1;
	long long last = 0;
	/* Due on 2025-06-01: closed in 2024. Another closed in 2024 but reopened since. One still open. */
	long long due = registered(org_a, "2024-03-01"), back = registered_as(org_a, "sparren", "2024-03-01"),
		  open = registered(org_a, "2024-03-01");
	closed(due, "opgelost", "2024-04-01");
	closed(back, "opgelost", "2024-04-01");
	unsigned char *ck = opened(back);
	assert_int_equal(cases_reopen(st, back, ck, vp, "Vera", "Nieuw contact", at("2025-05-01"), &why), 0);
	vault_secret_free(ck);
	struct case_record *recs;
	size_t n;
	assert_int_equal(store_records(st, &a, due, &recs, &n), 0);
	assert_true(n >= 3);
	unsigned char body[48], sealed[CASE_SEALED_BYTES];
	memcpy(body, recs[n - 1].body + recs[n - 1].len - sizeof(body), sizeof(body));
	assert_int_equal(store_case_sealed(st, due, vp, sealed), 0);

	/* Not yet due the day before; a dry run changes nothing. */
	assert_int_equal(cases_purge(st, "2025-05-31", at("2025-05-31"), 0, NULL, NULL, &count), 0);
	assert_int_equal(count, 0);
	assert_int_equal(cases_purge(st, "2025-06-02", at("2025-06-02"), 1, count_due, &last, &count), 0);
	assert_int_equal(count, 1);
	assert_int_equal(last, due);
	ck = opened(due);
	vault_secret_free(ck);
	assert_int_equal(cases_purge(st, "bad", at("2025-06-02"), 0, NULL, NULL, &count), ERR_INVALID);

	last = 0;
	assert_int_equal(cases_purge(st, "2025-06-02", at("2025-06-02"), 0, count_due, &last, &count), 0);
	assert_int_equal(count, 1);
	assert_int_equal(last, due);
	/* Nobody opens it any more; its keys and contents are gone. */
	ck = vault_secret_new();
	assert_int_equal(cases_vp_open(st, due, vp, sk, ck), ERR_NOT_FOUND);
	struct org o;
	struct case_row c;
	char idtext[24];
	snprintf(idtext, sizeof(idtext), "%lld", due);
	assert_int_equal(cases_vp_case(st, &a, oa.slug, idtext, vp, sk, &o, &c, ck), ERR_NOT_FOUND);
	vault_secret_free(ck);
	assert_int_equal(store_case_sealed(st, due, vp, sealed), ERR_NOT_FOUND);
	assert_int_equal(store_records(st, &a, due, &recs, &n), 0);
	assert_int_equal(n, 0);
	struct case_consent *cons;
	assert_int_equal(store_consents(st, &a, due, &cons, &n), 0);
	assert_int_equal(n, 0);
	/* What the annual report counts stays: the row, its themes and tags, and the audit trail. */
	c = row_of(&a, due);
	assert_string_equal(c.destroyed_on, "2025-06-02");
	assert_string_equal(c.status, "gesloten");
	assert_string_equal(c.outcome, "opgelost");
	assert_string_equal(c.month, "2024-03");
	assert_string_equal(c.mode, "melden");
	assert_string_equal(c.channel, "telefoon");
	assert_string_equal(c.themes, "pesten");
	assert_string_equal(c.next_due, "");
	assert_false(c.mailbox);
	struct case_tag *tags;
	assert_int_equal(store_case_tags(st, &a, due, &tags, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(tags[0].code, "leidinggevende");
	struct case_audit *audit;
	assert_int_equal(store_case_audit(st, &a, due, &audit, &n), 0);
	assert_string_equal(audit[n - 1].what, "vernietigd volgens schema");
	/* Nothing more can be written to it. */
	c.status = "lopend";
	assert_int_equal(store_case_save(st, &c), ERR_NOT_FOUND);

	/* The reopened one is open: not destroyed, but overdue for it in the workspace. */
	ck = opened(back);
	vault_secret_free(ck);
	c = row_of(&a, back);
	assert_string_equal(c.next_due, "2025-06-01");
	assert_string_equal(c.next_due_what, "vernietigen");
	struct case_filter f = {
	    .user_id = vp, .due = "verlopen", .today = "2025-06-02", .week_end = "2025-06-09", .limit = 100};
	struct case_row *list;
	long long total;
	assert_int_equal(cases_search(st, &a, &f, &list, &n, &total), 0);
	int listed = 0;
	for (size_t i = 0; i < n; i++) {
		listed += list[i].id == back;
		assert_true(list[i].id != due); /* a destroyed case is in no list */
	}
	assert_int_equal(listed, 1);
	ck = opened(open);
	vault_secret_free(ck);
	/* A second run finds nothing. */
	assert_int_equal(cases_purge(st, "2025-06-02", at("2025-06-02"), 0, NULL, NULL, &count), 0);
	assert_int_equal(count, 0);

	/* SQLite: the ciphertext and the sealed key are not in the file or its WAL either. */
	if (!strncmp(dsn, "sqlite:", 7)) {
		char db[400], wal[420];
		snprintf(db, sizeof(db), "%s/p.db", dir);
		snprintf(wal, sizeof(wal), "%s/p.db-wal", dir);
		assert_false(file_holds(db, body, sizeof(body)));
		assert_false(file_holds(wal, body, sizeof(body)));
		assert_false(file_holds(db, sealed, sizeof(sealed)));
		assert_false(file_holds(wal, sealed, sizeof(sealed)));
	}
	arena_free(&a);
}

/* A melder's request to delete: the VP destroys the case at once, whatever its status. */
static void destroyed_on_request(void **state)
{
	struct arena a = ARENA_INIT;
	const char *why = NULL;
	struct receipt r;
	struct report_input in = {
	    .org_id = org_a, .mode = "sparren", .message = "Wis dit " CANARY, .reach = "postvak", .consent = 1};
	long long now = at("2026-04-01");
	assert_int_equal(cases_report(st, &in, now, &r, &why), 0);
	unsigned char *ck = opened(r.case_id);
	assert_int_equal(cases_melder_request(st, r.case_id, ck, MELDER_ASK_DELETION, now), 0);
	vault_secret_free(ck);
	assert_int_equal(cases_destroy(st, r.case_id, vp, now + 60), 0);
	assert_int_equal(cases_destroy(st, r.case_id, vp, now + 60), ERR_NOT_FOUND);
	ck = vault_secret_new();
	assert_int_equal(cases_vp_open(st, r.case_id, vp, sk, ck), ERR_NOT_FOUND);
	vault_secret_free(ck);
	/* The receipt code opens nothing any more. */
	char token[TOKEN_HEX_LEN];
	long long wait;
	assert_int_equal(cases_melder_signin(st, org_a, oa.receipt_salt, r.code, NULL, "m1", now + 120, token, &wait),
			 ERR_NOT_FOUND);
	struct case_row c = row_of(&a, r.case_id);
	assert_string_equal(c.status, "gesloten"); /* counted as closed on the day it went */
	assert_string_equal(c.closed_on, "2026-04-01");
	assert_string_equal(c.destroyed_on, "2026-04-01");
	struct case_audit *audit;
	size_t n;
	assert_int_equal(store_case_audit(st, &a, r.case_id, &audit, &n), 0);
	assert_string_equal(audit[n - 1].what, "vernietigd");
	assert_string_equal(audit[n - 1].who, "Vera");
	assert_int_equal(cases_destroy(st, 999999, vp, now), ERR_NOT_FOUND);
	arena_free(&a);
}

/* What the mail server would have been asked to send: the deadline notices per address. */
struct outbox {
	int deadline_to_vp2, news_to_vp2;
};

static int capture(void *ctx, const char *email, int deadline)
{
	struct outbox *o = ctx;
	if (!strcmp(email, "vp2@example.nl"))
		*(deadline ? &o->deadline_to_vp2 : &o->news_to_vp2) += 1;
	return 0;
}

/* Reminders for today, then the notices they queued sent; what vp2 got. */
static struct outbox remind(const char *today)
{
	struct outbox o = {0};
	int queued, sent;
	assert_int_equal(cases_remind_due(st, today, at(today), &queued), 0);
	assert_int_equal(cases_notify_due(st, capture, &o, &sent), 0);
	return o;
}

/* Deadline e-mails: once before a deadline, once when it passed; a destruction date a month ahead. */
static void deadline_reminders_go_out_once_per_stage(void **state)
{
	const char *why;
	long long org_r, vp2, id;
	struct user_key k = {.created_at = 1};
	unsigned char *sk2 = vault_secret_new(), *ck = vault_secret_new();
	struct org_input r = {.name = "Herinneringen BV", .workers = 80, .listed = 1};
	assert_int_equal(orgs_add(st, "test", &r, &org_r, &why), 0);
	assert_int_equal(store_user_add(st, "vp2@example.nl", "Wim", ROLE_VP, &vp2), 0);
	assert_int_equal(vault_keypair(k.pk, sk2), 0);
	assert_int_equal(store_key_set(st, vp2, &k), 0);
	assert_int_equal(orgs_member_add(st, "test", org_r, "vp2@example.nl", ORG_ROLE_VP, &why), 0);
	struct register_input in = {.org_id = org_r,
				    .mode = "melden",
				    .contact = {"persoonlijk", "2027-01-04", 45, ""},
				    .dossier = {"", "", "", "", "", "", "", ""},
				    .consent_how = "mondeling"};
	assert_int_equal(cases_register(st, vp2, "Wim", &in, at("2027-01-04"), &id, &why), 0);
	/* Acknowledgement due 2027-01-11: not yet on the 7th, on the 8th (3 days ahead), once. */
	assert_int_equal(remind("2027-01-07").deadline_to_vp2, 0);
	assert_int_equal(remind("2027-01-08").deadline_to_vp2, 1);
	assert_int_equal(remind("2027-01-09").deadline_to_vp2, 0);
	/* Overdue: once more, then quiet. */
	assert_int_equal(remind("2027-01-12").deadline_to_vp2, 1);
	assert_int_equal(remind("2027-01-13").deadline_to_vp2, 0);
	/* Acknowledged and closed: the next deadline is the destruction, 1 June 2028; warned 30 days ahead. */
	assert_int_equal(cases_vp_open(st, id, vp2, sk2, ck), 0);
	assert_int_equal(cases_acknowledge(st, id, ck, vp2, "Wim", "", at("2027-01-13")), 0);
	assert_int_equal(cases_close(st, id, ck, vp2, "Wim", "opgelost", "", at("2027-01-20"), &why), 0);
	assert_int_equal(remind("2028-04-30").deadline_to_vp2, 0);
	struct outbox o = remind("2028-05-02");
	assert_int_equal(o.deadline_to_vp2, 1);
	assert_int_equal(o.news_to_vp2, 0); /* a reminder is not news */
	assert_int_equal(remind("2028-05-20").deadline_to_vp2, 0);
	/* A VP who switched the e-mails off gets none (the workspace still shows the deadline). */
	int on = 0;
	assert_int_equal(cases_deadline_mail(st, vp2, &on), 0);
	assert_int_equal(on, 1);
	assert_int_equal(cases_deadline_mail_set(st, vp2, 0), 0);
	assert_int_equal(cases_deadline_mail(st, vp2, &on), 0);
	assert_int_equal(on, 0);
	assert_int_equal(remind("2028-06-02").deadline_to_vp2, 0); /* overdue, as the purge has not run */
	assert_int_equal(cases_deadline_mail_set(st, vp2, 1), 0);
	assert_int_equal(remind("2028-06-03").deadline_to_vp2, 1);
	/* A bad date is refused before anything is read. */
	int queued;
	assert_int_equal(cases_remind_due(st, "2028-02-30", 0, &queued), ERR_INVALID);
	vault_secret_free(sk2);
	vault_secret_free(ck);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(the_schedule),
	    cmocka_unit_test(closing_sets_the_schedule_and_the_next_deadline),
	    cmocka_unit_test(postponing_has_bounds),
	    cmocka_unit_test(a_complaint_is_kept_two_years_at_most),
	    cmocka_unit_test(reopening_keeps_the_clock),
	    cmocka_unit_test(the_purge_destroys_due_closed_cases_only),
	    cmocka_unit_test(destroyed_on_request),
	    cmocka_unit_test(deadline_reminders_go_out_once_per_stage),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
