/*
 * Handing over (issue 14): a VP who leaves moves their cases of an
 * organisation to another VP of that organisation. Each case moves on its
 * own, in one transaction: the case key, opened with the leaving VP's key, is
 * sealed to the new VP and the leaving VP's access is removed; a record of
 * kind "overdracht" (boxed, JSON) keeps how the melder agreed or, for a melder
 * who cannot be reached, why they were not asked; the consent log refers to
 * that record, the audit trail says to whom (never contents), and the new VP
 * is told. Only a VP with access can do this: the beheerder holds no case key
 * and can only disable the leaving VP's account.
 *
 * Functions return 0, ERR_INVALID (bad input, with a Dutch *why), ERR_NOT_FOUND
 * (no such case of the organisation for this VP, or no such new VP, with a
 * Dutch *why), ERR_NOMEM or a store error; a refused case is left as it was.
 */
#ifndef VERTROUWD_CASES_HANDOVER_H
#define VERTROUWD_CASES_HANDOVER_H

#include "cases/work.h"

#define HANDOVER_MAX	     200	       /* cases on one hand-over page */
#define HANDOVER_UNREACHABLE "niet-bereikbaar" /* the melder could not be asked */

struct org_vp;

/* One case to hand over, and the melder's say in it. */
struct handover_input {
	long long case_id;
	const char *consent_how; /* mondeling, schriftelijk, postvak (a case with a mailbox), or HANDOVER_UNREACHABLE */
	const char *consent_on;	 /* YYYY-MM-DD, not in the future, with a consent */
	const char *reason;	 /* with HANDOVER_UNREACHABLE: why the melder cannot be asked (1..CASE_FIELD_MAX) */
};

/*
 * Hand one case of org_id over from from_vp (named who in its records, their
 * secret key sk) to to_vp, who must be another VP of org_id with a key pair
 * and an account that is not disabled. A case from_vp shares with others
 * moves only from_vp's own access.
 */
int cases_hand_over(struct store *st, long long org_id, long long from_vp, const char *who, const unsigned char *sk,
		    long long to_vp, const struct handover_input *in, long long now, const char **why) WUR;

/* The VPs of org_id a case can be handed to by from_vp: the others, not disabled, with a key pair. */
int cases_handover_targets(struct store *st, struct arena *a, long long org_id, long long from_vp, struct org_vp **out,
			   size_t *n) WUR;

/* The first HANDOVER_MAX of vp_id's cases of org_id (open and closed, not destroyed), and how many in all. */
int cases_handover_list(struct store *st, struct arena *a, long long org_id, long long vp_id, struct case_row **out,
			size_t *n, long long *total) WUR;

#endif
