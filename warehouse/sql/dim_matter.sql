-- Catalog codes (docs/catalog.md), seeded from warehouse/seeds/matters.csv.
CREATE OR REPLACE TABLE marts.dim_matter AS
SELECT * FROM read_csv($seed, header = true, auto_detect = true);
