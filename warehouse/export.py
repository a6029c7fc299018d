"""Parquet exports of the marts for R, Stata, pandas: one folder per table, Hive-partitioned by
`report_year` where the table has it, streamed in record batches (never the whole table in memory),
with the data dictionary beside them. An exports folder belongs to one warehouse: a marker file in it
names the warehouse, and another warehouse's export refuses to write there.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from warehouse.dictionary import render
from warehouse.errors import UserError
from warehouse.marts import table_names

_BATCH_ROWS = 100_000
OWNER_FILE = ".ogi-warehouse"


def check_export_dir(out_dir: Path, warehouse: Path) -> None:
    """UserError unless `out_dir` can hold `warehouse`'s exports: a folder, new or already its own
    (a folder of exports written before the marker existed is taken as its own)."""
    if out_dir.exists() and not out_dir.is_dir():
        raise UserError(f"{out_dir} is a file; the exports need a folder: pass another folder "
                        "(--out, --export-dir or OGI_EXPORT_DIR)")
    try:
        owner = (out_dir / OWNER_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return
    if owner != str(warehouse):
        raise UserError(f"{out_dir} holds the exports of {owner}, not of {warehouse}: pass another folder "
                        "(--out, --export-dir or OGI_EXPORT_DIR)")


def claim_export_dir(out_dir: Path, warehouse: Path) -> None:
    """Make `out_dir` the exports folder of `warehouse` (see check_export_dir)."""
    check_export_dir(out_dir, warehouse)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / OWNER_FILE).write_text(str(warehouse), encoding="utf-8")
    except OSError as error:
        raise UserError(f"cannot write the exports to {out_dir} ({error.strerror}): pass a folder you can "
                        "write (--out, --export-dir or OGI_EXPORT_DIR)") from error


def _has_report_year(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM information_schema.columns "
        "WHERE table_schema = 'marts' AND table_name = $table AND column_name = 'report_year'",
        {"table": table},
    ).fetchone()[0])


def export_marts(con: duckdb.DuckDBPyConnection, out_dir: Path, warehouse: Path) -> dict[str, int]:
    """Write every marts table of `warehouse` under `out_dir/<table>/`; return the rows written per table.

    Each table is written to a temporary folder first and then moved into place, so a reader never
    sees half a table. An empty table is one parquet file of zero rows with the table's schema.
    """
    claim_export_dir(out_dir, warehouse)
    written = {}
    for table in table_names(con):
        partitioned = _has_report_year(con, table)
        staging = out_dir / f".{table}.tmp"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        # `table` comes from the catalog of the warehouse itself, never from user input.
        rows = con.execute(f"SELECT count(*) FROM marts.{table}").fetchone()[0]
        reader = con.execute(f"SELECT * FROM marts.{table}").to_arrow_reader(_BATCH_ROWS)
        if not rows:
            # write_dataset writes no file for no rows, and an empty folder is no dataset to a reader.
            pq.write_table(reader.read_all(), staging / f"{table}-0.parquet")
        else:
            ds.write_dataset(
                reader,
                staging,
                format="parquet",
                partitioning=["report_year"] if partitioned else None,
                partitioning_flavor="hive" if partitioned else None,
                basename_template=f"{table}-{{i}}.parquet",
                # Row groups of one batch: the writer holds at most that many rows per partition (its
                # default, a million, grows with the corpus).
                max_rows_per_group=_BATCH_ROWS,
            )
        final = out_dir / table
        shutil.rmtree(final, ignore_errors=True)
        staging.rename(final)
        written[table] = rows
    (out_dir / "data-dictionary.md").write_text(render(con), encoding="utf-8")
    return written
