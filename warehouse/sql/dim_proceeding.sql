-- Catalog codes (docs/catalog.md), seeded from warehouse/seeds/proceedings.csv.
CREATE OR REPLACE TABLE marts.dim_proceeding AS
SELECT * FROM read_csv($seed, header = true, auto_detect = true);
