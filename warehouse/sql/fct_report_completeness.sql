-- Why each headline figure of each report is there or not: 'stated', 'explicit_zero' (无, 未收到,
-- 0件), 'blank_cell' (its table row is there without a figure), 'not_stated' (the section that
-- holds it is there but gives no figure), 'section_missing' (the report has no such section),
-- 'cut_off' (no such section, and the text is truncated: it may have been cut away). A missing
-- requests section, a stated zero and a truncated text differ here.

-- The rows of marts.fct_report_completeness of the reports in report_scope: warehouse/marts.py builds the
-- table from them, for every report or only for those whose inputs changed.
CREATE OR REPLACE TEMP VIEW fct_report_completeness_rows AS
WITH headline AS (
    SELECT indicator_code, string_split(home_sections, '|') AS home_sections
    FROM marts.dim_indicator
    WHERE headline
),
stated AS (
    -- The figure for the whole organ: not split by channel, outcome or any other dimension.
    SELECT report_key, indicator_code, max(value) AS value
    FROM marts.fct_observation
    WHERE channel_code IS NULL AND outcome_code IS NULL AND proceeding_code IS NULL
      AND doc_type_code IS NULL AND matter_code IS NULL AND coalesce(applicant_code, 'total') = 'total'
      AND report_key IN (SELECT report_key FROM report_scope)
    GROUP BY ALL
)
SELECT
    report.report_key,
    report.town_key,
    report.report_year,
    headline.indicator_code,
    stated.value,
    CASE
        WHEN stated.value = 0 THEN 'explicit_zero'
        WHEN stated.value IS NOT NULL THEN 'stated'
        WHEN list_contains(report.table_rows_present, headline.indicator_code) THEN 'blank_cell'
        WHEN list_has_any(report.sections_present, headline.home_sections) THEN 'not_stated'
        WHEN report.is_truncated THEN 'cut_off'
        ELSE 'section_missing'
    END AS status
FROM marts.dim_report AS report
CROSS JOIN headline
LEFT JOIN stated
    ON stated.report_key = report.report_key
   AND stated.indicator_code = headline.indicator_code
WHERE report.report_key IN (SELECT report_key FROM report_scope)
ORDER BY report.report_key, headline.indicator_code;
