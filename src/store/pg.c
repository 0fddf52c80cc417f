/*
 * The PostgreSQL backend of the store (db.h), on libpq.
 *
 * One connection per struct store, as on SQLite. Statements are prepared on
 * their first run on a connection and run with PQexecPrepared, parameters as
 * text except blobs (binary), results as text. A lost connection fails the
 * statement with ERR_DB; the next statement reconnects and prepares again.
 */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libpq-fe.h>

#include "base/log.h"
#include "base/mem.h"
#include "store/pg.h"

#define MAX_PARAMS	 32 /* bit n-1 of an unsigned marks $n in params_used() */
#define MAX_BLOB_COLUMNS 32
#define BYTEA_OID	 17
#define TEXT_OID	 25

struct pg_store {
	struct store base;
	PGconn *conn;
	unsigned generation; /* of the connection: bumped when it is made again */
	long long changes;
	char err[256];
};

struct pg_stmt {
	struct stmt base;
	enum stmt_id id;
	int nparams;	   /* the highest $n in its SQL */
	unsigned prepared; /* the generation it was prepared in, 0: not yet */
	const char *values[MAX_PARAMS];
	int lengths[MAX_PARAMS], formats[MAX_PARAMS];
	char ints[MAX_PARAMS][24];
	struct buf match; /* a bound search expression, rewritten */
	PGresult *res;
	int row;
	unsigned char *blobs[MAX_BLOB_COLUMNS]; /* bytea columns of the current row, decoded */
	size_t blob_lens[MAX_BLOB_COLUMNS];
};

#define PG(st) ((struct pg_store *) (st))
#define PGS(s) ((struct pg_stmt *) (s))

static void quiet(void *arg, const char *message)
{
	(void) arg;
	log_debug("store: postgresql: %s", message);
}

/* Connect once: 0 or ERR_DB with the reason in st->err. */
static int connect_once(struct pg_store *st, const char *dsn)
{
	/* Our timeout first, so one in the DSN wins. */
	const char *const keys[] = {"connect_timeout", "fallback_application_name", "dbname", NULL};
	const char *const vals[] = {"5", "vertrouwd", dsn, NULL};
	if (st->conn)
		PQfinish(st->conn);
	st->conn = PQconnectdbParams(keys, vals, 1);
	if (st->conn && PQstatus(st->conn) == CONNECTION_OK) {
		PQsetNoticeProcessor(st->conn, quiet, NULL);
		st->generation++;
		return 0;
	}
	snprintf(st->err, sizeof(st->err), "%s", st->conn ? PQerrorMessage(st->conn) : "out of memory");
	st->err[strcspn(st->err, "\n")] = '\0';
	return ERR_DB;
}

static void pg_close(struct store *st);

/* Whether a connection of this process ever succeeded: after that an outage is not start-up. */
static atomic_int connected_once;

/*
 * Until the first connection of the process succeeds, waits up to about 15 s
 * for the server: a database that starts with us is not an error. Later (a
 * worker thread's first request during an outage) it fails at once.
 */
static int pg_open(const char *dsn, struct store **out, char *err, size_t errlen)
{
	struct pg_store *st = mem_calloc(1, sizeof(*st));
	if (!st) {
		snprintf(err, errlen, "geen geheugen / out of memory");
		return ERR_NOMEM;
	}
	st->base.ops = &db_pg;
	long wait_ms = 250;
	int rc;
	while ((rc = connect_once(st, dsn)) && wait_ms <= 8000 && !atomic_load(&connected_once)) {
		log_warn(
		    "store: database niet bereikbaar, nieuwe poging over %ld ms / database unreachable, retrying: %s",
		    wait_ms, st->err);
		struct timespec ts = {wait_ms / 1000, (wait_ms % 1000) * 1000000};
		nanosleep(&ts, NULL);
		wait_ms *= 2;
	}
	if (rc) {
		snprintf(err, errlen, "kan database niet bereiken / cannot reach the database: %s", st->err);
		pg_close(&st->base);
		return ERR_DB;
	}
	atomic_store(&connected_once, 1);
	*out = &st->base;
	return 0;
}

/* Decoded blobs live until the next step or reset, each column its own (db.h's promise). */
static void free_blobs(struct pg_stmt *p)
{
	for (int i = 0; i < MAX_BLOB_COLUMNS; i++) {
		PQfreemem(p->blobs[i]);
		p->blobs[i] = NULL;
	}
}

static void pg_reset(struct stmt *s)
{
	struct pg_stmt *p = PGS(s);
	PQclear(p->res);
	p->res = NULL;
	p->row = -1;
	free_blobs(p);
	memset(p->values, 0, sizeof(p->values));
	memset(p->lengths, 0, sizeof(p->lengths));
	memset(p->formats, 0, sizeof(p->formats));
}

static void pg_close(struct store *st)
{
	for (int i = 0; i < ST_COUNT; i++)
		if (st->stmts[i]) {
			pg_reset(st->stmts[i]);
			buf_free(&PGS(st->stmts[i])->match);
			mem_free(st->stmts[i]);
		}
	PQfinish(PG(st)->conn);
	mem_free(st);
}

/* ---- statements ---- */

/* A script (several commands, no parameters) runs with PQexec instead of being prepared. */
static int is_script(enum stmt_id id)
{
	return strchr(pg_sql[id], ';') != NULL;
}

/* The parameters $n the SQL of id uses: *max gets the highest, bit n-1 of the result is set for each. */
static unsigned params_used(enum stmt_id id, int *max)
{
	unsigned used = 0;
	*max = 0;
	for (const char *p = strchr(pg_sql[id], '$'); p; p = strchr(p + 1, '$')) {
		long n = strtol(p + 1, NULL, 10);
		if (n >= 1 && n <= MAX_PARAMS) {
			used |= 1u << (n - 1);
			*max = n > *max ? (int) n : *max;
		}
	}
	return used;
}

static struct stmt *pg_prepare(struct store *st, enum stmt_id id)
{
	if (!pg_sql[id]) {
		log_error("store: statement %d has no PostgreSQL SQL", (int) id);
		return NULL;
	}
	struct pg_stmt *s = mem_calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->base.st = st;
	s->id = id;
	s->row = -1;
	buf_init(&s->match, 64 << 10);
	(void) params_used(id, &s->nparams);
	return &s->base;
}

/*
 * What a failed result may say in a log: its SQLSTATE and primary message. Never
 * DETAIL, which quotes the values of the row (a duplicate e-mail address).
 */
static const char *brief(const PGresult *r, char *out, size_t outlen)
{
	const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE),
		   *msg = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
	snprintf(out, outlen, "SQLSTATE %s: %s", state ? state : "?????", msg ? msg : "(no message)");
	return out;
}

/*
 * Prepare s on this connection if it is not yet. A parameter a statement does
 * not use (ST_SEARCH_COUNT skips $3 and $4) is declared text, which PostgreSQL
 * could not infer.
 */
static int ensure_prepared(struct pg_store *st, struct pg_stmt *s, const char *name)
{
	if (s->prepared == st->generation)
		return 0;
	int max;
	unsigned used = params_used(s->id, &max);
	Oid types[MAX_PARAMS] = {0};
	for (int i = 0; i < max; i++)
		types[i] = used & (1u << i) ? 0 : TEXT_OID;
	PGresult *r = PQprepare(st->conn, name, pg_sql[s->id], max, types);
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	char why[512];
	if (!ok)
		log_error("store: cannot prepare statement %d: %s", (int) s->id, brief(r, why, sizeof(why)));
	PQclear(r);
	if (ok)
		s->prepared = st->generation;
	return ok ? 0 : ERR_DB;
}

/* Run s; on success s->res holds its result. A dropped connection is made again for the next statement. */
static int run(struct pg_store *st, struct pg_stmt *s)
{
	char name[16];
	snprintf(name, sizeof(name), "v%d", (int) s->id);
	if (PQstatus(st->conn) != CONNECTION_OK) {
		PQreset(st->conn);
		if (PQstatus(st->conn) != CONNECTION_OK) {
			log_warn("store: database niet bereikbaar / database unreachable: %s",
				 PQerrorMessage(st->conn));
			return ERR_DB;
		}
		st->generation++;
	}
	if (is_script(s->id))
		s->res = PQexec(st->conn, pg_sql[s->id]);
	else if (!ensure_prepared(st, s, name))
		s->res = PQexecPrepared(st->conn, name, s->nparams, s->values, s->lengths, s->formats, 0);
	else
		return ERR_DB;
	ExecStatusType status = PQresultStatus(s->res);
	if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
		const char *cmd = PQcmdStatus(s->res);
		if (!strncmp(cmd, "INSERT", 6) || !strncmp(cmd, "UPDATE", 6) || !strncmp(cmd, "DELETE", 6))
			st->changes = strtoll(PQcmdTuples(s->res), NULL, 10);
		return 0;
	}
	const char *state = PQresultErrorField(s->res, PG_DIAG_SQLSTATE);
	/* Class 23: integrity constraint violation, as SQLITE_CONSTRAINT. */
	int rc = state && !strncmp(state, "23", 2) ? ERR_CONFLICT : ERR_DB;
	char why[512];
	log_warn("store: statement %d failed: %s", (int) s->id, brief(s->res, why, sizeof(why)));
	PQclear(s->res);
	s->res = NULL;
	return rc;
}

static int pg_step(struct stmt *s)
{
	struct pg_stmt *p = PGS(s);
	if (!p->res) {
		int rc = run(PG(s->st), p);
		if (rc)
			return rc;
	}
	free_blobs(p);
	return ++p->row < PQntuples(p->res) ? STEP_ROW : STEP_DONE;
}

static int param(struct stmt *s, int i, const char *v, int len, int format)
{
	struct pg_stmt *p = PGS(s);
	if (i < 1 || i > p->nparams)
		return ERR_DB;
	p->values[i - 1] = v;
	p->lengths[i - 1] = len;
	p->formats[i - 1] = format;
	return 0;
}

static int pg_bind_text(struct stmt *s, int i, const char *v)
{
	return param(s, i, v, 0, 0);
}

static int pg_bind_int(struct stmt *s, int i, long long v)
{
	if (i < 1 || i > PGS(s)->nparams)
		return ERR_DB;
	snprintf(PGS(s)->ints[i - 1], sizeof(PGS(s)->ints[i - 1]), "%lld", v);
	return param(s, i, PGS(s)->ints[i - 1], 0, 0);
}

static int pg_bind_blob(struct stmt *s, int i, const void *p, size_t n)
{
	/* A NULL value would bind SQL NULL; an empty blob is still a value. */
	return n > 0x7fffffff ? ERR_TOO_LARGE : param(s, i, p && n ? p : "", (int) n, 1);
}

static int pg_bind_null(struct stmt *s, int i)
{
	return param(s, i, NULL, 0, 0);
}

static int pg_bind_match(struct stmt *s, int i, const char *expr)
{
	struct buf *b = &PGS(s)->match;
	buf_truncate(b, 0);
	int rc = pg_tsquery(expr, b);
	return rc ? rc : param(s, i, b->ptr, 0, 0);
}

/* The current row's column i, or NULL for SQL NULL and columns past the end. */
static const char *value(struct stmt *s, int i)
{
	struct pg_stmt *p = PGS(s);
	if (!p->res || p->row < 0 || p->row >= PQntuples(p->res) || i >= PQnfields(p->res) ||
	    PQgetisnull(p->res, p->row, i))
		return NULL;
	return PQgetvalue(p->res, p->row, i);
}

static long long pg_col_int(struct stmt *s, int i)
{
	const char *v = value(s, i);
	return !v ? 0 : *v == 't' ? 1 : *v == 'f' ? 0 : strtoll(v, NULL, 10);
}

static double pg_col_double(struct stmt *s, int i)
{
	const char *v = value(s, i);
	return v ? strtod(v, NULL) : 0.0;
}

static const char *pg_col_text(struct stmt *s, int i, size_t *len)
{
	const char *v = value(s, i);
	*len = v ? (size_t) PQgetlength(PGS(s)->res, PGS(s)->row, i) : 0;
	return v;
}

static const void *pg_col_blob(struct stmt *s, int i, size_t *len)
{
	struct pg_stmt *p = PGS(s);
	const char *v = pg_col_text(s, i, len);
	if (!v || PQftype(p->res, i) != BYTEA_OID)
		return v;
	if (i < 0 || i >= MAX_BLOB_COLUMNS) {
		*len = 0;
		return NULL;
	}
	if (!p->blobs[i]) { /* read twice in one row: decoded once */
		p->blobs[i] = PQunescapeBytea((const unsigned char *) v, &p->blob_lens[i]);
		if (!p->blobs[i])
			p->blob_lens[i] = 0;
	}
	*len = p->blob_lens[i];
	return p->blobs[i];
}

static int pg_col_is_null(struct stmt *s, int i)
{
	return value(s, i) == NULL;
}

static long long pg_changes(struct store *st)
{
	return PG(st)->changes;
}

static int pg_exec_script(struct store *st, const char *sql)
{
	PGresult *r = PQexec(PG(st)->conn, sql);
	ExecStatusType status = PQresultStatus(r);
	if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
		brief(r, PG(st)->err, sizeof(PG(st)->err));
	PQclear(r);
	return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK ? 0 : ERR_DB;
}

static void pg_rollback(struct store *st)
{
	PGTransactionStatusType t = PQtransactionStatus(PG(st)->conn);
	if (t == PQTRANS_INTRANS || t == PQTRANS_INERROR)
		PQclear(PQexec(PG(st)->conn, "ROLLBACK"));
}

static const char *pg_errmsg(struct store *st)
{
	struct pg_store *p = PG(st);
	if (!*p->err)
		snprintf(p->err, sizeof(p->err), "%s", PQerrorMessage(p->conn));
	p->err[strcspn(p->err, "\n")] = '\0';
	return p->err;
}

static int pg_unreachable(struct store *st)
{
	return PQstatus(PG(st)->conn) != CONNECTION_OK;
}

const struct db_ops db_pg = {
    .prefix = "postgresql:",
    .open = pg_open,
    .close = pg_close,
    .prepare = pg_prepare,
    .reset = pg_reset,
    .step = pg_step,
    .bind_text = pg_bind_text,
    .bind_int = pg_bind_int,
    .bind_blob = pg_bind_blob,
    .bind_null = pg_bind_null,
    .bind_match = pg_bind_match,
    .col_int = pg_col_int,
    .col_double = pg_col_double,
    .col_blob = pg_col_blob,
    .col_text = pg_col_text,
    .col_is_null = pg_col_is_null,
    .changes = pg_changes,
    .exec_script = pg_exec_script,
    .rollback = pg_rollback,
    .errmsg = pg_errmsg,
    .unreachable = pg_unreachable,
    /* Servers starting together on an empty database race to create it: the loser has nothing to do. */
    .schema_table = "DO $$ BEGIN CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
		    "name text NOT NULL, applied_at text NOT NULL DEFAULT "
		    "to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')); "
		    "EXCEPTION WHEN unique_violation OR duplicate_table THEN NULL; END $$",
    .migrations = pg_migrations,
    .nmigrations = &pg_migration_count,
};
