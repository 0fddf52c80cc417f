-- A PostgreSQL-only change (0014_phrase_speed.pg.sql); this number is kept so
-- both dialects share one list.
SELECT 1;
