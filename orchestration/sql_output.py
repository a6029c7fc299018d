"""How `ogi sql` writes a result: a table for people, CSV, JSON, JSON lines or parquet for programs.

Rows are read from DuckDB in batches, never all at once: the table shows the first `max_rows` and
only counts the rest; the other formats stream every row.
"""
from __future__ import annotations

import csv
import json
import math
import os
import sys
from decimal import Decimal
from pathlib import Path
from typing import IO

import duckdb
from rich import box
from rich.console import Console
from rich.table import Table

from ogi.warehouse.connection import columns
from ogi.warehouse.errors import UserError

FORMATS = ("table", "csv", "json", "jsonl", "parquet")
# Formats that hold one result: a CSV, a JSON document or a parquet file is one table.
ONE_RESULT = ("csv", "json", "parquet")
DEFAULT_MAX_ROWS = 100
# A table cell longer than this many terminal columns is cut with "…": evidence sentences and
# file paths would otherwise make every line of the table hundreds of columns wide.
MAX_CELL_WIDTH = 40
_BATCH_ROWS = 10_000


def _rows(cursor: duckdb.DuckDBPyConnection):
    """The cursor's remaining rows, fetched _BATCH_ROWS at a time."""
    while rows := cursor.fetchmany(_BATCH_ROWS):
        yield from rows


def write_table(cursor: duckdb.DuckDBPyConnection, out: IO[str], max_rows: int) -> None:
    """A rich table: rich measures CJK characters as two columns and cuts long cells with "…"."""
    shown = cursor.fetchmany(max_rows) if max_rows else []
    hidden = sum(1 for _ in _rows(cursor))
    table = Table(box=box.ASCII2, show_edge=False, pad_edge=False, highlight=False)
    for name in columns(cursor):
        table.add_column(name, max_width=MAX_CELL_WIDTH, overflow="ellipsis", no_wrap=True)
    for row in shown:
        # One line a row: evidence sentences hold line breaks.
        table.add_row(*("" if value is None else str(value).replace("\n", " ") for value in row))
    # As wide as the table needs (a pipe or a file has no width), without colour or markup.
    console = Console(file=out, width=1_000_000, color_system=None, markup=False, emoji=False, highlight=False)
    with console.capture() as captured:
        console.print(table)
    for line in captured.get().splitlines():
        print(line.rstrip(), file=out)
    total = len(shown) + hidden
    note = f"({total} row{'s' if total != 1 else ''}"
    if hidden:
        note += f"; {hidden} not shown: --max-rows N shows more, --format csv all"
    print(note + ")", file=out)


def write_csv(cursor: duckdb.DuckDBPyConnection, out: IO[str]) -> None:
    # LF, not the csv module's CR LF: what Unix tools (tail, wc, cut, shell variables) expect.
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns(cursor))
    writer.writerows(_rows(cursor))


def _json_value(value: object) -> object:
    # NaN and infinities are not JSON: null, as pandas' to_json writes them. A DECIMAL (e.g. an
    # avg() of integers) is a number, not the string json's `default` would make of it.
    if isinstance(value, Decimal):
        value = float(value)
    return None if isinstance(value, float) and not math.isfinite(value) else value


def _objects(cursor: duckdb.DuckDBPyConnection):
    names = columns(cursor)
    for row in _rows(cursor):
        yield json.dumps({name: _json_value(v) for name, v in zip(names, row)}, ensure_ascii=False,
                         default=str, allow_nan=False)


def write_jsonl(cursor: duckdb.DuckDBPyConnection, out: IO[str]) -> None:
    for line in _objects(cursor):
        print(line, file=out)


def write_json(cursor: duckdb.DuckDBPyConnection, out: IO[str]) -> None:
    """One array of objects, one object a line, streamed."""
    out.write("[")
    for i, line in enumerate(_objects(cursor)):
        out.write(("," if i else "") + "\n" + line)
    out.write("\n]\n")


def write_parquet(cursor: duckdb.DuckDBPyConnection, out_file: str | None, warehouse: str) -> None:
    """To `out_file` (written beside it first, then moved into place), or to stdout when that is not
    a terminal."""
    import pyarrow.parquet as pq

    reader = cursor.to_arrow_reader(_BATCH_ROWS)
    if out_file is None:
        if sys.stdout.isatty():
            raise UserError("parquet is binary: pass --out FILE, or redirect the output (> FILE)")
        sys.stdout.flush()
        with pq.ParquetWriter(sys.stdout.buffer, reader.schema) as writer:
            for batch in reader:
                writer.write_batch(batch)
        return
    target = Path(out_file).resolve()
    if target == Path(warehouse).resolve():
        raise UserError(f"--out {out_file} is the warehouse itself: pass another file")
    if target.is_dir():
        raise UserError(f"--out {out_file} is a folder: pass a file name")
    partial = target.with_name(f".{target.name}.partial")
    try:
        with pq.ParquetWriter(partial, reader.schema) as writer:
            for batch in reader:
                writer.write_batch(batch)
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise UserError(f"cannot write {out_file} ({error.strerror or error}): pass a file you can write") from error


def check_options(fmt: str, out_file: str | None) -> None:
    if out_file and fmt != "parquet":
        raise UserError(f"--out is for --format parquet; for {fmt}, redirect the output: > FILE")


def one_only(fmt: str) -> str:
    """Why `fmt` takes one statement (run_statements refuses more), or "" when it shows each."""
    return f"--format {fmt} writes one result: run one at a time, or use --format table or jsonl" if fmt in ONE_RESULT else ""


def write_results(results, fmt: str, max_rows: int, out_file: str | None, warehouse: str) -> None:
    """Every result of `results` (cursors, in statement order) in `fmt`."""
    out = sys.stdout
    for i, cursor in enumerate(results):
        if fmt == "table":
            if i:
                print(file=out)
            write_table(cursor, out, max_rows)
        elif fmt == "csv":
            write_csv(cursor, out)
        elif fmt == "json":
            write_json(cursor, out)
        elif fmt == "jsonl":
            write_jsonl(cursor, out)
        else:
            write_parquet(cursor, out_file, warehouse)
