"""Writing the staging schema: the raw-folder inventory and the staged parse results.

Each write is one transaction that replaces its slice (delete, then insert by name from Arrow or the
parse steps' parquet), so a rerun never duplicates rows and an interrupted write leaves nothing half-done.
"""
from __future__ import annotations

from datetime import datetime

import duckdb
import pyarrow as pa

from warehouse.errors import UserError

_CONTENT_TABLES = ("staging.stg_observation", "staging.stg_report", "staging.stg_content")


# Staging tables rebuilt whole by each build (the others are appended to incrementally).
REPLACED_TABLES = ("staging.stg_build", "staging.stg_file", "staging.stg_organ", "staging.stg_division")


def replace_table(con: duckdb.DuckDBPyConnection, table: str, rows: pa.Table | pa.RecordBatchReader) -> None:
    """Replace every row of one of REPLACED_TABLES, in one transaction (a reader is streamed)."""
    if table not in REPLACED_TABLES:
        raise ValueError(f"{table} is not replaced whole")
    con.execute("BEGIN TRANSACTION")
    con.execute(f"DELETE FROM {table}")
    con.register("replacement", rows)
    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM replacement")
    con.unregister("replacement")
    con.execute("COMMIT")


def replace_contents(con: duckdb.DuckDBPyConnection, parts: dict[str, list[str]], staged_at: datetime) -> None:
    """The staged rows of the contents in these parquet files (the parse steps': `parts` maps
    contents, reports and observations to their files), stamped with the start of the build, in one
    transaction that first drops what was staged of those contents before (a new parser version, a
    backfill), so that a rerun never duplicates rows."""
    con.execute("BEGIN TRANSACTION")
    for table in _CONTENT_TABLES:
        # `table` is one of this module's own constants, never user input.
        con.execute(f"DELETE FROM {table} WHERE sha256 IN (SELECT sha256 FROM read_parquet($files))",
                    {"files": parts["contents"]})
    con.execute(
        "INSERT INTO staging.stg_content BY NAME SELECT *, $staged_at AS staged_at FROM read_parquet($files)",
        {"files": parts["contents"], "staged_at": staged_at},
    )
    con.execute("INSERT INTO staging.stg_report BY NAME SELECT * FROM read_parquet($files)", {"files": parts["reports"]})
    con.execute("INSERT INTO staging.stg_observation BY NAME SELECT * FROM read_parquet($files)",
                {"files": parts["observations"]})
    con.execute("COMMIT")


def prune_contents(con: duckdb.DuckDBPyConnection) -> int:
    """Drop staged contents no file in the inventory has any more (a changed or removed file)."""
    gone = con.execute(
        "SELECT count(*) FROM staging.stg_content "
        "WHERE sha256 NOT IN (SELECT sha256 FROM staging.stg_file WHERE sha256 IS NOT NULL)"
    ).fetchone()[0]
    con.execute("BEGIN TRANSACTION")
    for table in _CONTENT_TABLES:
        # `table` is one of this module's own constants, never user input.
        con.execute(
            f"DELETE FROM {table} "
            "WHERE sha256 NOT IN (SELECT sha256 FROM staging.stg_file WHERE sha256 IS NOT NULL)"
        )
    con.execute("COMMIT")
    return gone


class RemovalsRefused(UserError):
    """A build would drop most of the warehouse's reports."""


def check_removals(con: duckdb.DuckDBPyConnection, files_now: set[str], allowed: bool) -> None:
    """Refuse a build whose raw folder no longer has the files of more than half of the reports
    published (so of all of them too), unless `allowed`: a wrong or empty folder, not a wish."""
    has_reports = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'marts' AND table_name = 'dim_report'"
    ).fetchone()[0]
    if allowed or not has_reports:
        return
    files = [name for (name,) in con.execute("SELECT source_file FROM marts.dim_report").fetchall()]
    gone = sum(name not in files_now for name in files)
    if gone and 2 * gone > len(files):
        raise RemovalsRefused(
            f"this build would remove {gone} of the warehouse's {len(files)} reports (their files are not "
            "in the raw folder); check --raw, or pass --allow-removals (ops.ingest.config.allow_removals "
            "in the UI) to remove them"
        )
