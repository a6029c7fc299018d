-- Catalog codes (docs/catalog.md), seeded from warehouse/seeds/outcomes.csv.
CREATE OR REPLACE TABLE marts.dim_request_outcome AS
SELECT * FROM read_csv($seed, header = true, auto_detect = true);
