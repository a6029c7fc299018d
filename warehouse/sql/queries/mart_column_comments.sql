-- The comments on the columns of marts.$t.
SELECT column_name, comment
FROM duckdb_columns()
WHERE schema_name = 'marts' AND table_name = $t AND comment IS NOT NULL;
