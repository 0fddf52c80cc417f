/*
 * accounts: people who sign in (beheerder, redacteur, vertrouwenspersoon,
 * organisatie) and what may be done to their accounts. Plain functions over
 * the store; every change is written to the audit log with who did it.
 */
#ifndef VERTROUWD_ACCOUNTS_ACCOUNTS_H
#define VERTROUWD_ACCOUNTS_ACCOUNTS_H

#include <stddef.h>

#include "base/err.h"
#include "crypto/crypto.h"
#include "store/users.h"

struct store;
struct session_row;

/* "beheerder,redacteur" -> bits; ERR_INVALID (with the bad name in *bad) for an unknown role. */
int accounts_parse_roles(const char *s, unsigned *roles, const char **bad) WUR;
/* The role names of bits, comma-separated, into out. */
void accounts_format_roles(unsigned roles, char *out, size_t outlen);
/* A plausible e-mail address (one @, a dot in the domain, no spaces or controls). */
int accounts_email_valid(const char *email);

/*
 * Add a user. ERR_INVALID (bad e-mail or empty name), ERR_CONFLICT (e-mail
 * taken). One transaction, audited as actor.
 */
int accounts_add(struct store *st, const char *actor, const char *email, const char *name, unsigned roles,
		 long long *id) WUR;
/*
 * Set a new password after the policy check (on ERR_INVALID *why says what to
 * do in Dutch). Audited without the password. A VP without a key pair gets
 * one, and recovery its recovery key (shown once; "" otherwise). A VP who has
 * one is refused (ERR_CONFLICT, *why): only their own recovery key can open
 * it for a new password, through a setup link.
 */
int accounts_set_password(struct store *st, const char *actor, const char *email, const char *password,
			  const char **why, char recovery[VAULT_RECOVERY_TEXT]) WUR;
/*
 * Change a user's roles, or block (signing them out everywhere) or unblock
 * them. actor_id is the acting user's id (0 on the command line): nobody can
 * take their own beheerder role away or block themselves (ERR_CONFLICT), so
 * there is always a way back in. ERR_NOT_FOUND for an unknown address.
 */
int accounts_set_roles(struct store *st, long long actor_id, const char *actor, const char *email, unsigned roles) WUR;
int accounts_set_disabled(struct store *st, long long actor_id, const char *actor, const char *email, int disabled) WUR;

/*
 * Reading accounts for the handlers, the one way web/ reaches them. Strings
 * live in a; nothing is written. On error (ERR_DB, ERR_NOMEM, or
 * ERR_NOT_FOUND where said) the out-parameters are unspecified.
 */

/* A user by e-mail address (case does not matter); ERR_NOT_FOUND. */
int accounts_find(struct store *st, struct arena *a, const char *email, struct user *out) WUR;
/* Every user, by e-mail address. */
int accounts_list(struct store *st, struct arena *a, struct user **out, size_t *n) WUR;
/* The newest lines of the audit log, newest first, at most limit. */
int accounts_audit_list(struct store *st, struct arena *a, int limit, struct audit_line **out, size_t *n) WUR;
/* The sessions of user_id (store/sessions.h), newest first. */
int accounts_sessions(struct store *st, struct arena *a, long long user_id, struct session_row **out, size_t *n) WUR;

#endif
