-- The field weights live in the ranking statements on PostgreSQL (pg_sql.c);
-- this number is kept so both dialects share one list.
SELECT 1;
