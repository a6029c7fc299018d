"""Parquet exports of the marts for R, Stata, pandas: one folder per table, Hive-partitioned by
`report_year` where the table has it, streamed in record batches (never the whole table in memory).
They describe themselves: each column's meaning is in its parquet field metadata (`description`)
and the table's in the file's, so a folder passed on keeps them; at the root, `datapackage.json`
(warehouse/datapackage.py) lists every table with its files and fields, and the data dictionary
adds the codes. An exports folder belongs to
one warehouse: a marker file in it names the warehouse, and another warehouse's export refuses to
write there.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from warehouse import datapackage
from warehouse.dictionary import render, warehouse_descriptions
from warehouse.errors import UserError
from warehouse.marts import table_names

_BATCH_ROWS = 100_000
OWNER_FILE = ".ogi-warehouse"
PARTITION = "report_year"


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


def _described(reader: pa.RecordBatchReader, description: str, columns: dict[str, str]) -> pa.RecordBatchReader:
    """`reader` with the table's and each column's description in the schema's metadata."""
    schema = pa.schema(
        [field.with_metadata({"description": columns[field.name]}) if field.name in columns else field
         for field in reader.schema],
        metadata={"description": description},
    )
    return pa.RecordBatchReader.from_batches(
        schema, (pa.RecordBatch.from_arrays(batch.columns, schema=schema) for batch in reader))


def export_marts(con: duckdb.DuckDBPyConnection, out_dir: Path, warehouse: Path) -> dict[str, int]:
    """Write every marts table of `warehouse` under `out_dir/<table>/`; return the rows written per table.

    Each table is written to a temporary folder first and then moved into place, so a reader never
    sees half a table. An empty table is one parquet file of zero rows with the table's schema.
    """
    claim_export_dir(out_dir, warehouse)
    written, resources = {}, []
    for table in table_names(con):
        staging = out_dir / f".{table}.tmp"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        description, columns = warehouse_descriptions(con, table)
        # `table` comes from the catalog of the warehouse itself, never from user input.
        rows = con.execute(f"SELECT count(*) FROM marts.{table}").fetchone()[0]
        reader = _described(con.execute(f"SELECT * FROM marts.{table}").to_arrow_reader(_BATCH_ROWS),
                            description, columns)
        partitioned = PARTITION in reader.schema.names
        if not rows:
            # write_dataset writes no file for no rows, and an empty folder is no dataset to a reader.
            pq.write_table(reader.read_all(), staging / f"{table}-0.parquet")
        else:
            ds.write_dataset(
                reader,
                staging,
                format="parquet",
                # Readers infer a Hive key's type from the folder names whatever the writer's (pyarrow
                # and R int32, polars Int64, pandas a category): the README gives them int32.
                partitioning=ds.partitioning(pa.schema([reader.schema.field(PARTITION)]), flavor="hive")
                if partitioned else None,
                basename_template=f"{table}-{{i}}.parquet",
                # Row groups of one batch: the writer holds at most that many rows per partition (its
                # default, a million, grows with the corpus).
                max_rows_per_group=_BATCH_ROWS,
            )
        final = out_dir / table
        shutil.rmtree(final, ignore_errors=True)
        staging.rename(final)
        written[table] = rows
        files = sorted(path.relative_to(out_dir).as_posix() for path in final.rglob("*.parquet"))
        resources.append(datapackage.resource(con, table, description, columns, files,
                                              PARTITION if partitioned and rows else None))
    datapackage.write(out_dir, warehouse, resources)
    (out_dir / "data-dictionary.md").write_text(render(con), encoding="utf-8")
    return written
