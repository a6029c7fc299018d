-- Lines of the corrections file by what became of them.
SELECT status, count(*)
FROM marts.fct_correction
GROUP BY status
ORDER BY status;
