-- The search index holds the analyzer's terms (src/text/), not raw text: stems of
-- title, lead and body in order (phrases stay adjacent), and compound parts in a
-- column of their own. rowid is the item id.
CREATE VIRTUAL TABLE search_fts USING fts5 (title, lead, body, parts, tokenize = 'ascii', prefix = '2 3 4');
CREATE VIRTUAL TABLE search_vocab USING fts5vocab (search_fts, 'row');

-- Folded surface words with their frequency: the vocabulary for typo correction
-- ("Bedoelde je ...?") and autocomplete.
CREATE TABLE search_words (
	word TEXT PRIMARY KEY,
	freq INTEGER NOT NULL
) WITHOUT ROWID;
