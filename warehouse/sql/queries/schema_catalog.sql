-- Every column of the tables and views of $schema (in this database), in each table's order, with
-- its type, its comment and its table's comment.
SELECT c.table_name, c.column_name, c.data_type, c.comment AS column_comment,
       coalesce(t.comment, v.comment) AS table_comment
FROM duckdb_columns() AS c
LEFT JOIN duckdb_tables() AS t
    ON t.database_name = c.database_name AND t.schema_name = c.schema_name AND t.table_name = c.table_name
LEFT JOIN duckdb_views() AS v
    ON v.database_name = c.database_name AND v.schema_name = c.schema_name AND v.view_name = c.table_name
WHERE c.database_name = current_database() AND c.schema_name = $schema
ORDER BY c.table_name, c.column_index;
