-- The columns of $schema.$table (in this database, not an attached one) with their types, in the
-- table's order.
SELECT column_name, data_type
FROM information_schema.columns
WHERE table_catalog = current_database() AND table_schema = $schema AND table_name = $table
ORDER BY ordinal_position;
