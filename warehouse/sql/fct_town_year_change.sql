-- Year-over-year change of each headline figure of the panel (a view over marts.fct_town_year):
-- the value, the value of the previous statistics year for the same organ (null when that year has
-- no report or did not state it — never treated as 0), the change and the change ratio.
CREATE OR REPLACE VIEW marts.fct_town_year_change AS
WITH long AS (
    UNPIVOT marts.fct_town_year
    ON COLUMNS(* EXCLUDE (town_key, report_year, report_key, candidate_reports,
                          breaks_carried_link, breaks_in_force_link, breaks_level))
    INTO NAME measure VALUE value
)
SELECT
    current.town_key,
    current.report_year,
    current.measure,
    current.value,
    previous.value AS previous_value,
    current.value - previous.value AS change,
    CASE WHEN previous.value > 0 THEN (current.value - previous.value) / previous.value END AS change_ratio
FROM long AS current
LEFT JOIN long AS previous
    ON previous.town_key = current.town_key
   AND previous.measure = current.measure
   AND previous.report_year = current.report_year - 1;
