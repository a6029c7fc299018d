-- Quarantined files by the kind of their reason (the part before any ':'), most frequent first.
SELECT split_part(reason, ':', 1) AS reason, count(*) AS files
FROM staging.quarantine
GROUP BY 1
ORDER BY 2 DESC, 1
