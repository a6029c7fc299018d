-- The raw folder the last build read (staging.stg_build holds one row).
SELECT raw_folder
FROM staging.stg_build;
