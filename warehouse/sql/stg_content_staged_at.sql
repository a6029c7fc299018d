-- Warehouses staged before staging.stg_content had staged_at gain it (null: checked back then).
ALTER TABLE staging.stg_content ADD COLUMN IF NOT EXISTS staged_at TIMESTAMPTZ;
