/*
 * The TOTP second factor in the store: the secret of a user and the last
 * time step used, so that a code works only once.
 */
#ifndef VERTROUWD_STORE_TOTP_H
#define VERTROUWD_STORE_TOTP_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/users.h"

struct store;

int store_user_set_totp(struct store *st, long long id, const char *secret) WUR;
/* Record a TOTP time step as used; *fresh is 0 when it (or a later one) was used before. */
int store_user_use_totp_step(struct store *st, long long id, long long step, int *fresh) WUR;

#endif
