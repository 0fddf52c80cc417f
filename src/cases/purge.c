/*
 * Postponing and carrying out a case's destruction (retention.h). Each
 * change is one transaction; destroying ends by asking the store to forget
 * what it deleted (on SQLite: the WAL checkpointed into the file, where
 * secure_delete zeroed the deleted cells, and truncated).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/dates.h"
#include "base/i18n.h"
#include "base/log.h"
#include "cases/records.h"
#include "cases/retention.h"
#include "cases/work.h"
#include "store/store.h"

static int invalid(const char **why, const char *text)
{
	*why = text;
	return ERR_INVALID;
}

/* The postponement as its record says it: {"tot": until, "reden": reason}, or NULL (ERR_NOMEM). Free with free(). */
static char *postpone_record(const char *until, const char *reason)
{
	json_t *o = json_pack("{s:s, s:s}", "tot", until, "reden", reason);
	char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
	json_decref(o);
	return s;
}

/* What may not be postponed to until, as *why; 0 when it may. */
static int check_postpone(const struct case_row *c, const char *until, const char *today, const char **why)
{
	if (strcmp(c->status, "gesloten") || *c->destroyed_on || !*c->destroy_on)
		return invalid(why, T_("Alleen de vernietiging van een gesloten zaak kan worden uitgesteld."));
	if (strcmp(until, c->destroy_on) <= 0 || strcmp(until, today) <= 0)
		return invalid(why, T_("Kies een datum in de toekomst en na de geplande datum van vernietiging."));
	if (*c->destroy_limit && strcmp(until, c->destroy_limit) > 0)
		return invalid(why, T_("Zo lang uitstellen kan niet: hoogstens 12 maanden na het schema, en een zaak "
				       "met een klacht hoogstens 2 jaar na het sluiten."));
	return 0;
}

int cases_postpone(struct store *st, long long case_id, const unsigned char *ck, long long vp_id, const char *who,
		   const char *until, const char *reason, long long now, const char **why)
{
	if (!reason || !*reason || strlen(reason) > CASE_FIELD_MAX)
		return invalid(why, T_("Geef in hoogstens 500 tekens de reden om de vernietiging uit te stellen."));
	if (!until || !date_valid(until))
		return invalid(why, T_("Vul een geldige datum in tot wanneer de vernietiging wordt uitgesteld."));
	char today[11];
	date_local_today(now, today);
	struct arena a = ARENA_INIT;
	struct case_row c;
	long long id;
	int rc = store_begin(st);
	if (!rc && !(rc = case_load(st, &a, case_id, &c)))
		rc = check_postpone(&c, until, today, why);
	char *text = rc ? NULL : postpone_record(until, reason);
	if (!rc && !text)
		rc = ERR_NOMEM;
	if (!rc)
		rc = case_record_put(st, case_id, ck, "uitstel", "vp", who, now, text, &id);
	const char *what = rc ? NULL : arena_printf(&a, "vernietiging uitgesteld tot %s", until);
	if (!rc && !what)
		rc = ERR_NOMEM;
	if (!rc)
		rc = store_case_audit_add(st, case_id, vp_id, what, now);
	if (!rc) {
		c.destroy_on = until;
		rc = case_save(st, &c); /* the next deadline moves with it */
	}
	if (text) {
		vault_wipe(text, strlen(text));
		free(text);
	}
	arena_free(&a);
	return case_settle(st, rc); /* after a failed store_begin the rollback does nothing */
}

/* Let the store forget what was deleted; a reader that kept it from finishing is only logged. */
static int forget(struct store *st)
{
	int complete = 0, rc = store_forget_deleted(st, &complete);
	if (!rc && !complete)
		log_warn("vernietiging: de database kon het verwijderde nog niet helemaal vergeten (een lezer was "
			 "bezig); de volgende ronde probeert het opnieuw");
	return rc;
}

/* One case destroyed in a transaction of its own; due as store_case_destroy takes it. */
static int destroy_one(struct store *st, long long case_id, long long user_id, const char *today, const char *due,
		       long long now)
{
	int rc = store_begin(st);
	if (!rc)
		rc = store_case_destroy(st, case_id, today, due);
	if (!rc)
		rc = store_case_audit_add(st, case_id, user_id, due ? "vernietigd volgens schema" : "vernietigd", now);
	return case_settle(st, rc);
}

int cases_destroy(struct store *st, long long case_id, long long user_id, long long now)
{
	char today[11];
	date_local_today(now, today);
	int rc = destroy_one(st, case_id, user_id, today, NULL, now);
	return rc ? rc : forget(st);
}

int cases_purge(struct store *st, const char *today, long long now, int dry_run,
		void (*progress)(void *ctx, const struct case_due *c), void *ctx, int *count)
{
	struct arena a = ARENA_INIT;
	struct case_due *due;
	size_t n;
	*count = 0;
	if (!today || !date_valid(today))
		return ERR_INVALID;
	int rc = store_cases_to_destroy(st, &a, today, &due, &n);
	for (size_t i = 0; !rc && i < n; i++) {
		int d = dry_run ? 0 : destroy_one(st, due[i].id, 0, today, today, now);
		if (d == ERR_NOT_FOUND)
			continue; /* reopened, postponed or destroyed since the list was read */
		rc = d;
		if (!rc && progress)
			progress(ctx, &due[i]);
		*count += !rc;
	}
	arena_free(&a);
	/* Also after a run that destroyed nothing: a destruction from the case page may have left the WAL behind. */
	return rc || dry_run ? rc : forget(st);
}
