"""Where things live by default, and the environment variables that move them.

The warehouse defaults to ``data/warehouse.duckdb`` under the working directory (or under
``OGI_DATA_DIR``), never in the code tree, which may be an installed package's read-only folder;
what belongs to a warehouse — its exports, its HTML report, its Dagster instance — defaults to
beside it. Flags of the ``ogi`` command line stand for the same variables.
"""
from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path

from ogi.warehouse.errors import UserError

# The five sample reports, shipped as package data (the `ogi.sample_corpus` folder of the
# distribution; in a source checkout, its sample_corpus/ folder).
SAMPLE_CORPUS = Path(importlib.util.find_spec("ogi.sample_corpus").submodule_search_locations[0])

# The HTML report's name beside the parquet exports (`ogi report`, the html_report asset).
REPORT_FILE = "report.html"

# Files above this size are quarantined as `too_large` without being read (50 MiB).
DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024

_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]i?b|b)?\s*", re.IGNORECASE)
_UNITS = {
    "b": 1,
    "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12,
    "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40,
}


def data_dir() -> Path:
    return Path(os.environ.get("OGI_DATA_DIR") or Path.cwd() / "data")


def _defaults() -> dict[str, str]:
    warehouse = Path(os.environ.get("OGI_WAREHOUSE") or data_dir() / "warehouse.duckdb")
    return {
        # Empty: the folder this warehouse was last built from, or the sample for a new warehouse
        # (warehouse/raw_folder.py).
        "OGI_RAW_DIR": "",
        "OGI_WAREHOUSE": str(warehouse),
        "OGI_EXPORT_DIR": str(warehouse.parent / "exports"),
        "OGI_MAX_FILE_BYTES": str(DEFAULT_MAX_FILE_BYTES),
        "DAGSTER_HOME": str(warehouse.parent / "dagster_home"),
        # Broker and result backend of the Celery executor (orchestration/distributed.py).
        "OGI_CELERY_REDIS": "redis://127.0.0.1:6379/0",
    }


def apply_defaults() -> None:
    """Fill in every unset variable, so that Dagster's ``EnvVar`` resources always resolve."""
    for name, value in _defaults().items():
        os.environ.setdefault(name, value)


def get(name: str) -> str:
    return os.environ.get(name) or _defaults()[name]


def parse_size(text: str, name: str = "OGI_MAX_FILE_BYTES") -> int:
    """Bytes from `50000000`, `50MB`, `50 MB` (powers of 1000) or `50 MiB` (powers of 1024)."""
    match = _SIZE.fullmatch(str(text))
    if not match:
        raise UserError(f"{name}={text!r} is not a size: write it as e.g. 50MB, 50 MiB or 50000000 (bytes)")
    number, unit = match.groups()
    return int(float(number) * _UNITS[(unit or "b").lower()])
