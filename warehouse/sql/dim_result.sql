-- Catalog codes (docs/catalog.md), seeded from warehouse/seeds/results.csv.
CREATE OR REPLACE TABLE marts.dim_result AS
SELECT * FROM read_csv($seed, header = true, auto_detect = true);
