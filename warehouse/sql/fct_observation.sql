-- One extracted number per row, with the dimensions of the catalog and its evidence.
-- `span_start`/`span_end` are character offsets into the decoded source text
-- (staging.stg_content.text), end exclusive.
CREATE OR REPLACE TABLE marts.fct_observation AS
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
    obs.value,
    obs.unit,
    obs.is_approximate,
    obs.evidence,
    obs.span_start,
    obs.span_end,
    obs.page,
    obs.confidence,
    obs.method,
    obs.raw_label,
    obs.parser_version
FROM staging.stg_observation AS obs
JOIN marts.dim_report AS report USING (sha256);
