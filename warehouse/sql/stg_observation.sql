-- Every number the parser extracted, with its span into staging.stg_content.text.
CREATE TABLE IF NOT EXISTS staging.stg_observation (
    sha256          VARCHAR NOT NULL,
    obs_seq         INTEGER NOT NULL,
    indicator_code  VARCHAR NOT NULL,
    channel_code    VARCHAR,
    applicant_code  VARCHAR,
    outcome_code    VARCHAR,
    proceeding_code VARCHAR,
    result_code     VARCHAR,
    doc_type_code   VARCHAR,
    matter_code     VARCHAR,
    value           DOUBLE  NOT NULL,
    unit            VARCHAR,
    is_approximate  BOOLEAN NOT NULL,
    evidence        VARCHAR NOT NULL,
    span_start      INTEGER NOT NULL,
    span_end        INTEGER NOT NULL,
    confidence      DOUBLE  NOT NULL,
    method          VARCHAR NOT NULL,
    raw_label       VARCHAR,
    parser_version  VARCHAR NOT NULL,
    page            INTEGER            -- page of the evidence's start (1-based); null without pages
);
-- Warehouses staged before observations had a page gain the column (null: none had pages then).
ALTER TABLE staging.stg_observation ADD COLUMN IF NOT EXISTS page INTEGER;
