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
    source_format  VARCHAR,           -- 'text' | 'html' | 'pdf' | 'docx' | 'image'
    text           VARCHAR,
    -- When the staging run that decoded it started (all contents of one run share it): the gate
    -- check of spans reads only the last run's contents; earlier ones were checked when staged.
    staged_at      TIMESTAMPTZ,
    source_url     VARCHAR,           -- the address a saved HTML page states (canonical, og:url …)
    page_date      DATE,              -- the publication date it states (发布日期 in its chrome, PubDate)
    ocr_confidence DOUBLE             -- mean character confidence (0–1) of a scan read by OCR
);
-- Warehouses staged before pages' own address and date were read gain the columns.
ALTER TABLE staging.stg_content ADD COLUMN IF NOT EXISTS source_url VARCHAR;
ALTER TABLE staging.stg_content ADD COLUMN IF NOT EXISTS page_date DATE;
ALTER TABLE staging.stg_content ADD COLUMN IF NOT EXISTS ocr_confidence DOUBLE;
