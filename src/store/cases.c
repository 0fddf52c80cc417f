/*
 * Cases in the store (cases.h). Functions return 0, ERR_NOT_FOUND (no such
 * case, session or access, or one of another organisation), ERR_INVALID (a
 * stored box of the wrong size), ERR_NOMEM (the arena) or ERR_DB; a failed
 * write changes nothing once the caller rolls back.
 */
#include <string.h>

#include "store/cases.h"
#include "store/db.h"

/* A nullable text column bound as NULL for NULL or "". */
static int bind_opt(struct stmt *s, int i, const char *v)
{
	return v && *v ? bind_text(s, i, v) : bind_null(s, i);
}

int store_case_add(struct store *st, const struct case_new *c, long long *id)
{
	struct stmt *s = stmt_get(st, ST_CASE_ADD);
	if (!s || bind_int(s, 1, c->org_id) || bind_text(s, 2, c->month) || bind_text(s, 3, c->mode) ||
	    bind_text(s, 4, c->channel) || bind_text(s, 5, c->received_on) || bind_opt(s, 6, c->ack_due) ||
	    (c->lookup ? bind_blob(s, 7, c->lookup, CASE_LOOKUP_BYTES) : bind_null(s, 7)) ||
	    (c->lookup ? bind_blob(s, 8, c->melder_box, CASE_BOX_BYTES) : bind_null(s, 8)) ||
	    (c->lookup ? bind_int(s, 9, c->ops) : bind_null(s, 9)) ||
	    (c->lookup ? bind_int(s, 10, c->mem) : bind_null(s, 10)))
		return ERR_DB;
	int step = stmt_step(s);
	if (step == STEP_ROW)
		*id = col_int(s, 0);
	stmt_reset(s);
	return step == STEP_ROW ? 0 : step == ERR_CONFLICT ? ERR_CONFLICT : ERR_DB;
}

int store_case_theme_add(struct store *st, long long case_id, const char *theme)
{
	struct stmt *s = stmt_get(st, ST_CASE_THEME_ADD);
	return !s || bind_int(s, 1, case_id) || bind_text(s, 2, theme) ? ERR_DB : stmt_exec(s);
}

int store_case_access_add(struct store *st, long long case_id, long long user_id,
			  const unsigned char sealed[CASE_SEALED_BYTES])
{
	struct stmt *s = stmt_get(st, ST_CASE_ACCESS_ADD);
	return !s || bind_int(s, 1, case_id) || bind_int(s, 2, user_id) || bind_blob(s, 3, sealed, CASE_SEALED_BYTES)
		   ? ERR_DB
		   : stmt_exec(s);
}

int store_case_sealed(struct store *st, long long case_id, long long user_id, unsigned char out[CASE_SEALED_BYTES])
{
	struct stmt *s = stmt_get(st, ST_CASE_SEALED);
	if (!s || bind_int(s, 1, case_id) || bind_int(s, 2, user_id))
		return ERR_DB;
	int step = stmt_step(s);
	int rc = step == STEP_ROW    ? col_blob_copy(s, 0, out, CASE_SEALED_BYTES)
		 : step == STEP_DONE ? ERR_NOT_FOUND
				     : ERR_DB;
	stmt_reset(s);
	return rc;
}

/* Columns 0-24 of a case row (lists add the unread count and whether the melder has news as 25 and 26). */
static int read_case(struct stmt *s, struct arena *a, struct case_row *c)
{
	memset(c, 0, sizeof(*c));
	c->id = col_int(s, 0);
	c->org_id = col_int(s, 1);
	const char **text[] = {&c->month,	 &c->mode,	    &c->channel,	 &c->status,
			       &c->received_on,	 &c->ack_due,	    &c->acknowledged_on, &c->feedback_due,
			       &c->feedback_on,	 &c->closed_on,	    &c->outcome,	 &c->themes,
			       &c->respond_due,	 &c->responded_on,  &c->aftercare_on,	 &c->first_closed_on,
			       &c->destroy_on,	 &c->destroy_limit, &c->destroyed_on,	 &c->next_due,
			       &c->next_due_what};
	for (int i = 0; i < 21; i++)
		if (!(*text[i] = col_text(s, 2 + i, a)))
			return ERR_NOMEM;
	c->reopened = col_int(s, 23);
	c->mailbox = col_int(s, 24) != 0;
	return 0;
}

static int read_listed(struct stmt *s, struct arena *a, void *out)
{
	struct case_row *c = out;
	int rc = read_case(s, a, c);
	c->unread = col_int(s, 25);
	c->waiting = col_int(s, 26) != 0;
	return rc;
}

/* The one row of s as a case, or ERR_NOT_FOUND; the statement is reset. */
static int one_case(struct stmt *s, struct arena *a, struct case_row *out)
{
	int step = stmt_step(s);
	int rc = step == STEP_ROW ? read_case(s, a, out) : step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
	stmt_reset(s);
	return rc;
}

int store_case_get(struct store *st, struct arena *a, long long org_id, long long case_id, struct case_row *out)
{
	struct stmt *s = stmt_get(st, ST_CASE_GET);
	return !s || bind_int(s, 1, case_id) || bind_int(s, 2, org_id) ? ERR_DB : one_case(s, a, out);
}

int store_case_by_id(struct store *st, struct arena *a, long long case_id, struct case_row *out)
{
	struct stmt *s = stmt_get(st, ST_CASE_BY_ID);
	return !s || bind_int(s, 1, case_id) ? ERR_DB : one_case(s, a, out);
}

int store_case_by_lookup(struct store *st, struct arena *a, const unsigned char lookup[CASE_LOOKUP_BYTES],
			 struct case_row *out, unsigned char box[CASE_BOX_BYTES])
{
	struct stmt *s = stmt_get(st, ST_CASE_BY_LOOKUP);
	if (!s || bind_blob(s, 1, lookup, CASE_LOOKUP_BYTES))
		return ERR_DB;
	int step = stmt_step(s), rc;
	if (step == STEP_ROW) {
		rc = read_case(s, a, out);
		if (!rc)
			rc = col_blob_copy(s, 25, box, CASE_BOX_BYTES);
	} else {
		rc = step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
	}
	stmt_reset(s);
	return rc;
}

/* Bind a filter as ST_CASE_SEARCH and ST_CASE_COUNT number it (1-7). */
static int bind_filter(struct stmt *s, const struct case_filter *f)
{
	return bind_int(s, 1, f->user_id) || bind_int(s, 2, f->org_id) || bind_text(s, 3, f->status ? f->status : "") ||
	       bind_text(s, 4, f->theme ? f->theme : "") || bind_text(s, 5, f->due ? f->due : "") ||
	       bind_text(s, 6, f->today ? f->today : "") || bind_text(s, 7, f->week_end ? f->week_end : "");
}

int store_case_search(struct store *st, struct arena *a, const struct case_filter *f, struct case_row **out, size_t *n)
{
	struct stmt *s = stmt_get(st, ST_CASE_SEARCH);
	if (!s || bind_filter(s, f) || bind_int(s, 8, f->limit) || bind_int(s, 9, f->offset))
		return ERR_DB;
	return store_rows(s, a, sizeof(**out), read_listed, (void **) out, n);
}

int store_case_count(struct store *st, const struct case_filter *f, long long *total)
{
	struct stmt *s = stmt_get(st, ST_CASE_COUNT);
	return !s || bind_filter(s, f) ? ERR_DB : store_one_int(s, total);
}

int store_case_overview(struct store *st, const struct case_filter *f, long long counts[4])
{
	struct stmt *s = stmt_get(st, ST_CASE_OVERVIEW);
	if (!s || bind_int(s, 1, f->user_id) || bind_int(s, 2, f->org_id) || bind_text(s, 3, f->today) ||
	    bind_text(s, 4, f->week_end))
		return ERR_DB;
	int step = stmt_step(s);
	for (int i = 0; i < 4; i++)
		counts[i] = step == STEP_ROW ? col_int(s, i) : 0;
	stmt_reset(s);
	return step == STEP_ROW ? 0 : ERR_DB;
}

int store_case_save(struct store *st, const struct case_row *c)
{
	struct stmt *s = stmt_get(st, ST_CASE_SAVE);
	const char *v[] = {c->status,	  c->acknowledged_on, c->feedback_due, c->feedback_on,	c->closed_on,
			   c->outcome,	  c->respond_due,     c->responded_on, c->aftercare_on, c->first_closed_on,
			   c->destroy_on, c->destroy_limit,   c->next_due,     c->next_due_what};
	if (!s)
		return ERR_DB;
	for (int i = 0; i < 14; i++)
		if (bind_text(s, i + 1, v[i] ? v[i] : ""))
			return ERR_DB;
	if (bind_int(s, 15, c->reopened) || bind_int(s, 16, c->id))
		return ERR_DB;
	int rc = stmt_exec(s);
	return rc ? rc : store_changes(st) == 1 ? 0 : ERR_NOT_FOUND;
}

int store_record_add(struct store *st, long long case_id, const char *kind, const char *author, long long *id)
{
	struct stmt *s = stmt_get(st, ST_RECORD_ADD);
	if (!s || bind_int(s, 1, case_id) || bind_text(s, 2, kind) || bind_text(s, 3, author))
		return ERR_DB;
	int step = stmt_step(s);
	if (step == STEP_ROW)
		*id = col_int(s, 0);
	stmt_reset(s);
	return step == STEP_ROW ? 0 : ERR_DB;
}

int store_record_body(struct store *st, long long id, const unsigned char *body, size_t len)
{
	struct stmt *s = stmt_get(st, ST_RECORD_BODY);
	return !s || bind_int(s, 1, id) || bind_blob(s, 2, body, len) ? ERR_DB : stmt_exec(s);
}

static int read_record(struct stmt *s, struct arena *a, void *out)
{
	struct case_record *r = out;
	size_t len;
	const void *p = col_blob(s, 3, &len);
	unsigned char *copy = arena_alloc(a, len ? len : 1);
	r->id = col_int(s, 0);
	r->kind = col_text(s, 1, a);
	r->author = col_text(s, 2, a);
	if (!copy || !r->kind || !r->author)
		return ERR_NOMEM;
	if (len)
		memcpy(copy, p, len);
	r->body = copy;
	r->len = len;
	return 0;
}

int store_records(struct store *st, struct arena *a, long long case_id, struct case_record **out, size_t *n)
{
	struct stmt *s = stmt_get(st, ST_RECORDS);
	if (!s || bind_int(s, 1, case_id))
		return ERR_DB;
	return store_rows(s, a, sizeof(**out), read_record, (void **) out, n);
}

int store_case_seen(struct store *st, long long case_id, const char *reader, long long last_id)
{
	struct stmt *s = stmt_get(st, ST_CASE_SEEN);
	return !s || bind_int(s, 1, case_id) || bind_text(s, 2, reader) || bind_int(s, 3, last_id) ? ERR_DB
												   : stmt_exec(s);
}

int store_case_unseen(struct store *st, long long case_id, const char *reader, const char *author, long long *n)
{
	struct stmt *s = stmt_get(st, ST_CASE_UNSEEN);
	return !s || bind_int(s, 1, case_id) || bind_text(s, 2, reader) || bind_text(s, 3, author)
		   ? ERR_DB
		   : store_one_int(s, n);
}

int store_case_file_put(struct store *st, long long case_id, long long record_id, const unsigned char *data, size_t len)
{
	struct stmt *s = stmt_get(st, ST_CASE_FILE_PUT);
	return !s || bind_int(s, 1, case_id) || bind_int(s, 2, record_id) || bind_blob(s, 3, data, len) ? ERR_DB
													: stmt_exec(s);
}

int store_case_file_of(struct store *st, struct arena *a, long long case_id, long long record_id,
		       const unsigned char **data, size_t *len)
{
	struct stmt *s = stmt_get(st, ST_CASE_FILE_OF);
	if (!s || bind_int(s, 1, case_id) || bind_int(s, 2, record_id))
		return ERR_DB;
	int step = stmt_step(s), rc = 0;
	if (step == STEP_ROW) {
		const void *p = col_blob(s, 0, len);
		unsigned char *copy = arena_alloc(a, *len ? *len : 1);
		if (!copy)
			rc = ERR_NOMEM;
		else if (*len)
			memcpy(copy, p, *len);
		*data = copy;
	} else {
		rc = step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
	}
	stmt_reset(s);
	return rc;
}

int store_consent_add(struct store *st, long long case_id, const char *what, const char *how, int given, const char *at,
		      long long ref)
{
	struct stmt *s = stmt_get(st, ST_CONSENT_ADD);
	return !s || bind_int(s, 1, case_id) || bind_text(s, 2, what) || bind_text(s, 3, how) ||
		       bind_int(s, 4, given) || bind_text(s, 5, at) || bind_int(s, 6, ref)
		   ? ERR_DB
		   : stmt_exec(s);
}

int store_melder_session_add(struct store *st, const char *id, long long case_id,
			     const unsigned char ck[CASE_BOX_BYTES], long long now)
{
	struct stmt *s = stmt_get(st, ST_MELDER_SESSION_ADD);
	return !s || bind_text(s, 1, id) || bind_int(s, 2, case_id) || bind_blob(s, 3, ck, CASE_BOX_BYTES) ||
		       bind_int(s, 4, now)
		   ? ERR_DB
		   : stmt_exec(s);
}

int store_melder_session_get(struct store *st, const char *id, struct melder_session *out)
{
	struct stmt *s = stmt_get(st, ST_MELDER_SESSION_GET);
	if (!s || bind_text(s, 1, id))
		return ERR_DB;
	int step = stmt_step(s), rc;
	if (step == STEP_ROW) {
		out->case_id = col_int(s, 0);
		out->created_at = col_int(s, 2);
		out->seen_at = col_int(s, 3);
		rc = col_blob_copy(s, 1, out->ck, CASE_BOX_BYTES);
	} else {
		rc = step == STEP_DONE ? ERR_NOT_FOUND : ERR_DB;
	}
	stmt_reset(s);
	return rc;
}

int store_melder_session_touch(struct store *st, const char *id, long long now)
{
	struct stmt *s = stmt_get(st, ST_MELDER_SESSION_TOUCH);
	return !s || bind_text(s, 1, id) || bind_int(s, 2, now) ? ERR_DB : stmt_exec(s);
}

int store_melder_session_delete(struct store *st, const char *id)
{
	struct stmt *s = stmt_get(st, ST_MELDER_SESSION_DELETE);
	return !s || bind_text(s, 1, id) ? ERR_DB : stmt_exec(s);
}
