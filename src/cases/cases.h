/*
 * cases: the case model the melder channel, the VP's workspace and the annual
 * reports share (shared/docs/confidentiality.md, "A case").
 *
 * A case has a random key ck. Everything a melder or a VP writes is a record
 * boxed under ck and bound to case, kind and record id; ck is sealed to every
 * VP with access and, for an online melder, boxed under a key their receipt
 * code derives. Plain in the store is only what statistics and deadlines
 * need: organisation, month, sparren or melden, channel, themes, status and
 * dates. ck lives in guarded memory for one request and is wiped after.
 */
#ifndef VERTROUWD_CASES_CASES_H
#define VERTROUWD_CASES_CASES_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "crypto/crypto.h"
#include "store/cases.h"

struct store;

#define CASE_ACK_DAYS	    7 /* Wbk: acknowledgement of receipt within 7 days */
#define CASE_FEEDBACK_MONTH 3 /* Wbk: feedback within 3 months of the acknowledgement */
#define CASE_MESSAGE_MAX    20000
#define CASE_FILE_MAX	    (900 * 1024) /* an attachment: it must fit an anonymous form's body (--body-max) */
#define MELDER_IDLE	    (15 * 60)
#define MELDER_FREE_CLIENT  10	/* wrong receipt codes from one client bucket before the waiting starts */
#define MELDER_FREE_GLOBAL  200 /* wrong receipt codes from everyone in a 10-minute window */

/* One choice of a registration list (lists.c): as stored ("pesten") and as shown ("Pesten"). */
struct case_choice {
	const char *code;
	const char *label;
};
/* The lists, each ending with {NULL, NULL}. */
extern const struct case_choice case_themes[], case_channels[], melder_relations[], involved_relations[], help_kinds[],
    referral_kinds[], case_outcomes[], consent_hows[];
extern const size_t case_theme_count;
/* The entry of code in list, or NULL. */
const struct case_choice *case_choice_find(const struct case_choice *list, const char *code);
const struct case_choice *case_theme_find(const char *code);

/* An attachment as it came in (len 0: none). Its name is kept, cleaned, inside the case's records. */
struct case_file_in {
	const char *name;
	const unsigned char *data;
	size_t len;
};

/* What a melder sends through the online channel. */
struct report_input {
	long long org_id;
	long long vp_id;	  /* the chosen VP, or 0 for any of the organisation's VPs */
	const char *mode;	  /* sparren, melden */
	const char *theme;	  /* a theme code, or NULL/"" */
	const char *message;	  /* what happened */
	const char *reach;	  /* postvak, telefoon, email, gesprek */
	const char *name;	  /* optional */
	const char *contact;	  /* optional phone or e-mail */
	const char *passphrase;	  /* optional, on top of the receipt code */
	int consent;		  /* to registration */
	struct case_file_in file; /* optional */
};

/* What the melder must see once. */
struct receipt {
	long long case_id;
	char code[VAULT_RECEIPT_TEXT];
	char received_on[11];
	char ack_due[11]; /* "" for sparren */
};

/*
 * File a report: a case with its key sealed to the chosen VP (or every VP of
 * the organisation who has a key), the melder's message and details as
 * records, the consent to registration, and a receipt code whose keys open the
 * melder's box. No VP needs to be signed in. ERR_INVALID with a Dutch *why
 * for missing or bad input, ERR_NOT_FOUND when no VP of the organisation can
 * receive it yet, ERR_NOMEM, or a store error (nothing is stored then).
 */
int cases_report(struct store *st, const struct report_input *in, long long now, struct receipt *out,
		 const char **why) WUR;

/*
 * A melder signs in with their receipt code (and passphrase) at an
 * organisation: counted against the client bucket and a global window before
 * Argon2id runs. A wrong and an unknown code are the same ERR_NOT_FOUND; a
 * limit gives ERR_TOO_LARGE with *retry_after. On success token gets the
 * mailbox cookie's value (the session holds ck boxed under a key only the
 * token gives).
 */
int cases_melder_signin(struct store *st, long long org_id, const unsigned char salt[16], const char *code,
			const char *passphrase, const char *client, long long now, char token[TOKEN_HEX_LEN],
			long long *retry_after) WUR;

/* A melder's session from the cookie's token: the case and ck (guarded memory). ERR_NOT_FOUND when gone or idle. */
int cases_melder_session(struct store *st, const char *token, long long now, long long *case_id, unsigned char *ck) WUR;
int cases_melder_signout(struct store *st, const char *token) WUR;

/* A VP opens a case of their organisation: ck from the key sealed to them; ERR_NOT_FOUND without access. */
int cases_vp_open(struct store *st, long long case_id, long long vp_id, const unsigned char *sk, unsigned char *ck) WUR;

/* One record as read. */
struct case_entry {
	long long id;
	const char *kind;      /* bericht, gegevens */
	const char *author;    /* melder, vp */
	const char *who;       /* the VP's name, or "" */
	long long at;	       /* Unix seconds */
	const char *text;      /* "" for an attachment */
	const char *file_name; /* an attachment's name, or NULL */
	long long file_size;
};

/* Who reads a case: its VP, or the melder (who sees only what is shared with them). */
enum case_audience { CASE_FOR_VP, CASE_FOR_MELDER };

/*
 * The records of a case the audience may read, opened with ck, oldest first;
 * ERR_INVALID when one does not open (tampered or swapped).
 */
int cases_entries(struct store *st, struct arena *a, long long case_id, const unsigned char *ck,
		  enum case_audience audience, struct case_entry **out, size_t *n) WUR;
/*
 * Add a message (and optionally an attachment; text may then be empty) to a
 * case (author melder or vp, who the VP's name), and mark it seen by its
 * writer. ERR_INVALID with *why for an empty or too long message or file.
 */
int cases_message(struct store *st, long long case_id, const unsigned char *ck, const char *author, const char *who,
		  const char *reader, const char *text, const struct case_file_in *file, long long now,
		  const char **why) WUR;
/*
 * An attachment of a case opened with ck that the audience may read: its
 * cleaned name and its bytes (in the arena). ERR_NOT_FOUND for an id that is
 * no such attachment of this case, ERR_INVALID when it does not open
 * (changed, cut short, moved).
 */
int cases_attachment(struct store *st, struct arena *a, long long case_id, const unsigned char *ck,
		     enum case_audience audience, long long id, const char **name, const unsigned char **data,
		     size_t *len) WUR;
/* Mark everything in a case seen by reader ("melder", "u<id>"). */
int cases_seen(struct store *st, long long case_id, const char *reader) WUR;

/* A case of org_id; ERR_NOT_FOUND for an unknown case or one of another organisation. */
int cases_get(struct store *st, struct arena *a, long long org_id, long long case_id, struct case_row *out) WUR;
/* The case of a mailbox session. */
int cases_mailbox_case(struct store *st, struct arena *a, long long case_id, struct case_row *out) WUR;
/* Messages of author ("vp" or "melder") that reader has not seen. */
int cases_unseen(struct store *st, long long case_id, const char *reader, const char *author, long long *n) WUR;

/*
 * Share a case with another VP of its organisation: only with the melder's
 * consent, recorded with how it was given ("postvak", "mondeling",
 * "schriftelijk") and when. The case key (open in ck) is sealed to that VP;
 * by_vp, who shares it, is in the audit trail.
 * ERR_INVALID (and *why) without consent; ERR_NOT_FOUND when the VP does not
 * serve the organisation or has no key yet.
 */
int cases_share(struct store *st, long long case_id, long long org_id, const unsigned char *ck, long long by_vp,
		long long to_vp, const char *consent_how, long long now, const char **why) WUR;

/* What a melder may ask from the mailbox. */
enum melder_request { MELDER_WITHDRAW_CONSENT, MELDER_ASK_DELETION };
/*
 * Record the request as a consent change and tell the case's VPs in a record
 * they read (the deletion itself is the VP's, on the retention schedule).
 */
int cases_melder_request(struct store *st, long long case_id, const unsigned char *ck, enum melder_request what,
			 long long now) WUR;

/*
 * Send the content-free notices that wait: send(ctx, email, deadline) for each
 * VP with news, or (deadline 1) with a deadline that is near or has passed; 0
 * on success, a failure is tried again next time. With send NULL (no mail
 * server) they are dropped. *sent counts the notices sent.
 */
int cases_notify_due(struct store *st, int (*send)(void *ctx, const char *email, int deadline), void *ctx,
		     int *sent) WUR;

struct org;

/*
 * The tenant check of the workspace, in one place: the organisation of slug
 * that user_id serves as a VP. ERR_NOT_FOUND for an unknown organisation and
 * for one they do not serve alike.
 */
int cases_vp_org(struct store *st, struct arena *a, const char *slug, long long user_id, struct org *org) WUR;
/*
 * A case a VP may read: of an organisation they serve, of that organisation,
 * and sealed to their key, opened into ck. Anything else (a bad id, another
 * organisation's case, one not shared with them) is the same ERR_NOT_FOUND.
 */
int cases_vp_case(struct store *st, struct arena *a, const char *slug, const char *case_id, long long user_id,
		  const unsigned char *sk, struct org *org, struct case_row *row, unsigned char *ck) WUR;

#endif
