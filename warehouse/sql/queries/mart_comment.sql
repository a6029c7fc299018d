-- The comment on marts.$t (a table or a view).
SELECT comment FROM duckdb_tables() WHERE schema_name = 'marts' AND table_name = $t
UNION ALL
SELECT comment FROM duckdb_views() WHERE schema_name = 'marts' AND view_name = $t;
