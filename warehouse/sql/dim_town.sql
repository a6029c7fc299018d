-- Reporting organs as the reports name them. Until the gazetteer is loaded an organ is identified by
-- its county and name (`town_key` is a hash of both, stable across builds); `division_code` and the
-- validity interval stay null (unknown), never guessed.
CREATE OR REPLACE TABLE marts.dim_town AS
WITH organs AS (
    SELECT
        report.county,
        report.body_name,
        mode(report.body_level)  AS level,
        mode(report.prefecture)  AS prefecture,
        mode(report.province)    AS province
    FROM staging.stg_report AS report
    WHERE report.body_name IS NOT NULL
    GROUP BY report.county, report.body_name
)
SELECT
    't_' || left(md5(concat_ws('|', county, body_name)), 12) AS town_key,
    body_name AS name,
    level,
    county,
    prefecture,
    province,
    CAST(NULL AS VARCHAR) AS division_code,
    CAST(NULL AS DATE)    AS valid_from,
    CAST(NULL AS DATE)    AS valid_to
FROM organs
ORDER BY province, prefecture, county, name;
