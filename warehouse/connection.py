"""Opening the warehouse and running its SQL files.

Analysts, checks and exports open the *published* file read-only. Builds never write to it: they
write a separate build file that `warehouse.publish` swaps in atomically (see that module), so a
reader never meets a writer's lock.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).resolve().parent / "sql"
SEED_DIR = Path(__file__).resolve().parent / "seeds"


class WarehouseMissing(Exception):
    """The warehouse file does not exist yet."""


def read_sql(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def leading_comment(name: str) -> str:
    """The comment a SQL file starts with, which says what its table holds."""
    lines = []
    for line in read_sql(name).splitlines():
        if not line.startswith("--"):
            break
        lines.append(line.removeprefix("--").strip())
    return " ".join(lines)


def run_sql(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> None:
    """Run one SQL file (one statement) with bound, named parameters (``$name`` in the file)."""
    con.execute(read_sql(name), params or None)


def seed_path(name: str) -> str:
    return str(SEED_DIR / f"{name}.csv")


def connect_read_only(path: str | Path, memory_limit: str | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection; `memory_limit` caps DuckDB's buffer pool (default: DuckDB's, 80% of RAM)."""
    path = Path(path)
    if not path.exists():
        raise WarehouseMissing(f"no warehouse at {path}: run `ogi build` first (or pass --warehouse FILE)")
    return duckdb.connect(str(path), read_only=True, config={"memory_limit": memory_limit} if memory_limit else {})
