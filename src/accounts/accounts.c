/*
 * Accounts (accounts.h): role names, e-mail checks, and changes to users, each
 * in one transaction with its audit line. A failed change is rolled back, so
 * the users and the audit log stay as they were: ERR_INVALID for bad input,
 * ERR_NOT_FOUND for an unknown e-mail, ERR_CONFLICT for a taken one or a change
 * to one's own access that is not allowed, ERR_DB. The readers
 * (accounts_find, ...) pass the store's answer through.
 */
#include <string.h>
#include <time.h>

#include "accounts/accounts.h"
#include "accounts/keys.h"
#include "crypto/crypto.h"
#include "store/sessions.h"
#include "store/store.h"

int accounts_parse_roles(const char *s, unsigned *roles, const char **bad)
{
	static char badbuf[64];
	*roles = 0;
	for (const char *p = s; p && *p;) {
		size_t n = strcspn(p, ",");
		unsigned bit = role_by_name(p, n);
		if (!bit) {
			size_t k = n < sizeof(badbuf) - 1 ? n : sizeof(badbuf) - 1;
			memcpy(badbuf, p, k);
			badbuf[k] = '\0';
			*bad = badbuf;
			return ERR_INVALID;
		}
		*roles |= bit;
		p += n + (p[n] == ',');
	}
	return 0;
}

void accounts_format_roles(unsigned roles, char *out, size_t outlen)
{
	size_t k = 0;
	out[0] = '\0';
	for (unsigned i = 0; i < ROLE_COUNT; i++) {
		if (!(roles & (1u << i)))
			continue;
		size_t n = strlen(role_names[i]);
		if (k + n + 2 > outlen)
			break;
		if (k)
			out[k++] = ',';
		memcpy(out + k, role_names[i], n + 1);
		k += n;
	}
}

int accounts_email_valid(const char *e)
{
	const char *at = strchr(e, '@');
	size_t n = strlen(e);
	if (!at || at == e || strchr(at + 1, '@') || n > 254 || !strchr(at + 1, '.') || e[n - 1] == '.')
		return 0;
	for (const unsigned char *p = (const unsigned char *) e; *p; p++)
		if (*p <= ' ' || *p == 0x7f || *p == '<' || *p == '>' || *p == '"')
			return 0;
	return 1;
}

/* Finish the transaction the caller began: add the audit line and commit, or roll back on any error. */
static int in_tx(struct store *st, int rc_op, const char *actor, const char *action, const char *object)
{
	int rc = rc_op;
	if (!rc)
		rc = store_audit(st, actor, action, object, NULL);
	if (!rc)
		rc = store_commit(st);
	if (rc)
		store_rollback(st);
	return rc;
}

int accounts_add(struct store *st, const char *actor, const char *email, const char *name, unsigned roles,
		 long long *id)
{
	if (!accounts_email_valid(email) || !name || !*name || strlen(name) > 200)
		return ERR_INVALID;
	int rc = store_begin(st);
	if (rc)
		return rc;
	return in_tx(st, store_user_add(st, email, name, roles, id), actor, "gebruiker toegevoegd", email);
}

static int find(struct store *st, const char *email, long long *id)
{
	struct arena a = ARENA_INIT;
	struct user u;
	int rc = store_user_find(st, &a, email, &u);
	if (!rc)
		*id = u.id;
	arena_free(&a);
	return rc;
}

int accounts_set_password(struct store *st, const char *actor, const char *email, const char *password,
			  const char **why, char recovery[VAULT_RECOVERY_TEXT])
{
	struct arena a = ARENA_INIT;
	struct user u;
	char fp[VAULT_FINGERPRINT];
	recovery[0] = '\0';
	int rc = store_user_find(st, &a, email, &u), has_key = 0;
	if (!rc)
		has_key = !(rc = accounts_key_fingerprint(st, u.id, fp));
	if (rc == ERR_NOT_FOUND && u.id)
		rc = 0;
	arena_free(&a);
	if (rc)
		return rc;
	if (has_key) {
		/* Only the VP's own recovery key can open their key for a new password: a setup link asks for it. */
		*why = "Deze vertrouwenspersoon heeft een sleutel voor zijn of haar zaken. Stuur een instellink "
		       "(vertrouwd user reset-password); daarin vult de vertrouwenspersoon de herstelsleutel in.";
		return ERR_CONFLICT;
	}
	if (!password_acceptable(password, email, why))
		return ERR_INVALID;
	unsigned char salt[PW_SALT_BYTES];
	struct pw_keys k;
	rc = password_new(password, salt, &k);
	if (!rc)
		rc = store_begin(st);
	if (rc) {
		vault_wipe(&k, sizeof(k));
		return rc;
	}
	rc = store_user_set_password(st, u.id, salt, sizeof(salt), k.auth, sizeof(k.auth), (long long) pw_now.ops,
				     (long long) pw_now.mem);
	if (!rc && (u.roles & ROLE_VP))
		rc =
		    accounts_key_create(st, u.id, actor, "eerste instelling", k.wrap, (long long) time(NULL), recovery);
	vault_wipe(&k, sizeof(k));
	return in_tx(st, rc, actor, "wachtwoord ingesteld", email);
}

int accounts_set_roles(struct store *st, long long actor_id, const char *actor, const char *email, unsigned roles)
{
	long long id;
	int rc = find(st, email, &id);
	/* Nobody takes away their own administration: there must always be a way back in. */
	if (!rc && id == actor_id && !(roles & ROLE_BEHEERDER))
		rc = ERR_CONFLICT;
	if (!rc)
		rc = store_begin(st);
	return rc ? rc : in_tx(st, store_user_set_roles(st, id, roles), actor, "rollen gewijzigd", email);
}

int accounts_set_disabled(struct store *st, long long actor_id, const char *actor, const char *email, int disabled)
{
	long long id;
	int rc = find(st, email, &id);
	if (!rc && id == actor_id && disabled)
		rc = ERR_CONFLICT;
	if (!rc)
		rc = store_begin(st);
	if (rc)
		return rc;
	rc = store_user_set_disabled(st, id, disabled);
	/* A blocked account is signed out at once, in the same transaction. */
	if (!rc && disabled)
		rc = store_session_delete_user(st, id);
	return in_tx(st, rc, actor, disabled ? "gebruiker geblokkeerd" : "gebruiker vrijgegeven", email);
}

int accounts_find(struct store *st, struct arena *a, const char *email, struct user *out)
{
	return store_user_find(st, a, email, out);
}

int accounts_list(struct store *st, struct arena *a, struct user **out, size_t *n)
{
	return store_user_list(st, a, out, n);
}

int accounts_audit_list(struct store *st, struct arena *a, int limit, struct audit_line **out, size_t *n)
{
	return store_audit_list(st, a, limit, out, n);
}

int accounts_sessions(struct store *st, struct arena *a, long long user_id, struct session_row **out, size_t *n)
{
	return store_session_list(st, a, user_id, out, n);
}
