"""One build of a warehouse at a time, for the whole build: a second build that starts after the
first one's ingest step ended (when the old claim of the ingest step's pid looked abandoned) is
refused at once with the holder's pid, whether the first was started by `ogi build` or as the UI
starts runs (`dagster job execute`: the code location's executor in a run process of its own)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import pytest

from synthetic.reports import write_corpus
from ogi.warehouse.connection import connect_read_only
from ogi.warehouse.settings import SAMPLE_CORPUS
from tests.paths import REPO_ROOT

pytestmark = pytest.mark.slow  # builds in subprocesses

BIN = Path(sys.executable).parent
_GENERATED = 200  # a few seconds of marts, export and report after the ingest step


def _env(data: Path, raw: Path) -> dict[str, str]:
    env = {**os.environ, "OGI_DATA_DIR": str(data), "OGI_RAW_DIR": str(raw)}
    for name in ("OGI_WAREHOUSE", "OGI_EXPORT_DIR", "DAGSTER_HOME"):
        env.pop(name, None)
    return env


def _corpus(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    shutil.copytree(SAMPLE_CORPUS, raw)
    write_corpus(raw / "generated", _GENERATED, seed=5)
    return raw


def _wait_for_the_end_of_ingest(home: Path, build: subprocess.Popen) -> None:
    """Until the instance under `home` records that the ingest step of its run succeeded."""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        assert build.poll() is None, "the first build ended before its ingest step was seen to end"
        if (home / "storage").is_dir():
            with dg.DagsterInstance.from_config(str(home)) as instance:
                for run in instance.get_runs():
                    steps = {record.step_key for record in
                             instance.all_logs(run.run_id, of_type=dg.DagsterEventType.STEP_SUCCESS)}
                    if "ingest.load" in steps:
                        assert "published_warehouse" not in steps, "too late: the first build published"
                        return
        time.sleep(0.1)
    raise AssertionError("the ingest step never ended")


def _second_build_is_refused(env: dict[str, str], holder_pid: int) -> None:
    second = subprocess.run([str(BIN / "ogi"), "build"], env=env, capture_output=True, text=True, timeout=60)
    assert second.returncode == 1, second.stderr
    assert "Traceback" not in second.stderr
    [line] = second.stderr.splitlines()
    assert f"is being built by process {holder_pid} " in line
    assert "raw folder" in line


def _marts(warehouse: Path) -> dict[str, list]:
    with connect_read_only(warehouse) as con:
        return {
            table: con.execute(f"SELECT * FROM marts.{table} ORDER BY ALL").fetchall()
            for table in ("dim_report", "fct_observation", "fct_town_year", "dim_town", "fct_publication")
        }


def test_a_second_ogi_build_after_the_first_ones_ingest_is_refused_and_the_first_completes(tmp_path):
    raw = _corpus(tmp_path)
    env = _env(tmp_path / "data", raw)
    first = subprocess.Popen([str(BIN / "ogi"), "build"], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    _wait_for_the_end_of_ingest(tmp_path / "data" / "dagster_home", first)
    _second_build_is_refused(env, first.pid)
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert f"reports:       {5 + _GENERATED}" in out

    clean = _env(tmp_path / "clean", raw)
    subprocess.run([str(BIN / "ogi"), "build"], env=clean, check=True, capture_output=True, timeout=300)
    assert _marts(tmp_path / "data" / "warehouse.duckdb") == _marts(tmp_path / "clean" / "warehouse.duckdb")


def test_a_run_launched_as_the_ui_does_holds_the_lock_for_the_whole_run(tmp_path):
    raw = _corpus(tmp_path)
    env = _env(tmp_path / "data", raw)
    home = tmp_path / "data" / "dagster_home"
    home.mkdir(parents=True)
    ui_run = subprocess.Popen(
        [str(BIN / "dagster"), "job", "execute", "-m", "ogi.orchestration.definitions", "-a", "defs", "-j",
         "build_warehouse"],
        cwd=REPO_ROOT, env={**env, "DAGSTER_HOME": str(home)}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True,
    )
    _wait_for_the_end_of_ingest(home, ui_run)
    _second_build_is_refused(env, ui_run.pid)
    _, err = ui_run.communicate(timeout=300)
    assert ui_run.returncode == 0, err[-3000:]
    with connect_read_only(tmp_path / "data" / "warehouse.duckdb") as con:
        assert con.execute("SELECT count(*) FROM marts.dim_report").fetchone() == (5 + _GENERATED,)
