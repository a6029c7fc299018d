"""The analysts' HTML report: charts of coverage, proactive disclosure, requests, trends by
province and level, data quality and timeliness, plus the data dictionary, in one self-contained
file that opens offline. Read from a (read-only) connection to the published warehouse."""
from __future__ import annotations

from pathlib import Path

import duckdb

from ogi.warehouse.report.activity import activity_sections
from ogi.warehouse.report import inputs
from ogi.warehouse.report.coverage import coverage_section, timeliness_section
from ogi.warehouse.report.page import render_page
from ogi.warehouse.report.quality import quality_section
from ogi.warehouse.report.queries import fetch

__all__ = ["write_report"]


def write_report(con: duckdb.DuckDBPyConnection, out_path: Path) -> Path:
    """Write the report for the warehouse behind ``con`` to ``out_path`` (HTML, UTF-8) and return it;
    left as it is when what it shows has not changed since it was written (warehouse/report/inputs.py)."""
    out_path = Path(out_path)
    digest = inputs.digest(con)
    if inputs.is_current(out_path, digest):
        return out_path
    summary = fetch(con, "summary").row(0, named=True)
    sections = (
        coverage_section(con, summary["quarantined_files"]),
        *activity_sections(con),
        timeliness_section(con),
        quality_section(con, summary["reports"]),
    )
    out_path.parent.mkdir(parents=True, exist_ok=True)
    inputs.sidecar(out_path).unlink(missing_ok=True)  # no stale digest beside a report being replaced
    out_path.write_text(render_page(summary, sections, fetch(con, "columns")), encoding="utf-8")
    inputs.sidecar(out_path).write_text(digest, encoding="utf-8")
    return out_path
