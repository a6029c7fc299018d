-- Each organ's figures checked against its own previous statistics year (the panel's reports,
-- dim_report.is_panel_choice; values in force, so a correction counts), one row per comparison:
-- `carried_link` — requests carried over into year Y (上年结转) = those carried forward at the end of
-- Y−1 (结转下年度继续办理); `in_force_link` — per doc_type, documents in force at the end of Y
-- (现行有效件数) = in force at the end of Y−1 + made in Y − repealed in Y; `level_break` — a headline
-- figure of the whole organ that grows ≥ 10× or falls to ≤ 0.1× of the previous year, checked when
-- both values are at least 10 (smaller counts swing that much without an error). `holds` is false
-- for a break; marts.fct_town_year flags the year Y of every break. `detail` says it in words.
CREATE OR REPLACE VIEW marts.fct_cross_year_check AS
WITH panel AS (
    SELECT report_key, town_key, report_year
    FROM marts.dim_report
    WHERE is_panel_choice
),
figures AS (
    -- The organ's own figure (not split by channel, outcome, proceeding or matter; doc_type kept for
    -- table 2), with the words it was read from.
    SELECT
        panel.town_key,
        panel.report_year,
        obs.report_key,
        obs.indicator_code,
        obs.doc_type_code,
        max(obs.value) AS value,
        arg_max(obs.evidence, obs.value) AS evidence
    FROM marts.fct_observation AS obs
    JOIN panel USING (report_key)
    WHERE obs.value IS NOT NULL
      AND obs.channel_code IS NULL AND obs.outcome_code IS NULL AND obs.proceeding_code IS NULL
      AND obs.result_code IS NULL AND obs.matter_code IS NULL AND coalesce(obs.applicant_code, 'total') = 'total'
    GROUP BY ALL
),
pairs AS (
    -- Each figure of year Y beside a figure of the same organ in Y−1: the same indicator (and
    -- doc_type), or the requests carried over in beside those carried forward. Equality joins only,
    -- so the pairs grow with the panel, not with the square of its figures.
    SELECT
        current.town_key,
        current.report_year,
        current.indicator_code,
        current.doc_type_code,
        current.value,
        current.evidence,
        current.report_key,
        previous.indicator_code AS previous_indicator_code,
        previous.value AS previous_value,
        previous.evidence AS previous_evidence,
        previous.report_key AS previous_report_key
    FROM figures AS current
    JOIN figures AS previous
        ON previous.town_key = current.town_key
       AND previous.report_year = current.report_year - 1
       AND previous.indicator_code = CASE current.indicator_code
               WHEN 'req_carried_over_in' THEN 'req_carried_forward' ELSE current.indicator_code END
       AND previous.doc_type_code IS NOT DISTINCT FROM current.doc_type_code
),
carried AS (
    SELECT
        'carried_link' AS check_code, * EXCLUDE (previous_indicator_code),
        previous_value AS expected_value,
        'carried forward at the end of ' || (report_year - 1) || ': ' || printf('%.15g', previous_value)
            || '; carried over into ' || report_year || ': ' || printf('%.15g', value) AS detail
    FROM pairs
    WHERE indicator_code = 'req_carried_over_in'
),
in_force AS (
    SELECT
        'in_force_link' AS check_code, pairs.* EXCLUDE (previous_indicator_code),
        pairs.previous_value + made.value - repealed.value AS expected_value,
        'in force at the end of ' || (pairs.report_year - 1) || ': ' || printf('%.15g', pairs.previous_value)
            || ' + made: ' || printf('%.15g', made.value) || ' − repealed: ' || printf('%.15g', repealed.value)
            || ' = ' || printf('%.15g', pairs.previous_value + made.value - repealed.value)
            || '; stated in force: ' || printf('%.15g', pairs.value) AS detail
    FROM pairs
    JOIN figures AS made
        ON made.report_key = pairs.report_key AND made.indicator_code = 'art20_made'
       AND made.doc_type_code = pairs.doc_type_code
    JOIN figures AS repealed
        ON repealed.report_key = pairs.report_key AND repealed.indicator_code = 'art20_repealed'
       AND repealed.doc_type_code = pairs.doc_type_code
    WHERE pairs.indicator_code = 'art20_in_force'
),
levels AS (
    SELECT
        'level_break' AS check_code, pairs.* EXCLUDE (previous_indicator_code),
        NULL::DOUBLE AS expected_value,
        pairs.indicator_code || ' ' || (pairs.report_year - 1) || ': ' || printf('%.15g', pairs.previous_value)
            || ' → ' || pairs.report_year || ': ' || printf('%.15g', pairs.value)
            || ' (×' || round(pairs.value / pairs.previous_value, 2) || ')' AS detail
    FROM pairs
    JOIN marts.dim_indicator AS indicator ON indicator.indicator_code = pairs.indicator_code
    WHERE indicator.headline AND pairs.doc_type_code IS NULL
      AND pairs.previous_indicator_code = pairs.indicator_code
      AND least(pairs.value, pairs.previous_value) >= 10
),
checks AS (
    SELECT * FROM carried
    UNION ALL BY NAME SELECT * FROM in_force
    UNION ALL BY NAME SELECT * FROM levels
)
SELECT
    town_key,
    report_year,
    report_year - 1 AS previous_year,
    check_code,
    indicator_code,
    doc_type_code,
    previous_value,
    value,
    expected_value,
    CASE
        WHEN check_code = 'level_break' THEN value < 10 * previous_value AND 10 * value > previous_value
        ELSE value = expected_value
    END AS holds,
    report_key,
    previous_report_key,
    evidence,
    previous_evidence,
    detail
FROM checks;
