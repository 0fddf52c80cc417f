/*
 * A case's legal clock and its end (work.h): acknowledging a formal report
 * and giving feedback within the Wbk's terms, aftercare, closing with an
 * outcome (which sets the destruction schedule once) and reopening (which
 * never resets it). Each is one transaction begun and finished as in
 * records.h; a failure rolls it back.
 */
#include <stdio.h>
#include <string.h>

#include "base/dates.h"
#include "base/i18n.h"
#include "cases/records.h"
#include "cases/retention.h"
#include "cases/work.h"
#include "store/orgs.h"
#include "store/store.h"

/* A message to the melder's mailbox in the caller's transaction, when there is a text and a mailbox. */
static int to_melder(struct store *st, const struct case_row *c, const unsigned char *ck, long long vp_id,
		     const char *who, const char *text, long long now)
{
	long long id;
	char reader[32];
	if (!case_len(text) || !c->mailbox)
		return 0;
	if (strlen(text) > CASE_MESSAGE_MAX)
		return ERR_INVALID;
	snprintf(reader, sizeof(reader), "u%lld", vp_id);
	int rc = case_record_put(st, c->id, ck, "bericht", "vp", who, now, text, &id);
	return rc ? rc : store_case_seen(st, c->id, reader, id);
}

int cases_feedback_due(const char *ack_due, const char *acknowledged_on, char out[11])
{
	/* Late? The 3 months then run from the day the acknowledgement was due. */
	const char *from = *ack_due && strcmp(ack_due, acknowledged_on) < 0 ? ack_due : acknowledged_on;
	return date_add_months(from, CASE_FEEDBACK_MONTH, out);
}

int cases_acknowledge(struct store *st, long long case_id, const unsigned char *ck, long long vp_id, const char *who,
		      const char *text, long long now)
{
	char today[11], due[11];
	date_local_today(now, today);
	struct arena a = ARENA_INIT;
	struct case_row c;
	int rc = case_begin(st, &a, case_id, &c);
	if (rc)
		return rc;
	if (strcmp(c.mode, "melden"))
		rc = ERR_INVALID; /* only a formal report has the legal clock */
	if (!rc && *c.acknowledged_on)
		return case_finish(st, &a, &c, vp_id, NULL, now, 0); /* once: a second click changes nothing */
	if (!rc)
		rc = cases_feedback_due(c.ack_due, today, due);
	if (!rc)
		rc = to_melder(st, &c, ck, vp_id, who, text, now);
	c.acknowledged_on = today;
	c.feedback_due = due;
	if (!strcmp(c.status, "nieuw"))
		c.status = "lopend";
	if (!*c.responded_on)
		c.responded_on = today;
	return case_finish(st, &a, &c, vp_id, "ontvangst bevestigd", now, rc);
}

int cases_feedback(struct store *st, long long case_id, const unsigned char *ck, long long vp_id, const char *who,
		   const char *text, long long now)
{
	char today[11];
	date_local_today(now, today);
	struct arena a = ARENA_INIT;
	struct case_row c;
	int rc = case_begin(st, &a, case_id, &c);
	if (rc)
		return rc;
	if (!*c.acknowledged_on)
		rc = ERR_INVALID; /* feedback follows the acknowledgement */
	if (!rc && *c.feedback_on)
		return case_finish(st, &a, &c, vp_id, NULL, now, 0);
	if (!rc)
		rc = to_melder(st, &c, ck, vp_id, who, text, now);
	c.feedback_on = today;
	return case_finish(st, &a, &c, vp_id, "terugkoppeling gegeven", now, rc);
}

int cases_aftercare(struct store *st, long long case_id, long long vp_id, const char *date, long long now,
		    const char **why)
{
	if (date && *date && !date_valid(date))
		return case_invalid(why, T_("Vul een geldige datum in voor de nazorg, of laat hem leeg."));
	struct arena a = ARENA_INIT;
	struct case_row c;
	int rc = case_begin(st, &a, case_id, &c);
	if (rc)
		return rc;
	c.aftercare_on = date ? date : "";
	return case_finish(st, &a, &c, vp_id, *c.aftercare_on ? "nazorg gepland" : "nazorg afgerond", now, 0);
}

int cases_close(struct store *st, long long case_id, const unsigned char *ck, long long vp_id, const char *who,
		const char *outcome, const char *note, long long now, const char **why)
{
	if (!case_choice_find(case_outcomes, outcome))
		return case_invalid(why, T_("Kies de uitkomst van de zaak."));
	if (case_len(note) > CASE_TEXT_MAX)
		return case_invalid(why, T_("De toelichting is te lang (hoogstens 20.000 tekens)."));
	char today[11], destroy_on[11], limit[11];
	date_local_today(now, today);
	struct arena a = ARENA_INIT;
	struct case_row c;
	struct org o;
	int rc = case_begin(st, &a, case_id, &c);
	if (rc)
		return rc;
	if (!strcmp(c.status, "gesloten"))
		rc = case_invalid(why, T_("Deze zaak is al gesloten."));
	if (!rc)
		rc = store_org_get(st, &a, c.org_id, &o);
	const char *kv[] = {"uitkomst", outcome, "toelichting", note};
	long long id;
	if (!rc)
		rc = case_put_json(st, case_id, ck, "afsluiting", "vp", who, now, kv, 2, &id);
	c.status = "gesloten";
	c.closed_on = today;
	c.outcome = outcome;
	if (!rc && !*c.first_closed_on) {
		c.first_closed_on = today;
		rc = retention_schedule(o.retention_months, outcome, today, destroy_on, limit);
		c.destroy_on = destroy_on;
		c.destroy_limit = limit;
	}
	return case_finish(st, &a, &c, vp_id, "gesloten", now, rc);
}

int cases_reopen(struct store *st, long long case_id, const unsigned char *ck, long long vp_id, const char *who,
		 const char *reason, long long now, const char **why)
{
	if (!case_len(reason) || case_len(reason) > CASE_FIELD_MAX)
		return case_invalid(why, T_("Geef in hoogstens 500 tekens de reden om de zaak te heropenen."));
	struct arena a = ARENA_INIT;
	struct case_row c;
	long long id;
	int rc = case_begin(st, &a, case_id, &c);
	if (rc)
		return rc;
	if (strcmp(c.status, "gesloten"))
		rc = case_invalid(why, T_("Deze zaak is niet gesloten."));
	if (!rc)
		rc = case_record_put(st, case_id, ck, "heropening", "vp", who, now, reason, &id);
	/* The destruction schedule of the first closing stays: reopening never resets the clock. */
	c.status = "lopend";
	c.closed_on = "";
	c.reopened++;
	return case_finish(st, &a, &c, vp_id, "heropend", now, rc);
}
