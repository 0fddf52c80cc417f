/*
 * Internal to cases/: writing a case's records and ending a transaction, shared
 * by cases.c (the melder channel) and work.c (the VP's workspace).
 */
#ifndef VERTROUWD_CASES_RECORDS_H
#define VERTROUWD_CASES_RECORDS_H

#include "cases/cases.h"

/* End the transaction the caller began: commit after success, roll back after rc. */
int case_settle(struct store *st, int rc);
/* Write one record: its row, then its body (when, who, text) boxed under ck and bound to that row. */
int case_record_put(struct store *st, long long case_id, const unsigned char *ck, const char *kind, const char *author,
		    const char *who, long long at, const char *text, long long *id);
/*
 * Open record r of the case under ck into a's memory: e gets its id, kind,
 * author, who wrote it, when, and its text, all pointing into one buffer of
 * r->len - VAULT_BOX_OVERHEAD bytes (*plain, unless plain is NULL, for a caller
 * who wipes it). ERR_INVALID when the box does not open or is malformed.
 */
int case_record_open(struct arena *a, long long case_id, const unsigned char *ck, const struct case_record *r,
		     struct case_entry *e, char **plain);
/* When e is a file record (files.c): its name and size from its text, the file's key wiped, the text "". */
int case_file_entry(struct case_entry *e);
/* An attachment record of kind ("bijlage" shared with the melder, "stuk" the VP's own) and its sealed bytes. */
int case_attach(struct store *st, long long case_id, const unsigned char *ck, const char *kind, const char *author,
		const struct case_file_in *f, long long now, long long *rid, const char **why);
/* Everyone who may read the case is told that something new waits (in the caller's transaction). */
int case_tell_readers(struct store *st, long long case_id, long long now);
/* Whether v is one of the NULL-terminated options. */
int case_one_of(const char *v, const char *const *options);

/* Whether the melder may read records of kind. */
int case_shared(const char *kind);
/* A case's row by id (the caller has checked access). */
int case_load(struct store *st, struct arena *a, long long case_id, struct case_row *c);
/* Work out the next open deadline of c (its dates and its actions) and write c back. */
int case_save(struct store *st, struct case_row *c);

/* The associated data of the melder's box of ck: bound to the lookup key, which belongs to one case. */
size_t case_melder_ad(char out[96], const unsigned char lookup[CASE_LOOKUP_BYTES]);

/* Shared by work.c and steps.c: *why = text, ERR_INVALID. */
int case_invalid(const char **why, const char *text);
/* strlen, 0 for NULL. */
size_t case_len(const char *s);
/* Write key/value pairs (NULL values as "") as one boxed JSON record, in the caller's transaction. */
int case_put_json(struct store *st, long long case_id, const unsigned char *ck, const char *kind, const char *author,
		  const char *who, long long now, const char *const *kv, size_t pairs, long long *id);
/* Begin a change of a case: the transaction and its row (on failure nothing is left open, a is freed). */
int case_begin(struct store *st, struct arena *a, long long case_id, struct case_row *c);
/* End it: the audit line (what, unless NULL), the row saved with its next deadline, committed or rolled back. */
int case_finish(struct store *st, struct arena *a, struct case_row *c, long long vp_id, const char *what, long long now,
		int rc);

#endif
