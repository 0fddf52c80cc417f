/*
 * The statements of `vertrouwd copy`, the same text for both dialects: the
 * $N placeholders are positional on PostgreSQL and, appearing in order,
 * number the same parameters on SQLite. Internal to store/.
 */
#ifndef VERTROUWD_STORE_SQL_COPY_H
#define VERTROUWD_STORE_SQL_COPY_H

/* Column lists in the order copy.c's table list gives their kinds. */
#define COPY_CATEGORIES "id, slug, name"
#define COPY_FILES	"id, hash, name, content_type, size, data, created_at, stored, alt, width, height, uploaded_by"
#define COPY_ITEMS                                                                                                     \
	"id, type, slug, title, lead, body, author, published, status, created_at, updated_at, file_id, image, "       \
	"image_alt, words"
#define COPY_ITEM_CATEGORIES "item_id, category_id"
#define COPY_USERS                                                                                                     \
	"id, email, name, salt, auth, disabled, created_at, password_changed_at, totp_secret, totp_last_step, "        \
	"pw_ops, "                                                                                                     \
	"pw_mem"
#define COPY_USER_ROLES	    "user_id, role"
#define COPY_AUDIT_LOG	    "id, at, actor, action, object, detail"
#define COPY_SESSIONS	    "id, user_id, created_at, seen_at, agent, sk"
#define COPY_SETUP_LINKS    "id, user_id, expires_at, totp_secret"
#define COPY_RECOVERY_CODES "user_id, code_hash, used_at"
#define COPY_REVISIONS	    "id, item_id, at, actor, snapshot"
#define COPY_SLUG_REDIRECTS "type, old_slug, item_id"
#define COPY_SCHEDULES	    "item_id, publish_at"
#define COPY_ORGANISATIONS                                                                                             \
	"id, slug, name, workers, sector, logo, procedure, listed, receipt_salt, created_at, respond_days, "           \
	"retention_months, compliance, evaluated_on, trends_public"
#define COPY_ORG_MEMBERS "org_id, user_id, role"
#define COPY_VP_PROFILES                                                                                               \
	"user_id, kind, focus, languages, phone, reach, photo, intro, deadline_mail, trained_on, "                     \
	"refresher_on, other_roles"
#define COPY_USER_KEYS "user_id, pk, sk_password, sk_recovery, created_at"

#define COPY_CASES                                                                                                     \
	"id, org_id, month, mode, channel, status, received_on, ack_due, acknowledged_on, feedback_due, feedback_on, " \
	"closed_on, outcome, melder_lookup, melder_box, melder_ops, melder_mem, respond_due, responded_on, "           \
	"aftercare_on, first_closed_on, destroy_on, destroy_limit, destroyed_on, next_due, next_due_what, reopened"
#define COPY_CASE_THEMES      "case_id, theme"
#define COPY_CASE_ACCESS      "case_id, user_id, sealed"
#define COPY_CASE_RECORDS     "id, case_id, kind, author, body"
#define COPY_CASE_READS	      "case_id, reader, last_id"
#define COPY_CASE_CONSENTS    "id, case_id, what, how, given, at, ref"
#define COPY_ORG_THEMES	      "org_id, code, label"
#define COPY_CASE_TAGS	      "case_id, kind, code"
#define COPY_CASE_ACTIONS     "id, case_id, record_id, due_on, done_on"
#define COPY_CASE_AUDIT	      "id, case_id, user_id, what, at"
#define COPY_CASE_REMINDERS   "case_id, what, due"
#define COPY_ANNUAL_REPORTS   "org_id, year, published, released_at, released_by"
#define COPY_REPORT_TEXTS     "org_id, year, user_id, body, ready, updated_at"
#define COPY_SELF_ASSESSMENTS "org_id, year, answers, updated_at"

#define COPY_CASE_FILES "id, case_id, record_id, data"
#define P2		"$1, $2"
#define P3		P2 ", $3"
#define P4		P3 ", $4"
#define P5		P4 ", $5"
#define P6		P5 ", $6"
#define P7		P6 ", $7"
#define P8		P7 ", $8"
#define P9		P8 ", $9"
#define P10		P9 ", $10"
#define P12		P10 ", $11, $12"
#define P15		P12 ", $13, $14, $15"
#define P17		P15 ", $16, $17"
#define P27		P17 ", $18, $19, $20, $21, $22, $23, $24, $25, $26, $27"

#define COPY_READ(table, cols)	    "SELECT " cols " FROM " table
#define COPY_WRITE(table, cols, ps) "INSERT INTO " table " (" cols ") VALUES (" ps ")"

/* The entries of both statement tables. */
#define COPY_STATEMENTS                                                                                                \
	[ST_COPY_R_CATEGORIES] = COPY_READ("categories", COPY_CATEGORIES),                                             \
	[ST_COPY_W_CATEGORIES] = COPY_WRITE("categories", COPY_CATEGORIES, P3),                                        \
	[ST_COPY_R_FILES] = COPY_READ("files", COPY_FILES), [ST_COPY_W_FILES] = COPY_WRITE("files", COPY_FILES, P12),  \
	[ST_COPY_R_ITEMS] = COPY_READ("items", COPY_ITEMS), [ST_COPY_W_ITEMS] = COPY_WRITE("items", COPY_ITEMS, P15),  \
	[ST_COPY_R_ITEM_CATEGORIES] = COPY_READ("item_categories", COPY_ITEM_CATEGORIES),                              \
	[ST_COPY_W_ITEM_CATEGORIES] = COPY_WRITE("item_categories", COPY_ITEM_CATEGORIES, P2),                         \
	[ST_COPY_R_USERS] = COPY_READ("users", COPY_USERS), [ST_COPY_W_USERS] = COPY_WRITE("users", COPY_USERS, P12),  \
	[ST_COPY_R_USER_ROLES] = COPY_READ("user_roles", COPY_USER_ROLES),                                             \
	[ST_COPY_W_USER_ROLES] = COPY_WRITE("user_roles", COPY_USER_ROLES, P2),                                        \
	[ST_COPY_R_AUDIT_LOG] = COPY_READ("audit_log", COPY_AUDIT_LOG),                                                \
	[ST_COPY_W_AUDIT_LOG] = COPY_WRITE("audit_log", COPY_AUDIT_LOG, P6),                                           \
	[ST_COPY_R_SESSIONS] = COPY_READ("sessions", COPY_SESSIONS),                                                   \
	[ST_COPY_W_SESSIONS] = COPY_WRITE("sessions", COPY_SESSIONS, P6),                                              \
	[ST_COPY_R_SETUP_LINKS] = COPY_READ("setup_links", COPY_SETUP_LINKS),                                          \
	[ST_COPY_W_SETUP_LINKS] = COPY_WRITE("setup_links", COPY_SETUP_LINKS, P4),                                     \
	[ST_COPY_R_RECOVERY_CODES] = COPY_READ("recovery_codes", COPY_RECOVERY_CODES),                                 \
	[ST_COPY_W_RECOVERY_CODES] = COPY_WRITE("recovery_codes", COPY_RECOVERY_CODES, P3),                            \
	[ST_COPY_R_REVISIONS] = COPY_READ("revisions", COPY_REVISIONS),                                                \
	[ST_COPY_W_REVISIONS] = COPY_WRITE("revisions", COPY_REVISIONS, P5),                                           \
	[ST_COPY_R_SLUG_REDIRECTS] = COPY_READ("slug_redirects", COPY_SLUG_REDIRECTS),                                 \
	[ST_COPY_W_SLUG_REDIRECTS] = COPY_WRITE("slug_redirects", COPY_SLUG_REDIRECTS, P3),                            \
	[ST_COPY_R_SCHEDULES] = COPY_READ("schedules", COPY_SCHEDULES),                                                \
	[ST_COPY_W_SCHEDULES] = COPY_WRITE("schedules", COPY_SCHEDULES, P2),                                           \
	[ST_COPY_R_ORGANISATIONS] = COPY_READ("organisations", COPY_ORGANISATIONS),                                    \
	[ST_COPY_W_ORGANISATIONS] = COPY_WRITE("organisations", COPY_ORGANISATIONS, P15),                              \
	[ST_COPY_R_ORG_MEMBERS] = COPY_READ("org_members", COPY_ORG_MEMBERS),                                          \
	[ST_COPY_W_ORG_MEMBERS] = COPY_WRITE("org_members", COPY_ORG_MEMBERS, P3),                                     \
	[ST_COPY_R_VP_PROFILES] = COPY_READ("vp_profiles", COPY_VP_PROFILES),                                          \
	[ST_COPY_W_VP_PROFILES] = COPY_WRITE("vp_profiles", COPY_VP_PROFILES, P12),                                    \
	[ST_COPY_R_USER_KEYS] = COPY_READ("user_keys", COPY_USER_KEYS),                                                \
	[ST_COPY_W_USER_KEYS] = COPY_WRITE("user_keys", COPY_USER_KEYS, P5),                                           \
	[ST_COPY_R_CASES] = COPY_READ("cases", COPY_CASES), [ST_COPY_W_CASES] = COPY_WRITE("cases", COPY_CASES, P27),  \
	[ST_COPY_R_CASE_THEMES] = COPY_READ("case_themes", COPY_CASE_THEMES),                                          \
	[ST_COPY_W_CASE_THEMES] = COPY_WRITE("case_themes", COPY_CASE_THEMES, P2),                                     \
	[ST_COPY_R_CASE_ACCESS] = COPY_READ("case_access", COPY_CASE_ACCESS),                                          \
	[ST_COPY_W_CASE_ACCESS] = COPY_WRITE("case_access", COPY_CASE_ACCESS, P3),                                     \
	[ST_COPY_R_CASE_RECORDS] = COPY_READ("case_records", COPY_CASE_RECORDS),                                       \
	[ST_COPY_W_CASE_RECORDS] = COPY_WRITE("case_records", COPY_CASE_RECORDS, P5),                                  \
	[ST_COPY_R_CASE_READS] = COPY_READ("case_reads", COPY_CASE_READS),                                             \
	[ST_COPY_W_CASE_READS] = COPY_WRITE("case_reads", COPY_CASE_READS, P3),                                        \
	[ST_COPY_R_CASE_CONSENTS] = COPY_READ("case_consents", COPY_CASE_CONSENTS),                                    \
	[ST_COPY_W_CASE_CONSENTS] = COPY_WRITE("case_consents", COPY_CASE_CONSENTS, P7),                               \
	[ST_COPY_R_CASE_FILES] = COPY_READ("case_files", COPY_CASE_FILES),                                             \
	[ST_COPY_W_CASE_FILES] = COPY_WRITE("case_files", COPY_CASE_FILES, P4),                                        \
	[ST_COPY_R_ORG_THEMES] = COPY_READ("org_themes", COPY_ORG_THEMES),                                             \
	[ST_COPY_W_ORG_THEMES] = COPY_WRITE("org_themes", COPY_ORG_THEMES, P3),                                        \
	[ST_COPY_R_CASE_TAGS] = COPY_READ("case_tags", COPY_CASE_TAGS),                                                \
	[ST_COPY_W_CASE_TAGS] = COPY_WRITE("case_tags", COPY_CASE_TAGS, P3),                                           \
	[ST_COPY_R_CASE_ACTIONS] = COPY_READ("case_actions", COPY_CASE_ACTIONS),                                       \
	[ST_COPY_W_CASE_ACTIONS] = COPY_WRITE("case_actions", COPY_CASE_ACTIONS, P5),                                  \
	[ST_COPY_R_CASE_AUDIT] = COPY_READ("case_audit", COPY_CASE_AUDIT),                                             \
	[ST_COPY_W_CASE_AUDIT] = COPY_WRITE("case_audit", COPY_CASE_AUDIT, P5),                                        \
	[ST_COPY_R_CASE_REMINDERS] = COPY_READ("case_reminders", COPY_CASE_REMINDERS),                                 \
	[ST_COPY_W_CASE_REMINDERS] = COPY_WRITE("case_reminders", COPY_CASE_REMINDERS, P3),                            \
	[ST_COPY_R_ANNUAL_REPORTS] = COPY_READ("annual_reports", COPY_ANNUAL_REPORTS),                                 \
	[ST_COPY_W_ANNUAL_REPORTS] = COPY_WRITE("annual_reports", COPY_ANNUAL_REPORTS, P5),                            \
	[ST_COPY_R_REPORT_TEXTS] = COPY_READ("report_texts", COPY_REPORT_TEXTS),                                       \
	[ST_COPY_W_REPORT_TEXTS] = COPY_WRITE("report_texts", COPY_REPORT_TEXTS, P6),                                  \
	[ST_COPY_R_SELF_ASSESSMENTS] = COPY_READ("self_assessments", COPY_SELF_ASSESSMENTS),                           \
	[ST_COPY_W_SELF_ASSESSMENTS] = COPY_WRITE("self_assessments", COPY_SELF_ASSESSMENTS, P4)

#endif
