-- Per statistics year, the share of observations the parser read with confidence below $threshold.
SELECT
    report_year,
    count(*) AS observations,
    count(*) FILTER (WHERE confidence < $threshold) AS low_confidence,
    count(DISTINCT report_key) AS reports
FROM marts.fct_observation
GROUP BY report_year
ORDER BY report_year;
