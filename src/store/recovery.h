/*
 * Recovery codes: hashes of one-time codes that stand in for a TOTP code.
 */
#ifndef VERTROUWD_STORE_RECOVERY_H
#define VERTROUWD_STORE_RECOVERY_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/users.h"

struct store;

/* Replace a user's recovery codes by these hashes. */
int store_recovery_set(struct store *st, long long user_id, const char *const *hashes, size_t n) WUR;
/* Use a recovery code: *ok is 1 when it existed and was unused (it is used now). */
int store_recovery_use(struct store *st, long long user_id, const char *hash, long long now, int *ok) WUR;

#endif
