-- Requests received per statistics year on the panel (marts.fct_town_year): how many organ-years
-- received any, stated an explicit zero, or said nothing (null is silence, 0 is a stated zero).
SELECT
    panel.report_year,
    year.regime,
    count(*) AS organ_years,
    count(*) FILTER (WHERE panel.req_received > 0) AS received_any,
    count(*) FILTER (WHERE panel.req_received = 0) AS stated_zero,
    count(*) FILTER (WHERE panel.req_received IS NULL) AS not_stated,
    sum(panel.req_received) AS requests
FROM marts.fct_town_year AS panel
JOIN marts.dim_year AS year USING (report_year)
GROUP BY panel.report_year, year.regime
ORDER BY panel.report_year;
