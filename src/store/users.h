/*
 * Accounts in the store: users, their roles, password material (salt and auth
 * key only) and the audit log. Strings of results live in the caller's arena.
 */
#ifndef VERTROUWD_STORE_USERS_H
#define VERTROUWD_STORE_USERS_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/roles.h"

struct store;

struct user {
	long long id;
	const char *email;
	const char *name;
	unsigned roles;
	int disabled;
	int has_password;
	const char *created_at;
};

/* A new user without a password; ERR_CONFLICT when the e-mail address is taken. */
int store_user_add(struct store *st, const char *email, const char *name, unsigned roles, long long *id) WUR;
/* A user by e-mail address (case does not matter); ERR_NOT_FOUND. */
int store_user_find(struct store *st, struct arena *a, const char *email, struct user *out) WUR;
/* Every user, by e-mail address. */
int store_user_list(struct store *st, struct arena *a, struct user **out, size_t *n) WUR;
int store_user_set_roles(struct store *st, long long id, unsigned roles) WUR;
int store_user_set_disabled(struct store *st, long long id, int disabled) WUR;
/* Store the salt and auth key of a new password, with the Argon2id cost (passes, bytes) they were made with. */
int store_user_set_password(struct store *st, long long id, const unsigned char *salt, size_t saltlen,
			    const unsigned char *auth, size_t authlen, long long ops, long long mem) WUR;
struct audit_line {
	const char *at, *actor, *action, *object;
};

/* The newest lines of the audit log, at most limit. */
int store_audit_list(struct store *st, struct arena *a, int limit, struct audit_line **out, size_t *n) WUR;
/* One line in the audit log. */
int store_audit(struct store *st, const char *actor, const char *action, const char *object, const char *detail) WUR;

#endif
