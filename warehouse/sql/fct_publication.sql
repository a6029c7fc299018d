-- One row per expected organ × statistics year: every organ known to the warehouse, for every year
-- of the corpus in which its official unit existed (an unplaced organ: from its first report on),
-- so that a missing report is a row, not an absence.
-- Deadlines: 2008 regulation (art. 31) 3月31日 of the next year for every organ; 2019 revision
-- (art. 49) 1月31日 for departments, 3月31日 for governments. `days_late` < 0 means early.
CREATE OR REPLACE TABLE marts.fct_publication AS
WITH first_reports AS (
    SELECT town_key, min(report_year) AS first_year
    FROM marts.dim_report
    WHERE town_key IS NOT NULL
    GROUP BY ALL
),
expected AS (
    -- An organ is expected in the years one of its official versions was valid; an organ the
    -- gazetteer cannot place, from the first year it reported on.
    SELECT DISTINCT town.town_key, year.report_year, year.regime
    FROM marts.dim_town AS town
    LEFT JOIN first_reports USING (town_key)
    JOIN marts.dim_year AS year
        ON year.report_year
           BETWEEN coalesce(year(town.valid_from), first_reports.first_year, year.report_year)
               AND coalesce(year(town.valid_to), year.report_year)
),
levels AS (
    SELECT town_key, mode(level) AS level FROM marts.dim_town GROUP BY town_key
),
copies AS (
    SELECT town_key, report_year, count(*) AS copies
    FROM marts.dim_report
    WHERE town_key IS NOT NULL
    GROUP BY ALL
),
deadlines AS (
    SELECT
        expected.*,
        levels.level,
        CASE
            WHEN regime = 'R19' AND level = 'department' THEN make_date(report_year + 1, 1, 31)
            ELSE make_date(report_year + 1, 3, 31)
        END AS deadline
    FROM expected
    JOIN levels USING (town_key)
)
SELECT
    deadlines.town_key,
    deadlines.report_year,
    panel.report_key IS NOT NULL AS has_report,
    coalesce(copies.copies, 0) AS copies,
    panel.report_key,
    report.publish_date,
    report.publish_date_source,
    deadlines.deadline,
    CASE WHEN report.publish_date_source IN ('text', 'page')
        THEN date_diff('day', deadlines.deadline, report.publish_date) END AS days_late,
    report.sections_present
FROM deadlines
LEFT JOIN copies USING (town_key, report_year)
LEFT JOIN marts.fct_town_year AS panel USING (town_key, report_year)
LEFT JOIN marts.dim_report AS report ON report.report_key = panel.report_key
ORDER BY deadlines.town_key, deadlines.report_year;
