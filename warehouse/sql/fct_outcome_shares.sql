-- Request outcomes on the harmonised scale (h_outcome of marts.dim_request_outcome, report-formats.md
-- §7.5) per statistics year, comparable across the 2019 break: requests and their share of the
-- year's decided requests. Panel reports only. A group row (e.g. 不予公开 in total) counts only where
-- the report states none of its member rows, so nothing is counted twice.
CREATE OR REPLACE VIEW marts.fct_outcome_shares AS
WITH outcomes AS (
    SELECT obs.report_key, obs.report_year, obs.outcome_code, obs.value, dim.parent_code, dim.h_outcome
    FROM marts.fct_observation AS obs
    JOIN marts.dim_report AS report USING (report_key)
    JOIN marts.dim_request_outcome AS dim USING (outcome_code)
    WHERE obs.indicator_code = 'req_outcome'
      AND coalesce(obs.applicant_code, 'total') = 'total'
      AND report.is_panel_choice
),
counted AS (
    SELECT *
    FROM outcomes AS row_
    WHERE NOT EXISTS (
        SELECT 1 FROM outcomes AS member
        WHERE member.report_key = row_.report_key AND member.parent_code = row_.outcome_code
    )
)
SELECT
    counted.report_year,
    year.regime,
    counted.h_outcome,
    sum(counted.value) AS requests,
    sum(counted.value) / sum(sum(counted.value)) OVER (PARTITION BY counted.report_year) AS share,
    count(DISTINCT counted.report_key) AS reports
FROM counted
JOIN marts.dim_year AS year USING (report_year)
GROUP BY counted.report_year, year.regime, counted.h_outcome;
