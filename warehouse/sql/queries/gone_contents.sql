-- Staged contents no file of the inventory has any more (a changed or removed file).
SELECT sha256
FROM staging.stg_content
WHERE sha256 NOT IN (SELECT sha256 FROM staging.stg_file WHERE sha256 IS NOT NULL);
