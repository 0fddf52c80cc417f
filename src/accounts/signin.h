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
#include "store/setup_links.h"

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

/* The session of a cookie token: 0 with *out filled, ERR_NOT_FOUND when none or expired (then removed). */
int accounts_session(struct store *st, struct arena *a, const char *token, long long now, struct signed_in *out) WUR;
#define SETUP_LINK_LIFE (24 * 60 * 60)

/*
 * A one-time link to set the password of email: token gets the link's token.
 * For roles that need a second factor a TOTP secret is prepared with it. Earlier
 * links of the user stop working. Audited as actor.
 */
int accounts_setup_link(struct store *st, const char *actor, const char *email, long long now,
			char token[TOKEN_HEX]) WUR;
/* The link of a token: 0, or ERR_NOT_FOUND when unknown, used or expired. */
int accounts_setup_find(struct store *st, struct arena *a, const char *token, long long now,
			struct setup_link *out) WUR;
/*
 * Use a link: the password (after the policy; *why says what to do) and, when a
 * TOTP secret waits, a code from the app. Ends the link and every session of
 * the user. ERR_INVALID (with *why), ERR_NOT_FOUND, or an error.
 */
int accounts_setup_complete(struct store *st, const char *token, const char *password, const char *code, long long now,
			    const char **why) WUR;

#define RECOVERY_CODES 10
#define RECOVERY_LEN   12 /* "abcd-efgh" and its NUL, with room */

/*
 * New one-time recovery codes for a user (the old ones stop working): each can
 * stand in for a TOTP code once. Shown once; only hashes are kept.
 */
int accounts_recovery_new(struct store *st, long long user_id, const char *email,
			  char codes[RECOVERY_CODES][RECOVERY_LEN]) WUR;

/* End one session, or every session of its user. */
int accounts_signout(struct store *st, const char *session_id, long long user_id, int everywhere) WUR;

#endif
