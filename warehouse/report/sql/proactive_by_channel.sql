-- Items disclosed proactively per channel and statistics year (indicator pd_items_by_channel), from
-- the panel reports only so that an organ-year described twice is counted once; with how many
-- reports state the channel, and how many state any channel that year.
WITH stated AS (
    SELECT obs.report_year, obs.channel_code, obs.report_key, obs.value
    FROM marts.fct_observation AS obs
    JOIN marts.dim_report AS report USING (report_key)
    WHERE obs.indicator_code = 'pd_items_by_channel'
      AND obs.channel_code IS NOT NULL
      AND report.is_panel_choice
),
per_year AS (
    SELECT report_year, count(DISTINCT report_key) AS year_reports
    FROM stated
    GROUP BY report_year
)
SELECT
    stated.report_year,
    stated.channel_code,
    coalesce(channel.name_zh, stated.channel_code) AS channel_name,
    sum(stated.value) AS items,
    count(DISTINCT stated.report_key) AS reports,
    any_value(per_year.year_reports) AS year_reports
FROM stated
JOIN per_year USING (report_year)
LEFT JOIN marts.dim_channel AS channel
    ON channel.channel_code = stated.channel_code AND channel.channel_kind = 'proactive'
GROUP BY stated.report_year, stated.channel_code, channel.name_zh
ORDER BY stated.report_year, stated.channel_code;
