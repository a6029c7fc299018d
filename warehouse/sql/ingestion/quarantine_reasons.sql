-- Quarantined files by their reason code, most frequent first.
SELECT reason, count(*) AS files
FROM staging.quarantine
GROUP BY 1
ORDER BY 2 DESC, 1
