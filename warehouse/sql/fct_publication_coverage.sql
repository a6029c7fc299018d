-- Who published: per statistics year, county and level, the organs expected to report (every
-- township of the counties the corpus covers, and every organ that reported), how many did, and
-- how many were late — a view over marts.fct_publication.
CREATE OR REPLACE VIEW marts.fct_publication_coverage AS
SELECT
    publication.report_year,
    town.province,
    town.prefecture,
    town.county,
    town.level,
    count(*) AS expected,
    count(*) FILTER (WHERE publication.has_report) AS published,
    count(*) FILTER (WHERE publication.has_report) / count(*) AS coverage,
    count(*) FILTER (WHERE publication.days_late > 0) AS late,
    median(publication.days_late) AS median_days_late
FROM marts.fct_publication AS publication
JOIN marts.dim_town AS town
    ON town.town_key = publication.town_key
   AND publication.report_year BETWEEN coalesce(year(town.valid_from), publication.report_year)
                                   AND coalesce(year(town.valid_to), publication.report_year)
GROUP BY ALL;
