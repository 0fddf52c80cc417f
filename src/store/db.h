/*
 * The statement API the store files use, and the backend interface behind it.
 * Internal to store/.
 *
 * items.c, users.c, ... run statements by name (enum stmt_id) through the
 * functions below and never see a database library. Each backend (sqlite.c,
 * later pg.c) has its own table of SQL text for every name, and fills in a
 * struct db_ops; store_open() picks the backend from the DSN prefix.
 */
#ifndef VERTROUWD_STORE_DB_H
#define VERTROUWD_STORE_DB_H

#include <stddef.h>

#include "base/arena.h"
#include "store/items.h"
#include "store/migrations.h"
#include "store/store.h"

/* Every statement the program runs, by name; the SQL is in stmt_sql[]. */
enum stmt_id {
	ST_BEGIN,
	ST_BEGIN_READ,
	ST_COMMIT,
	ST_ROLLBACK,
	ST_SCHEMA_VERSION,
	ST_SCHEMA_RECORD,
	ST_DATA_VERSION,
	ST_ITEM_UPSERT,
	ST_ITEM_ID,
	ST_FILE_UPSERT,
	ST_ITEM_FILE,
	ST_ITEM_ALL,
	ST_FILE_BY_ITEM,
	ST_ITEM_FIND,
	ST_ITEM_LIST,
	ST_ITEM_CATS,
	ST_ITEM_COUNT,
	ST_ITEM_COUNT_ALL,
	ST_ITEM_URLS,
	ST_CATEGORY_COUNTS,
	ST_CATEGORY_FIND,
	ST_USER_ADD,
	ST_USER_ROLES_CLEAR,
	ST_USER_ROLE_ADD,
	ST_USER_FIND,
	ST_USER_LIST,
	ST_USER_DISABLE,
	ST_USER_PASSWORD,
	ST_AUDIT,
	ST_ITEM_GET,
	ST_ITEM_LIST_ALL,
	ST_ITEM_RENAME,
	ST_REDIRECT_ADD,
	ST_REDIRECT_DROP,
	ST_REDIRECT_FIND,
	ST_ITEM_DELETE,
	ST_REVISION_ADD,
	ST_REVISION_COUNT,
	ST_CATEGORY_ALL,
	ST_CATEGORY_ADD,
	ST_CATEGORY_RENAME,
	ST_CATEGORY_MOVE,
	ST_CATEGORY_UNLINK,
	ST_CATEGORY_DELETE,
	ST_REVISION_LIST,
	ST_REVISION_GET,
	ST_SCHEDULE_SET,
	ST_SCHEDULE_CLEAR,
	ST_SCHEDULE_GET,
	ST_SCHEDULE_CLAIM,
	ST_RECOVERY_CLEAR,
	ST_RECOVERY_ADD,
	ST_RECOVERY_USE,
	ST_AUDIT_LIST,
	ST_SETUP_ADD,
	ST_SETUP_GET,
	ST_SETUP_DELETE_USER,
	ST_USER_AUTH,
	ST_USER_TOTP,
	ST_USER_TOTP_STEP,
	ST_SESSION_ADD,
	ST_SESSION_GET,
	ST_SESSION_TOUCH,
	ST_SESSION_DELETE,
	ST_SESSION_DELETE_USER,
	ST_SESSION_LIST,
	ST_ATTEMPTS,
	ST_ATTEMPT_FAIL,
	ST_ATTEMPT_CLEAR,
	ST_ATTEMPT_REFUND,
	ST_KEY_GET,
	ST_KEY_SET,
	ST_KEY_REWRAP,
	ST_CASE_FILE_PUT,
	ST_CASE_FILE_OF,
	ST_NOTIFY_ADD,
	ST_NOTIFY_DUE,
	ST_NOTIFY_DONE,
	ST_NOTIFY_DEADLINE,
	ST_CASE_READERS,
	ST_CASE_ADD,
	ST_CASE_THEME_ADD,
	ST_CASE_ACCESS_ADD,
	ST_CASE_SEALED,
	ST_CASE_GET,
	ST_CASE_BY_ID,
	ST_CASE_BY_LOOKUP,
	ST_CASE_SEARCH,
	ST_CASE_COUNT,
	ST_CASE_OVERVIEW,
	ST_CASE_STATS,
	ST_REPORT_TEXT_SET,
	ST_CASE_HISTORY_ADD,
	ST_REPORT_TEXTS,
	ST_REPORT_GET,
	ST_REPORT_RELEASE,
	ST_REPORTS_RELEASED,
	ST_ORG_COMPLIANCE_SET,
	ST_ORG_COMPLIANCE,
	ST_SELF_SET,
	ST_SELF_LIST,
	ST_CASE_SAVE,
	ST_CASE_TAGS_CLEAR,
	ST_CASE_TAG_ADD,
	ST_CASE_TAGS,
	ST_CASE_THEMES_CLEAR,
	ST_ACTION_ADD,
	ST_ACTION_DONE,
	ST_ACTIONS,
	ST_CONSENTS,
	ST_CASE_AUDIT_ADD,
	ST_CASE_AUDIT,
	ST_ORG_THEMES,
	ST_ORG_THEME_ADD,
	ST_CASE_ACCESS_REMOVE,
	ST_CASE_DESTROY,
	ST_CASE_WIPE_FILES,
	ST_CASE_WIPE_ACTIONS,
	ST_CASE_WIPE_RECORDS,
	ST_CASE_WIPE_READS,
	ST_CASE_WIPE_CONSENTS,
	ST_CASE_WIPE_SESSIONS,
	ST_CASE_WIPE_REMINDERS,
	ST_CASE_WIPE_ACCESS,
	ST_CASES_TO_DESTROY,
	ST_REMINDERS_DUE,
	ST_REMINDER_DONE,
	ST_DEADLINE_MAIL,
	ST_DEADLINE_MAIL_SET,
	ST_FORGET_DELETED,
	ST_RECORD_ADD,
	ST_RECORD_BODY,
	ST_RECORDS,
	ST_CASE_SEEN,
	ST_CASE_UNSEEN,
	ST_CONSENT_ADD,
	ST_MELDER_SESSION_ADD,
	ST_MELDER_SESSION_GET,
	ST_MELDER_SESSION_TOUCH,
	ST_MELDER_SESSION_DELETE,
	ST_ORG_ADD,
	ST_ORG_UPDATE,
	ST_ORG_CASE_SETTINGS,
	ST_ORG_GET,
	ST_ORG_BY_SLUG,
	ST_ORG_LIST,
	ST_ORG_MEMBER_ADD,
	ST_ORG_MEMBER_REMOVE,
	ST_ORG_MEMBER_HAS,
	ST_ORG_OF_USER,
	ST_ORG_VPS,
	ST_VP_PROFILE_SET,
	ST_VP_PROFILE_GET,
	ST_SEARCH_DELETE,
	ST_SEARCH_INSERT,
	ST_SEARCH_CLEAR,
	ST_SEARCH_SIZE,
	ST_SEARCH_WORDS_CLEAR,
	ST_SEARCH_WORD,
	ST_SEARCH_WORDS,
	ST_SEARCH_HAS_TERM,
	ST_SEARCH,
	ST_ITEMS_BY_ID,
	ST_SEARCH_TYPES,
	ST_SEARCH_CATS,
	ST_ITEM_TEXT,
	ST_ITEM_CATS_CLEAR,
	ST_CATEGORY_UPSERT,
	ST_ITEM_CAT_ADD,
	ST_FILE_GET,
	ST_FILE_DATA,
	ST_FILE_LIST,
	ST_FILE_TOTAL,
	ST_FILE_DELETE,
	ST_LEASE_TAKE,
	ST_COPY_R_CATEGORIES,
	ST_COPY_W_CATEGORIES,
	ST_COPY_R_FILES,
	ST_COPY_W_FILES,
	ST_COPY_R_ITEMS,
	ST_COPY_W_ITEMS,
	ST_COPY_R_ITEM_CATEGORIES,
	ST_COPY_W_ITEM_CATEGORIES,
	ST_COPY_R_USERS,
	ST_COPY_W_USERS,
	ST_COPY_R_USER_ROLES,
	ST_COPY_W_USER_ROLES,
	ST_COPY_R_AUDIT_LOG,
	ST_COPY_W_AUDIT_LOG,
	ST_COPY_R_SESSIONS,
	ST_COPY_W_SESSIONS,
	ST_COPY_R_SETUP_LINKS,
	ST_COPY_W_SETUP_LINKS,
	ST_COPY_R_RECOVERY_CODES,
	ST_COPY_W_RECOVERY_CODES,
	ST_COPY_R_REVISIONS,
	ST_COPY_W_REVISIONS,
	ST_COPY_R_SLUG_REDIRECTS,
	ST_COPY_W_SLUG_REDIRECTS,
	ST_COPY_R_SCHEDULES,
	ST_COPY_W_SCHEDULES,
	ST_COPY_R_ORGANISATIONS,
	ST_COPY_W_ORGANISATIONS,
	ST_COPY_R_ORG_MEMBERS,
	ST_COPY_W_ORG_MEMBERS,
	ST_COPY_R_VP_PROFILES,
	ST_COPY_W_VP_PROFILES,
	ST_COPY_R_USER_KEYS,
	ST_COPY_W_USER_KEYS,
	ST_COPY_R_CASES,
	ST_COPY_W_CASES,
	ST_COPY_R_CASE_THEMES,
	ST_COPY_W_CASE_THEMES,
	ST_COPY_R_CASE_ACCESS,
	ST_COPY_W_CASE_ACCESS,
	ST_COPY_R_CASE_RECORDS,
	ST_COPY_W_CASE_RECORDS,
	ST_COPY_R_CASE_READS,
	ST_COPY_W_CASE_READS,
	ST_COPY_R_CASE_CONSENTS,
	ST_COPY_W_CASE_CONSENTS,
	ST_COPY_R_CASE_FILES,
	ST_COPY_W_CASE_FILES,
	ST_COPY_R_ORG_THEMES,
	ST_COPY_W_ORG_THEMES,
	ST_COPY_R_CASE_TAGS,
	ST_COPY_W_CASE_TAGS,
	ST_COPY_R_CASE_ACTIONS,
	ST_COPY_W_CASE_ACTIONS,
	ST_COPY_R_CASE_AUDIT,
	ST_COPY_W_CASE_AUDIT,
	ST_COPY_R_CASE_REMINDERS,
	ST_COPY_W_CASE_REMINDERS,
	ST_COPY_R_ANNUAL_REPORTS,
	ST_COPY_W_ANNUAL_REPORTS,
	ST_COPY_R_REPORT_TEXTS,
	ST_COPY_W_REPORT_TEXTS,
	ST_COPY_R_SELF_ASSESSMENTS,
	ST_COPY_W_SELF_ASSESSMENTS,
	ST_COPY_FINISH,
	ST_SEARCH_TEXT_CLEAR,
	ST_SEARCH_TERMS_CLEAR,
	ST_COUNT
};

/* What stmt_step() returns when it did not fail (failures are a negative enum err). */
enum { STEP_DONE = 0, STEP_ROW = 1 };

/* A prepared statement, cached per connection; backends embed it first in their own. */
struct stmt {
	struct store *st;
};

/* One connection; backends embed it first in their own. */
struct store {
	const struct db_ops *ops;
	struct stmt *stmts[ST_COUNT];
	char *media_dir; /* where files' bytes go; NULL: in the store (files.c) */
};

/*
 * A backend. Column and bind indexes are as in the API below. step returns
 * STEP_ROW, STEP_DONE, ERR_CONFLICT (a constraint) or ERR_DB, and logs why.
 */
struct db_ops {
	const char *prefix; /* of the DSNs it opens, e.g. "sqlite:" */
	int (*open)(const char *dsn, struct store **out, char *err, size_t errlen);
	void (*close)(struct store *st);
	struct stmt *(*prepare)(struct store *st, enum stmt_id id);
	void (*reset)(struct stmt *s); /* also clears the bindings */
	int (*step)(struct stmt *s);
	int (*bind_text)(struct stmt *s, int i, const char *v);
	int (*bind_int)(struct stmt *s, int i, long long v);
	int (*bind_blob)(struct stmt *s, int i, const void *p, size_t n);
	int (*bind_null)(struct stmt *s, int i);
	int (*bind_match)(struct stmt *s, int i, const char *expr);
	long long (*col_int)(struct stmt *s, int i);
	double (*col_double)(struct stmt *s, int i);
	const void *(*col_blob)(struct stmt *s, int i, size_t *len);
	/* NUL-terminated text of column i and its length; NULL for SQL NULL. */
	const char *(*col_text)(struct stmt *s, int i, size_t *len);
	int (*col_is_null)(struct stmt *s, int i);
	long long (*changes)(struct store *st);
	/* Run a script of several statements with no parameters (migrations). */
	int (*exec_script)(struct store *st, const char *sql);
	/* End a transaction if one is open; never fails, never counts as a statement. */
	void (*rollback)(struct store *st);
	/* PRAGMA data_version's number, however the backend gets it; NULL: run ST_DATA_VERSION. */
	int (*data_version)(struct store *st, long long *version);
	/* Bring what the search statements read besides SQL up to date; NULL: nothing to do. */
	int (*search_ready)(struct store *st);
	const char *(*errmsg)(struct store *st);
	int (*unreachable)(struct store *st);
	const char *schema_table; /* SQL creating schema_migrations if missing */
	const struct migration *migrations;
	const int *nmigrations;
};

extern const struct db_ops db_sqlite, db_pg;
/* The SQL of every statement, per dialect. */
extern const char *const sqlite_sql[ST_COUNT];
extern const char *const pg_sql[ST_COUNT];

/* The cached statement, reset and with bindings cleared; NULL on error. */
struct stmt *stmt_get(struct store *st, enum stmt_id id);
/* One step, with the test countdown: STEP_ROW, STEP_DONE, ERR_CONFLICT or ERR_DB. */
int stmt_step(struct stmt *s);
/* Make the statement ready to run again, its bindings cleared; NULL is ignored. */
void stmt_reset(struct stmt *s);
/* Run a statement (NULL: ERR_DB) to its first row or end and reset it: 0, ERR_DB or ERR_CONFLICT. */
int stmt_exec(struct stmt *s);
/* Step a bound statement (NULL: ERR_DB) to its row, read column 0 as an integer and reset it: 0 or ERR_DB. */
int stmt_int(struct stmt *s, long long *out);
/* Bind parameter i (1-based): text (NULL binds NULL), integers, blobs, NULL; 0 or ERR_DB. */
int bind_text(struct stmt *s, int i, const char *v);
int bind_int(struct stmt *s, int i, long long v);
int bind_blob(struct stmt *s, int i, const void *p, size_t n);
int bind_null(struct stmt *s, int i);
/* Bind a search expression in the FTS5 syntax search/query.c writes; each backend rewrites it for its engine. */
int bind_match(struct stmt *s, int i, const char *expr);
/* Column i (0-based) of the current row; NULL reads as 0, "" or an empty blob. */
long long col_int(struct stmt *s, int i);
double col_double(struct stmt *s, int i);
/* The bytes stay valid until the next step or reset. */
const void *col_blob(struct stmt *s, int i, size_t *len);
/* As a NUL-terminated string valid until the next step or reset ("" for NULL). */
const char *col_str(struct stmt *s, int i);
/* Column i as an arena string ("" for NULL); NULL on allocation failure. */
char *col_text(struct stmt *s, int i, struct arena *a);
int col_is_null(struct stmt *s, int i);
/* Copy column i, a blob of exactly n bytes, into out; ERR_INVALID for NULL or another size. */
int col_blob_copy(struct stmt *s, int i, unsigned char *out, size_t n);
/* Rows changed by the last INSERT/UPDATE/DELETE on this connection. */
long long store_changes(struct store *st);

/* The role bits of a comma-separated role list as the store keeps it (users.c). */
unsigned store_parse_roles(const char *s);
struct user;
/* Columns 0-4 of a user row: id, email, name, disabled, roles (users.c). */
void store_read_user_head(struct stmt *s, struct arena *a, struct user *u);

/*
 * Every row of s read into an array in the arena by read() (elem bytes each);
 * the statement is reset. 0, ERR_NOMEM, ERR_DB, or read()'s error.
 */
int store_rows(struct stmt *s, struct arena *a, size_t elem, int (*read)(struct stmt *, struct arena *, void *),
	       void **out, size_t *n);

/* The integer in the first column of the one row s gives (a count); the statement is reset. 0 or ERR_DB. */
int store_one_int(struct stmt *s, long long *v);

/* Shared by items.c and search.c. */
int store_read_item(struct stmt *s, struct arena *a, struct item *it);
int store_bind_filter(struct stmt *s, struct arena *a, const struct item_filter *f);
int store_list_categories(struct store *st, struct arena *a, struct item *items, size_t n);

#endif
