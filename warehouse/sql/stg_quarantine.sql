-- Every input file that does not become a marts.dim_report row, with a reason a person can act on
-- (a code of warehouse/seeds/quarantine_reasons.csv) and its detail in words; a copy names the file
-- kept in `duplicate_of`. Together with dim_report it accounts for every row of staging.stg_file
-- exactly once.
CREATE OR REPLACE TABLE staging.quarantine AS
WITH files AS (
    SELECT
        source_file,
        sha256,
        first_value(source_file) OVER (PARTITION BY sha256 ORDER BY source_file) AS first_copy
    FROM staging.stg_file
    WHERE skip_reason IS NULL
),
skipped AS (
    SELECT source_file, sha256, skip_reason AS reason, skip_detail AS detail, NULL::VARCHAR AS duplicate_of
    FROM staging.stg_file
    WHERE skip_reason IS NOT NULL
),
duplicates AS (
    SELECT
        source_file,
        sha256,
        'duplicate_of' AS reason,
        'same content (sha256) as ' || first_copy || ', which is kept' AS detail,
        first_copy AS duplicate_of
    FROM files
    WHERE source_file <> first_copy
),
rejected AS (
    SELECT
        files.source_file,
        files.sha256,
        content.reason,
        content.detail,
        NULL AS duplicate_of
    FROM files
    JOIN staging.stg_content AS content USING (sha256)
    WHERE files.source_file = files.first_copy
      AND content.status = 'rejected'
)
SELECT * FROM skipped
UNION ALL SELECT * FROM duplicates
UNION ALL SELECT * FROM rejected;
