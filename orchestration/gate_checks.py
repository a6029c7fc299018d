"""Checks at the staging → marts gate. Each runs a SQL file (warehouse/sql/checks/) that lists the
violating rows; no rows means the check passes. Blocking checks stop the run before the new version
is published, so wrong data never reaches analysts; the previous version stays in place.
"""
from __future__ import annotations

from dataclasses import dataclass

import dagster as dg
import duckdb

from ogi.warehouse.connection import read_sql, seed_path

_SAMPLE_ROWS = 10


@dataclass(frozen=True)
class GateCheck:
    name: str  # warehouse/sql/checks/<name>.sql
    asset: str  # the mart it is shown on
    description: str
    blocking: bool = True
    additional_deps: tuple[str, ...] = ()
    seeds: tuple[str, ...] = ()  # seed CSVs the SQL reads, each bound as $<name>

    def spec(self) -> dg.AssetCheckSpec:
        return dg.AssetCheckSpec(
            self.name,
            asset=self.asset,
            description=self.description,
            blocking=self.blocking,
            additional_deps=list(self.additional_deps),
        )

    def evaluate(self, con: duckdb.DuckDBPyConnection) -> dg.AssetCheckResult:
        params = {seed: seed_path(seed) for seed in self.seeds}
        frame = con.execute(read_sql(f"checks/{self.name}"), params or None).pl()
        sample = frame.head(_SAMPLE_ROWS)
        return dg.AssetCheckResult(
            asset_key=self.asset,
            check_name=self.name,
            passed=frame.height == 0,
            severity=dg.AssetCheckSeverity.ERROR if self.blocking else dg.AssetCheckSeverity.WARN,
            metadata={
                "violations": frame.height,
                "sample": dg.MetadataValue.md(
                    "\n".join(str(row) for row in sample.iter_rows(named=True)) or "none"
                ),
            },
        )


GATE_CHECKS = (
    GateCheck(
        "every_file_accounted_for", "dim_report",
        "Every input file is in exactly one of marts.dim_report and staging.quarantine.",
    ),
    GateCheck(
        "spans_match_evidence", "fct_observation",
        "Every observation's span cuts exactly its evidence out of the decoded source text (the contents of "
        "the last staging run; a content's text and spans never change, so earlier ones were checked then).",
    ),
    GateCheck(
        "codes_in_catalog", "fct_observation",
        "Every indicator and dimension code is in the catalog dimensions.",
        additional_deps=("dim_indicator", "dim_channel", "dim_applicant", "dim_request_outcome",
                         "dim_proceeding", "dim_result", "dim_doc_type", "dim_matter"),
    ),
    GateCheck(
        "reasons_flags_methods_in_seeds", "dim_report",
        "Every quarantine reason, parser flag and matching method is a code of its seed (quarantine_reasons.csv, "
        "flags.csv, methods.csv).",
        additional_deps=("quarantine", "fct_observation"), seeds=("quarantine_reasons", "flags", "methods"),
    ),
    GateCheck(
        "values_in_range", "fct_observation",
        "Values are finite, non-negative (but signed deltas) and of a plausible size.",
    ),
    GateCheck(
        "one_row_per_organ_year", "fct_town_year",
        "The panel has one report per organ and statistics year.",
    ),
    GateCheck(
        "request_balance", "fct_town_year",
        "new + carried over in = decided + carried forward; figures are kept as stated, so this warns.",
        blocking=False,
    ),
)
