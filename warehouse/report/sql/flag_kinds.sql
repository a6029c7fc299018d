-- Contradictions and doubts the parser flagged (dim_report.flags), by kind: the flag's leading word
-- (conflict, pd_channels, req_balance …), with how many reports carry it, and how many
-- reports carry any flag.
WITH stated_flags AS (
    SELECT report_key, unnest(flags) AS flag
    FROM marts.dim_report
)
SELECT
    regexp_extract(flag, '^[A-Za-z_]+') AS kind,
    count(*) AS flags,
    count(DISTINCT report_key) AS reports,
    any_value(flag ORDER BY flag) AS example,
    (SELECT count(*) FROM marts.dim_report WHERE len(flags) > 0) AS flagged_reports
FROM stated_flags
GROUP BY kind
ORDER BY flags DESC, kind;
