"""Writing the staging schema: the raw-folder inventory and the staged parse results.

Each write is one transaction that replaces its slice (delete, then insert by name from Arrow), so a
rerun never duplicates rows and an interrupted write leaves nothing half-done.
"""
from __future__ import annotations

import duckdb
import pyarrow as pa

from transforms.frames import StagedBatch

_CONTENT_TABLES = ("staging.stg_observation", "staging.stg_report", "staging.stg_content")


def replace_inventory(con: duckdb.DuckDBPyConnection, inventory: pa.Table) -> None:
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM staging.stg_file")
    con.register("inventory_batch", inventory)
    con.execute("INSERT INTO staging.stg_file BY NAME SELECT * FROM inventory_batch")
    con.unregister("inventory_batch")
    con.execute("COMMIT")


def staged_contents(con: duckdb.DuckDBPyConnection, parser_version: str) -> set[str]:
    """The contents already decoded and parsed by this parser version."""
    rows = con.execute(
        "SELECT sha256 FROM staging.stg_content WHERE parser_version = $version", {"version": parser_version}
    ).fetchall()
    return {sha for (sha,) in rows}


def write_batch(con: duckdb.DuckDBPyConnection, batch: StagedBatch) -> None:
    """Store one batch of results, replacing earlier rows of the same contents."""
    con.execute("BEGIN TRANSACTION")
    con.register("content_batch", batch.contents)
    for table in _CONTENT_TABLES:
        con.execute(f"DELETE FROM {table} WHERE sha256 IN (SELECT sha256 FROM content_batch)")
    con.execute("INSERT INTO staging.stg_content BY NAME SELECT * FROM content_batch")
    con.register("report_batch", batch.reports)
    con.execute("INSERT INTO staging.stg_report BY NAME SELECT * FROM report_batch")
    con.register("observation_batch", batch.observations)
    con.execute("INSERT INTO staging.stg_observation BY NAME SELECT * FROM observation_batch")
    for name in ("content_batch", "report_batch", "observation_batch"):
        con.unregister(name)
    con.execute("COMMIT")


def prune_contents(con: duckdb.DuckDBPyConnection) -> int:
    """Drop staged contents no file in the inventory has any more (a changed or removed file)."""
    gone = con.execute(
        "SELECT count(*) FROM staging.stg_content "
        "WHERE sha256 NOT IN (SELECT sha256 FROM staging.stg_file WHERE sha256 IS NOT NULL)"
    ).fetchone()[0]
    con.execute("BEGIN TRANSACTION")
    for table in _CONTENT_TABLES:
        con.execute(
            f"DELETE FROM {table} "
            "WHERE sha256 NOT IN (SELECT sha256 FROM staging.stg_file WHERE sha256 IS NOT NULL)"
        )
    con.execute("COMMIT")
    return gone
