-- Whether the warehouse has marts.dim_report yet (a new one has not).
SELECT count(*) > 0
FROM information_schema.tables
WHERE table_schema = 'marts' AND table_name = 'dim_report';
