/*
 * Handing over a leaving VP's cases (handover.h). The case key is opened with
 * the leaving VP's secret key for the moment it takes to seal it to the new
 * VP, and wiped after; everything a case's hand-over writes is one
 * transaction, so a refused or failed case keeps exactly the access it had.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/dates.h"
#include "cases/handover.h"
#include "cases/records.h"
#include "store/keys.h"
#include "store/notify.h"
#include "store/orgs.h"
#include "store/store.h"

static int refuse(const char **why, const char *text, int rc)
{
	*why = text;
	return rc;
}

int cases_handover_targets(struct store *st, struct arena *a, long long org_id, long long from_vp, struct org_vp **out,
			   size_t *n)
{
	struct org_vp *vps; /* not disabled: store_org_vps leaves those out */
	size_t all;
	struct user_key k;
	int rc = store_org_vps(st, a, org_id, &vps, &all);
	*n = 0;
	*out = rc ? NULL : arena_calloc(a, all + 1, sizeof(**out));
	if (!rc && !*out)
		rc = ERR_NOMEM;
	for (size_t i = 0; !rc && i < all; i++) {
		if (vps[i].user_id == from_vp)
			continue;
		int got = store_key_get(st, vps[i].user_id, &k);
		if (!got)
			(*out)[(*n)++] = vps[i];
		else if (got != ERR_NOT_FOUND) /* no key yet: they could not open the case */
			rc = got;
	}
	return rc;
}

int cases_handover_list(struct store *st, struct arena *a, long long org_id, long long vp_id, struct case_row **out,
			size_t *n, long long *total)
{
	struct case_filter f = {.user_id = vp_id, .org_id = org_id, .limit = HANDOVER_MAX};
	return cases_search(st, a, &f, out, n, total);
}

/* The melder's say checked against the case (a mailbox consent needs a mailbox). */
static int check_say(const struct handover_input *in, int mailbox, const char *today, const char **why)
{
	static const char *const hows[] = {"mondeling", "schriftelijk", "postvak", NULL};
	if (in->consent_how && !strcmp(in->consent_how, HANDOVER_UNREACHABLE)) {
		size_t len = in->reason ? strlen(in->reason) : 0;
		return len && len <= CASE_FIELD_MAX
			   ? 0
			   : refuse(why,
				    "Is de melder niet bereikbaar? Schrijf dan in hoogstens 500 tekens waarom je "
				    "geen toestemming kon vragen.",
				    ERR_INVALID);
	}
	if (!case_one_of(in->consent_how, hows))
		return refuse(why,
			      "Overdragen kan alleen met toestemming van de melder: leg vast hoe die gegeven is, of "
			      "kies 'niet bereikbaar' met een reden.",
			      ERR_INVALID);
	if (!strcmp(in->consent_how, "postvak") && !mailbox)
		return refuse(why, "Deze melder heeft geen postvak: kies mondeling of schriftelijk.", ERR_INVALID);
	if (!in->consent_on || !date_valid(in->consent_on) || strcmp(in->consent_on, today) > 0)
		return refuse(why, "Vul de datum in waarop de melder toestemming gaf (niet in de toekomst).",
			      ERR_INVALID);
	return 0;
}

/* The record of a hand-over (boxed JSON) in the caller's transaction. */
static int put_record(struct store *st, long long case_id, const unsigned char *ck, const char *who,
		      const char *to_name, const struct handover_input *in, int unreachable, long long now,
		      long long *id)
{
	json_t *o =
	    json_pack("{s:s, s:s, s:s, s:s, s:s}", "van", who, "aan", to_name, "toestemming", in->consent_how,
		      "toestemming_op", unreachable ? "" : in->consent_on, "reden", unreachable ? in->reason : "");
	char *text = o ? json_dumps(o, JSON_COMPACT) : NULL;
	json_decref(o);
	if (!text)
		return ERR_NOMEM;
	int rc = case_record_put(st, case_id, ck, "overdracht", "vp", who, now, text, id);
	vault_wipe(text, strlen(text));
	free(text);
	return rc;
}

/* Everything one hand-over writes, in one transaction: on error it is rolled back. */
static int move(struct store *st, long long case_id, const unsigned char *ck, long long from_vp, const char *who,
		const struct org_vp *to, const unsigned char *sealed, const struct handover_input *in, long long now)
{
	int unreachable = !strcmp(in->consent_how, HANDOVER_UNREACHABLE);
	char today[11], what[300];
	long long rid;
	date_local_today(now, today);
	snprintf(what, sizeof(what), "overgedragen aan %.250s", to->name);
	int rc = store_begin(st);
	if (rc)
		return rc;
	rc = put_record(st, case_id, ck, who, to->name, in, unreachable, now, &rid);
	if (!rc) /* not given when the melder could not be asked; the record says why */
		rc = store_consent_add(st, case_id, "overdracht", in->consent_how, !unreachable,
				       unreachable ? today : in->consent_on, rid);
	if (!rc)
		rc = store_case_access_add(st, case_id, to->user_id, sealed);
	if (!rc)
		rc = store_case_access_remove(st, case_id, from_vp);
	if (!rc)
		rc = store_case_audit_add(st, case_id, from_vp, what, now);
	if (!rc)
		rc = store_notify_add(st, to->user_id, now);
	return case_settle(st, rc);
}

int cases_hand_over(struct store *st, long long org_id, long long from_vp, const char *who, const unsigned char *sk,
		    long long to_vp, const struct handover_input *in, long long now, const char **why)
{
	struct arena a = ARENA_INIT;
	struct org_vp *vps, *to = NULL;
	struct case_row c;
	struct user_key k;
	size_t n;
	char today[11];
	unsigned char sealed[CASE_SEALED_BYTES];
	unsigned char *ck = vault_secret_new();
	date_local_today(now, today);
	int rc = ck ? cases_handover_targets(st, &a, org_id, from_vp, &vps, &n) : ERR_NOMEM;
	for (size_t i = 0; !rc && i < n && !to; i++)
		to = vps[i].user_id == to_vp ? &vps[i] : NULL;
	if (!rc && !to)
		rc = refuse(why, "Kies een andere vertrouwenspersoon van deze organisatie, met een sleutelpaar.",
			    ERR_NOT_FOUND);
	if (!rc && !sk)
		rc = refuse(why, "Deze sessie heeft je sleutel niet: log uit en opnieuw in.", ERR_NOT_FOUND);
	if (!rc) { /* another organisation's case, a destroyed one, one not sealed to from_vp: all the same */
		rc = store_case_get(st, &a, org_id, in->case_id, &c);
		if (!rc && *c.destroyed_on)
			rc = ERR_NOT_FOUND;
		if (!rc)
			rc = cases_vp_open(st, in->case_id, from_vp, sk, ck);
		if (rc == ERR_NOT_FOUND)
			*why = "Deze zaak bestaat niet (meer) of is niet van jou bij deze organisatie.";
	}
	if (!rc)
		rc = check_say(in, c.mailbox, today, why);
	if (!rc)
		rc = store_key_get(st, to->user_id, &k);
	if (!rc)
		rc = vault_seal(k.pk, ck, sealed);
	if (!rc)
		rc = move(st, in->case_id, ck, from_vp, who, to, sealed, in, now);
	vault_secret_free(ck);
	arena_free(&a);
	return rc;
}
