-- A SQLite-only change (0015_search_version.sql): PostgreSQL filters and ranks
-- in SQL and keeps no per-connection copy to invalidate. The number is kept so
-- both dialects share one list.
SELECT 1;
