-- Every version of every official unit the reports resolved to (from the shipped gazetteer).
CREATE TABLE IF NOT EXISTS staging.stg_division (
    lineage_key   VARCHAR NOT NULL,
    division_code VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,
    level         VARCHAR NOT NULL,
    county        VARCHAR,
    prefecture    VARCHAR,
    province      VARCHAR,
    valid_from    DATE,  -- null: open before the gazetteer's earliest snapshot
    valid_to      DATE   -- null: still valid
);
