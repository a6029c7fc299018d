"""Parquet exports of the marts for R, Stata, pandas: one folder per table, Hive-partitioned by
`report_year` where the table has it, streamed in record batches (never the whole table in memory),
with the data dictionary beside them.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pyarrow.dataset as ds

from warehouse.dictionary import render
from warehouse.marts import table_names

_BATCH_ROWS = 100_000


def _has_report_year(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM information_schema.columns "
        "WHERE table_schema = 'marts' AND table_name = $table AND column_name = 'report_year'",
        {"table": table},
    ).fetchone()[0])


def export_marts(con: duckdb.DuckDBPyConnection, out_dir: Path) -> dict[str, int]:
    """Write every marts table under `out_dir/<table>/`; return the rows written per table.

    Each table is written to a temporary folder first and then moved into place, so a reader never
    sees half a table.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for table in table_names(con):
        partitioned = _has_report_year(con, table)
        staging = out_dir / f".{table}.tmp"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        # `table` comes from the catalog of the warehouse itself, never from user input.
        reader = con.execute(f"SELECT * FROM marts.{table}").to_arrow_reader(_BATCH_ROWS)
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
        written[table] = con.execute(f"SELECT count(*) FROM marts.{table}").fetchone()[0]
    (out_dir / "data-dictionary.md").write_text(render(con), encoding="utf-8")
    return written
