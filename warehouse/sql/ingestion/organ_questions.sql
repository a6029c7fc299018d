-- One question per distinct organ as the reports name it: the columns $columns of staging.stg_report.
SELECT DISTINCT COLUMNS(c -> list_contains($columns, c)) FROM staging.stg_report
