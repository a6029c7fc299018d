-- One row per distinct file content (sha256) that was decoded, kept across builds so that
-- unchanged documents are not decoded or parsed again. `text` is the decoded source text that
-- every observation's span points into.
CREATE TABLE IF NOT EXISTS staging.stg_content (
    sha256         VARCHAR NOT NULL,
    parser_version VARCHAR NOT NULL,
    status         VARCHAR NOT NULL,  -- 'parsed' | 'rejected'
    reason         VARCHAR,           -- quarantine reason when rejected
    detail         VARCHAR,
    encoding       VARCHAR,
    source_format  VARCHAR,           -- 'text' | 'html'
    text           VARCHAR
);
