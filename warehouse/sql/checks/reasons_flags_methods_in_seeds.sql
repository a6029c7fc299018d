-- Quarantine reasons, parser flags and matching methods whose code is not in its seed (warehouse/
-- seeds/quarantine_reasons.csv, flags.csv, methods.csv): every code a person reads is explained there.
SELECT 'quarantine_reason' AS kind, reason AS code, count(*) AS uses
FROM staging.quarantine
WHERE reason NOT IN (SELECT reason FROM read_csv($quarantine_reasons, header = true))
GROUP BY ALL
UNION ALL
SELECT 'flag', flag.code, count(*)
FROM (SELECT unnest(flags) AS flag FROM marts.dim_report)
WHERE flag.code NOT IN (SELECT code FROM read_csv($flags, header = true))
GROUP BY ALL
UNION ALL
SELECT 'method', method, count(*)
FROM marts.fct_observation
WHERE method NOT IN (SELECT method FROM read_csv($methods, header = true))
GROUP BY ALL;
