/*
 * The per-connection copy of what search ranks and filters by, per indexed
 * item (internal to the SQLite backend; sqlite_rank.h describes the whole).
 *
 * Lengths come from FTS5's %_docsize, the rest from items and
 * item_categories; doc_copy_refresh() reloads it all when search_version has
 * moved. It also registers vt_pass and vt_facet, which read only this copy.
 */
#ifndef VERTROUWD_STORE_SQLITE_DOCS_H
#define VERTROUWD_STORE_SQLITE_DOCS_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

struct rank_doc {
	uint32_t ntok;	  /* terms in all columns, as xColumnSize(-1) */
	uint32_t cat_off; /* its categories: cats[cat_off .. cat_off + ncat) */
	uint16_t ncat;
	uint8_t type;  /* index + 1 into types; 0: none */
	uint8_t state; /* 0: not indexed, 1: indexed, 2: indexed and published */
	double jd;     /* publication date as a Julian day; NAN: none */
};

struct rank_category {
	long long id;
	char *slug;
};

struct doc_copy {
	sqlite3 *db;
	long long version; /* of search_version at the last load; -1: never loaded */
	struct rank_doc *docs;
	size_t ndocs;	/* max id + 1 */
	uint32_t *cats; /* indexes into categories */
	size_t ncats;
	char *types[8];
	size_t ntypes;
	struct rank_category *categories; /* by id */
	size_t ncategories;
};

/* Reload when search_version moved (*reloaded then 1): 0, ERR_DB or ERR_NOMEM. */
int doc_copy_refresh(struct doc_copy *c, int *reloaded);
void doc_copy_clear(struct doc_copy *c);
/* The copy of item id, or NULL when it is not indexed. */
const struct rank_doc *doc_copy_get(const struct doc_copy *c, long long id);
/* Register vt_pass and vt_facet on db, reading c. */
int doc_copy_register(sqlite3 *db, struct doc_copy *c);

#endif
