-- On PostgreSQL the field weights of the rank live in vt_phrase_freq
-- (0004_search.pg.sql); this number is kept so both dialects share one list.
SELECT 1;
