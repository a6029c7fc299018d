"""Versioned builds: write a new file, then swap it in atomically.

DuckDB allows one read-write process *or* many read-only ones per file, and a read-only open fails at
once while a writer holds the file. So a build never opens the published warehouse for writing: it
copies it to ``<warehouse>.build`` (keeping the staged documents, so unchanged files are not parsed
again), writes there, checkpoints, and ``os.replace``s it over the published file. Readers that
opened the old file keep reading the old version; new readers see the new one. A build killed at any
moment leaves the published file as it was, and the next build starts again from it.
"""
from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb

from warehouse.connection import run_sql

# DDL run on every open of the build file, in dependency order; each `CREATE … IF NOT EXISTS`.
SCHEMA_FILES = (
    "schema_staging",
    "schema_marts",
    "stg_file",
    "stg_content",
    "stg_content_staged_at",
    "stg_report",
    "stg_observation",
    "stg_organ",
    "stg_division",
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


class BuildInProgress(Exception):
    """Another live process is writing this warehouse's next version."""


def build_path(path: Path) -> Path:
    return path.with_name(path.name + ".build")


def _owner_file(path: Path) -> Path:
    return path.with_name(path.name + ".build.owner")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def start_build(path: Path, owner: str) -> None:
    """Begin a new version from the published one (or from nothing), dropping any abandoned build.

    One build at a time: the build file is claimed by this process for `owner` (a run id); a claim
    by another process that is still alive makes this raise BuildInProgress rather than delete the
    file under it. A dead owner's build (a killed run) is abandoned and started again.
    """
    claim = _owner_file(path)
    if claim.exists():
        pid, _, other = claim.read_text(encoding="utf-8").partition(" ")
        if pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid)):
            raise BuildInProgress(
                f"another build ({other or 'unknown run'}, process {pid}) is writing {build_path(path)}; "
                "wait for it to finish — readers keep the published version meanwhile"
            )
    target = build_path(path)
    _remove(target)
    _remove(_wal(target))
    path.parent.mkdir(parents=True, exist_ok=True)
    claim.write_text(f"{os.getpid()} {owner}", encoding="utf-8")
    if path.exists():
        shutil.copyfile(path, target)


@contextlib.contextmanager
def open_build(path: Path, memory_limit: str = BUILD_MEMORY_LIMIT) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to the build file (created from the published file if missing)."""
    build = build_path(path)
    if not build.exists():
        start_build(path, owner="a partial materialisation")
    # A bounded buffer pool: DuckDB spills to disk beyond it (next to the file, as for a file opened
    # directly) instead of growing with the corpus. The row group size is an option of ATTACH only.
    con = duckdb.connect(config={"memory_limit": memory_limit, "temp_directory": f"{build}.tmp"})
    con.execute(f"ATTACH '{_quoted(build)}' AS build (ROW_GROUP_SIZE {ROW_GROUP_SIZE})")
    con.execute("USE build")
    try:
        for name in SCHEMA_FILES:
            run_sql(con, name)
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
    _remove(_owner_file(path))
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
