-- The search index (PostgreSQL): the analyzer's terms of title, lead, body and
-- compound parts as one tsvector built with the 'simple' configuration (the
-- terms are already folded and stemmed), weighted A (title), B (lead),
-- C (parts), D (body). id is the item id.
CREATE TABLE search_docs (
	id bigint PRIMARY KEY,
	tsv tsvector NOT NULL
);
CREATE INDEX search_docs_tsv ON search_docs USING gin (tsv);

CREATE TABLE search_words (
	word text COLLATE "C" PRIMARY KEY,
	freq bigint NOT NULL
);

CREATE TRIGGER search_docs_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON search_docs
	FOR EACH STATEMENT EXECUTE FUNCTION vt_bump();
CREATE TRIGGER search_words_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON search_words
	FOR EACH STATEMENT EXECUTE FUNCTION vt_bump();
