-- Organ-years that appear more than once in the panel.
SELECT town_key, report_year, count(*) AS rows
FROM marts.fct_town_year
GROUP BY ALL
HAVING count(*) > 1;
