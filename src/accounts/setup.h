/*
 * Setup links (a password set by the person themselves, never by the
 * beheerder) and recovery codes for the second factor.
 */
#ifndef VERTROUWD_ACCOUNTS_SETUP_H
#define VERTROUWD_ACCOUNTS_SETUP_H

#include "accounts/signin.h"
#include "crypto/crypto.h"
#include "store/setup_links.h"

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
/* What the person typed on the setup form. */
struct setup_input {
	const char *password;
	const char *code;     /* from the authenticator app, when a second factor waits */
	const char *recovery; /* a VP's recovery key, when they have a key pair already */
	int lost_recovery;    /* ... or that they lost it: a new key pair */
};

/* What the person must see once after setting up. */
struct setup_result {
	int key_made;			     /* a new key pair: show the recovery key now, it is never stored */
	char recovery[VAULT_RECOVERY_TEXT];  /* its recovery key */
	char fingerprint[VAULT_FINGERPRINT]; /* the VP's key's fingerprint ("" for others) */
};

/*
 * Use a link: the password (after the policy; *why says what to do) and, when
 * a TOTP secret waits, a code from the app. For a VP the key pair is made the
 * first time; a VP who has one gives their recovery key (their old password is
 * gone, and the beheerder's link can never open the key) or says it is lost,
 * which makes a new one, audited. Ends the link and every session of the user.
 * ERR_INVALID (with *why), ERR_NOT_FOUND, or an error.
 */
int accounts_setup_complete(struct store *st, const char *token, const struct setup_input *in, long long now,
			    const char **why, struct setup_result *out) WUR;

#define RECOVERY_CODES 10
#define RECOVERY_LEN   12 /* "abcd-efgh" and its NUL, with room */

/*
 * New one-time recovery codes for a user (the old ones stop working): each can
 * stand in for a TOTP code once. Shown once; only hashes are kept.
 */
int accounts_recovery_new(struct store *st, long long user_id, const char *email,
			  char codes[RECOVERY_CODES][RECOVERY_LEN]) WUR;

#endif
