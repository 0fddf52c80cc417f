/*
 * Copying a whole installation from one store to another (SQLite to
 * PostgreSQL or back): every table row by row with its ids, in one
 * transaction on the target, then read back and compared.
 */
#ifndef VERTROUWD_STORE_COPY_H
#define VERTROUWD_STORE_COPY_H

#include <stddef.h>

#include "base/err.h"

struct store;

#define COPY_TABLES 32

struct copy_table_report {
	const char *table;
	long long rows;		     /* copied */
	unsigned long long checksum; /* of the rows as read from the source */
	int verified;		     /* the target read back the same count and checksum */
};

struct copy_report {
	struct copy_table_report tables[COPY_TABLES];
	int ntables;
	long long file_bytes; /* bytes of uploaded and attached files moved */
};

/*
 * Copy everything in from to the empty (migrated) store to: ERR_CONFLICT when
 * to already holds data, ERR_INVALID when a read-back differs (then nothing
 * stays: the target's transaction is rolled back). Search tables are not
 * copied; rebuild them on the target (search_reindex). Files' bytes are
 * placed the way the target keeps them (its media directory or its rows).
 * progress (may be NULL) is called per table.
 */
int store_copy(struct store *from, struct store *to, void (*progress)(const char *table, long long rows),
	       struct copy_report *rep, char *err, size_t errlen) WUR;

#endif
