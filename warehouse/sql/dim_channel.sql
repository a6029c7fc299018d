-- Catalog codes (docs/catalog.md), seeded from warehouse/seeds/channels.csv.
CREATE OR REPLACE TABLE marts.dim_channel AS
SELECT * FROM read_csv($seed, header = true, auto_detect = true);
