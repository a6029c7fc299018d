-- Observations whose [span_start, span_end) does not cut exactly their evidence out of the decoded
-- text, among the contents of the last staging run: a content's text and spans never change once
-- staged (it is keyed by its sha256), so those of earlier runs were checked by the build that staged them.
SELECT obs.report_key, obs.obs_seq, obs.indicator_code, obs.span_start, obs.span_end, obs.evidence
FROM marts.fct_observation AS obs
JOIN marts.dim_report AS report USING (report_key)
JOIN staging.stg_content AS content ON content.sha256 = report.sha256
WHERE content.staged_at = (SELECT max(staged_at) FROM staging.stg_content)
  AND (obs.span_start < 0
       OR obs.span_end <= obs.span_start
       OR obs.span_end > length(content.text)
       OR substring(content.text, obs.span_start + 1, obs.span_end - obs.span_start) <> obs.evidence)
ORDER BY obs.report_key, obs.obs_seq;
