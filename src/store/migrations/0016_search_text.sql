-- search_text holds each indexed item's terms (the analyzer's stems of title,
-- lead, body and compound parts), keyed by item id. Its triggers keep the rest
-- in step, so store/search.c only inserts and deletes its rows:
--
--   search_fts    the FTS5 index of those terms, contentless, its rows
--                 numbered 2^40 - item id (SEARCH_ROWID_BASE, sqlite_rank.h):
--                 the newest item comes first, and FTS5 walks forwards a third
--                 faster than backwards. A search counts and ranks its newest
--                 matches.
--   search_terms  how many items hold each term, so ranking reads a term's idf
--                 instead of counting its documents on every search; a term
--                 no item holds any more stays at 0.
CREATE TABLE search_text (
	id INTEGER PRIMARY KEY,
	title TEXT NOT NULL,
	lead TEXT NOT NULL,
	body TEXT NOT NULL,
	parts TEXT NOT NULL
);
INSERT INTO search_text (id, title, lead, body, parts) SELECT rowid, title, lead, body, parts FROM search_fts;

DROP TABLE search_vocab;
DROP TABLE search_fts;
CREATE VIRTUAL TABLE search_fts USING fts5 (title, lead, body, parts, content = '', tokenize = 'ascii',
	prefix = '2 3 4');
INSERT INTO search_fts (rowid, title, lead, body, parts)
	SELECT 1099511627776 - id, title, lead, body, parts FROM search_text;
CREATE VIRTUAL TABLE search_vocab USING fts5vocab (search_fts, 'row');

CREATE TABLE search_terms (
	term TEXT PRIMARY KEY,
	docs INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO search_terms (term, docs) SELECT term, doc FROM search_vocab;

-- A row's terms as rows of json_each: stems joined by spaces, [a-z0-9] only
-- (quotes and backslashes are dropped all the same, so no text breaks the JSON).
CREATE TRIGGER search_text_add AFTER INSERT ON search_text
BEGIN
	INSERT INTO search_fts (rowid, title, lead, body, parts)
		VALUES (1099511627776 - new.id, new.title, new.lead, new.body, new.parts);
	INSERT INTO search_terms (term, docs)
		SELECT DISTINCT value, 1 FROM json_each('["' || replace(replace(replace(
			new.title || ' ' || new.lead || ' ' || new.body || ' ' || new.parts,
			'\', ''), '"', ''), ' ', '","') || '"]') WHERE value <> ''
		ON CONFLICT (term) DO UPDATE SET docs = docs + 1;
	UPDATE search_version SET n = n + 1;
END;
-- After 'delete-all' (store_search_clear) the rows are no longer in the index:
-- telling FTS5 to delete them then would corrupt it.
CREATE TRIGGER search_text_drop AFTER DELETE ON search_text
	WHEN EXISTS (SELECT 1 FROM search_fts_docsize WHERE id = 1099511627776 - old.id)
BEGIN
	INSERT INTO search_fts (search_fts, rowid, title, lead, body, parts)
		VALUES ('delete', 1099511627776 - old.id, old.title, old.lead, old.body, old.parts);
	UPDATE search_terms SET docs = docs - 1 WHERE term IN (SELECT value FROM json_each('["' ||
		replace(replace(replace(old.title || ' ' || old.lead || ' ' || old.body || ' ' || old.parts,
		'\', ''), '"', ''), ' ', '","') || '"]'));
END;
CREATE TRIGGER search_text_gone AFTER DELETE ON search_text
BEGIN
	UPDATE search_version SET n = n + 1;
END;

