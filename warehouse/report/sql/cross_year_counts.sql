-- The cross-year checks (marts.fct_cross_year_check) by kind: how many comparisons could be made and
-- how many break; and the team's corrections (marts.fct_correction) by status.
SELECT 'check' AS family, check_code AS kind, count(*) AS total, count(*) FILTER (WHERE NOT holds) AS breaks
FROM marts.fct_cross_year_check
GROUP BY check_code
UNION ALL
SELECT 'correction', status, count(*), NULL
FROM marts.fct_correction
GROUP BY status
ORDER BY family, kind;
