/*
 * Notifications waiting to be sent: only who and since when. What a message
 * says is fixed and content-free (mail/mail.h); nothing here names a case.
 */
#ifndef VERTROUWD_STORE_NOTIFY_H
#define VERTROUWD_STORE_NOTIFY_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"

struct store;

struct notify_due {
	long long user_id;
	const char *email;
};

/* Tell user_id (in the caller's transaction). */
int store_notify_add(struct store *st, long long user_id, long long now) WUR;
/* Everyone with something waiting, once each. */
int store_notify_due(struct store *st, struct arena *a, struct notify_due **out, size_t *n) WUR;
/* They were told (or nobody can be: no mail server). */
int store_notify_done(struct store *st, long long user_id) WUR;
/* The users who may read a case: the ones to tell about it. */
int store_case_readers(struct store *st, struct arena *a, long long case_id, long long **out, size_t *n) WUR;

#endif
