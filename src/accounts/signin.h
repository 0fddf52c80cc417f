/*
 * Signing in and sessions (shared/docs/confidentiality.md, "Sessions that any
 * server can use"): the cookie holds a random 32-byte token t; the store keeps
 * only BLAKE2b(t, "session-id"), so any server can check a session and the
 * store alone cannot make one. The CSRF token is BLAKE2b(t, "csrf").
 *
 * Attempts are counted per account and per client bucket before the password
 * is checked (and taken back when it was right); after five failures (twenty
 * for a client bucket), each further attempt must wait twice as long (up to
 * 15 minutes). Unknown
 * accounts cost the same Argon2id run and get the same answer as wrong
 * passwords. Sessions end after 30 minutes idle or 12 hours in all.
 */
#ifndef VERTROUWD_ACCOUNTS_SIGNIN_H
#define VERTROUWD_ACCOUNTS_SIGNIN_H

#include "base/arena.h"
#include "base/err.h"
#include "store/sessions.h"

#define SESSION_IDLE	     (30 * 60)
#define SESSION_MAX	     (12 * 60 * 60)
#define SIGNIN_FREE_ATTEMPTS 5	/* per account */
#define SIGNIN_FREE_CLIENT   20 /* per client bucket: an office behind one address is many people */
#define TOKEN_HEX	     65

enum signin_result {
	SIGNIN_OK = 0,
	SIGNIN_WRONG = 1,      /* e-mail, password or code wrong (one answer for all) */
	SIGNIN_LOCKED = 2,     /* too many attempts: wait *retry_after seconds */
	SIGNIN_NEEDS_TOTP = 3, /* the password was right, but this role needs a second factor first */
};

/*
 * Check the credentials and open a session: token gets the cookie value.
 * client is a coarse, non-reversible key for the client (never its address).
 * Returns an enum signin_result, or a negative error: ERR_NOMEM when Argon2id
 * could not get its memory (answer 503; the attempt is not counted), ERR_DB.
 */
int accounts_signin(struct store *st, const char *email, const char *password, const char *code, const char *client,
		    long long now, const char *agent, char token[TOKEN_HEX], long long *retry_after);

struct signed_in {
	struct session_row row;
	char id[TOKEN_HEX];
	char csrf[TOKEN_HEX];
};

/* hex(BLAKE2b(data, context)) into out: how tokens and codes are kept. */
void accounts_hash_hex(char out[TOKEN_HEX], const void *data, size_t n, const char *context);

/* The session of a cookie token: 0 with *out filled, ERR_NOT_FOUND when none or expired (then removed). */
int accounts_session(struct store *st, struct arena *a, const char *token, long long now, struct signed_in *out) WUR;
/* End one session, or every session of its user. */
int accounts_signout(struct store *st, const char *session_id, long long user_id, int everywhere) WUR;

#endif
