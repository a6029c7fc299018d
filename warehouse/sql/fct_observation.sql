-- One extracted number per row, with the dimensions of the catalog and its evidence.
-- `span_start`/`span_end` are character offsets into the decoded source text
-- (staging.stg_content.text), end exclusive. `value` is the value in force: the parser's reading
-- (`value_source` 'parsed') or a person's correction from the team's corrections file
-- (`value_source` 'corrected', with who, when and why; the parser's reading stays in
-- `parsed_value`). A correction to "not stated" keeps the row, evidence and parsed value as its
-- trace, with `value` null: count stated figures with `value IS NOT NULL`.

-- The rows of marts.fct_observation of the reports in report_scope: warehouse/marts.py builds the table
-- from them, for every report or only for those whose inputs changed.
CREATE OR REPLACE TEMP VIEW fct_observation_rows AS
SELECT
    report.report_key,
    report.town_key,
    report.report_year,
    obs.obs_seq,
    obs.indicator_code,
    obs.channel_code,
    -- `other` is both a proactive and a request channel: join dim_channel on code and kind.
    CASE
        WHEN obs.channel_code IS NULL THEN NULL
        WHEN obs.indicator_code = 'req_received' THEN 'request'
        ELSE 'proactive'
    END AS channel_kind,
    obs.applicant_code,
    obs.outcome_code,
    obs.proceeding_code,
    obs.result_code,
    obs.doc_type_code,
    obs.matter_code,
    CASE WHEN correction.line IS NULL THEN obs.value ELSE correction.value END AS value,
    CASE WHEN correction.line IS NULL THEN 'parsed' ELSE 'corrected' END AS value_source,
    obs.value AS parsed_value,
    correction.corrected_by,
    correction.corrected_on,
    correction.reason AS correction_reason,
    obs.unit,
    obs.is_approximate,
    obs.evidence,
    obs.span_start,
    obs.span_end,
    obs.page,
    obs.confidence,
    obs.method,
    obs.method_rule,
    obs.raw_label,
    obs.parser_version
FROM staging.stg_observation AS obs
JOIN marts.dim_report AS report USING (sha256)
-- Keyed by the content and the observation's key, never by row ids: a reparse finds it again.
LEFT JOIN staging.stg_correction AS correction
    ON correction.sha256 = obs.sha256
   AND correction.indicator_code = obs.indicator_code
   AND correction.channel_code IS NOT DISTINCT FROM obs.channel_code
   AND correction.applicant_code IS NOT DISTINCT FROM obs.applicant_code
   AND correction.outcome_code IS NOT DISTINCT FROM obs.outcome_code
   AND correction.proceeding_code IS NOT DISTINCT FROM obs.proceeding_code
   AND correction.result_code IS NOT DISTINCT FROM obs.result_code
   AND correction.doc_type_code IS NOT DISTINCT FROM obs.doc_type_code
   AND correction.matter_code IS NOT DISTINCT FROM obs.matter_code
WHERE report.report_key IN (SELECT report_key FROM report_scope);
