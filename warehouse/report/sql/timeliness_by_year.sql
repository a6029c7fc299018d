-- Per statistics year: how many expected organ-years have a report, whether it came out by the legal
-- deadline, and the spread of days late (negative = early) among reports that state a date; and the
-- coverage where the corpus reaches that year: organs expected and reporting in the counties (× level)
-- with at least one report that year (marts.fct_publication_coverage).
WITH covered AS (
    SELECT report_year, sum(expected)::BIGINT AS covered_expected, sum(published)::BIGINT AS covered_published
    FROM marts.fct_publication_coverage
    WHERE published > 0
    GROUP BY report_year
)
SELECT
    publication.report_year,
    count(*) AS expected,
    count(*) FILTER (WHERE has_report) AS reported,
    count(*) FILTER (WHERE days_late <= 0) AS on_time,
    count(*) FILTER (WHERE days_late > 0) AS late,
    count(*) FILTER (WHERE has_report AND days_late IS NULL) AS undated,
    min(days_late) AS days_late_min,
    quantile_cont(days_late, 0.25) AS days_late_q1,
    median(days_late) AS days_late_median,
    quantile_cont(days_late, 0.75) AS days_late_q3,
    max(days_late) AS days_late_max,
    coalesce(any_value(covered.covered_expected), 0) AS covered_expected,
    coalesce(any_value(covered.covered_published), 0) AS covered_published
FROM marts.fct_publication AS publication
LEFT JOIN covered USING (report_year)
GROUP BY publication.report_year
ORDER BY publication.report_year;
