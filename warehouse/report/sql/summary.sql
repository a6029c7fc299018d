-- Headline counts for the top of the report: what the warehouse holds and what it set aside, and
-- where it came from: its file, the raw folder and time of the build, the parser versions.
SELECT
    (SELECT count(*) FROM marts.dim_report) AS reports,
    (SELECT count(DISTINCT town_key) FROM marts.dim_report) AS organs,
    (SELECT min(report_year) FROM marts.dim_report) AS first_year,
    (SELECT max(report_year) FROM marts.dim_report) AS last_year,
    (SELECT count(*) FROM marts.fct_observation) AS observations,
    (SELECT count(*) FROM staging.quarantine) AS quarantined_files,
    (SELECT path FROM duckdb_databases() WHERE database_name = current_database()) AS warehouse,
    (SELECT any_value(raw_folder) FROM staging.stg_build) AS raw_folder,
    (SELECT any_value(built_at) FROM staging.stg_build) AS built_at,
    (SELECT string_agg(DISTINCT parser_version, ', ' ORDER BY parser_version) FROM marts.dim_report) AS parser_versions;
