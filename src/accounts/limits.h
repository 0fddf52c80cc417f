/*
 * Rate limits on guesses that hold across servers (passwords, receipt codes):
 * each limit is a key in the store with its counted attempts. After `free`
 * failures every further attempt must wait twice as long as the one before
 * (2, 4, 8 ... seconds, up to 15 minutes). Attempts are counted before the
 * guess is checked, in one write transaction, so parallel requests cannot
 * each slip past the count; a guess that turns out right or could not be
 * checked is taken back.
 */
#ifndef VERTROUWD_ACCOUNTS_LIMITS_H
#define VERTROUWD_ACCOUNTS_LIMITS_H

#include <stddef.h>

#include "base/err.h"

struct store;

#define LIMIT_MAX_WAIT (15 * 60)
#define LIMIT_LOCKED   1 /* limits_take: one of the keys must wait */

struct limit {
	const char *key;
	long long free; /* failures allowed before the waiting starts */
};

/*
 * Count one attempt against every limit, unless one must still wait: then
 * nothing is counted, LIMIT_LOCKED is returned and *retry_after says how many
 * seconds. 0 when counted, or a store error.
 */
int limits_take(struct store *st, const struct limit *l, size_t n, long long now, long long *retry_after) WUR;
/* Take the attempt back from every limit (best effort; a failure is logged). */
void limits_refund(struct store *st, const struct limit *l, size_t n);

#endif
