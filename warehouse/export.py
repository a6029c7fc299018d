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

import hashlib
import json
import os
import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from ogi.warehouse import datapackage
from ogi.warehouse.dictionary import Described, described_tables, render
from ogi.warehouse.errors import UserError

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
        # Written whole and renamed into place: the export and the report claim the folder side by
        # side, and one must never read the other's half-written (empty) marker.
        staging = out_dir / f"{OWNER_FILE}.{os.getpid()}.tmp"
        staging.write_text(str(warehouse), encoding="utf-8")
        staging.replace(out_dir / OWNER_FILE)
    except OSError as error:
        raise UserError(f"cannot write the exports to {out_dir} ({error.strerror}): pass a folder you can "
                        "write (--out, --export-dir or OGI_EXPORT_DIR)") from error


def _described(reader: pa.RecordBatchReader, described: Described) -> pa.RecordBatchReader:
    """`reader` with the table's and each column's description in the schema's metadata."""
    columns = described.column_descriptions
    schema = pa.schema(
        [field.with_metadata({"description": columns[field.name]}) if field.name in columns else field
         for field in reader.schema],
        metadata={"description": described.description},
    )
    return pa.RecordBatchReader.from_batches(
        schema, (pa.RecordBatch.from_arrays(batch.columns, schema=schema) for batch in reader))


# What each table's folder was written from (warehouse/export.py's own record, at the root like the
# owner file): per table, a digest of its schema and descriptions and one fingerprint per partition.
MANIFEST_FILE = ".ogi-exports.json"
# pyarrow's folder for rows whose key is null (hive flavour).
_NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"


def _fingerprints(con: duckdb.DuckDBPyConnection, table: str, partitioned: bool) -> dict[str, str]:
    """One fingerprint of the rows per partition folder name ("" for a table without partitions):
    the row count and the sum of the rows' hashes, which no order of the rows changes and two equal
    rows do not cancel (as they would in a xor). A scan, far cheaper than writing the parquet."""
    key = (f"coalesce(CAST({PARTITION} AS VARCHAR), '{_NULL_PARTITION}')" if partitioned else "''")
    rows = con.execute(
        f"SELECT {key} AS part, count(*) AS n, sum(hash(t)) AS h FROM marts.{table} AS t GROUP BY part"
    ).fetchall()
    return {part: f"{n}:{h}" for part, n, h in rows}


def _schema_digest(described: Described) -> str:
    """What the files say besides their rows: column names and types, and the descriptions they carry."""
    said = {"columns": described.columns, "description": described.description,
            "fields": described.column_descriptions}
    return hashlib.sha256(json.dumps(said, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _read_manifest(out_dir: Path) -> dict[str, dict]:
    try:
        return json.loads((out_dir / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}  # no record (or a torn one): every table is written whole


def _write_manifest(out_dir: Path, manifest: dict[str, dict]) -> None:
    staging = out_dir / f"{MANIFEST_FILE}.tmp"
    staging.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    staging.replace(out_dir / MANIFEST_FILE)


def _partition_dir(part: str) -> str:
    return f"{PARTITION}={part}"


def _write(con: duckdb.DuckDBPyConnection, table: str, staging: Path, described: Described,
           parts: list[str] | None = None) -> None:
    """Write the rows of `table` (of the partitions `parts` only, when given) under `staging`."""
    where, params = "", None
    if parts is not None:
        # The partition folders name the years as text; null is its own folder.
        where = (f" WHERE list_contains($years, CAST({PARTITION} AS VARCHAR))"
                 f" OR ({PARTITION} IS NULL AND $with_null)")
        params = {"years": [p for p in parts if p != _NULL_PARTITION], "with_null": _NULL_PARTITION in parts}
    # `table` comes from the catalog of the warehouse itself, never from user input.
    reader = _described(con.execute(f"SELECT * FROM marts.{table}{where}", params).to_arrow_reader(_BATCH_ROWS),
                        described)
    partitioned = PARTITION in reader.schema.names
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
        existing_data_behavior="overwrite_or_ignore",
    )


def _export_table(con: duckdb.DuckDBPyConnection, out_dir: Path, table: str, described: Described,
                  partitioned: bool, before: dict | None) -> dict:
    """Bring `out_dir/<table>/` up to date with the table and return its manifest entry. A table
    whose schema changed, or that was or is empty or has no partitions, is written whole into a
    temporary folder moved into place, so a reader never sees half a table; otherwise only the
    partitions whose rows changed are written, each moved into place whole, and the partitions
    whose rows are gone are removed: a build that adds a 2023 report leaves 2019's files as they were."""
    entry = {"schema": _schema_digest(described),
             "parts": _fingerprints(con, table, partitioned)}
    final, staging = out_dir / table, out_dir / f".{table}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    if before == entry and final.is_dir() and all(
            (final / _partition_dir(part)).is_dir() for part in entry["parts"] if partitioned):
        return entry
    staging.mkdir()
    whole = (not partitioned or not entry["parts"] or before is None or not before["parts"]
             or before["schema"] != entry["schema"] or not final.is_dir())
    if whole:
        if not entry["parts"]:
            # write_dataset writes no file for no rows, and an empty folder is no dataset to a reader.
            reader = con.execute(f"SELECT * FROM marts.{table}").to_arrow_reader(_BATCH_ROWS)
            pq.write_table(_described(reader, described).read_all(), staging / f"{table}-0.parquet")
        else:
            _write(con, table, staging, described)
        shutil.rmtree(final, ignore_errors=True)
        staging.rename(final)
        return entry
    changed = [part for part, fingerprint in entry["parts"].items()
               if before["parts"].get(part) != fingerprint or not (final / _partition_dir(part)).is_dir()]
    if changed:
        _write(con, table, staging, described, changed)
    for part in changed:
        shutil.rmtree(final / _partition_dir(part), ignore_errors=True)
        (staging / _partition_dir(part)).rename(final / _partition_dir(part))
    for part in before["parts"].keys() - entry["parts"].keys():
        shutil.rmtree(final / _partition_dir(part), ignore_errors=True)
    shutil.rmtree(staging)
    return entry


def export_marts(con: duckdb.DuckDBPyConnection, out_dir: Path, warehouse: Path) -> dict[str, int]:
    """Bring every marts table of `warehouse` up to date under `out_dir/<table>/` (only what changed
    since the last export there, see _export_table); return the rows per table. An empty table is
    one parquet file of zero rows with the table's schema."""
    claim_export_dir(out_dir, warehouse)
    before = _read_manifest(out_dir)
    manifest, written, resources = {}, {}, []
    for table, described in sorted(described_tables(con, "marts").items()):
        partitioned = PARTITION in dict(described.columns)
        entry = manifest[table] = _export_table(con, out_dir, table, described, partitioned, before.get(table))
        written[table] = sum(int(fingerprint.split(":")[0]) for fingerprint in entry["parts"].values())
        files = sorted(path.relative_to(out_dir).as_posix() for path in (out_dir / table).rglob("*.parquet"))
        resources.append(datapackage.resource(table, described, files,
                                              PARTITION if partitioned and written[table] else None))
    _write_manifest(out_dir, manifest)
    datapackage.write(out_dir, warehouse, resources)
    (out_dir / "data-dictionary.md").write_text(render(con), encoding="utf-8")
    return written
