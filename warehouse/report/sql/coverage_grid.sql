-- Organs × statistics years: which expected organ-years have a report and how it parsed, for the
-- $max_organs organs with the most reports (a national corpus has tens of thousands of organs).
WITH organs AS (
    SELECT town_key, count(*) FILTER (WHERE has_report) AS reported_years
    FROM marts.fct_publication
    GROUP BY town_key
),
shown AS (
    SELECT town_key
    FROM organs
    ORDER BY reported_years DESC, town_key
    LIMIT $max_organs
),
names AS (
    -- One label per organ: the name of its latest version, after its county.
    SELECT
        town_key,
        arg_max(coalesce(county || ' ', '') || name, coalesce(valid_from, DATE '0001-01-01')) AS label
    FROM marts.dim_town
    GROUP BY town_key
),
labelled AS (
    -- Labels must be unique to be chart rows; the key tells apart organs that share one.
    SELECT
        town_key,
        CASE WHEN count(*) OVER (PARTITION BY label) > 1 THEN label || ' · ' || town_key ELSE label END AS label
    FROM names
    JOIN shown USING (town_key)
)
SELECT
    labelled.label,
    publication.report_year,
    publication.has_report,
    publication.copies,
    report.parse_status,
    report.source_file,
    (SELECT count(*) FROM organs) AS organs_total
FROM marts.fct_publication AS publication
JOIN labelled USING (town_key)
LEFT JOIN marts.dim_report AS report ON report.report_key = publication.report_key
ORDER BY labelled.label, publication.report_year;
