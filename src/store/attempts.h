/*
 * Sign-in attempts per key (an account's or a client bucket's), for rate
 * limits that hold across servers: how many have failed and when the last
 * one was made. An attempt is counted before the password is checked and
 * taken back when it turns out right, so parallel requests get no extra
 * guesses. Times are Unix seconds; functions return 0 or ERR_DB.
 */
#ifndef VERTROUWD_STORE_ATTEMPTS_H
#define VERTROUWD_STORE_ATTEMPTS_H

#include "base/err.h"

struct store;

/* Attempts counted for a key and the time of the last (0 and 0 when none). */
int store_attempts(struct store *st, const char *key, long long *failures, long long *last_at) WUR;
/* Count one attempt for key at now. */
int store_attempt_fail(struct store *st, const char *key, long long now) WUR;
/* Take one counted attempt back (it was not a failure after all); never below zero. */
int store_attempt_refund(struct store *st, const char *key) WUR;
/* Forget every attempt of key (after a successful sign-in of its account). */
int store_attempt_clear(struct store *st, const char *key) WUR;

#endif
