-- The build that made this version (one row, replaced by every build): the raw folder it read,
-- which the next build without --raw reads again (warehouse/raw_folder.py).
CREATE TABLE IF NOT EXISTS staging.stg_build (
    raw_folder VARCHAR     NOT NULL,  -- absolute path
    built_at   TIMESTAMPTZ NOT NULL
);
