/*
 * Online backup and restore of SQLite stores (backup.h). Every error comes
 * with a Dutch/English message in err: ERR_INVALID (not SQLite; a damaged,
 * foreign or newer database), ERR_CONFLICT (the copy exists, the target holds
 * data), ERR_IO, ERR_DB. A failed backup removes its half-written copy; a
 * restore checks the backup and the target before it writes.
 */
#include "store/backup.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "store/migrations.h"
#include "store/store.h"

/* Open dsn once through the store: it sets SQLite up and creates the directory. */
static int sqlite_path(const char *dsn, const char **path, char *err, size_t errlen)
{
	if (strncmp(dsn, "sqlite:", 7)) {
		snprintf(err, errlen,
			 "alleen voor SQLite; gebruik voor PostgreSQL pg_dump en pg_restore (docs/deploy.md) / "
			 "SQLite only; use pg_dump for PostgreSQL");
		return ERR_INVALID;
	}
	struct store *st;
	int rc = store_open(dsn, &st, err, errlen);
	store_close(st);
	*path = dsn + 7;
	return rc;
}

static void fail(sqlite3 *db, const char *what, char *err, size_t errlen)
{
	snprintf(err, errlen, "%s: %s", what, db ? sqlite3_errmsg(db) : "geen geheugen / out of memory");
}

/* The counts of a database, and whether it passes SQLite's quick check. */
static int inspect(sqlite3 *db, struct store_counts *c, char *err, size_t errlen)
{
	sqlite3_stmt *s = NULL;
	int ok = sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &s, NULL) == SQLITE_OK &&
		 sqlite3_step(s) == SQLITE_ROW && !strcmp((const char *) sqlite3_column_text(s, 0), "ok");
	sqlite3_finalize(s);
	if (!ok) {
		snprintf(err, errlen, "de database is beschadigd / the database is damaged");
		return ERR_INVALID;
	}
	s = NULL;
	if (sqlite3_prepare_v2(
		db,
		"SELECT (SELECT count(*) FROM items), (SELECT count(*) FROM users), "
		"(SELECT count(*) FROM files), (SELECT coalesce(max(version), 0) FROM schema_migrations)",
		-1, &s, NULL) != SQLITE_OK ||
	    sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_finalize(s);
		snprintf(err, errlen, "dit is geen database van vertrouwd / not a vertrouwd database");
		return ERR_INVALID;
	}
	c->items = sqlite3_column_int64(s, 0);
	c->users = sqlite3_column_int64(s, 1);
	c->files = sqlite3_column_int64(s, 2);
	c->version = sqlite3_column_int64(s, 3);
	sqlite3_finalize(s);
	return 0;
}

/* Copy src into dst page by page; other connections may write to src meanwhile. */
static int copy(sqlite3 *dst, sqlite3 *src, void (*progress)(int, int), char *err, size_t errlen)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (!b) {
		fail(dst, "kopiëren lukt niet / cannot copy", err, errlen);
		return ERR_DB;
	}
	int rc;
	while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		if (progress)
			progress(sqlite3_backup_pagecount(b) - sqlite3_backup_remaining(b),
				 sqlite3_backup_pagecount(b));
		if (rc != SQLITE_OK)
			usleep(50 * 1000);
	}
	if (progress)
		progress(sqlite3_backup_pagecount(b), sqlite3_backup_pagecount(b));
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		fail(dst, "kopiëren mislukt / copy failed", err, errlen);
		return ERR_DB;
	}
	return 0;
}

int store_backup(const char *dsn, const char *path, void (*progress)(int, int), struct store_counts *c, char *err,
		 size_t errlen)
{
	const char *from;
	int rc = sqlite_path(dsn, &from, err, errlen);
	if (rc)
		return rc;
	if (!access(path, F_OK)) {
		snprintf(err, errlen, "%s bestaat al; kies een nieuwe plek / already exists", path);
		return ERR_CONFLICT;
	}
	sqlite3 *src = NULL, *dst = NULL;
	if (sqlite3_open_v2(from, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fail(src, "kan de database niet lezen / cannot read the database", err, errlen);
		rc = ERR_DB;
	} else if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		fail(dst, "kan de kopie niet maken / cannot create the copy", err, errlen);
		rc = ERR_IO;
	}
	if (!rc)
		sqlite3_busy_timeout(src, 5000);
	if (!rc)
		rc = copy(dst, src, progress, err, errlen);
	if (!rc)
		rc = inspect(dst, c, err, errlen);
	sqlite3_close_v2(src);
	sqlite3_close_v2(dst);
	if (rc)
		unlink(path);
	return rc;
}

int store_restore(const char *path, const char *dsn, int force, void (*progress)(int, int), struct store_counts *c,
		  char *err, size_t errlen)
{
	const char *to;
	int rc = sqlite_path(dsn, &to, err, errlen);
	if (rc)
		return rc;
	sqlite3 *src = NULL, *dst = NULL;
	if (sqlite3_open_v2(path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fail(src, "kan de reservekopie niet lezen / cannot read the backup", err, errlen);
		sqlite3_close_v2(src);
		return ERR_IO;
	}
	rc = inspect(src, c, err, errlen);
	if (!rc && c->version > store_migrations[store_migration_count - 1].version) {
		snprintf(err, errlen,
			 "de reservekopie komt van een nieuwere versie van vertrouwd; werk eerst bij / the backup "
			 "is newer than this program");
		rc = ERR_INVALID;
	}
	struct store_counts existing = {0};
	char ignored[256];
	if (!rc && sqlite3_open_v2(to, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		fail(dst, "kan de database niet openen / cannot open the database", err, errlen);
		rc = ERR_DB;
	}
	if (!rc && !force && !inspect(dst, &existing, ignored, sizeof(ignored)) && existing.version > 0) {
		snprintf(err, errlen,
			 "%s bevat al gegevens (%lld items, %lld gebruikers); gebruik --force om die te vervangen / "
			 "the database is not empty: use --force to replace it",
			 to, existing.items, existing.users);
		rc = ERR_CONFLICT;
	}
	if (!rc) {
		sqlite3_busy_timeout(dst, 5000);
		rc = copy(dst, src, progress, err, errlen);
	}
	sqlite3_close_v2(src);
	sqlite3_close_v2(dst);
	if (rc)
		return rc;
	/* Bring an older backup up to this program's schema. */
	struct store *st;
	rc = store_open(dsn, &st, err, errlen);
	if (!rc)
		rc = store_migrate(st, err, errlen);
	store_close(st);
	return rc;
}
