-- Every statistics year from the earliest to the latest report, with its regulatory regime:
-- the 2008 regulation (R07) for data years up to 2018, the 2019 revision (R19) from 2019.
CREATE OR REPLACE TABLE marts.dim_year AS
SELECT
    CAST(year AS INTEGER) AS report_year,
    CASE WHEN year <= 2018 THEN 'R07' ELSE 'R19' END AS regime
FROM range(
    (SELECT coalesce(min(report_year), 2008) FROM marts.dim_report),
    (SELECT coalesce(max(report_year), 2008) FROM marts.dim_report) + 1
) AS years(year);
