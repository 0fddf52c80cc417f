/*
 * Deadline reminders by e-mail (work.h, cases_remind_due). What goes out is
 * one fixed text (mail/mail.h): the notice names no case, deadline or date,
 * so all a reminder records is which deadline of which case it was for, so
 * that it goes out once before the date and once when it has passed.
 */
#include "base/dates.h"
#include "cases/records.h"
#include "cases/retention.h"
#include "cases/work.h"
#include "store/notify.h"
#include "store/purge.h"
#include "store/store.h"

int cases_remind_due(struct store *st, const char *today, long long now, int *count)
{
	char soon[11], warn_end[11];
	struct arena a = ARENA_INIT;
	struct reminder_due *due;
	size_t n;
	*count = 0;
	if (!today || date_add_days(today, CASE_REMIND_DAYS, soon) ||
	    date_add_days(today, RETENTION_WARN_DAYS, warn_end))
		return ERR_INVALID;
	int rc = store_begin(st);
	if (!rc)
		rc = store_reminders_due(st, &a, today, soon, warn_end, &due, &n);
	for (size_t i = 0; !rc && i < n; i++) {
		/* Once per case and stage, however many of its VPs are told. */
		rc = store_reminder_done(st, due[i].case_id, due[i].stage, due[i].due);
		if (!rc)
			rc = store_notify_deadline(st, due[i].user_id, now);
		*count += !rc;
	}
	arena_free(&a);
	rc = case_settle(st, rc);
	if (rc)
		*count = 0;
	return rc;
}

int cases_deadline_mail(struct store *st, long long vp_id, int *on)
{
	return store_deadline_mail(st, vp_id, on);
}

int cases_deadline_mail_set(struct store *st, long long vp_id, int on)
{
	return store_deadline_mail_set(st, vp_id, on);
}
