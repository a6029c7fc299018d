-- The columns of the analysts' tables (the marts and staging.quarantine), for the data dictionary.
SELECT table_schema, table_name, column_name, data_type
FROM information_schema.columns
WHERE table_schema = 'marts' OR (table_schema = 'staging' AND table_name = 'quarantine')
ORDER BY table_schema, table_name, ordinal_position;
