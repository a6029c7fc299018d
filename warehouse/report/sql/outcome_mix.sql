-- The harmonised outcome mix per statistics year (marts.fct_outcome_shares, comparable across the
-- 2019 break), with how many panel reports state any outcome that year.
WITH year_reports AS (
    SELECT obs.report_year, count(DISTINCT obs.report_key) AS year_reports
    FROM marts.fct_observation AS obs
    JOIN marts.dim_report AS report USING (report_key)
    WHERE obs.indicator_code = 'req_outcome'
      AND report.is_panel_choice
    GROUP BY obs.report_year
)
SELECT shares.report_year, shares.regime, shares.h_outcome, shares.requests, shares.share,
       year_reports.year_reports
FROM marts.fct_outcome_shares AS shares
JOIN year_reports USING (report_year)
ORDER BY shares.report_year, shares.h_outcome;
