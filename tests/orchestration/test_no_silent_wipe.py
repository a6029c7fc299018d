"""A warehouse remembers the folder it was built from, and a build that would drop most of its
reports is refused unless asked for; an empty warehouse still exports readable parquet."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from synthetic.reports import write_corpus
from ogi.warehouse.connection import connect_read_only
from ogi.warehouse.settings import SAMPLE_CORPUS

pytestmark = pytest.mark.slow  # builds in subprocesses

OGI = Path(sys.executable).parent / "ogi"


def _ogi(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([str(OGI), *args], capture_output=True, text=True, env=env, timeout=300)


def _refusal(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.startswith("ogi build:")]
    return line


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _reports(warehouse: Path) -> int:
    with connect_read_only(warehouse) as con:
        return con.execute("SELECT count(*) FROM marts.dim_report").fetchone()[0]


def test_a_build_without_raw_rebuilds_the_warehouses_own_folder_and_refuses_to_wipe_it(tmp_path):
    env = {**os.environ, "OGI_DATA_DIR": str(tmp_path / "data")}
    for name in ("OGI_RAW_DIR", "OGI_WAREHOUSE", "OGI_EXPORT_DIR", "DAGSTER_HOME"):
        env.pop(name, None)
    warehouse = tmp_path / "data" / "warehouse.duckdb"
    raw = tmp_path / "mine"
    shutil.copytree(SAMPLE_CORPUS, raw)
    write_corpus(raw / "more", 1, seed=11)  # 6 reports: not the sample's 5
    assert _ogi("build", "--raw", str(raw), env=env).returncode == 0
    assert _reports(warehouse) == 6

    again = _ogi("build", env=env)  # no --raw: the folder it was built from, not the sample
    assert again.returncode == 0, again.stderr
    assert f"from {raw} " in again.stderr
    assert "6 — 0 new, 0 changed, 6 unchanged, 0 removed" in again.stdout
    assert _reports(warehouse) == 6

    published = _digest(warehouse)
    empty = tmp_path / "empty"
    empty.mkdir()
    line = _refusal(_ogi("build", "--raw", str(empty), env=env))
    assert "remove 6 of the warehouse's 6 reports" in line and "--allow-removals" in line
    assert _digest(warehouse) == published

    for report in sorted(raw.glob("*.txt"))[:4]:  # the folder lost 4 of its 6 reports
        report.unlink()
    line = _refusal(_ogi("build", env=env))
    assert "remove 4 of the warehouse's 6 reports" in line
    assert _digest(warehouse) == published

    emptied = _ogi("build", "--raw", str(empty), "--allow-removals", env=env)
    assert emptied.returncode == 0, emptied.stderr
    assert _reports(warehouse) == 0
    exports = tmp_path / "data" / "exports"
    for table in ("fct_observation", "dim_report", "dim_indicator", "fct_town_year"):
        frame = pl.read_parquet(exports / table / "**" / "*.parquet", hive_partitioning=True)
        with connect_read_only(warehouse) as con:
            columns = [row[0] for row in con.execute(f"DESCRIBE marts.{table}").fetchall()]
            rows = con.execute(f"SELECT count(*) FROM marts.{table}").fetchone()[0]
        assert frame.height == rows, table
        assert sorted(frame.columns) == sorted(columns), table
    assert pl.read_parquet(exports / "fct_observation" / "**" / "*.parquet").height == 0
