-- How many distinct contents of the inventory are staged, and how many observations in all.
SELECT
    (SELECT count(DISTINCT sha256) FROM staging.stg_file WHERE skip_reason IS NULL) AS contents,
    (SELECT count(*) FROM staging.stg_observation) AS observations
