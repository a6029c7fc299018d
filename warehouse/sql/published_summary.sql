-- What a published version holds, for its materialisation: reports, observations and quarantined
-- files, and the parse coverage as shares of the reports (null without reports).
WITH reports AS (
    SELECT
        count(*) AS reports,
        count(*) FILTER (WHERE n_observations > 0) AS with_observations,
        count(*) FILTER (WHERE body_name IS NOT NULL AND report_year IS NOT NULL) AS with_organ_and_year,
        count(*) FILTER (WHERE resolution_status = 'resolved') AS resolved,
        count(*) FILTER (WHERE is_truncated) AS truncated
    FROM marts.dim_report
)
SELECT
    reports,
    (SELECT count(*) FROM marts.fct_observation) AS observations,
    (SELECT count(*) FROM staging.quarantine) AS quarantined_files,
    round(with_observations / nullif(reports, 0), 4) AS share_with_observations,
    round(with_organ_and_year / nullif(reports, 0), 4) AS share_with_organ_and_year,
    round(resolved / nullif(reports, 0), 4) AS share_resolved_to_a_division,
    round(truncated / nullif(reports, 0), 4) AS share_truncated
FROM reports;
