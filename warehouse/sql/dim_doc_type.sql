-- Catalog codes (docs/catalog.md), seeded from warehouse/seeds/doc_types.csv.
CREATE OR REPLACE TABLE marts.dim_doc_type AS
SELECT * FROM read_csv($seed, header = true, auto_detect = true);
