"""What the report is made from, as one digest: a report whose digest is the one written beside it
is not rendered again (a few seconds and 5 MB at 100k reports, for the same page).

The digest covers the rows and columns of every table the report can show (the marts and
staging.quarantine), where they came from (the warehouse file, the raw folder), and the report's
own code and the catalog seeds. It leaves out the time of the build: a build that changed nothing the
report shows keeps the report of the build that did, and its time.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from ogi.warehouse.connection import SEED_DIR
from ogi.warehouse.marts import table_names
from ogi.warehouse.report.queries import fetch

_CODE_DIR = Path(__file__).resolve().parent
_SIDECAR_SUFFIX = ".inputs"


def digest(con: duckdb.DuckDBPyConnection) -> str:
    """The digest of what `write_report` would read from `con` and render with."""
    digest = hashlib.sha256()
    for path in sorted([*_CODE_DIR.rglob("*.py"), *_CODE_DIR.rglob("*.sql"), *SEED_DIR.glob("*.csv")]):
        digest.update(path.read_bytes())
    digest.update(fetch(con, "columns").write_csv().encode())
    # Each table's rows as a count and the sum of the rows' hashes (no order changes it); the
    # table names come from the warehouse's own catalog.
    for table in [f"marts.{name}" for name in table_names(con)] + ["staging.quarantine"]:
        rows, hashes = con.execute(f"SELECT count(*), sum(hash(t)) FROM {table} AS t").fetchone()
        digest.update(f"{table}:{rows}:{hashes};".encode())
    origin = fetch(con, "summary").select("warehouse", "raw_folder").row(0)
    digest.update(repr(origin).encode())
    return digest.hexdigest()


def sidecar(report: Path) -> Path:
    """The file beside the report that holds the digest of its inputs."""
    return report.with_name(report.name + _SIDECAR_SUFFIX)


def is_current(report: Path, inputs: str) -> bool:
    try:
        return report.is_file() and sidecar(report).read_text(encoding="utf-8") == inputs
    except FileNotFoundError:
        return False
