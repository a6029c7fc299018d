-- The columns of staging.$table in the open database, with DuckDB's names for their types.
SELECT column_name, data_type
FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = 'staging' AND table_name = $table;
