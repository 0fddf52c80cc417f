/* Shared by the PostgreSQL backend files (pg.c, pg_tsquery.c). Internal to store/. */
#ifndef VERTROUWD_STORE_PG_H
#define VERTROUWD_STORE_PG_H

#include "base/buf.h"
#include "store/db.h"

/*
 * Rewrite a search expression in the FTS5 syntax src/search/query.c writes as a
 * tsquery with its phrases (pg_tsquery.c), appended to out: 0, ERR_INVALID (not
 * that syntax), ERR_NOMEM or ERR_TOO_LARGE.
 */
int pg_tsquery(const char *fts, struct buf *out) WUR;

#endif
