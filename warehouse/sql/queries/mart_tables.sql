-- The tables of the marts schema, by name.
SELECT table_name
FROM information_schema.tables
WHERE table_schema = 'marts'
ORDER BY table_name;
