-- Codes in marts.fct_observation that the catalog dimensions do not know.
SELECT 'indicator' AS dimension, indicator_code AS code, count(*) AS observations
FROM marts.fct_observation
WHERE indicator_code NOT IN (SELECT indicator_code FROM marts.dim_indicator)
GROUP BY ALL
UNION ALL
SELECT 'channel', channel_kind || ':' || channel_code, count(*)
FROM marts.fct_observation AS obs
WHERE channel_code IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM marts.dim_channel AS dim
    WHERE dim.channel_code = obs.channel_code AND dim.channel_kind = obs.channel_kind
)
GROUP BY ALL
UNION ALL
SELECT 'applicant', applicant_code, count(*) FROM marts.fct_observation
WHERE applicant_code NOT IN (SELECT applicant_code FROM marts.dim_applicant) GROUP BY ALL
UNION ALL
SELECT 'outcome', outcome_code, count(*) FROM marts.fct_observation
WHERE outcome_code NOT IN (SELECT outcome_code FROM marts.dim_request_outcome) GROUP BY ALL
UNION ALL
SELECT 'proceeding', proceeding_code, count(*) FROM marts.fct_observation
WHERE proceeding_code NOT IN (SELECT proceeding_code FROM marts.dim_proceeding) GROUP BY ALL
UNION ALL
SELECT 'result', result_code, count(*) FROM marts.fct_observation
WHERE result_code NOT IN (SELECT result_code FROM marts.dim_result) GROUP BY ALL
UNION ALL
SELECT 'doc_type', doc_type_code, count(*) FROM marts.fct_observation
WHERE doc_type_code NOT IN (SELECT doc_type_code FROM marts.dim_doc_type) GROUP BY ALL
UNION ALL
SELECT 'matter', matter_code, count(*) FROM marts.fct_observation
WHERE matter_code NOT IN (SELECT matter_code FROM marts.dim_matter) GROUP BY ALL;
