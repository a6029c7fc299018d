-- The contents to decode and parse, each with its first file: every content of the inventory but
-- those this parser version staged already. A scan rejected for want of OCR is retried by every
-- build (once the ocr extra is installed, it is read); a backfill parses its years again.
WITH reusable AS (
    SELECT sha256
    FROM staging.stg_content
    WHERE parser_version = $parser_version
      AND reason IS DISTINCT FROM 'needs_ocr'
      AND sha256 NOT IN (
          SELECT sha256 FROM staging.stg_report WHERE list_contains($reparse_years, report_year)
      )
)
SELECT sha256, min(source_file) AS source_file
FROM staging.stg_file
WHERE skip_reason IS NULL
  AND sha256 NOT IN (SELECT sha256 FROM reusable)
GROUP BY sha256
ORDER BY source_file
