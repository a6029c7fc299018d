-- One row per distinct report content in the raw folder (the first file by path when copies exist;
-- the others are quarantined as duplicates).
CREATE OR REPLACE TABLE marts.dim_report AS
WITH files AS (
    SELECT
        source_file,
        sha256,
        row_number() OVER (PARTITION BY sha256 ORDER BY source_file) AS copy_rank
    FROM staging.stg_file
    WHERE skip_reason IS NULL
),
reports AS (
    SELECT files.source_file, report.*
    FROM files
    JOIN staging.stg_report AS report USING (sha256)
    WHERE files.copy_rank = 1
)
SELECT
    left(reports.sha256, 16) AS report_key,
    reports.source_file,
    reports.sha256,
    reports.body_name,
    reports.body_level,
    reports.county,
    reports.prefecture,
    reports.province,
    town.town_key,
    reports.report_year,
    reports.format_code,
    reports.regime,
    CASE
        WHEN reports.n_observations = 0 THEN 'parsed_without_observations'
        WHEN reports.body_name IS NULL OR reports.report_year IS NULL THEN 'parsed_metadata_incomplete'
        ELSE 'parsed'
    END AS parse_status,
    reports.publish_date,
    reports.is_truncated,
    reports.n_observations,
    reports.flags,
    reports.parser_version
FROM reports
LEFT JOIN marts.dim_town AS town
    ON town.name = reports.body_name
   AND town.county IS NOT DISTINCT FROM reports.county
ORDER BY reports.source_file;
