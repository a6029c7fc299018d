-- What each mart rebuilt per report (warehouse/marts.py, `by_report`) last read for each report: a
-- fingerprint of its inputs. A build rewrites the mart's rows of the reports whose fingerprint
-- changed, appeared or went, and leaves the others as they are.
CREATE TABLE IF NOT EXISTS staging.stg_mart_input (
    mart        VARCHAR NOT NULL,
    report_key  VARCHAR NOT NULL,
    fingerprint UBIGINT NOT NULL
);
