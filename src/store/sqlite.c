/* The SQLite store: connections, statement cache, transactions, migrations. */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "base/log.h"
#include "base/mem.h"
#include "store/migrations.h"
#include "store/sqlite_internal.h"

/* ---- SQLite allocates through base/mem, so fault injection reaches it too ---- */

static void *sq_malloc(int n)
{
	size_t *p = mem_alloc(sizeof(size_t) * 2 + (size_t) n);
	if (!p)
		return NULL;
	p[0] = (size_t) n;
	return p + 2;
}

static void sq_free(void *p)
{
	if (p)
		mem_free((size_t *) p - 2);
}

static void *sq_realloc(void *p, int n)
{
	if (!p)
		return sq_malloc(n);
	size_t *q = mem_realloc((size_t *) p - 2, sizeof(size_t) * 2 + (size_t) n);
	if (!q)
		return NULL;
	q[0] = (size_t) n;
	return q + 2;
}

static int sq_size(void *p)
{
	return p ? (int) ((size_t *) p - 2)[0] : 0;
}

static int sq_roundup(int n)
{
	return (n + 7) & ~7;
}

static int sq_init(void *unused)
{
	(void) unused;
	return SQLITE_OK;
}

static void sq_shutdown(void *unused)
{
	(void) unused;
}

static int global_rc;

static void global_init(void)
{
	static const sqlite3_mem_methods methods = {sq_malloc,	sq_free, sq_realloc,  sq_size,
						    sq_roundup, sq_init, sq_shutdown, NULL};
	if (sqlite3_config(SQLITE_CONFIG_MALLOC, &methods) != SQLITE_OK ||
	    sqlite3_config(SQLITE_CONFIG_MULTITHREAD) != SQLITE_OK || sqlite3_initialize() != SQLITE_OK)
		global_rc = ERR_DB;
}

/* ---- statements ---- */

static atomic_long stmt_countdown;

void store_fail_after(long n)
{
	atomic_store(&stmt_countdown, n > 0 ? n : 0);
}

sqlite3_stmt *stmt_get(struct store *st, enum stmt_id id)
{
	sqlite3_stmt *s = st->stmts[id];
	if (s) {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		return s;
	}
	if (sqlite3_prepare_v3(st->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
		log_error("store: cannot prepare statement %d: %s", (int) id, sqlite3_errmsg(st->db));
		return NULL;
	}
	st->stmts[id] = s;
	return s;
}

int stmt_step(struct store *st, sqlite3_stmt *s)
{
	if (atomic_load_explicit(&stmt_countdown, memory_order_relaxed) > 0 &&
	    atomic_fetch_sub(&stmt_countdown, 1) == 1)
		return SQLITE_IOERR;
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		log_warn("store: statement failed: %s", sqlite3_errmsg(st->db));
	return rc;
}

int stmt_exec(struct store *st, sqlite3_stmt *s)
{
	if (!s)
		return ERR_DB;
	int rc = stmt_step(st, s);
	sqlite3_reset(s);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_CONSTRAINT ? ERR_CONFLICT : ERR_DB;
}

int bind_text(sqlite3_stmt *s, int i, const char *v)
{
	int rc = v ? sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC) : sqlite3_bind_null(s, i);
	return rc == SQLITE_OK ? 0 : ERR_DB;
}

int bind_int(sqlite3_stmt *s, int i, long long v)
{
	return sqlite3_bind_int64(s, i, v) == SQLITE_OK ? 0 : ERR_DB;
}

char *col_text(sqlite3_stmt *s, int i, struct arena *a)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return arena_strndup(a, t ? (const char *) t : "", t ? (size_t) sqlite3_column_bytes(s, i) : 0);
}

/* ---- connections ---- */

static int make_parent_dir(const char *path)
{
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s", path);
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return 0;
	*slash = '\0';
	if (mkdir(dir, 0700) && errno != EEXIST)
		return ERR_IO;
	return 0;
}

int store_open(const char *dsn, struct store **out, char *err, size_t errlen)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, global_init);
	*out = NULL;
	if (global_rc) {
		snprintf(err, errlen, "SQLite kon niet starten / SQLite failed to initialise");
		return global_rc;
	}
	if (strncmp(dsn, "sqlite:", 7) || !dsn[7]) {
		snprintf(err, errlen, "onbekende opslag '%s': gebruik sqlite:PAD / unknown store, use sqlite:PATH",
			 dsn);
		return ERR_INVALID;
	}
	const char *path = dsn + 7;
	if (make_parent_dir(path)) {
		snprintf(err, errlen, "kan de map voor %s niet maken / cannot create its directory: %s", path,
			 strerror(errno));
		return ERR_IO;
	}
	struct store *st = mem_calloc(1, sizeof(*st));
	if (!st) {
		snprintf(err, errlen, "geen geheugen / out of memory");
		return ERR_NOMEM;
	}
	int rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(st->db, 5000);
		sqlite3_extended_result_codes(st->db, 0);
		rc = sqlite3_exec(st->db,
				  "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; "
				  "PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;",
				  NULL, NULL, NULL);
	}
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "kan database %s niet openen / cannot open database: %s", path,
			 st->db ? sqlite3_errmsg(st->db) : "out of memory");
		store_close(st);
		return ERR_DB;
	}
	*out = st;
	return 0;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(st->stmts[i]);
	sqlite3_close_v2(st->db);
	mem_free(st->media_dir);
	mem_free(st);
}

/* ---- transactions ---- */

int store_read_begin(struct store *st)
{
	return stmt_exec(st, stmt_get(st, ST_BEGIN_READ));
}

void store_read_end(struct store *st)
{
	store_rollback(st); /* nothing was written: ending it either way releases the snapshot */
}

int store_begin(struct store *st)
{
	return stmt_exec(st, stmt_get(st, ST_BEGIN));
}

/* Commits made through this process's connections (data_version sees only the others'). */
static atomic_llong local_commits;

int store_commit(struct store *st)
{
	int rc = stmt_exec(st, stmt_get(st, ST_COMMIT));
	if (!rc)
		atomic_fetch_add(&local_commits, 1);
	return rc;
}

void store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db)) {
		/* Not through the countdown: a rollback must always run. */
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	}
}

int store_data_version(struct store *st, long long *version)
{
	sqlite3_stmt *s = stmt_get(st, ST_DATA_VERSION);
	if (!s || stmt_step(st, s) != SQLITE_ROW)
		return ERR_DB;
	/* Both counters only grow, so their sum changes whenever either does. */
	*version = sqlite3_column_int64(s, 0) + atomic_load(&local_commits);
	sqlite3_reset(s);
	return 0;
}

/* ---- migrations ---- */

static int ensure_schema_table(struct store *st)
{
	return sqlite3_exec(
		   st->db,
		   "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
		   "name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))",
		   NULL, NULL, NULL) == SQLITE_OK
		   ? 0
		   : ERR_DB;
}

int store_schema_version(struct store *st, int *version)
{
	if (ensure_schema_table(st))
		return ERR_DB;
	sqlite3_stmt *s = stmt_get(st, ST_SCHEMA_VERSION);
	if (!s || stmt_step(st, s) != SQLITE_ROW)
		return ERR_DB;
	*version = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return 0;
}

int store_needs_migration(struct store *st, int *needs)
{
	int v;
	int rc = store_schema_version(st, &v);
	if (!rc)
		*needs = v < store_migrations[store_migration_count - 1].version;
	return rc;
}

static int apply(struct store *st, const struct migration *m, char *err, size_t errlen)
{
	int rc = store_begin(st);
	int current = 0;
	if (!rc)
		rc = store_schema_version(st, &current);
	/* Another process may have applied it while we waited for the lock. */
	if (!rc && current >= m->version) {
		store_rollback(st);
		return 0;
	}
	if (!rc && sqlite3_exec(st->db, m->sql, NULL, NULL, NULL) != SQLITE_OK)
		rc = ERR_DB;
	if (!rc) {
		sqlite3_stmt *s = stmt_get(st, ST_SCHEMA_RECORD);
		rc = !s || bind_int(s, 1, m->version) || bind_text(s, 2, m->name) ? ERR_DB : stmt_exec(st, s);
	}
	if (!rc)
		rc = store_commit(st);
	if (rc) {
		snprintf(err, errlen, "migratie %s mislukt / migration failed: %s", m->name, sqlite3_errmsg(st->db));
		store_rollback(st);
		return rc;
	}
	log_info("store: applied migration %s", m->name);
	return 0;
}

int store_migrate(struct store *st, char *err, size_t errlen)
{
	int version;
	if (store_schema_version(st, &version)) {
		snprintf(err, errlen, "kan schemaversie niet lezen / cannot read schema version: %s",
			 sqlite3_errmsg(st->db));
		return ERR_DB;
	}
	for (int i = 0; i < store_migration_count; i++) {
		if (store_migrations[i].version <= version)
			continue;
		int rc = apply(st, &store_migrations[i], err, errlen);
		if (rc)
			return rc;
	}
	return 0;
}
