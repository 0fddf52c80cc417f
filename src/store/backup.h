/*
 * Backup and restore of a SQLite store with SQLite's online backup API: the
 * server may keep reading and writing while a backup runs, and the copy is one
 * consistent snapshot. (PostgreSQL installations use pg_dump; see
 * docs/deploy.md.)
 */
#ifndef VERTROUWD_STORE_BACKUP_H
#define VERTROUWD_STORE_BACKUP_H

#include <stddef.h>

#include "base/err.h"

/* What a database holds, for the summary after a backup or restore. */
struct store_counts {
	long long items, users, files, version;
};

/*
 * Copy the database of dsn ("sqlite:PATH") to the new file path and check the
 * copy. progress (may be NULL) is called with the pages done and in all. ERR_INVALID
 * for a DSN that is not SQLite; a Dutch/English message in err on error.
 */
int store_backup(const char *dsn, const char *path, void (*progress)(int done, int total), struct store_counts *c,
		 char *err, size_t errlen) WUR;

/*
 * Replace the database of dsn with the backup at path after checking it (a
 * sound vertrouwd database, not newer than this program). A target that
 * already holds a schema is refused with ERR_CONFLICT unless force is set.
 * Migrations newer than the backup are applied afterwards.
 */
int store_restore(const char *path, const char *dsn, int force, void (*progress)(int done, int total),
		  struct store_counts *c, char *err, size_t errlen) WUR;

#endif
