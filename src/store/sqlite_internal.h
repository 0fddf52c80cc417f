/* Shared by the SQLite store files. Internal to store/. */
#ifndef VERTROUWD_STORE_SQLITE_INTERNAL_H
#define VERTROUWD_STORE_SQLITE_INTERNAL_H

#include <sqlite3.h>

#include "base/arena.h"
#include "store/items.h"
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
	ST_SEARCH_DELETE,
	ST_SEARCH_INSERT,
	ST_SEARCH_CLEAR,
	ST_SEARCH_SIZE,
	ST_SEARCH_WORDS_CLEAR,
	ST_SEARCH_WORD,
	ST_SEARCH_WORDS,
	ST_SEARCH_HAS_TERM,
	ST_SEARCH,
	ST_SEARCH_COUNT,
	ST_SEARCH_TOP,
	ST_SEARCH_TOTAL,
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
	ST_COUNT
};

struct store {
	sqlite3 *db;
	sqlite3_stmt *stmts[ST_COUNT];
	char *media_dir; /* where files' bytes go; NULL: in the store (files.c) */
};

extern const char *const stmt_sql[ST_COUNT];

/* The cached statement, reset and with bindings cleared; NULL on error. */
sqlite3_stmt *stmt_get(struct store *st, enum stmt_id id);
/* sqlite3_step with the test countdown: SQLITE_ROW, SQLITE_DONE, or an error code. */
int stmt_step(struct store *st, sqlite3_stmt *s);
/* Run a statement that returns no rows: 0 or ERR_DB/ERR_CONFLICT. */
int stmt_exec(struct store *st, sqlite3_stmt *s);
/* Bind helpers: text (NULL binds NULL) and integers; return 0 or ERR_DB. */
int bind_text(sqlite3_stmt *s, int i, const char *v);
int bind_int(sqlite3_stmt *s, int i, long long v);
/* Column i as an arena string ("" for NULL); NULL on allocation failure. */
char *col_text(sqlite3_stmt *s, int i, struct arena *a);
/* The role bits of a comma-separated role list as the store keeps it (users.c). */
unsigned store_parse_roles(const unsigned char *s);

/* Shared by items.c and search.c. */
int store_read_item(sqlite3_stmt *s, struct arena *a, struct item *it);
int store_bind_filter(sqlite3_stmt *s, struct arena *a, const struct item_filter *f);
int store_list_categories(struct store *st, struct arena *a, struct item *items, size_t n);

#endif
