"""Running the report's SQL files (sql/*.sql, one statement each) with bound parameters."""
from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

SQL_DIR = Path(__file__).resolve().parent / "sql"


def fetch(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> pl.DataFrame:
    """The rows of ``sql/<name>.sql``; ``params`` bind its ``$name`` placeholders (never formatted in)."""
    sql = (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
    return con.execute(sql, params or None).pl()
