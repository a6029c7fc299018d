-- Contradictions and doubts the parser flagged (dim_report.flags), by kind (the flag's code:
-- conflict, pd_channels, req_balance …), with how many reports carry it, and how many reports carry
-- any flag.
WITH stated_flags AS (
    SELECT report_key, unnest(flags) AS flag
    FROM marts.dim_report
)
SELECT
    flag.code AS kind,
    count(*) AS flags,
    count(DISTINCT report_key) AS reports,
    any_value(flag.detail ORDER BY flag.detail) AS example,
    (SELECT count(*) FROM marts.dim_report WHERE len(flags) > 0) AS flagged_reports
FROM stated_flags
GROUP BY kind
ORDER BY flags DESC, kind;
