-- The file of every report of the warehouse.
SELECT source_file
FROM marts.dim_report;
