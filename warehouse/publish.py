"""Versioned builds: write a new file, then swap it in atomically.

DuckDB allows one read-write process *or* many read-only ones per file, and a read-only open fails at
once while a writer holds the file. So a build never opens the published warehouse for writing: it
copies it to ``<warehouse>.build`` (keeping the staged documents, so unchanged files are not parsed
again), writes there, checkpoints, and ``os.replace``s it over the published file. Readers that
opened the old file keep reading the old version; new readers see the new one. A build killed at any
moment leaves the published file as it was, and the next build starts again from it. One build
at a time is warehouse/build_lock.py's: this module assumes its caller holds that lock.
"""
from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb

from ogi.warehouse.connection import run_sql
from ogi.warehouse.staging import create_staged_tables

# DDL run on every open of the build file, in dependency order; each `CREATE … IF NOT EXISTS`. The
# inventory's and the parse results' tables come from their declaration (warehouse.staging).
SCHEMA_FILES = (
    "schema_staging",
    "schema_marts",
    "stg_build",
    "stg_organ",
    "stg_division",
    "stg_mart_input",
)


# DuckDB's buffer pool per step. DuckDB keeps the blocks it wrote or read cached up to its limit and
# spills to disk beyond it, so without a low limit a step's memory grows with the corpus. Loading
# (appends) needs little; the marts' joins and aggregates get more. make bench measures the peak.
LOAD_MEMORY_LIMIT = "128MB"
BUILD_MEMORY_LIMIT = "512MB"

# Rows per row group of the build file (DuckDB's default: 122,880). A checkpoint rewrites the last,
# partly filled row group whole, and 100k staged texts fit in one: every batch's commit rewrote every
# text staged so far (a transient of ~250 MB at 100k reports, growing with the corpus).
ROW_GROUP_SIZE = 16_384


def build_path(path: Path) -> Path:
    return path.with_name(path.name + ".build")


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def start_build(path: Path) -> None:
    """Begin a new version from the published one (or from nothing), dropping any abandoned build
    (the build lock says no other build is alive)."""
    target = build_path(path)
    _remove(target)
    _remove(_wal(target))
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        shutil.copyfile(path, target)


@contextlib.contextmanager
def open_build(path: Path, memory_limit: str = BUILD_MEMORY_LIMIT) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to the build file (created from the published file if missing)."""
    build = build_path(path)
    if not build.exists():
        start_build(path)  # a partial materialisation, e.g. of the marts only
    # A bounded buffer pool: DuckDB spills to disk beyond it (next to the file, as for a file opened
    # directly) instead of growing with the corpus. The row group size is an option of ATTACH only.
    con = duckdb.connect(config={"memory_limit": memory_limit, "temp_directory": f"{build}.tmp"})
    con.execute(f"ATTACH '{_quoted(build)}' AS build (ROW_GROUP_SIZE {ROW_GROUP_SIZE})")
    con.execute("USE build")
    try:
        for name in SCHEMA_FILES:
            run_sql(con, name)
        create_staged_tables(con)
        yield con
    finally:
        con.close()


def _quoted(path: Path) -> str:
    """A path inside a SQL string literal."""
    return str(path).replace("'", "''")


def publish(path: Path) -> None:
    """Make the build file the published warehouse, atomically."""
    target = build_path(path)
    if not target.exists():
        raise FileNotFoundError(f"nothing to publish: no build file {target}")
    con = duckdb.connect(str(target))
    con.execute("CHECKPOINT")
    con.close()
    if _wal(target).exists():
        raise RuntimeError(f"{_wal(target)} still exists after a checkpoint; not publishing a partial file")
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(target, path)
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
