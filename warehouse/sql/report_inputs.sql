-- Per report, a fingerprint of everything a mart rebuilt per report reads about it: its dim_report
-- row (identity, organ, year, sections, review state, panel choice …), the parse of its content
-- (the parser version and when it was staged: a reparse stages it again) and the team's
-- corrections of it. The catalog and the marts' SQL are folded in by warehouse/marts.py.
CREATE OR REPLACE TEMP VIEW report_inputs AS
WITH corrections AS (
    SELECT sha256, sum(hash(correction)) AS corrections
    FROM staging.stg_correction AS correction
    GROUP BY sha256
)
SELECT
    report.report_key,
    hash(report, content.parser_version, content.staged_at, corrections.corrections) AS fingerprint
FROM marts.dim_report AS report
JOIN staging.stg_content AS content
    ON content.sha256 = report.sha256 AND content.parser_version = report.parser_version
LEFT JOIN corrections ON corrections.sha256 = report.sha256;
