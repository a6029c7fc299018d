-- Headline counts for the top of the report: what the warehouse holds and what it set aside.
SELECT
    (SELECT count(*) FROM marts.dim_report) AS reports,
    (SELECT count(DISTINCT town_key) FROM marts.dim_report) AS organs,
    (SELECT min(report_year) FROM marts.dim_report) AS first_year,
    (SELECT max(report_year) FROM marts.dim_report) AS last_year,
    (SELECT count(*) FROM marts.fct_observation) AS observations,
    (SELECT count(*) FROM staging.quarantine) AS quarantined_files;
