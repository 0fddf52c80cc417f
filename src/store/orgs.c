/*
 * Organisations, their members and VP profiles in the store (orgs.h).
 * Functions return 0, ERR_NOT_FOUND, ERR_CONFLICT (a slug taken), ERR_NOMEM
 * (the arena) or ERR_DB; a failed write changes nothing once the caller rolls
 * back, and a failed read leaves *out unusable.
 */
#include <string.h>

#include "store/db.h"
#include "store/orgs.h"

/* Bind o's columns as ST_ORG_ADD and ST_ORG_UPDATE number them: 1 slug ... 7 listed. */
static int bind_org(struct stmt *s, const struct org *o)
{
	return bind_text(s, 1, o->slug) || bind_text(s, 2, o->name) || bind_int(s, 3, o->workers) ||
	       bind_text(s, 4, o->sector ? o->sector : "") || bind_text(s, 5, o->logo ? o->logo : "") ||
	       bind_text(s, 6, o->procedure ? o->procedure : "") || bind_int(s, 7, o->listed);
}

int store_org_add(struct store *st, const struct org *o, long long *id)
{
	struct stmt *s = stmt_get(st, ST_ORG_ADD);
	if (!s || bind_org(s, o) || bind_blob(s, 8, o->receipt_salt, ORG_SALT_BYTES))
		return ERR_DB;
	int step = stmt_step(s);
	if (step == STEP_ROW)
		*id = col_int(s, 0);
	stmt_reset(s);
	return step == STEP_ROW ? 0 : step == ERR_CONFLICT ? ERR_CONFLICT : ERR_DB;
}

int store_org_update(struct store *st, const struct org *o)
{
	struct stmt *s = stmt_get(st, ST_ORG_UPDATE);
	if (!s || bind_org(s, o) || bind_int(s, 8, o->id))
		return ERR_DB;
	int rc = stmt_exec(s);
	return rc ? rc : store_changes(st) == 1 ? 0 : ERR_NOT_FOUND;
}

/* Columns 0-10 of an organisation row. */
static int read_org(struct stmt *s, struct arena *a, struct org *o)
{
	memset(o, 0, sizeof(*o));
	o->id = col_int(s, 0);
	o->slug = col_text(s, 1, a);
	o->name = col_text(s, 2, a);
	o->workers = col_int(s, 3);
	o->sector = col_text(s, 4, a);
	o->logo = col_text(s, 5, a);
	o->procedure = col_text(s, 6, a);
	o->listed = (int) col_int(s, 7);
	size_t len;
	const void *salt = col_blob(s, 8, &len);
	if (salt && len == ORG_SALT_BYTES)
		memcpy(o->receipt_salt, salt, len);
	o->respond_days = col_int(s, 9);
	o->retention_months = col_int(s, 10);
	return o->slug && o->name && o->sector && o->logo && o->procedure ? 0 : ERR_NOMEM;
}

static int one_org(struct stmt *s, struct arena *a, struct org *out)
{
	int step = stmt_step(s);
	int rc = step == STEP_ROW ? read_org(s, a, out) : step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
	stmt_reset(s);
	return rc;
}

int store_org_case_settings(struct store *st, long long org_id, long long respond_days, long long retention_months)
{
	struct stmt *s = stmt_get(st, ST_ORG_CASE_SETTINGS);
	if (!s || bind_int(s, 1, org_id) || bind_int(s, 2, respond_days) || bind_int(s, 3, retention_months))
		return ERR_DB;
	int rc = stmt_exec(s);
	return rc ? rc : store_changes(st) == 1 ? 0 : ERR_NOT_FOUND;
}

int store_org_get(struct store *st, struct arena *a, long long id, struct org *out)
{
	struct stmt *s = stmt_get(st, ST_ORG_GET);
	return !s || bind_int(s, 1, id) ? ERR_DB : one_org(s, a, out);
}

int store_org_by_slug(struct store *st, struct arena *a, const char *slug, struct org *out)
{
	struct stmt *s = stmt_get(st, ST_ORG_BY_SLUG);
	return !s || bind_text(s, 1, slug) ? ERR_DB : one_org(s, a, out);
}

static int read_org_any(struct stmt *s, struct arena *a, void *out)
{
	return read_org(s, a, out);
}

int store_org_list(struct store *st, struct arena *a, const char *query, int listed_only, struct org **out, size_t *n)
{
	struct stmt *s = stmt_get(st, ST_ORG_LIST);
	if (!s || bind_text(s, 1, query ? query : "") || bind_int(s, 2, listed_only))
		return ERR_DB;
	return store_rows(s, a, sizeof(**out), read_org_any, (void **) out, n);
}

static int member(struct store *st, enum stmt_id id, long long org_id, long long user_id, const char *role)
{
	struct stmt *s = stmt_get(st, id);
	return !s || bind_int(s, 1, org_id) || bind_int(s, 2, user_id) || bind_text(s, 3, role) ? ERR_DB : stmt_exec(s);
}

int store_org_member_add(struct store *st, long long org_id, long long user_id, const char *role)
{
	return member(st, ST_ORG_MEMBER_ADD, org_id, user_id, role);
}

int store_org_member_remove(struct store *st, long long org_id, long long user_id, const char *role)
{
	return member(st, ST_ORG_MEMBER_REMOVE, org_id, user_id, role);
}

int store_org_member_has(struct store *st, long long org_id, long long user_id, const char *role)
{
	struct stmt *s = stmt_get(st, ST_ORG_MEMBER_HAS);
	if (!s || bind_int(s, 1, org_id) || bind_int(s, 2, user_id) || bind_text(s, 3, role))
		return ERR_DB;
	int step = stmt_step(s);
	stmt_reset(s);
	return step == STEP_ROW ? 1 : step == STEP_DONE ? 0 : ERR_DB;
}

int store_org_of_user(struct store *st, struct arena *a, long long user_id, const char *role, struct org **out,
		      size_t *n)
{
	struct stmt *s = stmt_get(st, ST_ORG_OF_USER);
	if (!s || bind_int(s, 1, user_id) || bind_text(s, 2, role))
		return ERR_DB;
	return store_rows(s, a, sizeof(**out), read_org_any, (void **) out, n);
}

/* Columns from..from+6 of a profile: kind, focus, languages, phone, reach, photo, intro. */
static int read_profile(struct stmt *s, struct arena *a, int from, struct vp_profile *p)
{
	static const char *const defaults[] = {"intern", "beide", "Nederlands", "", "", "", "", "", "", ""};
	const char **f[] = {&p->kind,  &p->focus, &p->languages,  &p->phone,	    &p->reach,
			    &p->photo, &p->intro, &p->trained_on, &p->refresher_on, &p->other_roles};
	for (int i = 0; i < 10; i++) {
		*f[i] = col_is_null(s, from + i) ? defaults[i] : col_text(s, from + i, a);
		if (!*f[i])
			return ERR_NOMEM;
	}
	return 0;
}

static int read_vp(struct stmt *s, struct arena *a, void *out)
{
	struct org_vp *v = out;
	v->user_id = col_int(s, 0);
	v->name = col_text(s, 1, a);
	v->email = col_text(s, 2, a);
	return v->name && v->email ? read_profile(s, a, 3, &v->profile) : ERR_NOMEM;
}

int store_org_vps(struct store *st, struct arena *a, long long org_id, struct org_vp **out, size_t *n)
{
	struct stmt *s = stmt_get(st, ST_ORG_VPS);
	if (!s || bind_int(s, 1, org_id))
		return ERR_DB;
	return store_rows(s, a, sizeof(**out), read_vp, (void **) out, n);
}

int store_vp_profile_set(struct store *st, long long user_id, const struct vp_profile *p)
{
	struct stmt *s = stmt_get(st, ST_VP_PROFILE_SET);
	const char *v[] = {p->kind,  p->focus, p->languages,  p->phone,	       p->reach,
			   p->photo, p->intro, p->trained_on, p->refresher_on, p->other_roles};
	if (!s || bind_int(s, 1, user_id))
		return ERR_DB;
	for (int i = 0; i < 10; i++)
		if (bind_text(s, 2 + i, v[i] ? v[i] : ""))
			return ERR_DB;
	return stmt_exec(s);
}

int store_vp_profile_get(struct store *st, struct arena *a, long long user_id, struct vp_profile *out)
{
	struct stmt *s = stmt_get(st, ST_VP_PROFILE_GET);
	if (!s || bind_int(s, 1, user_id))
		return ERR_DB;
	int step = stmt_step(s), rc;
	if (step == STEP_ROW || step == STEP_DONE)
		rc = step == STEP_ROW ? read_profile(s, a, 0, out) : 0;
	else
		rc = ERR_DB;
	if (step == STEP_DONE)
		*out = (struct vp_profile){"intern", "beide", "Nederlands", "", "", "", "", "", "", ""};
	stmt_reset(s);
	return rc;
}
