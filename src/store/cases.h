/*
 * Cases in the store (shared/docs/confidentiality.md, "A case"): the coarse
 * plain columns statistics and deadlines need, the case key sealed per VP and
 * boxed for the melder, records that are only ciphertext, who has read what,
 * consents, and melder mailbox sessions. Nothing here can open a box; every
 * lookup of a case names its organisation too, so a case of another
 * organisation is ERR_NOT_FOUND.
 */
#ifndef VERTROUWD_STORE_CASES_H
#define VERTROUWD_STORE_CASES_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"

struct store;

#define CASE_SEALED_BYTES 80 /* a case key sealed to a VP */
#define CASE_BOX_BYTES	  72 /* a case key boxed under another key */
#define CASE_LOOKUP_BYTES 32

struct case_row {
	long long id, org_id;
	const char *month, *mode, *channel, *status;
	const char *received_on, *ack_due, *acknowledged_on, *feedback_due, *feedback_on,
	    *closed_on; /* "" when not set */
	const char *outcome;
	const char *themes; /* comma-separated */
	long long unread;   /* records from the other side not seen by the reader asked for (lists only) */
};

struct case_new {
	long long org_id;
	const char *month, *mode, *channel, *received_on, *ack_due; /* ack_due NULL for sparren */
	const unsigned char *lookup;				    /* CASE_LOOKUP_BYTES, or NULL without a mailbox */
	const unsigned char *melder_box;			    /* CASE_BOX_BYTES with lookup */
	long long ops, mem;					    /* the receipt's Argon2id cost */
};

int store_case_add(struct store *st, const struct case_new *c, long long *id) WUR;
int store_case_theme_add(struct store *st, long long case_id, const char *theme) WUR;
int store_case_access_add(struct store *st, long long case_id, long long user_id,
			  const unsigned char sealed[CASE_SEALED_BYTES]) WUR;
/* The case key sealed to user_id; ERR_NOT_FOUND when the user has no access. */
int store_case_sealed(struct store *st, long long case_id, long long user_id, unsigned char out[CASE_SEALED_BYTES]) WUR;
/* A case of org_id; ERR_NOT_FOUND for an unknown case or one of another organisation. */
int store_case_get(struct store *st, struct arena *a, long long org_id, long long case_id, struct case_row *out) WUR;
/* A case by id alone (the melder's mailbox session proves access to it); ERR_NOT_FOUND. */
int store_case_by_id(struct store *st, struct arena *a, long long case_id, struct case_row *out) WUR;
/* The case of a receipt's lookup key with the melder's box and its Argon2id cost; ERR_NOT_FOUND. */
int store_case_by_lookup(struct store *st, struct arena *a, const unsigned char lookup[CASE_LOOKUP_BYTES],
			 struct case_row *out, unsigned char box[CASE_BOX_BYTES]) WUR;
/* The cases of org_id that user_id may read, newest first, with the melder's records user_id has not seen. */
int store_case_list(struct store *st, struct arena *a, long long org_id, long long user_id, struct case_row **out,
		    size_t *n) WUR;
/* Set a case's status ("lopend", "gesloten"); the dates of acknowledgement and closing follow. */
int store_case_status(struct store *st, long long case_id, const char *status, const char *today) WUR;
/* The acknowledgement a formal report needs: acknowledged today, feedback due on feedback_due. */
int store_case_acknowledge(struct store *st, long long case_id, const char *today, const char *feedback_due) WUR;

struct case_record {
	long long id;
	const char *kind;   /* bericht, ... */
	const char *author; /* melder, vp */
	const unsigned char *body;
	size_t len;
};

/* A new record: first its row (*id), then its body, which is bound to that id. */
int store_record_add(struct store *st, long long case_id, const char *kind, const char *author, long long *id) WUR;
int store_record_body(struct store *st, long long id, const unsigned char *body, size_t len) WUR;
/* Every record of a case, oldest first (bodies in the arena). */
int store_records(struct store *st, struct arena *a, long long case_id, struct case_record **out, size_t *n) WUR;
/* reader ("melder", or "u" and a user id) has seen the case up to record last_id. */
int store_case_seen(struct store *st, long long case_id, const char *reader, long long last_id) WUR;
/* Records by author the reader has not seen. */
int store_case_unseen(struct store *st, long long case_id, const char *reader, const char *author, long long *n) WUR;

/* The ciphertext of a case's attachment, stored beside its record. */
int store_case_file_put(struct store *st, long long case_id, long long record_id, const unsigned char *data,
			size_t len) WUR;
/* The ciphertext of the attachment of record_id in case_id (in the arena); ERR_NOT_FOUND. */
int store_case_file_of(struct store *st, struct arena *a, long long case_id, long long record_id,
		       const unsigned char **data, size_t *len) WUR;

int store_consent_add(struct store *st, long long case_id, const char *what, const char *how, int given,
		      const char *at) WUR;

struct melder_session {
	long long case_id, created_at, seen_at;
	unsigned char ck[CASE_BOX_BYTES];
};

int store_melder_session_add(struct store *st, const char *id, long long case_id,
			     const unsigned char ck[CASE_BOX_BYTES], long long now) WUR;
int store_melder_session_get(struct store *st, const char *id, struct melder_session *out) WUR;
int store_melder_session_touch(struct store *st, const char *id, long long now) WUR;
int store_melder_session_delete(struct store *st, const char *id) WUR;

#endif
