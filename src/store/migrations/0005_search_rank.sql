-- FTS5's own rank with our field weights (title, lead, body, parts), so a plain
-- search can use FTS5's top-k ordering without joining every match.
INSERT INTO search_fts (search_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 2.0)');
