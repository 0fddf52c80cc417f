/*
 * Rate limits (limits.h) on the store's attempts table. limits_take returns
 * 0, LIMIT_LOCKED or a store error and rolls back whatever it began;
 * limits_refund only logs its failures.
 */
#include "accounts/limits.h"

#include "base/log.h"
#include "store/attempts.h"
#include "store/store.h"

static long long wait_for(long long failures, long long free)
{
	if (failures < free)
		return 0;
	long long w = 1;
	for (long long i = free; i <= failures && w < LIMIT_MAX_WAIT; i++)
		w *= 2;
	return w < LIMIT_MAX_WAIT ? w : LIMIT_MAX_WAIT;
}

int limits_take(struct store *st, const struct limit *l, size_t n, long long now, long long *retry_after)
{
	int rc = store_begin(st), locked = 0;
	*retry_after = 0;
	for (size_t i = 0; !rc && i < n; i++) {
		long long failures, last;
		if (!(rc = store_attempts(st, l[i].key, &failures, &last))) {
			long long left = last + wait_for(failures, l[i].free) - now;
			if (left > 0 && left > *retry_after)
				*retry_after = left;
			locked |= left > 0;
		}
	}
	if (!rc && locked)
		rc = LIMIT_LOCKED;
	for (size_t i = 0; !rc && i < n; i++)
		rc = store_attempt_fail(st, l[i].key, now);
	if (!rc)
		rc = store_commit(st);
	if (rc)
		store_rollback(st);
	return rc;
}

void limits_refund(struct store *st, const struct limit *l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (store_attempt_refund(st, l[i].key))
			log_warn("limits: an attempt could not be taken back");
}
