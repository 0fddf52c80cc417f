-- The search index (PostgreSQL): the analyzer's terms of title, lead, body and
-- compound parts as one tsvector built with the 'simple' configuration (the
-- terms are already folded and stemmed), weighted A (title), B (lead),
-- C (parts), D (body). id is the item id; ntok counts the terms, as FTS5's
-- column sizes do, for bm25's length normalisation.
CREATE TABLE search_docs (
	id bigint PRIMARY KEY,
	ntok integer NOT NULL,
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

-- How often a phrase (terms in order, the last one a prefix when prefix) occurs
-- in doc, each occurrence counted with its field's weight as FTS5's bm25 does:
-- title 10, lead 4, parts 2, body 1. A phrase does not cross fields.
CREATE FUNCTION vt_phrase_freq(doc tsvector, terms jsonb, prefix boolean) RETURNS float8
LANGUAGE sql IMMUTABLE AS $$
	WITH tok AS (
		SELECT u.lexeme, p.pos, p.w FROM unnest(doc) u, unnest(u.positions, u.weights) p(pos, w)),
	t AS (
		SELECT j.term, j.i::int AS i FROM jsonb_array_elements_text(terms) WITH ORDINALITY j(term, i)),
	k AS (SELECT count(*)::int AS k FROM t)
	SELECT coalesce(sum(CASE s.w WHEN 'A' THEN 10 WHEN 'B' THEN 4 WHEN 'C' THEN 2 ELSE 1 END), 0)::float8
	FROM tok s, k
	WHERE (s.lexeme = terms->>0 OR (prefix AND k.k = 1 AND starts_with(s.lexeme, terms->>0)))
	AND (k.k = 1 OR (SELECT count(*) FROM t JOIN tok x ON x.pos = s.pos + t.i - 1 AND x.w = s.w
		AND (x.lexeme = t.term OR (prefix AND t.i = k.k AND starts_with(x.lexeme, t.term)))) = k.k)
$$;
