-- Each distinct organ question of the reports, resolved through the gazetteer (or not, with a reason).
CREATE TABLE IF NOT EXISTS staging.stg_organ (
    body_name           VARCHAR,
    body_level          VARCHAR,
    county              VARCHAR,
    prefecture          VARCHAR,
    province            VARCHAR,
    report_year         INTEGER,
    status              VARCHAR NOT NULL,  -- 'resolved' | 'unresolved'
    reason              VARCHAR,           -- why not resolved: ambiguous, not_in_gazetteer, department …
    candidates          INTEGER NOT NULL,
    lineage_key         VARCHAR,           -- stable across renames and re-parenting
    division_code       VARCHAR,           -- 12 digits, the version valid in report_year
    official_name       VARCHAR,
    official_level      VARCHAR,
    official_county     VARCHAR,
    official_prefecture VARCHAR,
    official_province   VARCHAR,
    official_county_code VARCHAR
);
