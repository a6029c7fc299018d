-- One row per distinct report content in the raw folder (the first file by path when copies exist;
-- the others are quarantined as duplicates). When several reports describe one organ-year (a
-- revision, a mirror with other bytes), `is_panel_choice` marks the one marts.fct_town_year uses: the
-- most observations, then the latest publication date, then the first by file path.
-- `review_state` is the team's mark from its reviews file (the last line for the report wins).
CREATE OR REPLACE TABLE marts.dim_report AS
WITH files AS (
    SELECT
        source_file,
        sha256,
        mtime_ns,
        source_url,
        fetched_at,
        row_number() OVER (PARTITION BY sha256 ORDER BY source_file) AS copy_rank
    FROM staging.stg_file
    WHERE skip_reason IS NULL
),
reports AS (
    SELECT
        files.source_file, files.mtime_ns, files.fetched_at,
        -- the manifest's address, else the one a saved page states for itself
        coalesce(files.source_url, content.source_url) AS source_url,
        content.source_format AS media_type, content.ocr_confidence, content.page_date, report.*
    FROM files
    JOIN staging.stg_report AS report USING (sha256)
    JOIN staging.stg_content AS content
        ON content.sha256 = report.sha256 AND content.parser_version = report.parser_version
    WHERE files.copy_rank = 1
),
reviews AS (
    SELECT sha256, arg_max(state, line) AS state, arg_max(reviewed_by, line) AS reviewed_by,
           arg_max(reviewed_on, line) AS reviewed_on
    FROM staging.stg_review
    GROUP BY sha256
),
organs AS (
    -- The organ as the gazetteer resolved it (staging.stg_organ holds one row per question).
    SELECT
        reports.*,
        CASE
            WHEN organ.status = 'resolved' THEN organ.lineage_key
            WHEN reports.body_name IS NOT NULL
                THEN 'u:' || left(md5(concat_ws('|', reports.county, reports.body_name)), 12)
        END AS town_key,
        organ.division_code,
        organ.status AS resolution_status,
        organ.reason AS resolution_reason,
        organ.official_county,
        organ.official_prefecture,
        organ.official_province
    FROM reports
    LEFT JOIN staging.stg_organ AS organ
        ON organ.body_name IS NOT DISTINCT FROM reports.body_name
       AND organ.body_level IS NOT DISTINCT FROM reports.body_level
       AND organ.county IS NOT DISTINCT FROM reports.county
       AND organ.prefecture IS NOT DISTINCT FROM reports.prefecture
       AND organ.province IS NOT DISTINCT FROM reports.province
       AND organ.report_year IS NOT DISTINCT FROM reports.report_year
)
SELECT
    left(reports.sha256, 16) AS report_key,
    reports.source_file,
    reports.sha256,
    reports.media_type,
    -- OCR's text may misread a figure: analysts filter on this (and on ocr_confidence)
    CASE WHEN reports.ocr_confidence IS NULL THEN 'file' ELSE 'ocr' END AS text_source,
    reports.ocr_confidence,
    reports.source_url,
    reports.fetched_at,
    reports.body_name,
    reports.body_level,
    -- Parents as the text states them (labeling rules: null when the text does not name them) …
    reports.county,
    reports.prefecture,
    reports.province,
    reports.town_key,
    reports.division_code,
    -- … and as the gazetteer resolved them for the report year.
    reports.official_county,
    reports.official_prefecture,
    reports.official_province,
    reports.resolution_status,
    reports.resolution_reason,
    reports.report_year,
    reports.format_code,
    reports.regime,
    CASE
        WHEN reports.n_observations = 0 THEN 'parsed_without_observations'
        WHEN reports.body_name IS NULL OR reports.report_year IS NULL THEN 'parsed_metadata_incomplete'
        ELSE 'parsed'
    END AS parse_status,
    -- The date the text states; else the one a saved page states in its chrome (dropped from the
    -- text); else the file's modification time, marked as such (a scraper's copy time, so days
    -- late are computed from stated dates only).
    coalesce(
        reports.publish_date, reports.page_date, CAST(make_timestamp(reports.mtime_ns // 1000) AS DATE)
    ) AS publish_date,
    CASE
        WHEN reports.publish_date IS NOT NULL THEN 'text'
        WHEN reports.page_date IS NOT NULL THEN 'page'
        ELSE 'file_mtime'
    END AS publish_date_source,
    reports.is_truncated,
    reports.sections AS sections_present,
    reports.period_start,
    reports.period_end,
    reports.table_rows AS table_rows_present,
    reports.n_observations,
    reports.flags,
    reports.parser_version,
    coalesce(reviews.state, 'unreviewed') AS review_state,
    reviews.reviewed_by,
    reviews.reviewed_on,
    reports.town_key IS NOT NULL AND reports.report_year IS NOT NULL AND row_number() OVER (
        PARTITION BY reports.town_key, reports.report_year
        ORDER BY reports.n_observations DESC, reports.publish_date DESC NULLS LAST, reports.source_file
    ) = 1 AS is_panel_choice
FROM organs AS reports
LEFT JOIN reviews USING (sha256)
ORDER BY reports.source_file;
