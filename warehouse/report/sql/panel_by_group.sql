-- The panel per statistics year by province and by level of the organ (town, county, department…):
-- reports, the median of items disclosed proactively, and the share of organs that received any
-- request among those that state it. Province and level as the report states them, else as the
-- gazetteer's version of the organ valid that year has them.
WITH town AS (
    -- The years each version of an organ is valid for (an open end: every year), as plain columns:
    -- with the open ends resolved inside the join condition, DuckDB joined by a nested loop
    -- (27 s for 100k reports; a hash join on town_key takes 0.1 s).
    SELECT
        town_key,
        province,
        level,
        coalesce(year(valid_from), 0) AS first_year,
        coalesce(year(valid_to), 9999) AS last_year
    FROM marts.dim_town
),
panel AS (
    SELECT
        town_year.report_year,
        town_year.pd_items_total,
        town_year.req_received,
        coalesce(report.province, town.province, $unknown) AS province,
        coalesce(report.body_level, town.level, $unknown) AS level
    FROM marts.fct_town_year AS town_year
    JOIN marts.dim_report AS report USING (report_key)
    LEFT JOIN town
        ON town.town_key = town_year.town_key
       AND town_year.report_year BETWEEN town.first_year AND town.last_year
)
SELECT
    CASE WHEN grouping(province) = 0 THEN 'province' ELSE 'level' END AS grouping_kind,
    coalesce(province, level) AS group_name,
    report_year,
    count(*) AS reports,
    median(pd_items_total) AS pd_items_median,
    count(pd_items_total) AS pd_items_stated,
    avg(CASE WHEN req_received > 0 THEN 1.0 WHEN req_received = 0 THEN 0.0 END) AS received_any_share,
    count(req_received) AS req_stated
FROM panel
GROUP BY GROUPING SETS ((province, report_year), (level, report_year))
ORDER BY grouping_kind, group_name, report_year;
