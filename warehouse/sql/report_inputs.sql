-- Per report, a fingerprint of everything a mart rebuilt per report reads about it: its dim_report
-- row (identity, organ, year, sections, parser version, review state, panel choice …), its staged
-- observations and the team's corrections of it. A scan: far less work than writing the rows. The
-- catalog and the marts' SQL are folded in by warehouse/marts.py.
CREATE OR REPLACE TEMP VIEW report_inputs AS
WITH observations AS (
    SELECT sha256, count(*) AS observations, sum(hash(observation)) AS hashed
    FROM staging.stg_observation AS observation
    GROUP BY sha256
),
corrections AS (
    SELECT sha256, sum(hash(correction)) AS hashed
    FROM staging.stg_correction AS correction
    GROUP BY sha256
)
SELECT
    report.report_key,
    hash(report, observations.observations, observations.hashed, corrections.hashed) AS fingerprint
FROM marts.dim_report AS report
LEFT JOIN observations ON observations.sha256 = report.sha256
LEFT JOIN corrections ON corrections.sha256 = report.sha256;
