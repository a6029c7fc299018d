-- Values no report can state: not finite, negative (only art20_items_change is a signed delta), or
-- beyond 100 billion (no count or yuan amount of one organ comes near it).
SELECT report_key, obs_seq, indicator_code, value, evidence
FROM marts.fct_observation
WHERE isnan(value) OR isinf(value)
   OR (value < 0 AND indicator_code <> 'art20_items_change')
   OR abs(value) > 1e11
ORDER BY report_key, obs_seq;
