-- Per statistics year: how many expected organ-years have a report, whether it came out by the legal
-- deadline, and the spread of days late (negative = early) among reports that state a date.
SELECT
    report_year,
    count(*) AS expected,
    count(*) FILTER (WHERE has_report) AS reported,
    count(*) FILTER (WHERE days_late <= 0) AS on_time,
    count(*) FILTER (WHERE days_late > 0) AS late,
    count(*) FILTER (WHERE has_report AND days_late IS NULL) AS undated,
    min(days_late) AS days_late_min,
    quantile_cont(days_late, 0.25) AS days_late_q1,
    median(days_late) AS days_late_median,
    quantile_cont(days_late, 0.75) AS days_late_q3,
    max(days_late) AS days_late_max
FROM marts.fct_publication
GROUP BY report_year
ORDER BY report_year;
