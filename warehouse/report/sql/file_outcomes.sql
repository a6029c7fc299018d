-- What became of each input file: a report (by parse status) or quarantined (by reason).
SELECT 'report: ' || parse_status AS outcome, count(*) AS files
FROM marts.dim_report
GROUP BY parse_status
UNION ALL
SELECT
    'quarantined: ' || reason AS outcome,
    count(*) AS files
FROM staging.quarantine
GROUP BY ALL
ORDER BY files DESC, outcome;
