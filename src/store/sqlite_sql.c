/*
 * All SQL the SQLite store runs, in one table next to its statement names
 * (db.h). Nothing here runs: a statement missing from the table is caught by
 * test_store, and one SQLite refuses fails to prepare at its first use (logged).
 */
#include "store/db.h"
#include "store/sqlite_rank.h"
#include "store/sql_copy.h"
#include "store/sql_cases.h"
#include "store/sql_items.h"
#include "store/sql_purge.h"
#include "store/sql_reports.h"

#define CASE_TAGS   "(SELECT group_concat(g.kind || ':' || g.code) FROM case_tags g WHERE g.case_id = c.id)"
#define CASE_THEMES "(SELECT group_concat(theme) FROM case_themes t WHERE t.case_id = c.id)"

#define ITEM_CATEGORIES                                                                                                \
	"(SELECT group_concat(x, char(30)) FROM (SELECT c.slug || char(31) || c.name AS x "                            \
	"FROM item_categories ic JOIN categories c ON c.id = ic.category_id "                                          \
	"WHERE ic.item_id = i.id ORDER BY c.name))"
#define ITEM_COLUMNS ITEM_COLUMNS_WITH("i.body", ITEM_CATEGORIES)

/*
 * ?1 type (NULL: all), ?2 JSON array of category slugs (NULL: all); published items only.
 * The type is a range (the whole range of text when ?1 is NULL) because SQLite can use no
 * index for "?1 IS NULL OR i.type = ?1" and read every item of every type; the items in
 * the categories come from the slugs (json_each joined to categories and then
 * item_categories_by_category) instead of a lookup of each item's categories against a
 * list SQLite built for every run. The related items of a news item were a third of its
 * uncached request before.
 */
#define ITEM_FILTER                                                                                                    \
	"i.type >= coalesce(?1, '') AND i.type <= coalesce(?1, x'ff') AND i.status = 'gepubliceerd' AND (?2 IS NULL "  \
	"OR i.id IN (SELECT ic.item_id FROM json_each(?2) j JOIN categories c ON c.slug = j.value "                    \
	"JOIN item_categories ic ON ic.category_id = c.id))"

/*
 * Search: matches are ranked by vt_rank (bm25 with the field weights and the
 * recency boost) and filtered by vt_pass, both reading per-connection copies
 * of what they need (sqlite_rank.c), so no statement joins items per match.
 */
#define SEARCH_WHERE "search_fts MATCH ?5 AND vt_pass(" SEARCH_ITEM_ID ", ?1, ?2)"

/* File metadata columns (files.c reads them in this order); uses: items that attach or mention it. */
#define FILE_COLUMNS                                                                                                   \
	"f.id, f.hash, f.name, f.content_type, f.alt, f.uploaded_by, f.created_at, f.size, f.width, f.height, "        \
	"f.stored = 'db', (SELECT count(*) FROM items i WHERE i.file_id = f.id OR instr(i.body, f.hash) > 0 "          \
	"OR instr(i.image, f.hash) > 0)"

const char *const sqlite_sql[ST_COUNT] = {
    [ST_BEGIN] = "BEGIN IMMEDIATE",
    [ST_BEGIN_READ] = "BEGIN",
    [ST_COMMIT] = "COMMIT",
    [ST_ROLLBACK] = "ROLLBACK",
    [ST_SCHEMA_VERSION] = "SELECT coalesce(max(version), 0) FROM schema_migrations",
    [ST_SCHEMA_RECORD] = "INSERT INTO schema_migrations (version, name) VALUES (?1, ?2)",
    [ST_DATA_VERSION] = "PRAGMA data_version",
    [ST_ITEM_UPSERT] =
	"INSERT INTO items (type, slug, title, lead, body, author, published, status, image, image_alt, file_id, "
	"words) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
	"ON CONFLICT (type, slug) DO UPDATE SET title = ?3, lead = ?4, body = ?5, author = ?6, published = ?7, "
	"status = ?8, image = ?9, image_alt = ?10, file_id = CASE WHEN ?13 THEN file_id ELSE ?11 END, words = ?12, "
	"updated_at = "
	"strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
	"WHERE title IS NOT ?3 OR lead IS NOT ?4 OR body IS NOT ?5 OR author IS NOT ?6 OR published IS NOT ?7 "
	"OR status IS NOT ?8 OR image IS NOT ?9 OR image_alt IS NOT ?10 OR (NOT ?13 AND file_id IS NOT ?11)",
    [ST_FILE_UPSERT] =
	"INSERT INTO files (hash, name, content_type, size, data, stored, alt, width, height, uploaded_by) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (hash) DO UPDATE SET name = excluded.name, "
	"alt = CASE WHEN alt = '' THEN excluded.alt ELSE alt END RETURNING id",
    [ST_ITEM_FILE] = "SELECT f.hash FROM items i JOIN files f ON f.id = i.file_id "
		     "WHERE i.type = ?1 AND i.slug = ?2 AND i.status = 'gepubliceerd'",
    [ST_ITEM_ID] = "SELECT id FROM items WHERE type = ?1 AND slug = ?2",
    [ST_ITEM_ALL] = "SELECT " ITEM_COLUMNS " FROM " ITEM_FROM " ORDER BY i.type, i.slug",
    [ST_FILE_BY_ITEM] = "SELECT f.hash FROM items i JOIN files f ON f.id = i.file_id WHERE i.id = ?1",
    [ST_ITEM_FIND] = "SELECT " ITEM_COLUMNS " FROM " ITEM_FROM " "
		     "WHERE i.type = ?1 AND i.slug = ?2 AND i.status = 'gepubliceerd'",
    /* Joined to json_each rather than "IN (SELECT value FROM json_each(?1))": no temporary index per run. */
    [ST_ITEM_CATS] = "SELECT ic.item_id, c.slug, c.name FROM json_each(?1) j "
		     "JOIN item_categories ic ON ic.item_id = j.value JOIN categories c ON c.id = ic.category_id "
		     "ORDER BY c.name",
    [ST_ITEM_LIST] =
	"SELECT " ITEM_COLUMNS_WITH("''", "NULL") " FROM " ITEM_FROM " WHERE " ITEM_FILTER
						  " ORDER BY i.published DESC, i.id DESC LIMIT ?4 OFFSET ?3",
    [ST_ITEM_COUNT] = "SELECT count(*) FROM items i WHERE " ITEM_FILTER,
    [ST_ITEM_COUNT_ALL] = "SELECT count(*) FROM items",
    [ST_ITEM_URLS] = "SELECT type, slug, updated_at FROM items WHERE status = 'gepubliceerd' "
		     "ORDER BY type, slug LIMIT ?1",
    [ST_CATEGORY_COUNTS] = "SELECT c.slug, c.name, count(*) FROM categories c "
			   "JOIN item_categories ic ON ic.category_id = c.id JOIN items i ON i.id = ic.item_id "
			   "WHERE i.status = 'gepubliceerd' AND (?1 IS NULL OR i.type = ?1) "
			   "GROUP BY c.id ORDER BY c.name COLLATE NOCASE",
    /* search_text's triggers keep the index, search_terms and search_version in step (0015). */
    [ST_SEARCH_DELETE] = "DELETE FROM search_text WHERE id = ?1",
    [ST_SEARCH_INSERT] = "INSERT INTO search_text (id, title, lead, body, parts) VALUES (?1, ?2, ?3, ?4, ?5)",
    /* Emptied at once first, so that deleting search_text's rows does not take them out one by one. */
    [ST_SEARCH_CLEAR] = "INSERT INTO search_fts (search_fts) VALUES ('delete-all')",
    [ST_SEARCH_SIZE] = "SELECT count(*) FROM search_text",
    [ST_SEARCH_WORDS_CLEAR] = "DELETE FROM search_words",
    [ST_SEARCH_WORD] = "INSERT INTO search_words (word, freq) SELECT key, value FROM json_each(?1) WHERE true "
		       "ON CONFLICT (word) DO UPDATE SET freq = freq + excluded.freq",
    [ST_SEARCH_WORDS] = "SELECT word, freq FROM search_words WHERE freq >= ?1 ORDER BY freq DESC, word LIMIT ?2",
    [ST_SEARCH_HAS_TERM] =
	"SELECT 1 FROM search_fts WHERE search_fts MATCH '\"' || replace(?1, '\"', '') || '\"' LIMIT 1",
    /*
     * One pass over the matches the filter (?1 ?2) lets through, newest first:
     * how many (at most ?6), and the ?3 best of the newest ?4 + 1 (all when ?4
     * is 0) as rows of (total, id, score); one row with a NULL id when none.
     */
    [ST_SEARCH] = "SELECT t.total, j.value ->> 0, j.value ->> 1 FROM (SELECT count(*) AS total, vt_top(id, score, ?3) "
		  "AS top FROM (SELECT " SEARCH_ITEM_ID " AS id, vt_rank(search_fts, ?5, ?4) AS score FROM search_fts "
		  "WHERE " SEARCH_WHERE " ORDER BY rowid LIMIT ?6)) t LEFT JOIN json_each(t.top) j ORDER BY j.key",
    [ST_ITEMS_BY_ID] = "SELECT " ITEM_COLUMNS_WITH(
	"''", "NULL") " FROM " ITEM_FROM
		      " WHERE i.id IN (SELECT value FROM json_each(?1)) AND i.status = 'gepubliceerd'",
    [ST_SEARCH_TYPES] = "SELECT key, value FROM json_each((SELECT vt_facet(" SEARCH_ITEM_ID ", 0) FROM search_fts "
			"WHERE search_fts MATCH ?1)) ORDER BY key",
    [ST_SEARCH_CATS] =
	"SELECT c.slug, c.name, j.value FROM json_each((SELECT vt_facet(" SEARCH_ITEM_ID ", 1) FROM search_fts "
	"WHERE search_fts MATCH ?1)) j JOIN categories c ON c.id = CAST(j.key AS INTEGER) "
	"ORDER BY j.value DESC, c.name COLLATE NOCASE, c.id LIMIT 30",
    [ST_ITEM_TEXT] = "SELECT lead, body FROM items WHERE id = ?1 AND status = 'gepubliceerd'",
    [ST_USER_ADD] = "INSERT INTO users (email, name) VALUES (?1, ?2) RETURNING id",
    [ST_USER_ROLES_CLEAR] = "DELETE FROM user_roles WHERE user_id = ?1",
    [ST_USER_ROLE_ADD] = "INSERT INTO user_roles (user_id, role) VALUES (?1, ?2)",
    [ST_USER_FIND] = "SELECT u.id, u.email, u.name, u.disabled, u.auth IS NOT NULL, u.created_at, "
		     "(SELECT group_concat(role) FROM user_roles r WHERE r.user_id = u.id) FROM users u "
		     "WHERE u.email = ?1",
    [ST_USER_LIST] = "SELECT u.id, u.email, u.name, u.disabled, u.auth IS NOT NULL, u.created_at, "
		     "(SELECT group_concat(role) FROM user_roles r WHERE r.user_id = u.id) FROM users u "
		     "ORDER BY u.email",
    [ST_USER_DISABLE] = "UPDATE users SET disabled = ?2 WHERE id = ?1",
    [ST_USER_PASSWORD] = "UPDATE users SET salt = ?2, auth = ?3, pw_ops = ?4, pw_mem = ?5, "
			 "password_changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
    [ST_USER_AUTH] =
	"SELECT u.id, u.email, u.name, u.disabled, "
	"(SELECT group_concat(role) FROM user_roles r WHERE r.user_id = u.id), u.salt, u.auth, u.totp_secret, "
	"u.pw_ops, u.pw_mem, k.pk, k.sk_password FROM users u LEFT JOIN user_keys k ON k.user_id = u.id "
	"WHERE u.email = ?1",
    [ST_USER_TOTP] = "UPDATE users SET totp_secret = ?2, totp_last_step = 0 WHERE id = ?1",
    [ST_USER_TOTP_STEP] = "UPDATE users SET totp_last_step = ?2 WHERE id = ?1 AND totp_last_step < ?2",
    [ST_SESSION_ADD] =
	"INSERT INTO sessions (id, user_id, created_at, seen_at, agent, sk) VALUES (?1, ?2, ?3, ?3, ?4, ?5)",
    [ST_SESSION_GET] = "SELECT s.id, s.user_id, s.created_at, s.seen_at, s.agent, u.email, u.name, u.disabled, "
		       "(SELECT group_concat(role) FROM user_roles r WHERE r.user_id = u.id), s.sk "
		       "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?1",
    [ST_SESSION_TOUCH] = "UPDATE sessions SET seen_at = ?2 WHERE id = ?1",
    [ST_SESSION_DELETE] = "DELETE FROM sessions WHERE id = ?1",
    [ST_SESSION_DELETE_USER] = "DELETE FROM sessions WHERE user_id = ?1",
    [ST_SESSION_LIST] =
	"SELECT s.id, s.user_id, s.created_at, s.seen_at, s.agent, u.email, u.name, u.disabled, "
	"(SELECT group_concat(role) FROM user_roles r WHERE r.user_id = u.id), NULL "
	"FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.user_id = ?1 ORDER BY s.created_at DESC",
    [ST_ORG_ADD] = "INSERT INTO organisations (slug, name, workers, sector, logo, procedure, listed, receipt_salt) "
		   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
    [ST_ORG_UPDATE] =
	"UPDATE organisations SET slug = ?1, name = ?2, workers = ?3, sector = ?4, logo = ?5, procedure = "
	"?6, listed = ?7 WHERE id = ?8",
    [ST_ORG_CASE_SETTINGS] = "UPDATE organisations SET respond_days = ?2, retention_months = ?3 WHERE id = ?1",
    [ST_ORG_GET] = "SELECT o.id, o.slug, o.name, o.workers, o.sector, o.logo, o.procedure, o.listed, o.receipt_salt, "
		   "o.respond_days, o.retention_months "
		   "FROM organisations o WHERE o.id = ?1",
    [ST_ORG_BY_SLUG] = "SELECT o.id, o.slug, o.name, o.workers, o.sector, o.logo, o.procedure, o.listed, "
		       "o.receipt_salt, o.respond_days, o.retention_months "
		       "FROM organisations o WHERE o.slug = ?1",
    [ST_ORG_LIST] = "SELECT o.id, o.slug, o.name, o.workers, o.sector, o.logo, o.procedure, o.listed, o.receipt_salt, "
		    "o.respond_days, o.retention_months "
		    "FROM organisations o WHERE instr(lower(o.name), lower(?1)) > 0 AND (?2 = 0 OR o.listed = 1) ORDER "
		    "BY o.name COLLATE NOCASE",
    [ST_ORG_MEMBER_ADD] = "INSERT INTO org_members (org_id, user_id, role) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
    [ST_ORG_MEMBER_REMOVE] = "DELETE FROM org_members WHERE org_id = ?1 AND user_id = ?2 AND role = ?3",
    [ST_ORG_OF_USER] =
	"SELECT o.id, o.slug, o.name, o.workers, o.sector, o.logo, o.procedure, o.listed, o.receipt_salt, "
	"o.respond_days, o.retention_months "
	"FROM organisations o JOIN org_members m ON m.org_id = o.id WHERE m.user_id = ?1 AND m.role = ?2 "
	"ORDER BY o.name",
    [ST_ORG_VPS] = "SELECT u.id, u.name, u.email, p.kind, p.focus, p.languages, p.phone, p.reach, p.photo, p.intro, "
		   "p.trained_on, p.refresher_on, p.other_roles FROM "
		   "org_members m JOIN users u ON u.id = m.user_id LEFT JOIN vp_profiles p ON p.user_id = u.id WHERE "
		   "m.org_id = ?1 AND m.role = 'vertrouwenspersoon' AND u.disabled = 0 ORDER BY u.name",
    [ST_VP_PROFILE_SET] =
	"INSERT INTO vp_profiles (user_id, kind, focus, languages, phone, reach, photo, intro, trained_on, "
	"refresher_on, other_roles) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, nullif(?9, ''), nullif(?10, ''), ?11) "
	"ON CONFLICT (user_id) DO UPDATE SET kind = ?2, focus = ?3, languages = ?4, phone = ?5, reach = ?6, "
	"photo = ?7, intro = ?8, trained_on = nullif(?9, ''), refresher_on = nullif(?10, ''), other_roles = ?11",
    [ST_VP_PROFILE_GET] =
	"SELECT kind, focus, languages, phone, reach, photo, intro, trained_on, refresher_on, other_roles FROM "
	"vp_profiles p WHERE p.user_id = ?1",
    [ST_ORG_MEMBER_HAS] = "SELECT 1 FROM org_members WHERE org_id = ?1 AND user_id = ?2 AND role = ?3",
    [ST_CASE_ADD] = "INSERT INTO cases (org_id, month, mode, channel, received_on, ack_due, melder_lookup, melder_box, "
		    "melder_ops, melder_mem) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id",
    [ST_CASE_THEME_ADD] = "INSERT INTO case_themes (case_id, theme) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
    [ST_CASE_ACCESS_ADD] =
	"INSERT INTO case_access (case_id, user_id, sealed) VALUES (?1, ?2, ?3) ON CONFLICT (case_id, "
	"user_id) DO UPDATE SET sealed = excluded.sealed",
    [ST_CASE_SEALED] = "SELECT sealed FROM case_access WHERE case_id = ?1 AND user_id = ?2",
    [ST_CASE_GET] = "SELECT " CASE_COLUMNS(CASE_THEMES) " FROM cases c WHERE c.id = ?1 AND c.org_id = ?2",
    [ST_CASE_BY_ID] = "SELECT " CASE_COLUMNS(CASE_THEMES) " FROM cases c WHERE c.id = ?1",
    [ST_CASE_BY_LOOKUP] = "SELECT " CASE_COLUMNS(CASE_THEMES) ", c.melder_box FROM cases c WHERE c.melder_lookup = ?1",
    [ST_CASE_SEARCH] = "SELECT " CASE_COLUMNS(
	CASE_THEMES) ", (SELECT count(*) FROM case_records r WHERE r.case_id = c.id AND r.author = 'melder' AND r.id > "
		     "coalesce((SELECT last_id FROM case_reads d WHERE d.case_id = c.id AND d.reader = 'u' || ?1), "
		     "0)), " CASE_WAITING CASE_FROM("?1")
			 CASE_FILTER("?2", "?3", "?4", "?5", "?6", "?7") " ORDER BY x.case_id DESC LIMIT ?8 OFFSET ?9",
    [ST_CASE_COUNT] = "SELECT count(*)" CASE_FROM("?1") CASE_FILTER("?2", "?3", "?4", "?5", "?6", "?7"),
    [ST_CASE_OVERVIEW] = CASE_OVERVIEW("?1", "?2", "?3", "?4"),
    [ST_CASE_STATS] = CASE_STATS(CASE_THEMES, CASE_TAGS, "?1", "?2", "?3"),
    REPORT_STATEMENTS,
    CASE_STATEMENTS,
    PURGE_STATEMENTS,
    [ST_FORGET_DELETED] = "PRAGMA wal_checkpoint(TRUNCATE)",
    [ST_RECORD_ADD] = "INSERT INTO case_records (case_id, kind, author, body) VALUES (?1, ?2, ?3, x'') RETURNING id",
    [ST_RECORD_BODY] = "UPDATE case_records SET body = ?2 WHERE id = ?1",
    [ST_RECORDS] = "SELECT id, kind, author, body FROM case_records WHERE case_id = ?1 ORDER BY id",
    [ST_CASE_SEEN] =
	"INSERT INTO case_reads (case_id, reader, last_id) VALUES (?1, ?2, ?3) ON CONFLICT (case_id, reader) "
	"DO UPDATE SET last_id = excluded.last_id",
    [ST_CASE_UNSEEN] = "SELECT count(*) FROM case_records r WHERE r.case_id = ?1 AND r.author = ?3 AND r.id > "
		       "coalesce((SELECT last_id FROM case_reads d WHERE d.case_id = ?1 AND d.reader = ?2), 0)",
    [ST_CONSENT_ADD] =
	"INSERT INTO case_consents (case_id, what, how, given, at, ref) VALUES (?1, ?2, ?3, ?4, ?5, nullif(?6, 0))",
    [ST_MELDER_SESSION_ADD] =
	"INSERT INTO melder_sessions (id, case_id, ck, created_at, seen_at) VALUES (?1, ?2, ?3, ?4, ?4)",
    [ST_MELDER_SESSION_GET] = "SELECT case_id, ck, created_at, seen_at FROM melder_sessions WHERE id = ?1",
    [ST_MELDER_SESSION_TOUCH] = "UPDATE melder_sessions SET seen_at = ?2 WHERE id = ?1",
    [ST_MELDER_SESSION_DELETE] = "DELETE FROM melder_sessions WHERE id = ?1",
    [ST_NOTIFY_ADD] = "INSERT INTO notifications (user_id, created_at) VALUES (?1, ?2)",
    [ST_NOTIFY_DUE] = "SELECT DISTINCT n.user_id, u.email, n.kind FROM notifications n JOIN users u ON u.id = "
		      "n.user_id WHERE u.disabled = 0 ORDER BY n.user_id, n.kind",
    [ST_NOTIFY_DONE] = "DELETE FROM notifications WHERE user_id = ?1 AND kind = ?2",
    [ST_NOTIFY_DEADLINE] = "INSERT INTO notifications (user_id, created_at, kind) VALUES (?1, ?2, 'termijn')",
    [ST_CASE_READERS] = "SELECT user_id FROM case_access WHERE case_id = ?1 ORDER BY user_id",
    [ST_CASE_FILE_PUT] = "INSERT INTO case_files (case_id, record_id, data) VALUES (?1, ?2, ?3)",
    [ST_CASE_FILE_OF] = "SELECT data FROM case_files WHERE case_id = ?1 AND record_id = ?2",
    [ST_KEY_GET] = "SELECT pk, sk_password, sk_recovery, created_at FROM user_keys WHERE user_id = ?1",
    [ST_KEY_SET] =
	"INSERT INTO user_keys (user_id, pk, sk_password, sk_recovery, created_at) VALUES (?1, ?2, ?3, ?4, ?5) "
	"ON CONFLICT (user_id) DO UPDATE SET pk = ?2, sk_password = ?3, sk_recovery = ?4, created_at = ?5",
    [ST_KEY_REWRAP] = "UPDATE user_keys SET sk_password = ?2 WHERE user_id = ?1",
    [ST_ATTEMPTS] = "SELECT failures, last_at FROM login_attempts WHERE key = ?1",
    [ST_ATTEMPT_FAIL] = "INSERT INTO login_attempts (key, failures, last_at) VALUES (?1, 1, ?2) "
			"ON CONFLICT (key) DO UPDATE SET failures = failures + 1, last_at = ?2",
    [ST_ATTEMPT_REFUND] = "UPDATE login_attempts SET failures = max(failures - 1, 0) WHERE key = ?1",
    [ST_ATTEMPT_CLEAR] = "DELETE FROM login_attempts WHERE key = ?1",
    [ST_SETUP_ADD] = "INSERT INTO setup_links (id, user_id, expires_at, totp_secret) VALUES (?1, ?2, ?3, ?4)",
    [ST_SETUP_GET] =
	"SELECT u.id, u.email, u.name, u.disabled, "
	"(SELECT group_concat(role) FROM user_roles r WHERE r.user_id = u.id), l.expires_at, l.totp_secret "
	"FROM setup_links l JOIN users u ON u.id = l.user_id WHERE l.id = ?1",
    [ST_SETUP_DELETE_USER] = "DELETE FROM setup_links WHERE user_id = ?1",
    [ST_AUDIT_LIST] = "SELECT at, actor, action, object FROM audit_log ORDER BY id DESC LIMIT ?1",
    [ST_RECOVERY_CLEAR] = "DELETE FROM recovery_codes WHERE user_id = ?1",
    [ST_RECOVERY_ADD] = "INSERT INTO recovery_codes (user_id, code_hash) VALUES (?1, ?2)",
    [ST_RECOVERY_USE] =
	"UPDATE recovery_codes SET used_at = ?3 WHERE user_id = ?1 AND code_hash = ?2 AND used_at IS NULL",
    [ST_ITEM_GET] = "SELECT " ITEM_COLUMNS " FROM " ITEM_FROM " WHERE i.type = ?1 AND i.slug = ?2",
    [ST_ITEM_LIST_ALL] = "SELECT " ITEM_COLUMNS_WITH(
	"''", "NULL") " FROM " ITEM_FROM " WHERE (?1 IS NULL OR i.type = ?1) AND (?2 IS NULL OR i.status = ?2) "
		      "AND (?3 IS NULL OR i.title LIKE '%' || ?3 || '%') ORDER BY i.updated_at DESC, i.id DESC "
		      "LIMIT ?4 OFFSET ?5",
    [ST_ITEM_RENAME] = "UPDATE items SET slug = ?3 WHERE type = ?1 AND slug = ?2 RETURNING id",
    [ST_REDIRECT_ADD] = "INSERT OR REPLACE INTO slug_redirects (type, old_slug, item_id) VALUES (?1, ?2, ?3)",
    [ST_REDIRECT_DROP] = "DELETE FROM slug_redirects WHERE type = ?1 AND old_slug = ?2",
    [ST_REDIRECT_FIND] = "SELECT i.slug FROM slug_redirects r JOIN items i ON i.id = r.item_id "
			 "WHERE r.type = ?1 AND r.old_slug = ?2 AND i.status = 'gepubliceerd'",
    [ST_ITEM_DELETE] = "DELETE FROM items WHERE type = ?1 AND slug = ?2 RETURNING id",
    [ST_REVISION_ADD] = "INSERT INTO revisions (item_id, actor, snapshot) VALUES (?1, ?2, ?3)",
    [ST_REVISION_LIST] = "SELECT id, at, actor, NULL FROM revisions WHERE item_id = ?1 ORDER BY id DESC LIMIT ?2",
    [ST_REVISION_GET] = "SELECT id, at, actor, snapshot FROM revisions WHERE item_id = ?1 AND id = ?2",
    [ST_CATEGORY_ALL] =
	"SELECT c.slug, c.name, count(ic.item_id) FROM categories c "
	"LEFT JOIN item_categories ic ON ic.category_id = c.id GROUP BY c.id ORDER BY c.name COLLATE NOCASE",
    [ST_CATEGORY_ADD] = "INSERT INTO categories (slug, name) VALUES (?1, ?2)",
    [ST_CATEGORY_RENAME] = "UPDATE categories SET name = ?2 WHERE slug = ?1",
    [ST_CATEGORY_MOVE] = "INSERT OR IGNORE INTO item_categories (item_id, category_id) "
			 "SELECT ic.item_id, t.id FROM item_categories ic JOIN categories f ON f.id = ic.category_id "
			 "JOIN categories t ON t.slug = ?2 WHERE f.slug = ?1",
    [ST_CATEGORY_UNLINK] =
	"DELETE FROM item_categories WHERE category_id = (SELECT id FROM categories WHERE slug = ?1)",
    [ST_CATEGORY_DELETE] = "DELETE FROM categories WHERE slug = ?1 AND NOT EXISTS "
			   "(SELECT 1 FROM item_categories ic WHERE ic.category_id = categories.id)",
    [ST_REVISION_COUNT] = "SELECT count(*) FROM revisions WHERE item_id = ?1",
    [ST_SCHEDULE_SET] = "INSERT INTO schedules (item_id, publish_at) VALUES (?1, ?2) "
			"ON CONFLICT (item_id) DO UPDATE SET publish_at = ?2",
    [ST_SCHEDULE_CLEAR] = "DELETE FROM schedules WHERE item_id = ?1",
    [ST_SCHEDULE_GET] = "SELECT publish_at FROM schedules WHERE item_id = ?1",
    /* The status test in the outer WHERE makes the claim exactly-once across servers. */
    [ST_SCHEDULE_CLAIM] = "UPDATE items SET status = 'gepubliceerd', published = ?2, "
			  "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
			  "WHERE status = 'gepland' AND id = (SELECT s.item_id FROM schedules s "
			  "JOIN items i ON i.id = s.item_id WHERE s.publish_at <= ?1 AND i.status = 'gepland' "
			  "ORDER BY s.publish_at, s.item_id LIMIT 1) RETURNING id, type, slug",
    [ST_AUDIT] = "INSERT INTO audit_log (actor, action, object, detail) VALUES (?1, ?2, ?3, ?4)",
    [ST_CATEGORY_FIND] = "SELECT slug, name FROM categories WHERE slug = ?1",
    [ST_ITEM_CATS_CLEAR] =
	"DELETE FROM item_categories WHERE item_id = (SELECT id FROM items WHERE type = ?1 AND slug = ?2)",
    [ST_CATEGORY_UPSERT] = "INSERT INTO categories (slug, name) VALUES (?1, ?2) "
			   "ON CONFLICT (slug) DO UPDATE SET name = name RETURNING id",
    [ST_ITEM_CAT_ADD] = "INSERT OR IGNORE INTO item_categories (item_id, category_id) "
			"SELECT id, ?3 FROM items WHERE type = ?1 AND slug = ?2",
    [ST_FILE_GET] = "SELECT " FILE_COLUMNS " FROM files f WHERE f.hash = ?1",
    [ST_FILE_DATA] = "SELECT data FROM files WHERE hash = ?1",
    [ST_FILE_LIST] = "SELECT " FILE_COLUMNS " FROM files f ORDER BY f.id DESC LIMIT ?1 OFFSET ?2",
    [ST_FILE_TOTAL] = "SELECT count(*) FROM files",
    [ST_FILE_DELETE] = "DELETE FROM files WHERE hash = ?1 AND NOT EXISTS (SELECT 1 FROM items i WHERE "
		       "i.file_id = files.id OR instr(i.body, ?1) > 0 OR instr(i.image, ?1) > 0)",
    [ST_LEASE_TAKE] = "INSERT INTO leases (name, holder, expires_at) VALUES (?1, ?2, ?3 + ?4) "
		      "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at "
		      "WHERE leases.holder = excluded.holder OR leases.expires_at <= ?3 RETURNING holder",
    COPY_STATEMENTS,
    [ST_COPY_FINISH] = "SELECT 1",
    [ST_SEARCH_TEXT_CLEAR] = "DELETE FROM search_text",
    [ST_SEARCH_TERMS_CLEAR] = "DELETE FROM search_terms",
};
