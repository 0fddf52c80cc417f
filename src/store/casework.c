/*
 * What the workspace keeps beside a case's records (cases.h): themes and
 * coarse tags, action dates, consents, the audit trail, an organisation's own
 * themes, and removing a VP's access. Returns 0, ERR_NOT_FOUND, ERR_NOMEM or
 * ERR_DB; strings of results live in the caller's arena.
 */
#include "store/cases.h"
#include "store/db.h"

/* Delete with clear (bound to case_id, and kind unless NULL), then add each code with add. */
static int replace_codes(struct store *st, enum stmt_id clear, enum stmt_id add, long long case_id, const char *kind,
			 const char *const *codes, size_t n)
{
	struct stmt *s = stmt_get(st, clear);
	if (!s || bind_int(s, 1, case_id) || (kind && bind_text(s, 2, kind)))
		return ERR_DB;
	int rc = stmt_exec(s);
	for (size_t i = 0; !rc && i < n; i++) {
		s = stmt_get(st, add);
		int p = 2;
		rc = !s || bind_int(s, 1, case_id) || (kind && bind_text(s, p++, kind)) || bind_text(s, p, codes[i])
			 ? ERR_DB
			 : stmt_exec(s);
	}
	return rc;
}

int store_case_themes_set(struct store *st, long long case_id, const char *const *codes, size_t n)
{
	return replace_codes(st, ST_CASE_THEMES_CLEAR, ST_CASE_THEME_ADD, case_id, NULL, codes, n);
}

int store_case_tags_set(struct store *st, long long case_id, const char *kind, const char *const *codes, size_t n)
{
	return replace_codes(st, ST_CASE_TAGS_CLEAR, ST_CASE_TAG_ADD, case_id, kind, codes, n);
}

static int read_tag(struct stmt *s, struct arena *a, void *out)
{
	struct case_tag *t = out;
	t->kind = col_text(s, 0, a);
	t->code = col_text(s, 1, a);
	return t->kind && t->code ? 0 : ERR_NOMEM;
}

int store_case_tags(struct store *st, struct arena *a, long long case_id, struct case_tag **out, size_t *n)
{
	struct stmt *s = stmt_get(st, ST_CASE_TAGS);
	return !s || bind_int(s, 1, case_id) ? ERR_DB : store_rows(s, a, sizeof(**out), read_tag, (void **) out, n);
}

int store_case_access_remove(struct store *st, long long case_id, long long user_id)
{
	struct stmt *s = stmt_get(st, ST_CASE_ACCESS_REMOVE);
	return !s || bind_int(s, 1, case_id) || bind_int(s, 2, user_id) ? ERR_DB : stmt_exec(s);
}

int store_action_add(struct store *st, long long case_id, long long record_id, const char *due_on, long long *id)
{
	struct stmt *s = stmt_get(st, ST_ACTION_ADD);
	if (!s || bind_int(s, 1, case_id) || bind_int(s, 2, record_id) || bind_text(s, 3, due_on ? due_on : ""))
		return ERR_DB;
	return store_one_int(s, id);
}

int store_action_done(struct store *st, long long case_id, long long id, const char *done_on)
{
	struct stmt *s = stmt_get(st, ST_ACTION_DONE);
	if (!s || bind_text(s, 1, done_on ? done_on : "") || bind_int(s, 2, case_id) || bind_int(s, 3, id))
		return ERR_DB;
	int rc = stmt_exec(s);
	return rc ? rc : store_changes(st) == 1 ? 0 : ERR_NOT_FOUND;
}

static int read_action(struct stmt *s, struct arena *a, void *out)
{
	struct case_action *x = out;
	x->id = col_int(s, 0);
	x->record_id = col_int(s, 1);
	x->due_on = col_text(s, 2, a);
	x->done_on = col_text(s, 3, a);
	return x->due_on && x->done_on ? 0 : ERR_NOMEM;
}

int store_actions(struct store *st, struct arena *a, long long case_id, struct case_action **out, size_t *n)
{
	struct stmt *s = stmt_get(st, ST_ACTIONS);
	return !s || bind_int(s, 1, case_id) ? ERR_DB : store_rows(s, a, sizeof(**out), read_action, (void **) out, n);
}

static int read_consent(struct stmt *s, struct arena *a, void *out)
{
	struct case_consent *c = out;
	c->id = col_int(s, 0);
	c->what = col_text(s, 1, a);
	c->how = col_text(s, 2, a);
	c->given = col_int(s, 3) != 0;
	c->at = col_text(s, 4, a);
	c->ref = col_int(s, 5);
	return c->what && c->how && c->at ? 0 : ERR_NOMEM;
}

int store_consents(struct store *st, struct arena *a, long long case_id, struct case_consent **out, size_t *n)
{
	struct stmt *s = stmt_get(st, ST_CONSENTS);
	return !s || bind_int(s, 1, case_id) ? ERR_DB : store_rows(s, a, sizeof(**out), read_consent, (void **) out, n);
}

int store_case_audit_add(struct store *st, long long case_id, long long user_id, const char *what, long long at)
{
	struct stmt *s = stmt_get(st, ST_CASE_AUDIT_ADD);
	return !s || bind_int(s, 1, case_id) || bind_int(s, 2, user_id) || bind_text(s, 3, what) || bind_int(s, 4, at)
		   ? ERR_DB
		   : stmt_exec(s);
}

static int read_audit(struct stmt *s, struct arena *a, void *out)
{
	struct case_audit *x = out;
	x->what = col_text(s, 0, a);
	x->at = col_int(s, 1);
	x->who = col_text(s, 2, a);
	return x->what && x->who ? 0 : ERR_NOMEM;
}

int store_case_audit(struct store *st, struct arena *a, long long case_id, struct case_audit **out, size_t *n)
{
	struct stmt *s = stmt_get(st, ST_CASE_AUDIT);
	return !s || bind_int(s, 1, case_id) ? ERR_DB : store_rows(s, a, sizeof(**out), read_audit, (void **) out, n);
}

static int read_theme(struct stmt *s, struct arena *a, void *out)
{
	struct org_theme *t = out;
	t->code = col_text(s, 0, a);
	t->label = col_text(s, 1, a);
	return t->code && t->label ? 0 : ERR_NOMEM;
}

int store_org_themes(struct store *st, struct arena *a, long long org_id, struct org_theme **out, size_t *n)
{
	struct stmt *s = stmt_get(st, ST_ORG_THEMES);
	return !s || bind_int(s, 1, org_id) ? ERR_DB : store_rows(s, a, sizeof(**out), read_theme, (void **) out, n);
}

int store_org_theme_add(struct store *st, long long org_id, const char *code, const char *label)
{
	struct stmt *s = stmt_get(st, ST_ORG_THEME_ADD);
	return !s || bind_int(s, 1, org_id) || bind_text(s, 2, code) || bind_text(s, 3, label) ? ERR_DB : stmt_exec(s);
}
