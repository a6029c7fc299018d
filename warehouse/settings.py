"""Where things live by default, and the environment variables that move them.

Every default sits under the repository's git-ignored ``data/`` folder (or ``OGI_DATA_DIR``), never in
the code tree. Flags of the ``ogi`` command line stand for the same variables.
"""
from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CORPUS = REPO_ROOT / "sample_corpus"

# The HTML report's name beside the parquet exports (`ogi report`, the html_report asset).
REPORT_FILE = "report.html"

# Files above this size are quarantined as `too_large` without being read (50 MB).
DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024


def data_dir() -> Path:
    return Path(os.environ.get("OGI_DATA_DIR", REPO_ROOT / "data"))


def _defaults() -> dict[str, str]:
    data = data_dir()
    return {
        "OGI_RAW_DIR": str(SAMPLE_CORPUS),
        "OGI_WAREHOUSE": str(data / "warehouse.duckdb"),
        "OGI_EXPORT_DIR": str(data / "exports"),
        "OGI_MAX_FILE_BYTES": str(DEFAULT_MAX_FILE_BYTES),
        "DAGSTER_HOME": str(data / "dagster_home"),
        # Broker and result backend of the Celery executor (orchestration/distributed.py).
        "OGI_CELERY_REDIS": "redis://127.0.0.1:6379/0",
    }


def apply_defaults() -> None:
    """Fill in every unset variable, so that Dagster's ``EnvVar`` resources always resolve."""
    for name, value in _defaults().items():
        os.environ.setdefault(name, value)


def get(name: str) -> str:
    return os.environ.get(name) or _defaults()[name]
