-- Input files that are in neither, or in both, of marts.dim_report and staging.quarantine.
WITH placed AS (
    SELECT source_file FROM marts.dim_report
    UNION ALL
    SELECT source_file FROM staging.quarantine
)
SELECT file.source_file, count(placed.source_file) AS places
FROM staging.stg_file AS file
LEFT JOIN placed USING (source_file)
GROUP BY file.source_file
HAVING count(placed.source_file) <> 1
ORDER BY file.source_file;
