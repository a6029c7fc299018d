"""One writer, many readers: `ogi sql` keeps answering while a build writes, and a killed build
leaves the published warehouse intact (the next build converges to a clean build's result)."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from synthetic.reports import write_corpus
from ogi.warehouse.connection import connect_read_only
from ogi.warehouse.settings import SAMPLE_CORPUS

pytestmark = pytest.mark.slow  # builds in subprocesses

OGI = Path(sys.executable).parent / "ogi"
_GENERATED = 2000


def _env(data: Path, raw: Path) -> dict[str, str]:
    env = {**os.environ, "OGI_DATA_DIR": str(data), "OGI_RAW_DIR": str(raw)}
    for name in ("OGI_WAREHOUSE", "OGI_EXPORT_DIR", "DAGSTER_HOME"):
        env.pop(name, None)
    return env


def _reports(env: dict[str, str]) -> int:
    result = subprocess.run([str(OGI), "sql", "select count(*) as n from marts.dim_report", "--format", "csv"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    return int(result.stdout.split()[1])


def _marts(warehouse: Path) -> dict[str, list]:
    with connect_read_only(warehouse) as con:
        return {
            table: con.execute(f"SELECT * FROM marts.{table} ORDER BY ALL").fetchall()
            for table in ("dim_report", "fct_observation", "fct_town_year", "dim_town", "fct_publication")
        }


def _corpus(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    shutil.copytree(SAMPLE_CORPUS, raw)
    return raw


def test_sql_answers_during_a_build_and_sees_the_new_version_after_it(tmp_path):
    raw = _corpus(tmp_path)
    env = _env(tmp_path / "data", raw)
    subprocess.run([str(OGI), "build"], env=env, check=True, capture_output=True, timeout=300)
    assert _reports(env) == 5

    write_corpus(raw / "generated", _GENERATED)
    build = subprocess.Popen([str(OGI), "build"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen = []
    while build.poll() is None:
        seen.append(_reports(env))  # never a lock error: the build writes another file
    assert build.returncode == 0
    assert set(seen) <= {5, 5 + _GENERATED}
    assert seen.count(5) >= 1, "the build finished before any query ran during it"
    assert _reports(env) == 5 + _GENERATED


def test_a_killed_build_leaves_the_last_version_and_the_next_build_converges(tmp_path):
    raw = _corpus(tmp_path)
    env = _env(tmp_path / "data", raw)
    subprocess.run([str(OGI), "build"], env=env, check=True, capture_output=True, timeout=300)
    warehouse = tmp_path / "data" / "warehouse.duckdb"
    before = _marts(warehouse)

    write_corpus(raw / "generated", _GENERATED)
    build = subprocess.Popen([str(OGI), "build"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    build_file = warehouse.with_name(warehouse.name + ".build")
    deadline = time.monotonic() + 120
    while not build_file.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(2)  # well inside the parse of 2000 reports
    assert build.poll() is None, "the build ended before it could be killed"
    build.send_signal(signal.SIGKILL)
    build.wait()

    assert _marts(warehouse) == before
    assert _reports(env) == 5

    subprocess.run([str(OGI), "build"], env=env, check=True, capture_output=True, timeout=600)
    clean = _env(tmp_path / "clean", raw)
    subprocess.run([str(OGI), "build"], env=clean, check=True, capture_output=True, timeout=600)
    assert _marts(warehouse) == _marts(tmp_path / "clean" / "warehouse.duckdb")
