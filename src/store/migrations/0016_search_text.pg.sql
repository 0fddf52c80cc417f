-- A SQLite-only change (0016_search_text.sql): PostgreSQL keeps its terms in
-- search_docs and counts document frequencies when it ranks. The number is
-- kept so both dialects share one list.
SELECT 1;
