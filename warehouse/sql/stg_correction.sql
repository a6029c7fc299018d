-- The team's corrections file as the last build read it (warehouse/team_records.py), one row per line.
CREATE TABLE IF NOT EXISTS staging.stg_correction (
    line            INTEGER NOT NULL,   -- line of the corrections file
    sha256          VARCHAR NOT NULL,   -- the report's content
    source_file     VARCHAR NOT NULL,   -- the file it was in when corrected ('' when not written down)
    indicator_code  VARCHAR NOT NULL,
    channel_code    VARCHAR,
    applicant_code  VARCHAR,
    outcome_code    VARCHAR,
    proceeding_code VARCHAR,
    result_code     VARCHAR,
    doc_type_code   VARCHAR,
    matter_code     VARCHAR,
    value           DOUBLE,             -- null: the report does not state this figure
    corrected_by    VARCHAR NOT NULL,
    corrected_on    DATE    NOT NULL,
    reason          VARCHAR NOT NULL
);
