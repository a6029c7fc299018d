"""Loading the team's records (warehouse/team_records.py) into staging, before the marts are built.

Both files are read and checked whole before anything is written, and each table is replaced in one
transaction: a bad line stops the build with its message and leaves the staged records as they
were, so a build never applies half of the corrections.
"""
from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from ogi.transforms.model import DIMENSIONS
from ogi.transforms.staged import KEY_COLUMNS, Column, StagedTable
from ogi.warehouse import staging
from ogi.warehouse.team_records import read_corrections, read_reviews, records_paths

_LINE = Column("line", pa.int32(), nullable=False)  # line of the file
_SHA256 = Column("sha256", pa.string(), nullable=False)  # the report's content
# The file it was in when recorded ('' when not written down).
_SOURCE_FILE = Column("source_file", pa.string(), nullable=False)

# The team's corrections file as the last build read it, one row per line, keyed like the staged
# observations it corrects.
CORRECTION = StagedTable("stg_correction", (
    _LINE, _SHA256, _SOURCE_FILE,
    *KEY_COLUMNS,
    Column("value", pa.float64()),  # null: the report does not state this figure
    Column("corrected_by", pa.string(), nullable=False),
    Column("corrected_on", pa.date32(), nullable=False),
    Column("reason", pa.string(), nullable=False),
))
# The team's review marks (reviews.csv beside the corrections file); the last line of a report wins.
REVIEW = StagedTable("stg_review", (
    _LINE, _SHA256, _SOURCE_FILE,
    Column("state", pa.string(), nullable=False),  # reviewed | unreviewed
    Column("reviewed_by", pa.string(), nullable=False),
    Column("reviewed_on", pa.date32(), nullable=False),
    Column("note", pa.string(), nullable=False),
))


def _corrections_table(path: Path) -> pa.Table:
    return pa.Table.from_pylist([{
        "line": c.line, "sha256": c.sha256, "source_file": c.source_file, "indicator_code": c.indicator,
        **{dim: c.dims.get(dim.removesuffix("_code")) for dim in DIMENSIONS},
        "value": c.value, "corrected_by": c.who, "corrected_on": c.when, "reason": c.why,
    } for c in read_corrections(path)], schema=CORRECTION.schema)


def _reviews_table(path: Path) -> pa.Table:
    return pa.Table.from_pylist([{
        "line": r.line, "sha256": r.sha256, "source_file": r.source_file, "state": r.state,
        "reviewed_by": r.who, "reviewed_on": r.when, "note": r.note,
    } for r in read_reviews(path)], schema=REVIEW.schema)


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    """The staged records' tables, empty until the first load (the marts read them)."""
    staging.create_tables(con, (CORRECTION,))
    staging.create_tables(con, (REVIEW,))


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
