-- The official units (their lineages) that reported.
SELECT DISTINCT lineage_key FROM staging.stg_organ WHERE lineage_key IS NOT NULL
