/* Scheduled publishing in the store. */
#ifndef VERTROUWD_STORE_SCHEDULES_H
#define VERTROUWD_STORE_SCHEDULES_H

#include "base/arena.h"
#include "base/err.h"
#include "store/store.h"

/* When item_id goes live (Unix seconds); at <= 0 removes its schedule. */
int store_schedule_set(struct store *st, long long item_id, long long at) WUR;
/* *at is 0 when the item has no schedule. */
int store_schedule_get(struct store *st, long long item_id, long long *at) WUR;

struct schedule_claim {
	long long id;
	const char *type;
	const char *slug;
};

/*
 * Publishes the earliest gepland item due at now (its date becomes today) and
 * drops its schedule; ERR_NOT_FOUND when nothing is due. The status check in
 * the update means one claim per item, however many servers try at once.
 * Run it inside store_begin()/store_commit().
 */
int store_schedule_claim(struct store *st, struct arena *a, long long now, const char *today,
			 struct schedule_claim *out) WUR;

/*
 * Take or renew the lease called name for holder until now + ttl seconds:
 * *held is 1 when holder has it now (it was free, had run out, or was its own
 * already), 0 when another holder's lease still runs. One statement, so two
 * servers asking at once cannot both get it.
 */
int store_lease_take(struct store *st, const char *name, const char *holder, long long now, int ttl, int *held) WUR;

#endif
