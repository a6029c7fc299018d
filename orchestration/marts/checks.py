"""Checks at the staging → marts gate. Each runs a SQL file (warehouse/sql/checks/) that lists the
violating rows; no rows means the check passes. Blocking checks stop the run before the new version
is published, so wrong data never reaches analysts; the previous version stays in place.
"""

import dagster as dg

from orchestration.resources import Warehouse
from warehouse.connection import read_sql

_SAMPLE_ROWS = 10


def _violation_check(
    name: str,
    asset: str,
    description: str,
    blocking: bool = True,
    additional_deps: tuple[str, ...] = (),
) -> dg.AssetChecksDefinition:
    severity = dg.AssetCheckSeverity.ERROR if blocking else dg.AssetCheckSeverity.WARN

    @dg.asset_check(
        name=name,
        asset=asset,
        description=description,
        blocking=blocking,
        additional_deps=list(additional_deps),
    )
    def _check(warehouse: Warehouse) -> dg.AssetCheckResult:
        with warehouse.build() as con:
            frame = con.sql(read_sql(f"checks/{name}")).pl()
        sample = frame.head(_SAMPLE_ROWS)
        return dg.AssetCheckResult(
            passed=frame.height == 0,
            severity=severity,
            metadata={
                "violations": frame.height,
                "sample": dg.MetadataValue.md(
                    "\n".join(str(row) for row in sample.iter_rows(named=True)) or "none"
                ),
            },
        )

    return _check


gate_checks = [
    _violation_check(
        "every_file_accounted_for", "dim_report",
        "Every input file is in exactly one of marts.dim_report and staging.quarantine.",
    ),
    _violation_check(
        "spans_match_evidence", "fct_observation",
        "Every observation's span cuts exactly its evidence out of the decoded source text.",
    ),
    _violation_check(
        "codes_in_catalog", "fct_observation",
        "Every indicator and dimension code is in the catalog dimensions.",
        additional_deps=("dim_indicator", "dim_channel", "dim_applicant", "dim_request_outcome",
                         "dim_proceeding", "dim_result", "dim_doc_type", "dim_matter"),
    ),
    _violation_check(
        "values_in_range", "fct_observation",
        "Values are finite, non-negative (but signed deltas) and of a plausible size.",
    ),
    _violation_check(
        "one_row_per_organ_year", "fct_town_year",
        "The panel has one report per organ and statistics year.",
    ),
    _violation_check(
        "request_balance", "fct_town_year",
        "new + carried over in = decided + carried forward; figures are kept as stated, so this warns.",
        blocking=False,
    ),
]
