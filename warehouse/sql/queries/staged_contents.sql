-- The contents already decoded and parsed by parser $version. A scan rejected for want of OCR is
-- not among them: every build retries it, so that once Tesseract is installed, it is read.
SELECT sha256
FROM staging.stg_content
WHERE parser_version = $version
  AND reason IS DISTINCT FROM 'needs_ocr';
