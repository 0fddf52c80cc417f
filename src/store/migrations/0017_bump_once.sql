-- A PostgreSQL-only change (0017_bump_once.pg.sql): SQLite counts its writes in
-- PRAGMA data_version. The number is kept so both dialects share one list.
SELECT 1;
