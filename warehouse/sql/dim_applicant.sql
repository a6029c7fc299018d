-- Catalog codes (docs/catalog.md), seeded from warehouse/seeds/applicants.csv.
CREATE OR REPLACE TABLE marts.dim_applicant AS
SELECT * FROM read_csv($seed, header = true, auto_detect = true);
