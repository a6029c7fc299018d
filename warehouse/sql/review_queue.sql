-- What needs a person, ranked (`ogi review`): corrections that no longer apply, contradictions the
-- parser flagged, breaks with the organ's previous year, figures far outside the organ's own
-- history (≥ 10× or ≤ 0.1× the median of its years, at least 3, both at least 10), readings below
-- $low_confidence, and organs the gazetteer did not resolve; each with its evidence and the command
-- that fixes it. Reports marked reviewed are left out unless $include_reviewed.
WITH observations AS (
    SELECT
        obs.*,
        concat_ws(',', 'channel=' || channel_code, 'applicant=' || applicant_code,
                  'outcome=' || outcome_code, 'proceeding=' || proceeding_code, 'result=' || result_code,
                  'doc_type=' || doc_type_code, 'matter=' || matter_code) AS dims
    FROM marts.fct_observation AS obs
),
stale_corrections AS (
    SELECT
        1 AS priority, 'correction_issue' AS kind, coalesce(report_key, left(sha256, 16)) AS report_key,
        indicator_code,
        concat_ws(',', 'channel=' || channel_code, 'applicant=' || applicant_code,
                  'outcome=' || outcome_code, 'proceeding=' || proceeding_code, 'result=' || result_code,
                  'doc_type=' || doc_type_code, 'matter=' || matter_code) AS dims,
        value, NULL AS evidence, source_file AS recorded_file,
        'line ' || line || ' of the corrections file: ' || status || coalesce(' — ' || detail, '') AS detail,
        'edit or delete line ' || line || ' of the corrections file' AS fix
    FROM marts.fct_correction
    WHERE status IN ('report_gone', 'observation_gone')
),
flagged AS (
    SELECT report_key, unnest(flags) AS flag
    FROM marts.dim_report
),
contradictions AS (
    SELECT
        2 AS priority, 'contradiction' AS kind, flagged.report_key, obs.indicator_code, obs.dims, obs.value,
        obs.evidence, flagged.flag.detail AS detail,
        CASE WHEN obs.indicator_code IS NOT NULL THEN 'correct' END AS fix
    FROM flagged
    -- A conflict names the observation it is about by its key (the other flags: none).
    LEFT JOIN observations AS obs
        ON obs.report_key = flagged.report_key
       AND obs.indicator_code = flagged.flag.indicator_code
       AND obs.channel_code IS NOT DISTINCT FROM flagged.flag.channel_code
       AND obs.applicant_code IS NOT DISTINCT FROM flagged.flag.applicant_code
       AND obs.outcome_code IS NOT DISTINCT FROM flagged.flag.outcome_code
       AND obs.proceeding_code IS NOT DISTINCT FROM flagged.flag.proceeding_code
       AND obs.result_code IS NOT DISTINCT FROM flagged.flag.result_code
       AND obs.doc_type_code IS NOT DISTINCT FROM flagged.flag.doc_type_code
       AND obs.matter_code IS NOT DISTINCT FROM flagged.flag.matter_code
),
breaks AS (
    SELECT
        3 AS priority, 'cross_year_break' AS kind, cyc.report_key,
        cyc.indicator_code, coalesce('doc_type=' || cyc.doc_type_code, '') AS dims, cyc.value,
        cyc.evidence || '  ⟷  ' || cyc.previous_year || ': ' || cyc.previous_evidence
            || ' (report ' || cyc.previous_report_key || ')' AS evidence,
        cyc.check_code || ': ' || cyc.detail AS detail, 'correct' AS fix
    FROM marts.fct_cross_year_check AS cyc
    WHERE NOT cyc.holds
),
history AS (
    -- Each headline figure of the panel beside the median of the organ's stated years (one wild
    -- year does not move a median).
    SELECT
        town_key, report_year, measure, value,
        median(value) OVER (PARTITION BY town_key, measure) AS organ_median,
        count(value) OVER (PARTITION BY town_key, measure) AS years
    FROM marts.fct_town_year_change
    WHERE value IS NOT NULL
),
outliers AS (
    SELECT
        4 AS priority, 'outlier' AS kind, panel.report_key, history.measure AS indicator_code, '' AS dims,
        history.value, obs.evidence,
        history.measure || ' ' || history.report_year || ': ' || printf('%.15g', history.value)
            || ', median of the organ''s ' || history.years || ' years: '
            || printf('%.15g', history.organ_median) AS detail,
        CASE WHEN obs.indicator_code IS NOT NULL THEN 'correct' END AS fix
    FROM history
    JOIN marts.fct_town_year AS panel USING (town_key, report_year)
    LEFT JOIN observations AS obs
        ON obs.report_key = panel.report_key AND obs.indicator_code = history.measure AND obs.dims = ''
       AND obs.value = history.value
    WHERE history.years >= 3 AND least(history.value, history.organ_median) >= 10
      AND (history.value >= 10 * history.organ_median OR 10 * history.value <= history.organ_median)
),
doubtful AS (
    SELECT
        5 AS priority, 'low_confidence' AS kind, report_key, indicator_code, dims, value, evidence,
        'confidence ' || confidence || ' (' || concat_ws(':', method, nullif(method_rule, '')) || ')' AS detail, 'correct' AS fix
    FROM observations
    WHERE confidence < $low_confidence AND value_source = 'parsed'
),
unresolved AS (
    SELECT
        6 AS priority, 'unresolved_organ' AS kind, report_key, NULL AS indicator_code, NULL AS dims,
        NULL AS value, concat_ws(' ', province, prefecture, county, body_name) AS evidence,
        resolution_reason AS detail, NULL AS fix
    FROM marts.dim_report
    WHERE resolution_status <> 'resolved'
),
queue AS (
    SELECT * FROM stale_corrections
    UNION ALL BY NAME SELECT * FROM contradictions
    UNION ALL BY NAME SELECT * FROM breaks
    UNION ALL BY NAME SELECT * FROM outliers
    UNION ALL BY NAME SELECT * FROM doubtful
    UNION ALL BY NAME SELECT * FROM unresolved
)
SELECT
    row_number() OVER (ORDER BY queue.priority, report.report_year, queue.report_key, queue.indicator_code,
                       queue.dims, queue.detail) AS rank,
    queue.kind,
    queue.report_key,
    coalesce(report.source_file, nullif(queue.recorded_file, '')) AS source_file,
    report.body_name,
    report.report_year,
    queue.indicator_code,
    queue.dims,
    queue.value,
    queue.evidence,
    queue.detail,
    queue.fix
FROM queue
LEFT JOIN marts.dim_report AS report USING (report_key)
WHERE $include_reviewed OR coalesce(report.review_state, 'unreviewed') = 'unreviewed'
ORDER BY rank;
