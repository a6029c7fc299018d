-- Reporting organs over validity intervals. An organ the gazetteer resolves has one row per version
-- of its official unit (name, level, parents and 12-digit code, valid from/to, as statistics years'
-- first and last days; null = open), all under one `town_key` (the unit's lineage), so a panel
-- follows it across renames and re-parenting: join on town_key and the report year inside
-- [valid_from, valid_to]. An organ it does not resolve (ambiguous name, not a division, unknown)
-- has one row keyed by its stated county and name, with the reason; nothing is guessed.
CREATE OR REPLACE TABLE marts.dim_town AS
WITH resolved AS (
    SELECT
        lineage_key AS town_key,
        name,
        level,
        county,
        prefecture,
        province,
        division_code,
        valid_from,
        valid_to,
        'resolved' AS resolution_status,
        CAST(NULL AS VARCHAR) AS resolution_reason
    FROM staging.stg_division
),
unresolved AS (
    SELECT
        'u:' || left(md5(concat_ws('|', county, body_name)), 12) AS town_key,
        body_name AS name,
        mode(body_level) AS level,
        county,
        mode(prefecture) AS prefecture,
        mode(province) AS province,
        CAST(NULL AS VARCHAR) AS division_code,
        CAST(NULL AS DATE) AS valid_from,
        CAST(NULL AS DATE) AS valid_to,
        'unresolved' AS resolution_status,
        mode(reason) AS resolution_reason
    FROM staging.stg_organ
    WHERE status = 'unresolved' AND body_name IS NOT NULL
    GROUP BY county, body_name
)
SELECT * FROM resolved
UNION ALL
SELECT * FROM unresolved
ORDER BY town_key, valid_from NULLS FIRST;
