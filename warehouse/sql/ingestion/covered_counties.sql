-- The counties the reporting organs belong to.
SELECT DISTINCT official_county_code FROM staging.stg_organ WHERE official_county_code IS NOT NULL
