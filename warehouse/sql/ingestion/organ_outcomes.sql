-- Organ questions by outcome: the kind of reason they were left unresolved, else their status.
SELECT coalesce(split_part(reason, ':', 1), status) AS outcome, count(*) AS questions
FROM staging.stg_organ
GROUP BY 1
ORDER BY 2 DESC, 1
