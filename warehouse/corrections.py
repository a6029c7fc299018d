"""Loading the team's records (warehouse/team_records.py) into staging, before the marts are built.

Both files are read and checked whole before anything is written, and each table is replaced in one
transaction: a bad line stops the build with its message and leaves the staged records as they
were, so a build never applies half of the corrections.
"""
from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from transforms.model import DIMENSIONS
from warehouse.connection import run_sql
from warehouse.team_records import read_corrections, read_reviews, records_paths


def _corrections_table(path: Path) -> pa.Table:
    corrections = read_corrections(path)

    def strings(values: list[str | None]) -> pa.Array:
        return pa.array(values, pa.string())

    return pa.table({
        "line": pa.array([c.line for c in corrections], pa.int32()),
        "sha256": strings([c.sha256 for c in corrections]),
        "source_file": strings([c.source_file for c in corrections]),
        "indicator_code": strings([c.indicator for c in corrections]),
        **{dim: strings([c.dims.get(dim.removesuffix("_code")) for c in corrections]) for dim in DIMENSIONS},
        "value": pa.array([c.value for c in corrections], pa.float64()),
        "corrected_by": strings([c.who for c in corrections]),
        "corrected_on": pa.array([c.when for c in corrections], pa.date32()),
        "reason": strings([c.why for c in corrections]),
    })


def _reviews_table(path: Path) -> pa.Table:
    reviews = read_reviews(path)
    return pa.table({
        "line": pa.array([r.line for r in reviews], pa.int32()),
        "sha256": pa.array([r.sha256 for r in reviews], pa.string()),
        "source_file": pa.array([r.source_file for r in reviews], pa.string()),
        "state": pa.array([r.state for r in reviews], pa.string()),
        "reviewed_by": pa.array([r.who for r in reviews], pa.string()),
        "reviewed_on": pa.array([r.when for r in reviews], pa.date32()),
        "note": pa.array([r.note for r in reviews], pa.string()),
    })


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    """The staged records' tables, empty until the first load (the marts read them)."""
    run_sql(con, "stg_correction")
    run_sql(con, "stg_review")


def load_records(con: duckdb.DuckDBPyConnection, raw_dir: Path) -> dict[str, object]:
    """Replace staging.stg_correction and staging.stg_review with the files of this raw folder;
    raises team_records.RecordsError (before writing anything) when a line is bad."""
    corrections_path, reviews_path = records_paths(raw_dir)
    tables = {
        "staging.stg_correction": _corrections_table(corrections_path),
        "staging.stg_review": _reviews_table(reviews_path),
    }
    create_tables(con)
    con.execute("BEGIN TRANSACTION")
    for table, rows in tables.items():
        # `table` is one of this function's own names, never user input.
        con.execute(f"DELETE FROM {table}")
        con.register("records", rows)
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM records")
        con.unregister("records")
    con.execute("COMMIT")
    return {
        "corrections_file": str(corrections_path),
        "corrections": tables["staging.stg_correction"].num_rows,
        "reviews_file": str(reviews_path),
        "review_marks": tables["staging.stg_review"].num_rows,
    }
