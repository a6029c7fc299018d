-- The longitudinal panel: one row per organ × statistics year, headline indicators as columns.
-- Null means the report did not state the figure; 0 means it stated zero ("无", "未收到").
-- When several reports describe one organ-year, the panel takes the one dim_report marks
-- `is_panel_choice` (the rule is there); `candidate_reports` says how many there were.
-- The `breaks_*` flags say whether the year contradicts the organ's previous year
-- (marts.fct_cross_year_check has both values and both evidences): null when it could not be checked.
-- Counts are integers; money (元: req_fee_collected, budget_special) is DOUBLE.
CREATE OR REPLACE TABLE marts.fct_town_year AS
WITH ranked AS (
    SELECT
        town_key,
        report_year,
        report_key,
        is_panel_choice,
        count(*) OVER (PARTITION BY town_key, report_year) AS candidate_reports
    FROM marts.dim_report
    WHERE town_key IS NOT NULL AND report_year IS NOT NULL
),
chosen AS (
    SELECT * EXCLUDE (is_panel_choice) FROM ranked WHERE is_panel_choice
),
breaks AS (
    SELECT
        town_key,
        report_year,
        bool_or(NOT holds) FILTER (WHERE check_code = 'carried_link') AS breaks_carried_link,
        bool_or(NOT holds) FILTER (WHERE check_code = 'in_force_link') AS breaks_in_force_link,
        bool_or(NOT holds) FILTER (WHERE check_code = 'level_break') AS breaks_level
    FROM marts.fct_cross_year_check
    GROUP BY ALL
),
obs AS (
    SELECT *
    FROM marts.fct_observation
    WHERE report_key IN (SELECT report_key FROM chosen)
),
panel AS (
SELECT
    chosen.town_key,
    chosen.report_year,
    chosen.report_key,
    chosen.candidate_reports,
    max(value) FILTER (WHERE indicator_code = 'pd_items_total') AS pd_items_total,
    max(value) FILTER (WHERE indicator_code = 'pd_normdocs_disclosed') AS pd_normdocs_disclosed,
    max(value) FILTER (WHERE indicator_code = 'normdocs_issued') AS normdocs_issued,
    max(value) FILTER (WHERE indicator_code = 'resp_policy_interpretations') AS resp_policy_interpretations,
    max(value) FILTER (WHERE indicator_code = 'resp_hot_topics' AND channel_code IS NULL) AS resp_hot_topics,
    max(value) FILTER (
        WHERE indicator_code = 'req_received' AND channel_code IS NULL
          AND coalesce(applicant_code, 'total') = 'total'
    ) AS req_received,
    max(value) FILTER (
        WHERE indicator_code = 'req_carried_over_in' AND coalesce(applicant_code, 'total') = 'total'
    ) AS req_carried_over_in,
    max(value) FILTER (WHERE indicator_code = 'req_concluded') AS req_concluded,
    max(value) FILTER (
        WHERE indicator_code = 'req_outcome_total' AND coalesce(applicant_code, 'total') = 'total'
    ) AS req_outcome_total,
    max(value) FILTER (
        WHERE indicator_code = 'req_carried_forward' AND coalesce(applicant_code, 'total') = 'total'
    ) AS req_carried_forward,
    max(value) FILTER (WHERE indicator_code = 'req_fee_collected') AS req_fee_collected,
    max(value) FILTER (
        WHERE indicator_code = 'appeal_count' AND proceeding_code = 'admin_review' AND result_code = 'total'
    ) AS appeal_admin_review,
    max(value) FILTER (
        WHERE indicator_code = 'appeal_count' AND proceeding_code = 'litigation_all' AND result_code = 'total'
    ) AS appeal_litigation_all,
    max(value) FILTER (
        WHERE indicator_code = 'appeal_count' AND proceeding_code = 'complaint' AND result_code = 'total'
    ) AS appeal_complaint,
    max(value) FILTER (WHERE indicator_code = 'staff_total') AS staff_total,
    max(value) FILTER (WHERE indicator_code = 'budget_special') AS budget_special,
    max(value) FILTER (WHERE indicator_code = 'meetings') AS meetings,
    max(value) FILTER (WHERE indicator_code = 'training_sessions') AS training_sessions,
    max(value) FILTER (WHERE indicator_code = 'training_attendees') AS training_attendees,
    breaks.breaks_carried_link,
    breaks.breaks_in_force_link,
    breaks.breaks_level
FROM chosen
LEFT JOIN obs USING (report_key)
LEFT JOIN breaks ON breaks.town_key = chosen.town_key AND breaks.report_year = chosen.report_year
GROUP BY ALL
)
-- The columns whose indicator the catalog counts in 条, 件, 篇, 次, 人 or 人次 (a test holds them
-- to warehouse/seeds/indicators.csv): whole numbers, which R, Stata and pandas should read as integers.
SELECT * REPLACE (
    pd_items_total::BIGINT AS pd_items_total,
    pd_normdocs_disclosed::BIGINT AS pd_normdocs_disclosed,
    normdocs_issued::BIGINT AS normdocs_issued,
    resp_policy_interpretations::BIGINT AS resp_policy_interpretations,
    resp_hot_topics::BIGINT AS resp_hot_topics,
    req_received::BIGINT AS req_received,
    req_carried_over_in::BIGINT AS req_carried_over_in,
    req_concluded::BIGINT AS req_concluded,
    req_outcome_total::BIGINT AS req_outcome_total,
    req_carried_forward::BIGINT AS req_carried_forward,
    appeal_admin_review::BIGINT AS appeal_admin_review,
    appeal_litigation_all::BIGINT AS appeal_litigation_all,
    appeal_complaint::BIGINT AS appeal_complaint,
    staff_total::BIGINT AS staff_total,
    meetings::BIGINT AS meetings,
    training_sessions::BIGINT AS training_sessions,
    training_attendees::BIGINT AS training_attendees
)
FROM panel
ORDER BY town_key, report_year;
