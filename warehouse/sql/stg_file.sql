-- The raw folder as last seen: one row per file, replaced by every build.
CREATE TABLE IF NOT EXISTS staging.stg_file (
    source_file VARCHAR NOT NULL,   -- path relative to the raw folder, '/'-separated
    sha256      VARCHAR,            -- null when the file was not read (skip_reason)
    size_bytes  BIGINT  NOT NULL,
    mtime_ns    BIGINT  NOT NULL,   -- unchanged size and mtime: the file is not hashed again
    -- Set when the file is not decoded at all: 'too_large' (above OGI_MAX_FILE_BYTES; hashed by
    -- streaming, never held in memory) or 'outside_raw_folder' (a link pointing out of the folder).
    skip_reason VARCHAR,
    skip_detail VARCHAR,
    source_url  VARCHAR,            -- from the manifest beside the raw folder, if any
    fetched_at  TIMESTAMPTZ
);
-- Warehouses made before the manifest was read gain its columns.
ALTER TABLE staging.stg_file ADD COLUMN IF NOT EXISTS source_url VARCHAR;
ALTER TABLE staging.stg_file ADD COLUMN IF NOT EXISTS fetched_at TIMESTAMPTZ;
