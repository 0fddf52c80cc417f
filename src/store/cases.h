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
	const char *respond_due, *responded_on, *aftercare_on, *first_closed_on, *destroy_on, *destroy_limit,
	    *destroyed_on, *next_due, *next_due_what; /* "" when not set */
	long long reopened;			      /* how often it was reopened */
	int mailbox;				      /* an online melder can sign in to it */
	long long unread; /* the melder's records the VP asked for has not seen (lists only) */
	int waiting;	  /* the melder has not yet read what the VP sent (lists only) */
};

/* What a workspace list asks for; "" or 0 for any. */
struct case_filter {
	long long user_id; /* the VP: only cases sealed to them */
	long long org_id;
	const char *status; /* nieuw, lopend, gesloten, or "open" for not closed */
	const char *theme;
	const char *due;   /* verlopen (before today), week (today up to week_end), melder (waiting for the melder) */
	const char *today; /* "YYYY-MM-DD" */
	const char *week_end;	 /* today + 7 days */
	long long limit, offset; /* a page */
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
/* A page of the cases a VP may read that match f, newest first, and how many match in all (total may be NULL). */
int store_case_search(struct store *st, struct arena *a, const struct case_filter *f, struct case_row **out,
		      size_t *n) WUR;
int store_case_count(struct store *st, const struct case_filter *f, long long *total) WUR;
/* For f's user and organisation (0: all): cases overdue on f->today, due up to f->week_end, waiting for the melder, open. */
int store_case_overview(struct store *st, const struct case_filter *f, long long counts[4]) WUR;
/* Write back what changes after filing (status, dates, outcome, schedule, next deadline); ERR_NOT_FOUND once destroyed. */
int store_case_save(struct store *st, const struct case_row *c) WUR;
/* Replace a case's themes, or its tags of one kind (betrokkene, hulp, verwijzing). */
int store_case_themes_set(struct store *st, long long case_id, const char *const *codes, size_t n) WUR;
int store_case_tags_set(struct store *st, long long case_id, const char *kind, const char *const *codes, size_t n) WUR;
struct case_tag {
	const char *kind, *code;
};
int store_case_tags(struct store *st, struct arena *a, long long case_id, struct case_tag **out, size_t *n) WUR;
int store_case_access_remove(struct store *st, long long case_id, long long user_id) WUR;

/* An action's dates (its text is in record record_id). */
struct case_action {
	long long id, record_id;
	const char *due_on, *done_on; /* "" when not set */
};
int store_action_add(struct store *st, long long case_id, long long record_id, const char *due_on, long long *id) WUR;
/* Mark an action of case_id done on done_on ("" for not done); ERR_NOT_FOUND for another case's action. */
int store_action_done(struct store *st, long long case_id, long long id, const char *done_on) WUR;
int store_actions(struct store *st, struct arena *a, long long case_id, struct case_action **out, size_t *n) WUR;

struct case_consent {
	long long id;
	const char *what, *how, *at;
	int given;
	long long ref; /* the record it is about, or 0 */
};
int store_consents(struct store *st, struct arena *a, long long case_id, struct case_consent **out, size_t *n) WUR;

/* The case's audit trail: who (user_id, 0 for the melder or the system) did what, when. Never contents. */
int store_case_audit_add(struct store *st, long long case_id, long long user_id, const char *what, long long at) WUR;
struct case_audit {
	const char *what, *who; /* who: the user's name, or "" */
	long long at;
};
int store_case_audit(struct store *st, struct arena *a, long long case_id, struct case_audit **out, size_t *n) WUR;

/* Themes an organisation added to the common list. */
struct org_theme {
	const char *code, *label;
};
int store_org_themes(struct store *st, struct arena *a, long long org_id, struct org_theme **out, size_t *n) WUR;
int store_org_theme_add(struct store *st, long long org_id, const char *code, const char *label) WUR;

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

/* A consent (given 1) or its withdrawal (0), about record ref (or 0), on the date at. */
int store_consent_add(struct store *st, long long case_id, const char *what, const char *how, int given, const char *at,
		      long long ref) WUR;

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
