-- How many reports yielded each number of observations (a report with few may be narrative, cut
-- off, or beyond the parser).
SELECT n_observations, count(*) AS reports
FROM marts.dim_report
GROUP BY n_observations
ORDER BY n_observations;
