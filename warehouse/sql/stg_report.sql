-- Report metadata resolved by the parser, one row per parsed content.
CREATE TABLE IF NOT EXISTS staging.stg_report (
    sha256         VARCHAR NOT NULL,
    parser_version VARCHAR NOT NULL,
    body_name      VARCHAR,
    body_level     VARCHAR,
    county         VARCHAR,
    prefecture     VARCHAR,
    province       VARCHAR,
    report_year    INTEGER,
    format_code    VARCHAR NOT NULL,
    regime         VARCHAR,
    publish_date   DATE,
    is_truncated   BOOLEAN NOT NULL,
    n_observations INTEGER NOT NULL,
    flags          VARCHAR[] NOT NULL,
    sections       VARCHAR[] NOT NULL, -- section codes whose headings the text has
    period_start   DATE,               -- the statistics period as stated
    period_end     DATE,
    table_rows     VARCHAR[] NOT NULL  -- headline indicators whose table-3 row label is present
);
