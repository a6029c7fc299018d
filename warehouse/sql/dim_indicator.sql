-- Catalog codes (docs/catalog.md), seeded from warehouse/seeds/indicators.csv.
CREATE OR REPLACE TABLE marts.dim_indicator AS
SELECT * FROM read_csv($seed, header = true, auto_detect = true);
