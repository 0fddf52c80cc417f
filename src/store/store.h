/*
 * store: the only place that talks to a database.
 *
 * A struct store is one connection, used by one thread at a time (each server
 * worker thread opens its own). No SQL and no database type leaves store/: the
 * domain calls typed functions (items.h, ...), and SQLite or PostgreSQL stands
 * behind them (db.h).
 *
 * Every statement is prepared once per connection, cached, and run with bound
 * parameters. Functions return 0 or a negative enum err; after an error inside
 * store_begin()/store_commit() the caller rolls back.
 */
#ifndef VERTROUWD_STORE_STORE_H
#define VERTROUWD_STORE_STORE_H

#include <stddef.h>

#include "base/err.h"

struct store;

/*
 * Open the store named by dsn: "sqlite:PATH" (the directory is created; WAL,
 * busy timeout, foreign keys, secure delete) or "postgresql://..." (a libpq
 * URI; the first connection of a process waits about 15 s for the server). On
 * error returns ERR_INVALID/ERR_DB with a Dutch/English message in err.
 */
int store_open(const char *dsn, struct store **out, char *err, size_t errlen) WUR;
void store_close(struct store *st);

/* Apply every migration not yet recorded, each in its own transaction. */
int store_migrate(struct store *st, char *err, size_t errlen) WUR;
/* The highest migration applied (0 for an empty store). */
int store_schema_version(struct store *st, int *version) WUR;
/* Whether the schema is older than this program's migrations. */
int store_needs_migration(struct store *st, int *needs) WUR;

/*
 * A read transaction: every statement until store_read_end() sees one snapshot,
 * and the WAL read lock is taken once instead of per statement.
 */
int store_read_begin(struct store *st) WUR;
void store_read_end(struct store *st);

/*
 * Transactions (immediate: writers queue up front instead of failing later; on
 * PostgreSQL on an advisory lock).
 */
int store_begin(struct store *st) WUR;
int store_commit(struct store *st) WUR;
void store_rollback(struct store *st);

/*
 * A counter that changes whenever any connection (in any process) commits a
 * change, for caches that must see other writers.
 */
int store_data_version(struct store *st, long long *version) WUR;

/*
 * Whether the database server could not be reached at the last statement (a
 * lost PostgreSQL connection; never on SQLite): the caller answers "try again
 * later" rather than "something broke". The next statement reconnects.
 */
int store_unreachable(struct store *st);

/* Statement steps run by this process and the microseconds spent waiting on them. */
void store_stats(long long *steps, long long *us);

/* Tests: make the nth statement run from now fail with ERR_DB (0 = off). */
void store_fail_after(long n);

#endif
