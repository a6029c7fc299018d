-- The staged reports of the statistics years $years (a backfill parses them again).
SELECT sha256
FROM staging.stg_report
WHERE list_contains($years, report_year);
