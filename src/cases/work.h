/*
 * The VP's workspace (issue 14): registering contacts that did not come in
 * online, the case file (dossier), actions with the melder's consent,
 * referrals, notes, oral reports the melder approves, the deadlines of the
 * Wet bescherming klokkenluiders and of the organisation's own promise,
 * aftercare, closing and reopening. Every free-text or identifying field is a
 * record boxed under the case key; only fixed-list codes and dates are plain.
 *
 * Functions return 0, ERR_INVALID (bad input, with a Dutch *why), ERR_NOT_FOUND
 * (no such case, action or report), ERR_NOMEM or a store error; every change
 * is one transaction and is written to the case's audit trail (never its
 * contents). vp_id is the VP acting, who their name as records show it.
 */
#ifndef VERTROUWD_CASES_WORK_H
#define VERTROUWD_CASES_WORK_H

#include "cases/cases.h"

#define CASE_TEXT_MAX	 20000 /* a story, note or report */
#define CASE_FIELD_MAX	 500   /* a name, contact or short answer */
#define CASE_MINUTES_MAX 600
#define CASE_TAGS_MAX	 16
#define CASE_PAGE	 50 /* cases per workspace page */
#define CASE_REMIND_DAYS 3  /* deadlines show as "due soon" this many days ahead */

/* One contact with the melder. */
struct contact_input {
	const char *channel; /* case_channels */
	const char *date;    /* YYYY-MM-DD, not in the future */
	long long minutes;   /* 0..CASE_MINUTES_MAX */
	const char *summary; /* may be empty */
};

/* The case file as the VP keeps it: all of it boxed. */
struct dossier {
	const char *melder_name, *melder_contact;
	const char *melder_relation; /* melder_relations, or "" */
	const char *involved;	     /* who is involved, in the VP's words */
	const char *since, *story, *wishes, *options;
};

/* The coarse codes that stay plain for the annual report. */
struct case_codes {
	const char *themes[CASE_TAGS_MAX];
	size_t nthemes;
	const char *involved[CASE_TAGS_MAX]; /* involved_relations */
	size_t ninvolved;
	const char *help[CASE_TAGS_MAX]; /* help_kinds */
	size_t nhelp;
};

/* A contact the VP registers as a new case. */
struct register_input {
	long long org_id;
	const char *mode; /* sparren, melden */
	struct contact_input contact;
	struct dossier dossier;
	struct case_codes codes;
	const char *consent_how; /* to registration: mondeling, schriftelijk */
};

/*
 * Register a contact as a new case of an organisation the VP serves: the case
 * key is sealed to the VP alone. A formal report (melden) gets the Wbk's
 * acknowledgement deadline from the contact's date.
 */
int cases_register(struct store *st, long long vp_id, const char *who, const struct register_input *in, long long now,
		   long long *case_id, const char **why) WUR;
/* Another contact in an existing case. */
int cases_contact_add(struct store *st, long long case_id, const unsigned char *ck, long long vp_id, const char *who,
		      const struct contact_input *in, long long now, const char **why) WUR;
/* A new version of the dossier and the case's codes (themes may be the organisation's own). */
int cases_dossier_save(struct store *st, long long case_id, long long org_id, const unsigned char *ck, long long vp_id,
		       const char *who, const struct dossier *d, const struct case_codes *codes, long long now,
		       const char **why) WUR;
/* A note for the case's VPs, with an optional document of theirs (never shown to the melder). */
int cases_note_add(struct store *st, long long case_id, const unsigned char *ck, long long vp_id, const char *who,
		   const char *text, const struct case_file_in *file, long long now, const char **why) WUR;

/*
 * An action with an optional due date. An action that involves someone else
 * needs the melder's consent: consent_how (consent_hows) and consent_on, or
 * consent_how "niet-nodig" when it involves nobody else.
 */
int cases_action_add(struct store *st, long long case_id, const unsigned char *ck, long long vp_id, const char *who,
		     const char *text, const char *due_on, const char *consent_how, const char *consent_on,
		     long long now, const char **why) WUR;
int cases_action_done(struct store *st, long long case_id, long long vp_id, long long action_id, long long now) WUR;
/* A referral (referral_kinds) with the melder's consent, recorded with how and when it was given. */
int cases_refer(struct store *st, long long case_id, const unsigned char *ck, long long vp_id, const char *who,
		const char *to, const char *note, const char *consent_how, const char *consent_on, long long now,
		const char **why) WUR;

/* An oral report: the VP's record of a conversation, for the melder to approve or correct. */
int cases_oral_report(struct store *st, long long case_id, const unsigned char *ck, long long vp_id, const char *who,
		      const char *text, long long now, const char **why) WUR;
/*
 * The report's approval: by the melder through the mailbox (author "melder",
 * how "postvak"), or recorded by the VP when the melder approved it on paper
 * (author "vp", how "papier"). ERR_NOT_FOUND for an id that is no report of
 * this case. Once approved, approving again changes nothing.
 */
int cases_report_approve(struct store *st, long long case_id, const unsigned char *ck, const char *author,
			 long long vp_id, const char *who, long long report_id, long long now) WUR;
/* The melder's correction of a report. */
int cases_report_correct(struct store *st, long long case_id, const unsigned char *ck, long long report_id,
			 const char *text, long long now, const char **why) WUR;

/*
 * Acknowledge receipt of a formal report (Wbk), once: feedback is then due 3
 * months after the acknowledgement, or after the 7 days it was due within,
 * whichever is earlier. A text (may be empty) goes to the melder's mailbox.
 */
/*
 * The Wbk's feedback deadline of a report acknowledged on acknowledged_on: 3
 * months later, or 3 months after ack_due when the acknowledgement was late
 * (ack_due "" when none). ERR_INVALID for a bad date.
 */
int cases_feedback_due(const char *ack_due, const char *acknowledged_on, char out[11]) WUR;
int cases_acknowledge(struct store *st, long long case_id, const unsigned char *ck, long long vp_id, const char *who,
		      const char *text, long long now) WUR;
/* The ready-made acknowledgement in lang ("nl", "en") of a report received on received_on (as shown), in the arena. */
const char *cases_ack_text(struct arena *a, const char *lang, const char *org_name, const char *received_on,
			   const char *who);
/* Feedback on a formal report was given (a text, may be empty, goes to the mailbox). */
int cases_feedback(struct store *st, long long case_id, const unsigned char *ck, long long vp_id, const char *who,
		   const char *text, long long now) WUR;
/* Set (date) or clear ("") the aftercare date. */
int cases_aftercare(struct store *st, long long case_id, long long vp_id, const char *date, long long now,
		    const char **why) WUR;
/*
 * Close with an outcome (case_outcomes) and a note; the first closing sets
 * the destruction schedule, which closing again after a reopening keeps.
 */
int cases_close(struct store *st, long long case_id, const unsigned char *ck, long long vp_id, const char *who,
		const char *outcome, const char *note, long long now, const char **why) WUR;
int cases_reopen(struct store *st, long long case_id, const unsigned char *ck, long long vp_id, const char *who,
		 const char *reason, long long now, const char **why) WUR;

/* The users a case is sealed to. */
int cases_readers(struct store *st, struct arena *a, long long case_id, long long **ids, size_t *n) WUR;
/* Record in the audit trail that a VP opened or exported a case. */
int cases_audit(struct store *st, long long case_id, long long user_id, const char *what, long long now) WUR;

/* A page of the cases a VP may read (f->user_id), and how many match in all. */
int cases_search(struct store *st, struct arena *a, const struct case_filter *f, struct case_row **out, size_t *n,
		 long long *total) WUR;

/* What the workspace's overview counts for a VP (optionally of one organisation). */
struct case_overview {
	long long overdue, this_week, waiting, open;
};
int cases_overview(struct store *st, long long vp_id, long long org_id, const char *today,
		   struct case_overview *out) WUR;

/* A contact, an action, a referral or an oral report as the case page shows it. */
struct case_contact {
	long long id, at, minutes;
	const char *who, *channel, *date, *summary;
};
struct case_action_view {
	long long id, at;
	const char *who, *text, *due_on, *done_on, *consent_how, *consent_on;
};
struct case_referral {
	long long id, at;
	const char *who, *to, *note, *consent_how, *consent_on;
};
struct case_report {
	long long id, at;
	const char *who, *text;
	const char *approved; /* "", "postvak" or "papier" */
	long long approved_at;
	const char *corrections; /* the melder's corrections, joined, or "" */
};

/* Everything a case page shows, opened with ck. */
struct case_view {
	struct case_entry *timeline; /* in order; structured records summed up in one line */
	size_t ntimeline;
	struct dossier dossier; /* all "" before the first version */
	long long dossier_at;
	struct case_contact *contacts;
	size_t ncontacts;
	struct case_action_view *actions;
	size_t nactions;
	struct case_referral *referrals;
	size_t nreferrals;
	struct case_report *reports;
	size_t nreports;
	struct case_tag *tags;
	size_t ntags;
	struct case_consent *consents;
	size_t nconsents;
	struct case_audit *audit;
	size_t naudit;
};
int cases_view(struct store *st, struct arena *a, long long case_id, const unsigned char *ck, enum case_audience who,
	       struct case_view *out) WUR;

/*
 * Queue the content-free deadline e-mails (remind.c): for every case whose
 * next deadline falls within CASE_REMIND_DAYS of today ("YYYY-MM-DD"), or
 * within RETENTION_WARN_DAYS for a destruction date, or has passed, a notice
 * for each VP with access who wants deadline mail; once per case, deadline,
 * date and stage (before, overdue), as case_reminders records. One
 * transaction; *count counts the notices queued. ERR_INVALID for a bad date,
 * or a store error (nothing queued then).
 */
int cases_remind_due(struct store *st, const char *today, long long now, int *count) WUR;
/* Whether the VP gets the deadline e-mails (on unless they switched them off), and switching. */
int cases_deadline_mail(struct store *st, long long vp_id, int *on) WUR;
int cases_deadline_mail_set(struct store *st, long long vp_id, int on) WUR;

/* The themes a case of org_id may have: the common list and the organisation's own (into the arena). */
int cases_org_themes(struct store *st, struct arena *a, long long org_id, struct case_choice **out, size_t *n) WUR;
/* Add a theme of an organisation's own; ERR_INVALID (*why) for an empty or too long label. */
int cases_org_theme_add(struct store *st, long long org_id, const char *label, const char **why) WUR;

#endif
