/*
 * Copying a store (copy.h): every table row by row with its ids, in one
 * transaction on the target that is read back and compared before it
 * commits. Any error (ERR_CONFLICT: the target is not empty, ERR_INVALID: the
 * copy differs, ERR_DB) rolls the target back, with a Dutch/English message in
 * err; file bytes already written to its media directory stay, unreferenced.
 */
#include "store/copy.h"

#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/hash.h"
#include "store/db.h"
#include "store/files.h"

/*
 * The tables in an order that satisfies their references, with the kind of
 * each column: i integer, t text, b blob, and for files D its bytes and S
 * where they are kept (both placed the way the target keeps files). Derived
 * and passing data (search index, login attempts, leases) are not copied.
 */
static const struct {
	const char *name;
	enum stmt_id read, write;
	const char *kinds;
} tables[COPY_TABLES] = {
    {"categories", ST_COPY_R_CATEGORIES, ST_COPY_W_CATEGORIES, "itt"},
    {"files", ST_COPY_R_FILES, ST_COPY_W_FILES, "itttiDtStiit"},
    {"items", ST_COPY_R_ITEMS, ST_COPY_W_ITEMS, "ittttttttttitti"},
    {"item_categories", ST_COPY_R_ITEM_CATEGORIES, ST_COPY_W_ITEM_CATEGORIES, "ii"},
    {"users", ST_COPY_R_USERS, ST_COPY_W_USERS, "ittbbitttiii"},
    {"user_roles", ST_COPY_R_USER_ROLES, ST_COPY_W_USER_ROLES, "it"},
    {"audit_log", ST_COPY_R_AUDIT_LOG, ST_COPY_W_AUDIT_LOG, "ittttt"},
    {"sessions", ST_COPY_R_SESSIONS, ST_COPY_W_SESSIONS, "tiiitb"},
    {"setup_links", ST_COPY_R_SETUP_LINKS, ST_COPY_W_SETUP_LINKS, "tiit"},
    {"recovery_codes", ST_COPY_R_RECOVERY_CODES, ST_COPY_W_RECOVERY_CODES, "iti"},
    {"revisions", ST_COPY_R_REVISIONS, ST_COPY_W_REVISIONS, "iittt"},
    {"slug_redirects", ST_COPY_R_SLUG_REDIRECTS, ST_COPY_W_SLUG_REDIRECTS, "tti"},
    {"schedules", ST_COPY_R_SCHEDULES, ST_COPY_W_SCHEDULES, "ii"},
    {"organisations", ST_COPY_R_ORGANISATIONS, ST_COPY_W_ORGANISATIONS, "ittitttibtiitti"},
    {"org_themes", ST_COPY_R_ORG_THEMES, ST_COPY_W_ORG_THEMES, "itt"},
    {"org_members", ST_COPY_R_ORG_MEMBERS, ST_COPY_W_ORG_MEMBERS, "iit"},
    {"vp_profiles", ST_COPY_R_VP_PROFILES, ST_COPY_W_VP_PROFILES, "itttttttittt"},
    {"user_keys", ST_COPY_R_USER_KEYS, ST_COPY_W_USER_KEYS, "ibbbi"},
    {"cases", ST_COPY_R_CASES, ST_COPY_W_CASES, "iitttttttttttbbiittttttttti"},
    {"case_themes", ST_COPY_R_CASE_THEMES, ST_COPY_W_CASE_THEMES, "it"},
    {"case_tags", ST_COPY_R_CASE_TAGS, ST_COPY_W_CASE_TAGS, "itt"},
    {"case_access", ST_COPY_R_CASE_ACCESS, ST_COPY_W_CASE_ACCESS, "iib"},
    {"case_records", ST_COPY_R_CASE_RECORDS, ST_COPY_W_CASE_RECORDS, "iittb"},
    {"case_actions", ST_COPY_R_CASE_ACTIONS, ST_COPY_W_CASE_ACTIONS, "iiitt"},
    {"case_reads", ST_COPY_R_CASE_READS, ST_COPY_W_CASE_READS, "iti"},
    {"case_consents", ST_COPY_R_CASE_CONSENTS, ST_COPY_W_CASE_CONSENTS, "iittiti"},
    {"case_files", ST_COPY_R_CASE_FILES, ST_COPY_W_CASE_FILES, "iiib"},
    {"case_audit", ST_COPY_R_CASE_AUDIT, ST_COPY_W_CASE_AUDIT, "iiiti"},
    {"case_reminders", ST_COPY_R_CASE_REMINDERS, ST_COPY_W_CASE_REMINDERS, "itt"},
    {"annual_reports", ST_COPY_R_ANNUAL_REPORTS, ST_COPY_W_ANNUAL_REPORTS, "iitii"},
    {"report_texts", ST_COPY_R_REPORT_TEXTS, ST_COPY_W_REPORT_TEXTS, "iiitii"},
    {"self_assessments", ST_COPY_R_SELF_ASSESSMENTS, ST_COPY_W_SELF_ASSESSMENTS, "iiti"},
};

/* The bytes of a files row: its data column, or the file in the store's media directory (read into file). */
static int file_bytes(struct store *st, struct stmt *s, struct buf *file, const void **data, size_t *len)
{
	if (!strcmp(col_str(s, 7), "db")) {
		*data = col_blob(s, 5, len);
		return 0;
	}
	struct stored_file f = {.size = col_int(s, 4), .in_db = 0};
	snprintf(f.hash, sizeof(f.hash), "%s", col_str(s, 1));
	buf_reset(file);
	int rc = store_file_read(st, &f, file);
	*data = file->ptr;
	*len = file->len;
	return rc;
}

/* One row as canonical bytes, hashed: file bytes stand for D, where they are kept (S) does not count. */
static int row_hash(struct stmt *s, const char *kinds, const void *bytes, size_t nbytes, struct buf *b,
		    unsigned long long *h)
{
	int rc = 0;
	buf_reset(b);
	for (int c = 0; !rc && kinds[c]; c++) {
		size_t len;
		const void *p;
		if (kinds[c] == 'S')
			continue;
		if (kinds[c] == 'D') {
			rc = buf_addf(b, "D%zu:", nbytes) || buf_add(b, bytes, nbytes);
			continue;
		}
		if (col_is_null(s, c)) {
			rc = buf_adds(b, "N;");
			continue;
		}
		if (kinds[c] == 'i') {
			rc = buf_addf(b, "i%lld;", col_int(s, c));
			continue;
		}
		if (kinds[c] == 'b') {
			p = col_blob(s, c, &len);
		} else {
			p = col_str(s, c);
			len = strlen(p);
		}
		rc = buf_addf(b, "%c%zu:", kinds[c], len) || buf_add(b, p, len);
	}
	*h = hash64(b->ptr, b->len);
	return rc ? ERR_NOMEM : 0;
}

/* Bind the current row of r to w, placing file bytes the way the target keeps them. */
static int bind_row(struct store *to, struct stmt *r, struct stmt *w, const char *kinds, const void *bytes,
		    size_t nbytes)
{
	int in_db = 1, rc = 0;
	for (int c = 0; !rc && kinds[c]; c++) {
		int i = c + 1;
		size_t len;
		if (kinds[c] == 'D') {
			rc = store_file_place(to, col_str(r, 1), bytes, nbytes, &in_db) ||
			     bind_blob(w, i, in_db ? bytes : "", in_db ? nbytes : 0);
		} else if (kinds[c] == 'S') {
			rc = bind_text(w, i, in_db ? "db" : "dir");
		} else if (col_is_null(r, c)) {
			rc = bind_null(w, i);
		} else if (kinds[c] == 'i') {
			rc = bind_int(w, i, col_int(r, c));
		} else if (kinds[c] == 'b') {
			const void *p = col_blob(r, c, &len);
			rc = bind_blob(w, i, p, len);
		} else {
			rc = bind_text(w, i, col_str(r, c));
		}
	}
	return rc ? ERR_DB : 0;
}

/*
 * Read table t of st: the row count and the sum of the rows' hashes (an order
 * that may differ between databases does not matter); with w, write each row
 * to the target too.
 */
static int pass(struct store *st, struct store *to, int t, struct stmt *w, long long *rows, unsigned long long *sum,
		long long *bytes_moved)
{
	struct stmt *r = stmt_get(st, tables[t].read);
	if (!r)
		return ERR_DB;
	struct buf b = BUF_INIT(64 << 20), file = BUF_INIT(64 << 20);
	int rc = 0, step;
	*rows = 0;
	*sum = 0;
	while (!rc && (step = stmt_step(r)) == STEP_ROW) {
		const void *bytes = NULL;
		size_t nbytes = 0;
		unsigned long long h;
		if (strchr(tables[t].kinds, 'D'))
			rc = file_bytes(st, r, &file, &bytes, &nbytes);
		if (!rc)
			rc = row_hash(r, tables[t].kinds, bytes, nbytes, &b, &h);
		if (!rc && w) {
			rc = bind_row(to, r, w, tables[t].kinds, bytes, nbytes);
			if (!rc)
				rc = stmt_exec(w);
			*bytes_moved += (long long) nbytes;
		}
		if (!rc) {
			(*rows)++;
			*sum += h;
		}
	}
	if (!rc && step != STEP_DONE)
		rc = ERR_DB;
	stmt_reset(r);
	buf_free(&b);
	buf_free(&file);
	return rc;
}

/* Whether every table of to is empty. */
static int target_empty(struct store *to, char *err, size_t errlen)
{
	for (int t = 0; t < COPY_TABLES; t++) {
		struct stmt *r = stmt_get(to, tables[t].read);
		int step = r ? stmt_step(r) : ERR_DB;
		stmt_reset(r);
		if (step == STEP_ROW) {
			snprintf(
			    err, errlen,
			    "het doel is niet leeg (tabel %s heeft al rijen); kopieer naar een nieuwe, lege database "
			    "/ the target is not empty",
			    tables[t].name);
			return ERR_CONFLICT;
		}
		if (step != STEP_DONE)
			return ERR_DB;
	}
	return 0;
}

static int copy_all(struct store *from, struct store *to, void (*progress)(const char *, long long),
		    struct copy_report *rep, char *err, size_t errlen)
{
	int rc = target_empty(to, err, errlen);
	for (int t = 0; !rc && t < COPY_TABLES; t++) {
		struct copy_table_report *tr = &rep->tables[rep->ntables++];
		tr->table = tables[t].name;
		struct stmt *w = stmt_get(to, tables[t].write);
		rc = w ? pass(from, to, t, w, &tr->rows, &tr->checksum, &rep->file_bytes) : ERR_DB;
		if (!rc && progress)
			progress(tr->table, tr->rows);
	}
	if (!rc)
		rc = stmt_exec(stmt_get(to, ST_COPY_FINISH));
	for (int t = 0; !rc && t < COPY_TABLES; t++) {
		long long rows, ignored = 0;
		unsigned long long sum;
		rc = pass(to, NULL, t, NULL, &rows, &sum, &ignored);
		rep->tables[t].verified = !rc && rows == rep->tables[t].rows && sum == rep->tables[t].checksum;
		if (!rc && !rep->tables[t].verified) {
			snprintf(err, errlen,
				 "tabel %s: de kopie wijkt af (%lld rijen gelezen, %lld geschreven); niets is bewaard "
				 "/ the copy differs",
				 tables[t].name, rows, rep->tables[t].rows);
			rc = ERR_INVALID;
		}
	}
	if (rc == ERR_DB && !*err)
		snprintf(err, errlen, "databasefout tijdens het kopiëren; niets is bewaard / database error");
	return rc;
}

int store_copy(struct store *from, struct store *to, void (*progress)(const char *, long long), struct copy_report *rep,
	       char *err, size_t errlen)
{
	memset(rep, 0, sizeof(*rep));
	*err = '\0';
	int rc = store_read_begin(from);
	if (rc) {
		snprintf(err, errlen, "de bron is niet te lezen / cannot read the source");
		return rc;
	}
	rc = store_begin(to);
	if (!rc)
		rc = copy_all(from, to, progress, rep, err, errlen);
	if (!rc)
		rc = store_commit(to);
	if (rc)
		store_rollback(to);
	store_read_end(from);
	if (rc && !*err)
		snprintf(err, errlen, "opslaan op het doel mislukt; niets is bewaard / commit failed");
	return rc;
}
