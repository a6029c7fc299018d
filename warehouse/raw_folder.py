"""Which folder a build reads: the one asked for, else the one the warehouse was built from.

Each build records its raw folder in the warehouse it publishes (staging.stg_build), so that a build
without `--raw` (or OGI_RAW_DIR) rebuilds the warehouse's own reports — never the bundled sample over
them. The sample is the default only for a new warehouse.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from ogi.warehouse.connection import read_sql
from ogi.warehouse.errors import UserError
from ogi.warehouse.settings import SAMPLE_CORPUS


def remembered(warehouse: Path) -> str | None:
    """The raw folder of the published warehouse's last build (None: no warehouse, or one built
    before builds recorded it)."""
    if not warehouse.is_file():
        return None
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error as error:
        raise UserError(f"{warehouse} is not a DuckDB warehouse ({error}); pass --warehouse FILE") from error
    try:
        row = con.execute(read_sql("queries/raw_folder")).fetchone()
    except duckdb.CatalogException:
        return None
    finally:
        con.close()
    return row[0] if row else None


def resolve(warehouse: Path, asked: str | None) -> Path:
    """The folder to build `warehouse` from; UserError if it is not a folder."""
    raw = Path(asked or remembered(warehouse) or SAMPLE_CORPUS).resolve()
    if not raw.is_dir():
        raise UserError(f"no folder {raw} to build from: pass --raw DIR (or set OGI_RAW_DIR)")
    return raw
