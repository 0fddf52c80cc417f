/*
 * Notifications waiting to be sent: only who, since when, and which of the
 * two fixed, content-free texts (mail/mail.h): news, or a deadline. Nothing
 * here names a case.
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
	int deadline; /* the deadline notice, not the news one */
};

/* Tell user_id that something new waits (in the caller's transaction). */
int store_notify_add(struct store *st, long long user_id, long long now) WUR;
/* Tell user_id that a deadline is near or has passed (in the caller's transaction). */
int store_notify_deadline(struct store *st, long long user_id, long long now) WUR;
/* Everyone with something waiting, once per user and kind of notice. */
int store_notify_due(struct store *st, struct arena *a, struct notify_due **out, size_t *n) WUR;
/* They were told that kind of notice (or nobody can be: no mail server). */
int store_notify_done(struct store *st, long long user_id, int deadline) WUR;
/* The users who may read a case: the ones to tell about it. */
int store_case_readers(struct store *st, struct arena *a, long long case_id, long long **out, size_t *n) WUR;

#endif
