-- The columns of $schema.$table with their types, in the table's order.
SELECT column_name, data_type
FROM information_schema.columns
WHERE table_schema = $schema AND table_name = $table
ORDER BY ordinal_position;
