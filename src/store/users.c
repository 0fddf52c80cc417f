/*
 * Users, their roles and the audit log in the store (users.h). A failed
 * statement is ERR_DB (ERR_CONFLICT for a taken e-mail address, ERR_NOT_FOUND
 * for an unknown one, ERR_NOMEM for a full arena). Adding a user with roles is
 * several statements: atomic only inside the caller's store_begin()/store_commit().
 */
#include <string.h>

#include "store/db.h"
#include "store/users.h"

unsigned store_parse_roles(const char *s)
{
	unsigned roles = 0;
	for (const char *p = s; p && *p;) {
		size_t n = strcspn(p, ",");
		roles |= role_by_name(p, n);
		p += n + (p[n] == ',');
	}
	return roles;
}

void store_read_user_head(struct stmt *s, struct arena *a, struct user *u)
{
	u->id = col_int(s, 0);
	u->email = col_text(s, 1, a);
	u->name = col_text(s, 2, a);
	u->disabled = (int) col_int(s, 3);
	u->roles = store_parse_roles(col_str(s, 4));
}

static int set_roles(struct store *st, long long id, unsigned roles)
{
	struct stmt *s = stmt_get(st, ST_USER_ROLES_CLEAR);
	int rc = !s || bind_int(s, 1, id) ? ERR_DB : stmt_exec(s);
	for (unsigned i = 0; !rc && i < ROLE_COUNT; i++) {
		if (!(roles & (1u << i)))
			continue;
		s = stmt_get(st, ST_USER_ROLE_ADD);
		rc = !s || bind_int(s, 1, id) || bind_text(s, 2, role_names[i]) ? ERR_DB : stmt_exec(s);
	}
	return rc;
}

int store_user_add(struct store *st, const char *email, const char *name, unsigned roles, long long *id)
{
	struct stmt *s = stmt_get(st, ST_USER_ADD);
	if (!s || bind_text(s, 1, email) || bind_text(s, 2, name))
		return ERR_DB;
	int step = stmt_step(s);
	if (step == STEP_ROW)
		*id = col_int(s, 0);
	stmt_reset(s);
	if (step != STEP_ROW)
		return step == ERR_CONFLICT ? ERR_CONFLICT : ERR_DB;
	return set_roles(st, *id, roles);
}

static int read_user(struct stmt *s, struct arena *a, struct user *u)
{
	memset(u, 0, sizeof(*u));
	u->id = col_int(s, 0);
	u->email = col_text(s, 1, a);
	u->name = col_text(s, 2, a);
	u->disabled = (int) col_int(s, 3);
	u->has_password = (int) col_int(s, 4);
	u->created_at = col_text(s, 5, a);
	u->roles = store_parse_roles(col_str(s, 6));
	return u->email && u->name && u->created_at ? 0 : ERR_NOMEM;
}

int store_user_find(struct store *st, struct arena *a, const char *email, struct user *out)
{
	struct stmt *s = stmt_get(st, ST_USER_FIND);
	if (!s || bind_text(s, 1, email))
		return ERR_DB;
	int step = stmt_step(s);
	int rc = step == STEP_ROW ? read_user(s, a, out) : step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
	stmt_reset(s);
	return rc;
}

int store_user_list(struct store *st, struct arena *a, struct user **out, size_t *n)
{
	struct stmt *s = stmt_get(st, ST_USER_LIST);
	*out = NULL;
	*n = 0;
	if (!s)
		return ERR_DB;
	size_t cap = 0;
	int rc = 0, step = STEP_DONE;
	while (!rc && (step = stmt_step(s)) == STEP_ROW) {
		struct user *grown = arena_grow(a, *out, *n, &cap, sizeof(**out));
		if (!grown) {
			rc = ERR_NOMEM;
			break;
		}
		*out = grown;
		rc = read_user(s, a, &(*out)[(*n)++]);
	}
	if (!rc && step != STEP_DONE)
		rc = ERR_DB;
	stmt_reset(s);
	return rc;
}

int store_user_set_roles(struct store *st, long long id, unsigned roles)
{
	return set_roles(st, id, roles);
}

int store_user_set_disabled(struct store *st, long long id, int disabled)
{
	struct stmt *s = stmt_get(st, ST_USER_DISABLE);
	return !s || bind_int(s, 1, id) || bind_int(s, 2, disabled) ? ERR_DB : stmt_exec(s);
}

int store_user_set_password(struct store *st, long long id, const unsigned char *salt, size_t saltlen,
			    const unsigned char *auth, size_t authlen, long long ops, long long mem)
{
	struct stmt *s = stmt_get(st, ST_USER_PASSWORD);
	if (!s || bind_int(s, 1, id) || bind_blob(s, 2, salt, saltlen) || bind_blob(s, 3, auth, authlen) ||
	    bind_int(s, 4, ops) || bind_int(s, 5, mem))
		return ERR_DB;
	return stmt_exec(s);
}

int store_audit_list(struct store *st, struct arena *a, int limit, struct audit_line **out, size_t *n)
{
	struct stmt *s = stmt_get(st, ST_AUDIT_LIST);
	*out = NULL;
	*n = 0;
	if (!s || bind_int(s, 1, limit))
		return ERR_DB;
	size_t cap = 0;
	int rc = 0, step = STEP_DONE;
	while (!rc && (step = stmt_step(s)) == STEP_ROW) {
		struct audit_line *grown = arena_grow(a, *out, *n, &cap, sizeof(**out));
		if (!grown) {
			rc = ERR_NOMEM;
			break;
		}
		*out = grown;
		struct audit_line *l = &(*out)[(*n)++];
		l->at = col_text(s, 0, a);
		l->actor = col_text(s, 1, a);
		l->action = col_text(s, 2, a);
		l->object = col_text(s, 3, a);
		if (!l->at || !l->actor || !l->action || !l->object)
			rc = ERR_NOMEM;
	}
	if (!rc && step != STEP_DONE)
		rc = ERR_DB;
	stmt_reset(s);
	return rc;
}

int store_audit(struct store *st, const char *actor, const char *action, const char *object, const char *detail)
{
	struct stmt *s = stmt_get(st, ST_AUDIT);
	return !s || bind_text(s, 1, actor) || bind_text(s, 2, action) || bind_text(s, 3, object ? object : "") ||
		       bind_text(s, 4, detail ? detail : "")
		   ? ERR_DB
		   : stmt_exec(s);
}
