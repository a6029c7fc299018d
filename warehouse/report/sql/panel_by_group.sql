-- The panel per statistics year by province and by level of the organ (town, county, department…):
-- reports, the median of items disclosed proactively, and the share of organs that received any
-- request among those that state it. Province and level as the report states them, else as the
-- gazetteer's version of the organ valid that year has them.
WITH panel AS (
    SELECT
        town_year.report_year,
        town_year.pd_items_total,
        town_year.req_received,
        coalesce(report.province, town.province, $unknown) AS province,
        coalesce(report.body_level, town.level, $unknown) AS level
    FROM marts.fct_town_year AS town_year
    JOIN marts.dim_report AS report USING (report_key)
    LEFT JOIN marts.dim_town AS town
        ON town.town_key = town_year.town_key
       AND town_year.report_year BETWEEN coalesce(year(town.valid_from), town_year.report_year)
                                     AND coalesce(year(town.valid_to), town_year.report_year)
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
