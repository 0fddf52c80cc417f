/*
 * The backend-neutral half of the store: picking a backend, the statement
 * cache and its test countdown, transactions, and migrations.
 */
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/log.h"
#include "base/mem.h"
#include "store/db.h"

static const struct db_ops *const backends[] = {&db_sqlite, &db_pg};

int store_open(const char *dsn, struct store **out, char *err, size_t errlen)
{
	*out = NULL;
	for (size_t i = 0; i < sizeof(backends) / sizeof(backends[0]); i++)
		if (!strncmp(dsn, backends[i]->prefix, strlen(backends[i]->prefix)) && dsn[strlen(backends[i]->prefix)])
			return backends[i]->open(dsn, out, err, errlen);
	snprintf(err, errlen,
		 "onbekende opslag '%s': gebruik sqlite:PAD of postgresql://... / unknown store, use sqlite:PATH or "
		 "postgresql://...",
		 dsn);
	return ERR_INVALID;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	mem_free(st->media_dir);
	st->ops->close(st);
}

/* ---- statements ---- */

static atomic_long stmt_countdown;
/* Statement steps and the time spent in them, for `serve`'s closing line and bench/scale.sh. */
static atomic_llong stat_steps, stat_ns;

void store_fail_after(long n)
{
	atomic_store(&stmt_countdown, n > 0 ? n : 0);
}

struct stmt *stmt_get(struct store *st, enum stmt_id id)
{
	struct stmt *s = st->stmts[id];
	if (s) {
		st->ops->reset(s);
		return s;
	}
	return st->stmts[id] = st->ops->prepare(st, id);
}

int stmt_step(struct stmt *s)
{
	if (atomic_load_explicit(&stmt_countdown, memory_order_relaxed) > 0 &&
	    atomic_fetch_sub(&stmt_countdown, 1) == 1)
		return ERR_DB;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int rc = s->st->ops->step(s);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	atomic_fetch_add_explicit(&stat_steps, 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&stat_ns, (t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec),
				  memory_order_relaxed);
	return rc;
}

void store_stats(long long *steps, long long *us)
{
	*steps = atomic_load(&stat_steps);
	*us = atomic_load(&stat_ns) / 1000;
}

void stmt_reset(struct stmt *s)
{
	if (s)
		s->st->ops->reset(s);
}

int stmt_exec(struct stmt *s)
{
	if (!s)
		return ERR_DB;
	int rc = stmt_step(s);
	stmt_reset(s);
	return rc < 0 ? rc : 0;
}

int stmt_int(struct stmt *s, long long *out)
{
	if (!s || stmt_step(s) != STEP_ROW)
		return ERR_DB;
	*out = col_int(s, 0);
	stmt_reset(s);
	return 0;
}

int bind_text(struct stmt *s, int i, const char *v)
{
	return v ? s->st->ops->bind_text(s, i, v) : s->st->ops->bind_null(s, i);
}

int bind_int(struct stmt *s, int i, long long v)
{
	return s->st->ops->bind_int(s, i, v);
}

int bind_blob(struct stmt *s, int i, const void *p, size_t n)
{
	return s->st->ops->bind_blob(s, i, p, n);
}

int bind_null(struct stmt *s, int i)
{
	return s->st->ops->bind_null(s, i);
}

int bind_match(struct stmt *s, int i, const char *expr)
{
	return expr ? s->st->ops->bind_match(s, i, expr) : s->st->ops->bind_null(s, i);
}

long long col_int(struct stmt *s, int i)
{
	return s->st->ops->col_int(s, i);
}

double col_double(struct stmt *s, int i)
{
	return s->st->ops->col_double(s, i);
}

const void *col_blob(struct stmt *s, int i, size_t *len)
{
	return s->st->ops->col_blob(s, i, len);
}

const char *col_str(struct stmt *s, int i)
{
	size_t len;
	const char *t = s->st->ops->col_text(s, i, &len);
	return t ? t : "";
}

char *col_text(struct stmt *s, int i, struct arena *a)
{
	size_t len;
	const char *t = s->st->ops->col_text(s, i, &len);
	return arena_strndup(a, t ? t : "", t ? len : 0);
}

int col_is_null(struct stmt *s, int i)
{
	return s->st->ops->col_is_null(s, i);
}

long long store_changes(struct store *st)
{
	return st->ops->changes(st);
}

int store_unreachable(struct store *st)
{
	return st->ops->unreachable(st);
}

/* ---- transactions ---- */

int store_read_begin(struct store *st)
{
	return stmt_exec(stmt_get(st, ST_BEGIN_READ));
}

void store_read_end(struct store *st)
{
	store_rollback(st); /* nothing was written: ending it either way releases the snapshot */
}

int store_begin(struct store *st)
{
	return stmt_exec(stmt_get(st, ST_BEGIN));
}

/* Commits made through this process's connections (data_version may see only the others'). */
static atomic_llong local_commits;

int store_commit(struct store *st)
{
	int rc = stmt_exec(stmt_get(st, ST_COMMIT));
	if (!rc)
		atomic_fetch_add(&local_commits, 1);
	return rc;
}

void store_rollback(struct store *st)
{
	st->ops->rollback(st);
}

int store_data_version(struct store *st, long long *version)
{
	long long n;
	if (st->ops->data_version ? st->ops->data_version(st, &n) : stmt_int(stmt_get(st, ST_DATA_VERSION), &n))
		return ERR_DB;
	/* Both counters only grow, so their sum changes whenever either does. */
	*version = n + atomic_load(&local_commits);
	return 0;
}

/* ---- migrations ---- */

int store_schema_version(struct store *st, int *version)
{
	if (st->ops->exec_script(st, st->ops->schema_table))
		return ERR_DB;
	long long v;
	if (stmt_int(stmt_get(st, ST_SCHEMA_VERSION), &v))
		return ERR_DB;
	*version = (int) v;
	return 0;
}

int store_needs_migration(struct store *st, int *needs)
{
	int v;
	int rc = store_schema_version(st, &v);
	if (!rc)
		*needs = v < st->ops->migrations[*st->ops->nmigrations - 1].version;
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
	if (!rc && st->ops->exec_script(st, m->sql))
		rc = ERR_DB;
	if (!rc) {
		struct stmt *s = stmt_get(st, ST_SCHEMA_RECORD);
		rc = !s || bind_int(s, 1, m->version) || bind_text(s, 2, m->name) ? ERR_DB : stmt_exec(s);
	}
	if (!rc)
		rc = store_commit(st);
	if (rc) {
		snprintf(err, errlen, "migratie %s mislukt / migration failed: %s", m->name, st->ops->errmsg(st));
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
			 st->ops->errmsg(st));
		return ERR_DB;
	}
	for (int i = 0; i < *st->ops->nmigrations; i++) {
		if (st->ops->migrations[i].version <= version)
			continue;
		int rc = apply(st, &st->ops->migrations[i], err, errlen);
		if (rc)
			return rc;
	}
	return 0;
}

/* Every row of s read into an arena array by read(); the statement is reset. */
int store_rows(struct stmt *s, struct arena *a, size_t elem, int (*read)(struct stmt *, struct arena *, void *),
	       void **out, size_t *n)
{
	size_t cap = 0;
	int rc = 0, step;
	*out = NULL;
	*n = 0;
	while (!rc && (step = stmt_step(s)) == STEP_ROW) {
		void *grown = arena_grow(a, *out, *n, &cap, elem);
		if (!grown) {
			rc = ERR_NOMEM;
			break;
		}
		*out = grown;
		rc = read(s, a, (char *) grown + elem * (*n)++);
	}
	if (!rc && step != STEP_DONE)
		rc = ERR_DB;
	stmt_reset(s);
	return rc;
}

int store_one_int(struct stmt *s, long long *v)
{
	int step = stmt_step(s);
	*v = step == STEP_ROW ? col_int(s, 0) : 0;
	stmt_reset(s);
	return step == STEP_ROW ? 0 : ERR_DB;
}

int col_blob_copy(struct stmt *s, int i, unsigned char *out, size_t n)
{
	size_t len;
	const void *p = col_blob(s, i, &len);
	if (!p || len != n)
		return ERR_INVALID;
	memcpy(out, p, n);
	return 0;
}
