/*
 * The SQLite backend of the store (db.h): connections in WAL mode, statements
 * prepared once per connection, SQLite's memory through base/mem so fault
 * injection reaches it. A failed step is logged and is ERR_CONFLICT for a
 * constraint, ERR_DB otherwise; a statement that will not prepare is logged
 * and NULL. Opening fails with a Dutch/English message in err.
 */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "base/log.h"
#include "base/mem.h"
#include "store/db.h"
#include "store/sqlite_rank.h"
#include <sqlite3.h>

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
	/*
	 * No memory statistics: with them every SQLite allocation takes one mutex for the whole
	 * process, and the server's threads queued for it (6% of an uncached page's CPU in futex
	 * calls). Nothing here reads sqlite3_memory_used() or sets a heap limit.
	 */
	if (sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) != SQLITE_OK ||
	    sqlite3_config(SQLITE_CONFIG_MALLOC, &methods) != SQLITE_OK ||
	    sqlite3_config(SQLITE_CONFIG_MULTITHREAD) != SQLITE_OK || sqlite3_initialize() != SQLITE_OK)
		global_rc = ERR_DB;
}

/* ---- statements ---- */

/* Where the WAL stood when data_version last ran the PRAGMA (see sq_data_version). */
struct wal_mark {
	uint32_t change, max_frame, salt[2];
};

struct sq_store {
	struct store base;
	sqlite3 *db;
	struct rank_cache *rank;      /* search ranking and filters (sqlite_rank.h) */
	const volatile void *wal_hdr; /* the WAL-index header in shared memory, or NULL */
	int wal_state;		      /* 0: not looked for yet, 1: found, -1: not in WAL mode or no header */
	int version_known;	      /* the PRAGMA ran once: version holds */
	int mark_valid;		      /* mark is where the WAL stood just before it ran */
	struct wal_mark mark;
	long long version;
};

struct sq_stmt {
	struct stmt base;
	sqlite3_stmt *s;
};

#define SQ(st)	((struct sq_store *) (st))
#define SQS(st) (((struct sq_stmt *) (st))->s)

static struct stmt *sq_prepare(struct store *st, enum stmt_id id)
{
	struct sq_stmt *s = mem_calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	if (sqlite3_prepare_v3(SQ(st)->db, sqlite_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &s->s, NULL) != SQLITE_OK) {
		log_error("store: cannot prepare statement %d: %s", (int) id, sqlite3_errmsg(SQ(st)->db));
		mem_free(s);
		return NULL;
	}
	s->base.st = st;
	return &s->base;
}

static void sq_reset(struct stmt *s)
{
	sqlite3_reset(SQS(s));
	sqlite3_clear_bindings(SQS(s));
}

static int sq_step(struct stmt *s)
{
	int rc = sqlite3_step(SQS(s));
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc == SQLITE_ROW ? STEP_ROW : STEP_DONE;
	log_warn("store: statement failed: %s", sqlite3_errmsg(SQ(s->st)->db));
	return rc == SQLITE_CONSTRAINT ? ERR_CONFLICT : ERR_DB;
}

static int sq_bind_text(struct stmt *s, int i, const char *v)
{
	return sqlite3_bind_text(SQS(s), i, v, -1, SQLITE_STATIC) == SQLITE_OK ? 0 : ERR_DB;
}

static int sq_bind_int(struct stmt *s, int i, long long v)
{
	return sqlite3_bind_int64(SQS(s), i, v) == SQLITE_OK ? 0 : ERR_DB;
}

static int sq_bind_blob(struct stmt *s, int i, const void *p, size_t n)
{
	return sqlite3_bind_blob64(SQS(s), i, p, n, SQLITE_STATIC) == SQLITE_OK ? 0 : ERR_DB;
}

static int sq_bind_null(struct stmt *s, int i)
{
	return sqlite3_bind_null(SQS(s), i) == SQLITE_OK ? 0 : ERR_DB;
}

static long long sq_col_int(struct stmt *s, int i)
{
	return sqlite3_column_int64(SQS(s), i);
}

static double sq_col_double(struct stmt *s, int i)
{
	return sqlite3_column_double(SQS(s), i);
}

static const void *sq_col_blob(struct stmt *s, int i, size_t *len)
{
	const void *p = sqlite3_column_blob(SQS(s), i);
	*len = (size_t) sqlite3_column_bytes(SQS(s), i);
	return p;
}

static const char *sq_col_text(struct stmt *s, int i, size_t *len)
{
	const unsigned char *t = sqlite3_column_text(SQS(s), i);
	*len = t ? (size_t) sqlite3_column_bytes(SQS(s), i) : 0;
	return (const char *) t;
}

static int sq_col_is_null(struct stmt *s, int i)
{
	return sqlite3_column_type(SQS(s), i) == SQLITE_NULL;
}

static long long sq_changes(struct store *st)
{
	return sqlite3_changes(SQ(st)->db);
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

static void sq_close(struct store *st);

static int sq_open(const char *dsn, struct store **out, char *err, size_t errlen)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, global_init);
	*out = NULL;
	if (global_rc) {
		snprintf(err, errlen, "SQLite kon niet starten / SQLite failed to initialise");
		return global_rc;
	}
	const char *path = dsn + 7;
	if (make_parent_dir(path)) {
		snprintf(err, errlen, "kan de map voor %s niet maken / cannot create its directory: %s", path,
			 strerror(errno));
		return ERR_IO;
	}
	struct sq_store *st = mem_calloc(1, sizeof(*st));
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
	if (rc == SQLITE_OK && sqlite_rank_attach(st->db, &st->rank))
		rc = SQLITE_ERROR;
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "kan database %s niet openen / cannot open database: %s", path,
			 st->db ? sqlite3_errmsg(st->db) : "out of memory");
		sq_close(&st->base);
		return ERR_DB;
	}
	st->base.ops = &db_sqlite;
	*out = &st->base;
	return 0;
}

static void sq_close(struct store *st)
{
	for (int i = 0; i < ST_COUNT; i++)
		if (st->stmts[i]) {
			sqlite3_finalize(SQS(st->stmts[i]));
			mem_free(st->stmts[i]);
		}
	sqlite3_close_v2(SQ(st)->db);
	sqlite_rank_free(SQ(st)->rank);
	mem_free(st);
}

static void sq_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(SQ(st)->db)) {
		/*
		 * Not through the countdown: a rollback must always run. Every uncached page ends its
		 * read this way, so the statement is prepared once (parsing "ROLLBACK" each time was 4%
		 * of such a request); sqlite3_exec remains for when it cannot be prepared or fails.
		 */
		struct stmt *s = st->stmts[ST_ROLLBACK];
		if (!s)
			s = st->stmts[ST_ROLLBACK] = sq_prepare(st, ST_ROLLBACK);
		int rc = s ? sqlite3_step(SQS(s)) : SQLITE_ERROR;
		if (s)
			sqlite3_reset(SQS(s));
		if (rc != SQLITE_DONE && !sqlite3_get_autocommit(SQ(st)->db))
			sqlite3_exec(SQ(st)->db, "ROLLBACK", NULL, NULL, NULL);
	}
}

/*
 * PRAGMA data_version starts and ends a read transaction: two fcntl locks on the
 * WAL's shared-memory file and a mutex the server's threads queued for, a fifth
 * of the CPU of a cached page, where it runs once per request. In WAL mode every
 * commit, by any connection of any process, rewrites the WAL-index header at the
 * start of that shared memory before it returns (iChange, mxFrame and, when the
 * WAL restarts, the salts change; https://www.sqlite.org/walformat.html). While
 * the header reads as it did just before the last PRAGMA, the PRAGMA would give
 * the same answer. The header is read as SQLite reads it before taking a lock:
 * its two copies, the first one first (a writer writes the second one first),
 * are equal only when no commit was halfway.
 */
static int wal_mark_read(struct sq_store *st, struct wal_mark *out)
{
	if (st->wal_state == 0) {
		st->wal_state = -1;
		sqlite3_stmt *q = NULL;
		sqlite3_file *f = NULL;
		volatile void *hdr = NULL;
		int wal = sqlite3_prepare_v2(st->db, "PRAGMA journal_mode", -1, &q, NULL) == SQLITE_OK &&
			  sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0) &&
			  !sqlite3_stricmp((const char *) sqlite3_column_text(q, 0), "wal");
		sqlite3_finalize(q);
		/* Only a connection that has read in WAL mode: then the shared memory is mapped already. */
		if (wal && sqlite3_file_control(st->db, "main", SQLITE_FCNTL_FILE_POINTER, &f) == SQLITE_OK && f &&
		    f->pMethods && f->pMethods->iVersion >= 2 && f->pMethods->xShmMap &&
		    f->pMethods->xShmMap(f, 0, 32 * 1024, 0, &hdr) == SQLITE_OK && hdr) {
			st->wal_hdr = hdr;
			st->wal_state = 1;
		}
	}
	if (st->wal_state != 1)
		return ERR_DB;
	unsigned char a[48], b[48];
	memcpy(a, (const void *) st->wal_hdr, sizeof(a));
	atomic_thread_fence(memory_order_seq_cst);
	memcpy(b, (const unsigned char *) st->wal_hdr + 48, sizeof(b));
	if (memcmp(a, b, sizeof(a)) || !a[12]) /* a commit is halfway, or isInit is 0 */
		return ERR_DB;
	/* iChange at byte 8, mxFrame at 16, aSalt at 32 and 36, in the machine's byte order. */
	memcpy(&out->change, a + 8, 4);
	memcpy(&out->max_frame, a + 16, 4);
	memcpy(out->salt, a + 32, 8);
	return 0;
}

static int sq_data_version(struct store *st, long long *version)
{
	struct sq_store *s = SQ(st);
	struct wal_mark m;
	/* The header is read before the PRAGMA runs, and only after a first one (which maps it). */
	int marked = s->version_known && !wal_mark_read(s, &m);
	if (marked && s->mark_valid && !memcmp(&m, &s->mark, sizeof(m))) {
		*version = s->version;
		return 0;
	}
	if (stmt_int(stmt_get(st, ST_DATA_VERSION), version)) {
		s->version_known = s->mark_valid = 0;
		return ERR_DB;
	}
	s->version_known = 1;
	s->version = *version;
	s->mark_valid = marked;
	if (marked)
		s->mark = m;
	return 0;
}

static int sq_exec_script(struct store *st, const char *sql)
{
	return sqlite3_exec(SQ(st)->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : ERR_DB;
}

static int sq_search_ready(struct store *st)
{
	return sqlite_rank_refresh(SQ(st)->rank);
}

static const char *sq_errmsg(struct store *st)
{
	return sqlite3_errmsg(SQ(st)->db);
}

static int sq_unreachable(struct store *st)
{
	(void) st;
	return 0; /* a file is always there; its errors are not outages */
}

const struct db_ops db_sqlite = {
    .prefix = "sqlite:",
    .open = sq_open,
    .close = sq_close,
    .prepare = sq_prepare,
    .reset = sq_reset,
    .step = sq_step,
    .bind_text = sq_bind_text,
    .bind_int = sq_bind_int,
    .bind_blob = sq_bind_blob,
    .bind_null = sq_bind_null,
    .bind_match = sq_bind_text, /* FTS5 takes the expression as it is */
    .col_int = sq_col_int,
    .col_double = sq_col_double,
    .col_blob = sq_col_blob,
    .col_text = sq_col_text,
    .col_is_null = sq_col_is_null,
    .changes = sq_changes,
    .exec_script = sq_exec_script,
    .rollback = sq_rollback,
    .data_version = sq_data_version,
    .search_ready = sq_search_ready,
    .errmsg = sq_errmsg,
    .unreachable = sq_unreachable,
    .schema_table = "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
		    "name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))",
    .migrations = store_migrations,
    .nmigrations = &store_migration_count,
};
