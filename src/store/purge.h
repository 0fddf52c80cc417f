/*
 * Destroying cases in the store (shared/docs/confidentiality.md,
 * "Destruction"), and the deadline reminders the workspace sends by e-mail.
 *
 * A destroyed case keeps only its plain, coarse row in cases (organisation,
 * month, mode, channel, status, dates, outcome), its themes and tags, and its
 * audit trail; its sealed keys, the melder's box and lookup, every record and
 * attachment, reads, actions, consents, mailbox sessions and reminders are
 * deleted. Functions return 0, ERR_NOT_FOUND, ERR_NOMEM (the arena) or ERR_DB;
 * a failed write changes nothing once the caller rolls back.
 */
#ifndef VERTROUWD_STORE_PURGE_H
#define VERTROUWD_STORE_PURGE_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"

struct store;

/*
 * Destroy a case's keys and contents (in the caller's transaction) and mark
 * it destroyed on today. With due (a date) only a closed case whose
 * destruction date is due by then; with due NULL any case. ERR_NOT_FOUND when
 * the case is unknown, destroyed already, or (with due) not or no longer due.
 */
int store_case_destroy(struct store *st, long long case_id, const char *today, const char *due) WUR;

/* A case whose destruction is due: what the purge shows of it (nothing but coarse facts). */
struct case_due {
	long long id;
	const char *org;	/* the organisation's slug */
	const char *month;	/* YYYY-MM it came in */
	const char *closed_on;	/* first closed */
	const char *destroy_on; /* the schedule */
};
/* Closed, not destroyed cases with destroy_on on or before today, earliest first. */
int store_cases_to_destroy(struct store *st, struct arena *a, const char *today, struct case_due **out, size_t *n) WUR;

/*
 * Let the database forget what was deleted: on SQLite a checkpoint that writes
 * the WAL into the database file (whose deleted cells secure_delete zeroed)
 * and truncates the WAL; *complete is 0 when a reader kept it from finishing
 * (try again later). PostgreSQL: nothing to do here (*complete 1); see
 * docs/deploy.md on VACUUM. Outside a transaction.
 */
int store_forget_deleted(struct store *st, int *complete) WUR;

/*
 * A deadline to remind a VP of: a case's next deadline (due, "YYYY-MM-DD")
 * due by soon (by warn_end for a destruction date), or overdue, for each VP
 * with access who serves the organisation, is not disabled and wants
 * deadline mail. stage is the case's next_due_what, with " (verlopen)" once
 * overdue. Only reminders not yet recorded with store_reminder_done.
 */
struct reminder_due {
	long long case_id, user_id;
	const char *due, *stage;
};
int store_reminders_due(struct store *st, struct arena *a, const char *today, const char *soon, const char *warn_end,
			struct reminder_due **out, size_t *n) WUR;
/* The reminder of stage for due of a case went out (once: a second call changes nothing). */
int store_reminder_done(struct store *st, long long case_id, const char *stage, const char *due) WUR;
/* Whether user_id wants the deadline e-mails (*on 1 unless they said no), and saying so. */
int store_deadline_mail(struct store *st, long long user_id, int *on) WUR;
int store_deadline_mail_set(struct store *st, long long user_id, int on) WUR;

#endif
