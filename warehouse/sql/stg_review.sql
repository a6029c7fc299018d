-- The team's review marks as the last build read them (reviews.csv beside the corrections file).
CREATE TABLE IF NOT EXISTS staging.stg_review (
    line        INTEGER NOT NULL,
    sha256      VARCHAR NOT NULL,
    source_file VARCHAR NOT NULL,
    state       VARCHAR NOT NULL,   -- reviewed | unreviewed; the last line of a report wins
    reviewed_by VARCHAR NOT NULL,
    reviewed_on DATE    NOT NULL,
    note        VARCHAR NOT NULL
);
