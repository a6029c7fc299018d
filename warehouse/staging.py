"""Writing the staging schema: the raw-folder inventory and the staged parse results.

Each write is one transaction that replaces its slice (delete, then insert by name from Arrow or the
parse steps' parquet), so a rerun never duplicates rows and an interrupted write leaves nothing half-done.
"""
from __future__ import annotations

from datetime import datetime

import duckdb
import pyarrow as pa

from ogi.transforms import staged
from ogi.transforms.staged import Column, StagedTable
from ogi.warehouse.connection import read_sql
from ogi.warehouse.errors import UserError

_CONTENT_TABLES = ("staging.stg_observation", "staging.stg_report", "staging.stg_content")


# Staging tables rebuilt whole by each build (the others are appended to incrementally).
REPLACED_TABLES = ("staging.stg_build", "staging.stg_file", "staging.stg_organ", "staging.stg_division")


def _typed_columns(con: duckdb.DuckDBPyConnection, table: StagedTable) -> list[tuple[Column, str]]:
    """The table's columns with DuckDB's names for their Arrow types (DuckDB's own mapping)."""
    empty = pa.schema([column.field() for column in table.table_columns]).empty_table()
    return list(zip(table.table_columns, (str(kind) for kind in con.from_arrow(empty).types)))


def create_table_sql(con: duckdb.DuckDBPyConnection, table: StagedTable) -> str:
    """The DDL of a staged table, derived from its declaration (transforms/staged.py)."""
    lines = [f"{column.name} {kind}{'' if column.nullable else ' NOT NULL'}"
             for column, kind in _typed_columns(con, table)]
    return f"CREATE TABLE IF NOT EXISTS staging.{table.name} (\n    " + ",\n    ".join(lines) + "\n)"


def _out_of_shape(con: duckdb.DuckDBPyConnection, table: StagedTable) -> bool:
    """Whether the table exists with a column of another type than its declaration's, or without a
    column that may not be null (existing rows could not be given one)."""
    existing = dict(con.execute(read_sql("queries/table_columns"), {"table": table.name}).fetchall())
    return bool(existing) and any(
        existing.get(column.name, kind) != kind or (column.name not in existing and not column.nullable)
        for column, kind in _typed_columns(con, table)
    )


def create_tables(con: duckdb.DuckDBPyConnection, tables: tuple[StagedTable, ...]) -> None:
    """Create the declared tables that are missing, and give existing ones the nullable columns they
    lack (a warehouse staged by an older version). When one is out of shape (a column whose type
    changed, a new one that may not be null), all of `tables` are dropped first: they hold one
    another's keys (the parse results are a cache: their contents are parsed again)."""
    if any(_out_of_shape(con, table) for table in tables):
        for table in tables:
            con.execute(f"DROP TABLE IF EXISTS staging.{table.name}")
    for table in tables:
        con.execute(create_table_sql(con, table))
        for column, kind in _typed_columns(con, table):
            if column.nullable:
                con.execute(f"ALTER TABLE staging.{table.name} ADD COLUMN IF NOT EXISTS {column.name} {kind}")


def create_staged_tables(con: duckdb.DuckDBPyConnection) -> None:
    """The inventory's and the parse results' tables (the staging schema exists)."""
    create_tables(con, (staged.FILE,))
    create_tables(con, staged.PARSE_RESULTS)


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


def _drop_contents(con: duckdb.DuckDBPyConnection, shas: pa.Table) -> None:
    """Delete the staged rows of these contents (a table of `sha256`), in one transaction."""
    con.execute("BEGIN TRANSACTION")
    con.register("forgotten", shas)
    for table in _CONTENT_TABLES:
        # `table` is one of this module's own constants, never user input.
        con.execute(f"DELETE FROM {table} WHERE sha256 IN (SELECT sha256 FROM forgotten)")
    con.unregister("forgotten")
    con.execute("COMMIT")


def prune_contents(con: duckdb.DuckDBPyConnection) -> int:
    """Drop staged contents no file in the inventory has any more (a changed or removed file)."""
    gone = con.execute(read_sql("queries/gone_contents")).to_arrow_table()
    _drop_contents(con, gone)
    return gone.num_rows


class RemovalsRefused(UserError):
    """A build would drop most of the warehouse's reports."""


def check_removals(con: duckdb.DuckDBPyConnection, files_now: set[str], allowed: bool) -> None:
    """Refuse a build whose raw folder no longer has the files of more than half of the reports
    published (so of all of them too), unless `allowed`: a wrong or empty folder, not a wish."""
    (has_reports,) = con.execute(read_sql("queries/has_published_reports")).fetchone()
    if allowed or not has_reports:
        return
    files = [name for (name,) in con.execute(read_sql("queries/report_files")).fetchall()]
    gone = sum(name not in files_now for name in files)
    if gone and 2 * gone > len(files):
        raise RemovalsRefused(
            f"this build would remove {gone} of the warehouse's {len(files)} reports (their files are not "
            "in the raw folder); check --raw, or pass --allow-removals (ops.ingest.config.allow_removals "
            "in the UI) to remove them"
        )
