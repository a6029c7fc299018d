-- Every line of the team's corrections file and what became of it: `applied` (it sets the value in
-- force of its observation), `parser_agrees` (applied, and the parser now reads the same: the line
-- could go), `report_gone` (no report has this content any more: the file changed or was removed)
-- or `observation_gone` (the report is there, but the parser no longer gives this observation).
-- The last two change nothing and need a person; `ogi build` and `ogi review` list them.
CREATE OR REPLACE TABLE marts.fct_correction AS
WITH matched AS (
    SELECT
        correction.line,
        -- The parser's reading of the observation, if it still gives one.
        any_value(obs.parsed_value) AS parsed_value,
        count(obs.report_key) AS observations
    FROM staging.stg_correction AS correction
    LEFT JOIN marts.fct_observation AS obs
        ON obs.report_key = left(correction.sha256, 16)
       AND obs.indicator_code = correction.indicator_code
       AND obs.channel_code IS NOT DISTINCT FROM correction.channel_code
       AND obs.applicant_code IS NOT DISTINCT FROM correction.applicant_code
       AND obs.outcome_code IS NOT DISTINCT FROM correction.outcome_code
       AND obs.proceeding_code IS NOT DISTINCT FROM correction.proceeding_code
       AND obs.result_code IS NOT DISTINCT FROM correction.result_code
       AND obs.doc_type_code IS NOT DISTINCT FROM correction.doc_type_code
       AND obs.matter_code IS NOT DISTINCT FROM correction.matter_code
    GROUP BY correction.line
)
SELECT
    correction.line,
    correction.sha256,
    report.report_key,
    correction.source_file,
    report.source_file AS current_source_file,
    correction.indicator_code,
    correction.channel_code,
    correction.applicant_code,
    correction.outcome_code,
    correction.proceeding_code,
    correction.result_code,
    correction.doc_type_code,
    correction.matter_code,
    correction.value,
    matched.parsed_value,
    correction.corrected_by,
    correction.corrected_on,
    correction.reason,
    CASE
        WHEN report.report_key IS NULL THEN 'report_gone'
        WHEN matched.observations = 0 AND correction.value IS NULL THEN 'parser_agrees'
        WHEN matched.observations = 0 THEN 'observation_gone'
        WHEN matched.parsed_value = correction.value THEN 'parser_agrees'
        ELSE 'applied'
    END AS status,
    CASE
        WHEN report.report_key IS NOT NULL AND matched.observations = 0 AND correction.value IS NOT NULL
            THEN 'parser ' || report.parser_version || ' reads no such figure in this report'
        WHEN report.report_key IS NOT NULL THEN NULL
        WHEN now_in_file.report_key IS NOT NULL
            THEN correction.source_file || ' now holds report ' || now_in_file.report_key
                 || ' (its content changed): check the figure there and correct that report'
        ELSE 'no file under the raw folder has this content any more'
    END AS detail
FROM staging.stg_correction AS correction
JOIN matched USING (line)
LEFT JOIN marts.dim_report AS report ON report.sha256 = correction.sha256
LEFT JOIN marts.dim_report AS now_in_file
    ON now_in_file.source_file = correction.source_file AND correction.source_file <> ''
ORDER BY correction.line;
