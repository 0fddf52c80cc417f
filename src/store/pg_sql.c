/*
 * All SQL the PostgreSQL store runs, by the same statement names as
 * sqlite_sql.c and with the same parameter numbers and result columns.
 *
 * Parameters get explicit casts where PostgreSQL cannot infer their type
 * (`$1::text IS NULL`). Text that is sorted is COLLATE "C" in the schema, so
 * orders match SQLite's; NOCASE becomes lower(). A text without parameters and
 * with a ';' is a script (pg.c runs it with PQexec): ST_BEGIN takes the writers'
 * lock in the same round trip.
 */
#include "store/db.h"
#include "store/sql_copy.h"
#include "store/sql_cases.h"
#include "store/sql_items.h"
#include "store/sql_purge.h"
#include "store/sql_reports.h"

#define CASE_TAGS                                                                                                      \
	"(SELECT string_agg(g.kind || ':' || g.code, ',' ORDER BY g.kind, g.code) FROM case_tags g WHERE g.case_id = " \
	"c.id)"
#define CASE_THEMES "(SELECT string_agg(theme, ',' ORDER BY theme) FROM case_themes t WHERE t.case_id = c.id)"

#define ITEM_CATEGORIES                                                                                                \
	"(SELECT string_agg(c.slug || chr(31) || c.name, chr(30) ORDER BY c.name) "                                    \
	"FROM item_categories ic JOIN categories c ON c.id = ic.category_id WHERE ic.item_id = i.id)"
#define ITEM_COLUMNS ITEM_COLUMNS_WITH("i.body", ITEM_CATEGORIES)

/* $1 type (NULL: all), $2 JSON array of category slugs (NULL: all); published items only. */
#define ITEM_FILTER                                                                                                    \
	"($1::text IS NULL OR i.type = $1::text) AND i.status = 'gepubliceerd' AND ($2::text IS NULL OR EXISTS "       \
	"(SELECT 1 FROM item_categories ic JOIN categories c ON c.id = ic.category_id WHERE ic.item_id = i.id "        \
	"AND c.slug IN (SELECT jsonb_array_elements_text($2::jsonb))))"

#define ROLES "(SELECT string_agg(role, ',') FROM user_roles r WHERE r.user_id = u.id)"

/*
 * bm25 as FTS5 computes it (k1 1.2, b 0.75): for each phrase of the bound
 * expression (pg_tsquery.c) its idf over all documents, then per document the
 * phrase's weighted frequency (vt_phrase_freq, 0004_search.pg.sql; 0 where the
 * AND groups around it do not match, as in FTS5) against the document's length. Negated, so that lower is better as there.
 */
#define BM25_WITH(n)                                                                                                   \
	"WITH ph AS (SELECT e.p->'t' AS t, (e.p->>'x')::boolean AS x, nullif(e.p->>'g', '') AS g, "                    \
	"greatest(ln((c.n - h.hits + 0.5) / (h.hits + 0.5)), 1e-6) AS idf "                                            \
	"FROM jsonb_array_elements($" #n "::jsonb->'p') e(p), (SELECT count(*)::float8 AS n FROM search_docs) c, "     \
	"LATERAL (SELECT count(*)::float8 AS hits FROM search_docs h "                                                 \
	"WHERE h.tsv @@ to_tsquery('simple', e.p->>'q')) h), "                                                         \
	"dl AS (SELECT avg(ntok)::float8 AS avgdl FROM search_docs) "
#define BM25                                                                                                           \
	"-(SELECT coalesce(sum(ph.idf * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * d.ntok / dl.avgdl))), 0) "                 \
	"FROM ph, LATERAL (SELECT CASE WHEN ph.g IS NULL OR d.tsv @@ to_tsquery('simple', ph.g) "                      \
	"THEN vt_phrase_freq(d.tsv, ph.t, ph.x) ELSE 0 END AS f) f)"
#define QUERY(n) "to_tsquery('simple', $" #n "::jsonb->>'q')"
/* Newer items get up to 30% more, as on SQLite. */
#define SEARCH_BOOST                                                                                                   \
	"(1.0 + 0.3 * greatest(0.0, 1.0 - extract(epoch FROM statement_timestamp() - "                                 \
	"(i.published::timestamp AT TIME ZONE 'UTC'))::float8 / 86400.0 / 730.0))"
#define TSV(n, w) "setweight(to_tsvector('simple', coalesce($" #n "::text, '')), '" w "')"

/* As FILE_COLUMNS in sqlite_sql.c. */
#define FILE_COLUMNS                                                                                                   \
	"f.id, f.hash, f.name, f.content_type, f.alt, f.uploaded_by, f.created_at, f.size, f.width, f.height, "        \
	"(f.stored = 'db')::int, (SELECT count(*) FROM items i WHERE i.file_id = f.id "                                \
	"OR strpos(i.body, f.hash) > 0 OR strpos(i.image, f.hash) > 0)"

const char *const pg_sql[ST_COUNT] = {
    /* One lock for all writers, held to the end of the transaction: they queue as with BEGIN IMMEDIATE. */
    [ST_BEGIN] = "BEGIN; SELECT pg_advisory_xact_lock(7600000000000000001)",
    [ST_BEGIN_READ] = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
    [ST_COMMIT] = "COMMIT",
    [ST_ROLLBACK] = "ROLLBACK",
    [ST_SCHEMA_VERSION] = "SELECT coalesce(max(version), 0) FROM schema_migrations",
    [ST_SCHEMA_RECORD] = "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
    [ST_DATA_VERSION] = "SELECT n FROM data_version",
    [ST_ITEM_UPSERT] =
	"INSERT INTO items (type, slug, title, lead, body, author, published, status, image, image_alt, file_id, "
	"words) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::bigint, $12::bigint) "
	"ON CONFLICT (type, slug) DO UPDATE SET title = $3, lead = $4, body = $5, author = $6, published = $7, "
	"status = $8, image = $9, image_alt = $10, "
	"file_id = CASE WHEN $13::bigint <> 0 THEN items.file_id ELSE $11::bigint END, words = $12::bigint, "
	"updated_at = vt_now() "
	"WHERE items.title IS DISTINCT FROM $3 OR items.lead IS DISTINCT FROM $4 OR items.body IS DISTINCT FROM $5 "
	"OR items.author IS DISTINCT FROM $6 OR items.published IS DISTINCT FROM $7 "
	"OR items.status IS DISTINCT FROM $8 OR items.image IS DISTINCT FROM $9 "
	"OR items.image_alt IS DISTINCT FROM $10 OR ($13::bigint = 0 AND items.file_id IS DISTINCT FROM $11::bigint)",
    [ST_FILE_UPSERT] =
	"INSERT INTO files (hash, name, content_type, size, data, stored, alt, width, height, uploaded_by) "
	"VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (hash) DO UPDATE SET name = excluded.name, "
	"alt = CASE WHEN files.alt = '' THEN excluded.alt ELSE files.alt END RETURNING id",
    [ST_ITEM_FILE] = "SELECT f.hash FROM items i JOIN files f ON f.id = i.file_id "
		     "WHERE i.type = $1 AND i.slug = $2 AND i.status = 'gepubliceerd'",
    [ST_ITEM_ID] = "SELECT id FROM items WHERE type = $1 AND slug = $2",
    [ST_ITEM_ALL] = "SELECT " ITEM_COLUMNS " FROM " ITEM_FROM " ORDER BY i.type, i.slug",
    [ST_FILE_BY_ITEM] = "SELECT f.hash FROM items i JOIN files f ON f.id = i.file_id WHERE i.id = $1",
    [ST_ITEM_FIND] = "SELECT " ITEM_COLUMNS " FROM " ITEM_FROM " "
		     "WHERE i.type = $1 AND i.slug = $2 AND i.status = 'gepubliceerd'",
    [ST_ITEM_CATS] = "SELECT ic.item_id, c.slug, c.name FROM item_categories ic "
		     "JOIN categories c ON c.id = ic.category_id "
		     "WHERE ic.item_id IN (SELECT jsonb_array_elements_text($1::jsonb)::bigint) ORDER BY c.name",
    [ST_ITEM_LIST] =
	"SELECT " ITEM_COLUMNS_WITH("''", "NULL") " FROM " ITEM_FROM " WHERE " ITEM_FILTER
						  " ORDER BY i.published DESC, i.id DESC LIMIT $4 OFFSET $3",
    [ST_ITEM_COUNT] = "SELECT count(*) FROM items i WHERE " ITEM_FILTER,
    [ST_ITEM_COUNT_ALL] = "SELECT count(*) FROM items",
    [ST_ITEM_URLS] = "SELECT type, slug, updated_at FROM items WHERE status = 'gepubliceerd' "
		     "ORDER BY type, slug COLLATE \"C\" LIMIT $1",
    [ST_CATEGORY_COUNTS] = "SELECT c.slug, c.name, count(*) FROM categories c "
			   "JOIN item_categories ic ON ic.category_id = c.id JOIN items i ON i.id = ic.item_id "
			   "WHERE i.status = 'gepubliceerd' AND ($1::text IS NULL OR i.type = $1::text) "
			   "GROUP BY c.id ORDER BY lower(c.name), c.id",
    [ST_SEARCH_DELETE] = "DELETE FROM search_docs WHERE id = $1",
    [ST_SEARCH_INSERT] =
	"INSERT INTO search_docs (id, ntok, tsv) VALUES ($1, (SELECT count(*) FROM regexp_matches("
	"concat_ws(' ', $2::text, $3::text, $4::text, $5::text), '[^[:space:][:punct:]]+', 'g')), " TSV(
	    2, "A") " || " TSV(3, "B") " || " TSV(4, "D") " || " TSV(5, "C") ")",
    [ST_SEARCH_CLEAR] = "DELETE FROM search_docs",
    [ST_SEARCH_SIZE] = "SELECT count(*) FROM search_docs",
    [ST_SEARCH_WORDS_CLEAR] = "DELETE FROM search_words",
    [ST_SEARCH_WORD] =
	"INSERT INTO search_words (word, freq) SELECT key, value::bigint FROM jsonb_each_text($1::jsonb) "
	"ON CONFLICT (word) DO UPDATE SET freq = search_words.freq + excluded.freq",
    [ST_SEARCH_WORDS] = "SELECT word, freq FROM search_words WHERE freq >= $1 ORDER BY freq DESC, word LIMIT $2",
    [ST_SEARCH_HAS_TERM] = "SELECT 1 FROM search_docs d WHERE d.tsv @@ phraseto_tsquery('simple', $1::text) LIMIT 1",
    /* As on SQLite: (total, id, score) rows of the $3 best of the newest $4 + 1 matches, total at most $6. */
    [ST_SEARCH] =
	BM25_WITH(5) ", m AS (SELECT d.id FROM search_docs d JOIN items i ON i.id = d.id "
		     "WHERE d.tsv @@ " QUERY(
			 5) " AND " ITEM_FILTER " ORDER BY d.id DESC LIMIT $6::bigint), "
			    "r AS (SELECT d.id, (" BM25 ") * " SEARCH_BOOST " AS score "
			    "FROM (SELECT id FROM m ORDER BY id DESC "
			    "LIMIT CASE WHEN $4::bigint > 0 THEN $4::bigint + 1 END) k "
			    "JOIN search_docs d ON d.id = k.id JOIN items i ON i.id = d.id, dl "
			    "ORDER BY score, d.id LIMIT $3::bigint) "
			    "SELECT (SELECT count(*) FROM m), r.id, r.score FROM (SELECT 1) one LEFT JOIN r ON true "
			    "ORDER BY r.score, r.id",
    [ST_ITEMS_BY_ID] = "SELECT " ITEM_COLUMNS_WITH(
	"''", "NULL") " FROM " ITEM_FROM " WHERE i.id IN (SELECT jsonb_array_elements_text($1::jsonb)::bigint) "
		      "AND i.status = 'gepubliceerd'",
    [ST_SEARCH_TYPES] = "SELECT i.type, count(*) FROM search_docs d JOIN items i ON i.id = d.id "
			"WHERE d.tsv @@ " QUERY(1) " AND i.status = 'gepubliceerd' GROUP BY i.type ORDER BY i.type",
    [ST_SEARCH_CATS] = "SELECT c.slug, c.name, count(*) FROM search_docs d JOIN items i ON i.id = d.id "
		       "JOIN item_categories ic ON ic.item_id = i.id JOIN categories c ON c.id = ic.category_id "
		       "WHERE d.tsv @@ " QUERY(1) " AND i.status = 'gepubliceerd' GROUP BY c.id "
						  "ORDER BY count(*) DESC, lower(c.name), c.id LIMIT 30",
    [ST_ITEM_TEXT] = "SELECT lead, body FROM items WHERE id = $1 AND status = 'gepubliceerd'",
    [ST_USER_ADD] = "INSERT INTO users (email, name) VALUES ($1, $2) RETURNING id",
    [ST_USER_ROLES_CLEAR] = "DELETE FROM user_roles WHERE user_id = $1",
    [ST_USER_ROLE_ADD] = "INSERT INTO user_roles (user_id, role) VALUES ($1, $2)",
    [ST_USER_FIND] = "SELECT u.id, u.email, u.name, u.disabled, u.auth IS NOT NULL, u.created_at, " ROLES
		     " FROM users u WHERE lower(u.email) = lower($1::text)",
    [ST_USER_LIST] = "SELECT u.id, u.email, u.name, u.disabled, u.auth IS NOT NULL, u.created_at, " ROLES
		     " FROM users u ORDER BY lower(u.email)",
    [ST_USER_DISABLE] = "UPDATE users SET disabled = $2 WHERE id = $1",
    [ST_USER_PASSWORD] =
	"UPDATE users SET salt = $2, auth = $3, pw_ops = $4, pw_mem = $5, password_changed_at = vt_now() WHERE id = $1",
    [ST_USER_AUTH] = "SELECT u.id, u.email, u.name, u.disabled, " ROLES ", u.salt, u.auth, u.totp_secret, "
		     "u.pw_ops, u.pw_mem, k.pk, k.sk_password FROM users u LEFT JOIN user_keys k ON k.user_id = u.id "
		     "WHERE lower(u.email) = lower($1::text)",
    [ST_USER_TOTP] = "UPDATE users SET totp_secret = $2, totp_last_step = 0 WHERE id = $1",
    [ST_USER_TOTP_STEP] = "UPDATE users SET totp_last_step = $2 WHERE id = $1 AND totp_last_step < $2",
    [ST_SESSION_ADD] =
	"INSERT INTO sessions (id, user_id, created_at, seen_at, agent, sk) VALUES ($1, $2, $3, $3, $4, $5)",
    [ST_SESSION_GET] = "SELECT s.id, s.user_id, s.created_at, s.seen_at, s.agent, u.email, u.name, u.disabled, " ROLES
		       ", s.sk FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1",
    [ST_SESSION_TOUCH] = "UPDATE sessions SET seen_at = $2 WHERE id = $1",
    [ST_SESSION_DELETE] = "DELETE FROM sessions WHERE id = $1",
    [ST_SESSION_DELETE_USER] = "DELETE FROM sessions WHERE user_id = $1",
    [ST_SESSION_LIST] = "SELECT s.id, s.user_id, s.created_at, s.seen_at, s.agent, u.email, u.name, u.disabled, " ROLES
			", NULL FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.user_id = $1 "
			"ORDER BY s.created_at DESC",
    [ST_ORG_ADD] = "INSERT INTO organisations (slug, name, workers, sector, logo, procedure, listed, receipt_salt) "
		   "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    [ST_ORG_UPDATE] =
	"UPDATE organisations SET slug = $1, name = $2, workers = $3, sector = $4, logo = $5, procedure = "
	"$6, listed = $7 WHERE id = $8",
    [ST_ORG_CASE_SETTINGS] = "UPDATE organisations SET respond_days = $2, retention_months = $3 WHERE id = $1",
    [ST_ORG_GET] = "SELECT o.id, o.slug, o.name, o.workers, o.sector, o.logo, o.procedure, o.listed, o.receipt_salt, "
		   "o.respond_days, o.retention_months "
		   "FROM organisations o WHERE o.id = $1",
    [ST_ORG_BY_SLUG] = "SELECT o.id, o.slug, o.name, o.workers, o.sector, o.logo, o.procedure, o.listed, "
		       "o.receipt_salt, o.respond_days, o.retention_months "
		       "FROM organisations o WHERE o.slug = $1",
    [ST_ORG_LIST] = "SELECT o.id, o.slug, o.name, o.workers, o.sector, o.logo, o.procedure, o.listed, o.receipt_salt, "
		    "o.respond_days, o.retention_months "
		    "FROM organisations o WHERE strpos(lower(o.name), lower($1::text)) > 0 AND ($2::bigint = 0 OR "
		    "o.listed = 1) ORDER BY lower(o.name)",
    [ST_ORG_MEMBER_ADD] = "INSERT INTO org_members (org_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    [ST_ORG_MEMBER_REMOVE] = "DELETE FROM org_members WHERE org_id = $1 AND user_id = $2 AND role = $3",
    [ST_ORG_OF_USER] =
	"SELECT o.id, o.slug, o.name, o.workers, o.sector, o.logo, o.procedure, o.listed, o.receipt_salt, "
	"o.respond_days, o.retention_months "
	"FROM organisations o JOIN org_members m ON m.org_id = o.id WHERE m.user_id = $1 AND m.role = $2 "
	"ORDER BY o.name",
    [ST_ORG_VPS] = "SELECT u.id, u.name, u.email, p.kind, p.focus, p.languages, p.phone, p.reach, p.photo, p.intro, "
		   "p.trained_on, p.refresher_on, p.other_roles FROM "
		   "org_members m JOIN users u ON u.id = m.user_id LEFT JOIN vp_profiles p ON p.user_id = u.id WHERE "
		   "m.org_id = $1 AND m.role = 'vertrouwenspersoon' AND u.disabled = 0 ORDER BY u.name",
    [ST_VP_PROFILE_SET] =
	"INSERT INTO vp_profiles (user_id, kind, focus, languages, phone, reach, photo, intro, trained_on, "
	"refresher_on, other_roles) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, nullif($9, ''), nullif($10, ''), $11) "
	"ON CONFLICT (user_id) DO UPDATE SET kind = $2, focus = $3, languages = $4, phone = $5, reach = $6, "
	"photo = $7, intro = $8, trained_on = nullif($9, ''), refresher_on = nullif($10, ''), other_roles = $11",
    [ST_VP_PROFILE_GET] =
	"SELECT kind, focus, languages, phone, reach, photo, intro, trained_on, refresher_on, other_roles FROM "
	"vp_profiles p WHERE p.user_id = $1",
    [ST_ORG_MEMBER_HAS] = "SELECT 1 FROM org_members WHERE org_id = $1 AND user_id = $2 AND role = $3",
    [ST_CASE_ADD] = "INSERT INTO cases (org_id, month, mode, channel, received_on, ack_due, melder_lookup, melder_box, "
		    "melder_ops, melder_mem) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    [ST_CASE_THEME_ADD] = "INSERT INTO case_themes (case_id, theme) VALUES ($1, $2) ON CONFLICT DO NOTHING",
    [ST_CASE_ACCESS_ADD] =
	"INSERT INTO case_access (case_id, user_id, sealed) VALUES ($1, $2, $3) ON CONFLICT (case_id, "
	"user_id) DO UPDATE SET sealed = excluded.sealed",
    [ST_CASE_SEALED] = "SELECT sealed FROM case_access WHERE case_id = $1 AND user_id = $2",
    [ST_CASE_GET] = "SELECT " CASE_COLUMNS(CASE_THEMES) " FROM cases c WHERE c.id = $1 AND c.org_id = $2",
    [ST_CASE_BY_ID] = "SELECT " CASE_COLUMNS(CASE_THEMES) " FROM cases c WHERE c.id = $1",
    [ST_CASE_BY_LOOKUP] = "SELECT " CASE_COLUMNS(CASE_THEMES) ", c.melder_box FROM cases c WHERE c.melder_lookup = $1",
    [ST_CASE_SEARCH] = "SELECT " CASE_COLUMNS(
	CASE_THEMES) ", (SELECT count(*) FROM case_records r WHERE r.case_id = c.id AND r.author = 'melder' AND r.id > "
		     "coalesce((SELECT last_id FROM case_reads d WHERE d.case_id = c.id AND d.reader = 'u' || "
		     "$1::bigint::text), 0)), " CASE_WAITING CASE_FROM("$1")
			 CASE_FILTER("$2", "$3", "$4", "$5", "$6", "$7") " ORDER BY x.case_id DESC LIMIT $8 OFFSET $9",
    [ST_CASE_COUNT] = "SELECT count(*)" CASE_FROM("$1") CASE_FILTER("$2", "$3", "$4", "$5", "$6", "$7"),
    [ST_CASE_OVERVIEW] = CASE_OVERVIEW("$1", "$2", "$3", "$4"),
    [ST_CASE_STATS] = CASE_STATS(CASE_THEMES, CASE_TAGS, "$1", "$2", "$3"),
    REPORT_STATEMENTS,
    CASE_STATEMENTS,
    PURGE_STATEMENTS,
    [ST_FORGET_DELETED] = "SELECT 0",
    [ST_RECORD_ADD] =
	"INSERT INTO case_records (case_id, kind, author, body) VALUES ($1, $2, $3, ''::bytea) RETURNING id",
    [ST_RECORD_BODY] = "UPDATE case_records SET body = $2 WHERE id = $1",
    [ST_RECORDS] = "SELECT id, kind, author, body FROM case_records WHERE case_id = $1 ORDER BY id",
    [ST_CASE_SEEN] =
	"INSERT INTO case_reads (case_id, reader, last_id) VALUES ($1, $2, $3) ON CONFLICT (case_id, reader) "
	"DO UPDATE SET last_id = excluded.last_id",
    [ST_CASE_UNSEEN] = "SELECT count(*) FROM case_records r WHERE r.case_id = $1 AND r.author = $3 AND r.id > "
		       "coalesce((SELECT last_id FROM case_reads d WHERE d.case_id = $1 AND d.reader = $2), 0)",
    [ST_CONSENT_ADD] =
	"INSERT INTO case_consents (case_id, what, how, given, at, ref) VALUES ($1, $2, $3, $4, $5, nullif($6, 0))",
    [ST_MELDER_SESSION_ADD] =
	"INSERT INTO melder_sessions (id, case_id, ck, created_at, seen_at) VALUES ($1, $2, $3, $4, $4)",
    [ST_MELDER_SESSION_GET] = "SELECT case_id, ck, created_at, seen_at FROM melder_sessions WHERE id = $1",
    [ST_MELDER_SESSION_TOUCH] = "UPDATE melder_sessions SET seen_at = $2 WHERE id = $1",
    [ST_MELDER_SESSION_DELETE] = "DELETE FROM melder_sessions WHERE id = $1",
    [ST_NOTIFY_ADD] = "INSERT INTO notifications (user_id, created_at) VALUES ($1, $2)",
    [ST_NOTIFY_DUE] = "SELECT DISTINCT n.user_id, u.email, n.kind FROM notifications n JOIN users u ON u.id = "
		      "n.user_id WHERE u.disabled = 0 ORDER BY n.user_id, n.kind",
    [ST_NOTIFY_DONE] = "DELETE FROM notifications WHERE user_id = $1 AND kind = $2",
    [ST_NOTIFY_DEADLINE] = "INSERT INTO notifications (user_id, created_at, kind) VALUES ($1, $2, 'termijn')",
    [ST_CASE_READERS] = "SELECT user_id FROM case_access WHERE case_id = $1 ORDER BY user_id",
    [ST_CASE_FILE_PUT] = "INSERT INTO case_files (case_id, record_id, data) VALUES ($1, $2, $3)",
    [ST_CASE_FILE_OF] = "SELECT data FROM case_files WHERE case_id = $1 AND record_id = $2",
    [ST_KEY_GET] = "SELECT pk, sk_password, sk_recovery, created_at FROM user_keys WHERE user_id = $1",
    [ST_KEY_SET] =
	"INSERT INTO user_keys (user_id, pk, sk_password, sk_recovery, created_at) VALUES ($1, $2, $3, $4, $5) "
	"ON CONFLICT (user_id) DO UPDATE SET pk = $2, sk_password = $3, sk_recovery = $4, created_at = $5",
    [ST_KEY_REWRAP] = "UPDATE user_keys SET sk_password = $2 WHERE user_id = $1",
    [ST_ATTEMPTS] = "SELECT failures, last_at FROM login_attempts WHERE key = $1",
    [ST_ATTEMPT_FAIL] = "INSERT INTO login_attempts (key, failures, last_at) VALUES ($1, 1, $2) "
			"ON CONFLICT (key) DO UPDATE SET failures = login_attempts.failures + 1, last_at = $2",
    [ST_ATTEMPT_REFUND] = "UPDATE login_attempts SET failures = GREATEST(failures - 1, 0) WHERE key = $1",
    [ST_ATTEMPT_CLEAR] = "DELETE FROM login_attempts WHERE key = $1",
    [ST_SETUP_ADD] = "INSERT INTO setup_links (id, user_id, expires_at, totp_secret) VALUES ($1, $2, $3, $4)",
    [ST_SETUP_GET] = "SELECT u.id, u.email, u.name, u.disabled, " ROLES ", l.expires_at, l.totp_secret "
		     "FROM setup_links l JOIN users u ON u.id = l.user_id WHERE l.id = $1",
    [ST_SETUP_DELETE_USER] = "DELETE FROM setup_links WHERE user_id = $1",
    [ST_AUDIT_LIST] = "SELECT at, actor, action, object FROM audit_log ORDER BY id DESC LIMIT $1",
    [ST_RECOVERY_CLEAR] = "DELETE FROM recovery_codes WHERE user_id = $1",
    [ST_RECOVERY_ADD] = "INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)",
    [ST_RECOVERY_USE] =
	"UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL",
    [ST_ITEM_GET] = "SELECT " ITEM_COLUMNS " FROM " ITEM_FROM " WHERE i.type = $1 AND i.slug = $2",
    [ST_ITEM_LIST_ALL] =
	"SELECT " ITEM_COLUMNS_WITH("''", "NULL") " FROM " ITEM_FROM " WHERE ($1::text IS NULL OR i.type = $1::text) "
						  "AND ($2::text IS NULL OR i.status = $2::text) "
						  "AND ($3::text IS NULL OR i.title ILIKE '%' || $3::text || '%') "
						  "ORDER BY i.updated_at DESC, i.id DESC LIMIT $4 OFFSET $5",
    [ST_ITEM_RENAME] = "UPDATE items SET slug = $3 WHERE type = $1 AND slug = $2 RETURNING id",
    [ST_REDIRECT_ADD] = "INSERT INTO slug_redirects (type, old_slug, item_id) VALUES ($1, $2, $3) "
			"ON CONFLICT (type, old_slug) DO UPDATE SET item_id = excluded.item_id",
    [ST_REDIRECT_DROP] = "DELETE FROM slug_redirects WHERE type = $1 AND old_slug = $2",
    [ST_REDIRECT_FIND] = "SELECT i.slug FROM slug_redirects r JOIN items i ON i.id = r.item_id "
			 "WHERE r.type = $1 AND r.old_slug = $2 AND i.status = 'gepubliceerd'",
    [ST_ITEM_DELETE] = "DELETE FROM items WHERE type = $1 AND slug = $2 RETURNING id",
    [ST_REVISION_ADD] = "INSERT INTO revisions (item_id, actor, snapshot) VALUES ($1, $2, $3)",
    [ST_REVISION_LIST] = "SELECT id, at, actor, NULL FROM revisions WHERE item_id = $1 ORDER BY id DESC LIMIT $2",
    [ST_REVISION_GET] = "SELECT id, at, actor, snapshot FROM revisions WHERE item_id = $1 AND id = $2",
    [ST_CATEGORY_ALL] = "SELECT c.slug, c.name, count(ic.item_id) FROM categories c "
			"LEFT JOIN item_categories ic ON ic.category_id = c.id GROUP BY c.id "
			"ORDER BY lower(c.name), c.id",
    [ST_CATEGORY_ADD] = "INSERT INTO categories (slug, name) VALUES ($1, $2)",
    [ST_CATEGORY_RENAME] = "UPDATE categories SET name = $2 WHERE slug = $1",
    [ST_CATEGORY_MOVE] = "INSERT INTO item_categories (item_id, category_id) "
			 "SELECT ic.item_id, t.id FROM item_categories ic JOIN categories f ON f.id = ic.category_id "
			 "JOIN categories t ON t.slug = $2 WHERE f.slug = $1 ON CONFLICT DO NOTHING",
    [ST_CATEGORY_UNLINK] =
	"DELETE FROM item_categories WHERE category_id = (SELECT id FROM categories WHERE slug = $1)",
    [ST_CATEGORY_DELETE] = "DELETE FROM categories WHERE slug = $1 AND NOT EXISTS "
			   "(SELECT 1 FROM item_categories ic WHERE ic.category_id = categories.id)",
    [ST_REVISION_COUNT] = "SELECT count(*) FROM revisions WHERE item_id = $1",
    [ST_SCHEDULE_SET] = "INSERT INTO schedules (item_id, publish_at) VALUES ($1, $2) "
			"ON CONFLICT (item_id) DO UPDATE SET publish_at = $2",
    [ST_SCHEDULE_CLEAR] = "DELETE FROM schedules WHERE item_id = $1",
    [ST_SCHEDULE_GET] = "SELECT publish_at FROM schedules WHERE item_id = $1",
    /* Under READ COMMITTED a second claimer waits for the row and then sees status no longer 'gepland'. */
    [ST_SCHEDULE_CLAIM] = "UPDATE items SET status = 'gepubliceerd', published = $2, updated_at = vt_now() "
			  "WHERE status = 'gepland' AND id = (SELECT s.item_id FROM schedules s "
			  "JOIN items i ON i.id = s.item_id WHERE s.publish_at <= $1 AND i.status = 'gepland' "
			  "ORDER BY s.publish_at, s.item_id LIMIT 1) RETURNING id, type, slug",
    [ST_AUDIT] = "INSERT INTO audit_log (actor, action, object, detail) VALUES ($1, $2, $3, $4)",
    [ST_CATEGORY_FIND] = "SELECT slug, name FROM categories WHERE slug = $1",
    [ST_ITEM_CATS_CLEAR] =
	"DELETE FROM item_categories WHERE item_id = (SELECT id FROM items WHERE type = $1 AND slug = $2)",
    [ST_CATEGORY_UPSERT] = "INSERT INTO categories (slug, name) VALUES ($1, $2) "
			   "ON CONFLICT (slug) DO UPDATE SET name = categories.name RETURNING id",
    [ST_ITEM_CAT_ADD] = "INSERT INTO item_categories (item_id, category_id) "
			"SELECT id, $3::bigint FROM items WHERE type = $1 AND slug = $2 ON CONFLICT DO NOTHING",
    [ST_FILE_GET] = "SELECT " FILE_COLUMNS " FROM files f WHERE f.hash = $1",
    [ST_FILE_DATA] = "SELECT data FROM files WHERE hash = $1",
    [ST_FILE_LIST] = "SELECT " FILE_COLUMNS " FROM files f ORDER BY f.id DESC LIMIT $1 OFFSET $2",
    [ST_FILE_TOTAL] = "SELECT count(*) FROM files",
    [ST_FILE_DELETE] = "DELETE FROM files WHERE hash = $1 AND NOT EXISTS (SELECT 1 FROM items i WHERE "
		       "i.file_id = files.id OR strpos(i.body, $1) > 0 OR strpos(i.image, $1) > 0)",
    [ST_LEASE_TAKE] = "INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, $3::bigint + $4::bigint) "
		      "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at "
		      "WHERE leases.holder = excluded.holder OR leases.expires_at <= $3::bigint RETURNING holder",
    COPY_STATEMENTS,
    /* Identity columns continue after the copied ids. */
    [ST_COPY_FINISH] =
	"SELECT "
	"setval(pg_get_serial_sequence('items', 'id'), coalesce((SELECT max(id) FROM items), 0) + 1, false)"
	", "
	"setval(pg_get_serial_sequence('categories', 'id'), coalesce((SELECT max(id) FROM categories), 0) + 1, false)"
	", "
	"setval(pg_get_serial_sequence('files', 'id'), coalesce((SELECT max(id) FROM files), 0) + 1, false)"
	", "
	"setval(pg_get_serial_sequence('users', 'id'), coalesce((SELECT max(id) FROM users), 0) + 1, false)"
	", "
	"setval(pg_get_serial_sequence('audit_log', 'id'), coalesce((SELECT max(id) FROM audit_log), 0) + 1, false)"
	", "
	"setval(pg_get_serial_sequence('revisions', 'id'), coalesce((SELECT max(id) FROM revisions), 0) + 1, false)"
	", "
	"setval(pg_get_serial_sequence('organisations', 'id'), coalesce((SELECT max(id) FROM organisations), 0) + 1, "
	"false), "
	"setval(pg_get_serial_sequence('cases', 'id'), coalesce((SELECT max(id) FROM cases), 0) + 1, false), "
	"setval(pg_get_serial_sequence('case_records', 'id'), coalesce((SELECT max(id) FROM case_records), 0) + 1, "
	"false), "
	"setval(pg_get_serial_sequence('case_consents', 'id'), coalesce((SELECT max(id) FROM case_consents), 0) + 1, "
	"false), "
	"setval(pg_get_serial_sequence('case_files', 'id'), coalesce((SELECT max(id) FROM case_files), 0) + 1, false), "
	"setval(pg_get_serial_sequence('case_actions', 'id'), coalesce((SELECT max(id) FROM case_actions), 0) + 1, "
	"false), "
	"setval(pg_get_serial_sequence('case_audit', 'id'), coalesce((SELECT max(id) FROM case_audit), 0) + 1, false)",
    /* SQLite's terms and document frequencies beside its index (0015); PostgreSQL needs neither. */
    [ST_SEARCH_TEXT_CLEAR] = "SELECT 1",
    [ST_SEARCH_TERMS_CLEAR] = "SELECT 1",
};
