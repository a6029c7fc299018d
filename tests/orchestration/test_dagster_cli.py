"""The job as Dagster's own command line (and the UI) launches it: the code location's executor and
a persistent instance, in a separate process — no step may trip over another's DuckDB lock."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from ogi.warehouse.connection import connect_read_only
from tests.paths import REPO_ROOT

pytestmark = pytest.mark.slow  # `dagster job execute` in a subprocess


def test_dagster_job_execute_builds_the_sample_warehouse(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "OGI_DATA_DIR": str(tmp_path / "data"), "DAGSTER_HOME": str(home)}
    for name in ("OGI_RAW_DIR", "OGI_WAREHOUSE", "OGI_EXPORT_DIR"):
        env.pop(name, None)
    dagster = Path(sys.executable).parent / "dagster"
    result = subprocess.run(
        [str(dagster), "job", "execute", "-m", "ogi.orchestration.definitions", "-a", "defs", "-j", "build_warehouse"],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    with connect_read_only(tmp_path / "data" / "warehouse.duckdb") as con:
        assert con.execute("SELECT count(*) FROM marts.dim_report").fetchone() == (5,)
    assert (home / "history").is_dir()  # the run is recorded in the persistent instance
    # The code location's default executor ran each step in a process of its own.
    with dg.DagsterInstance.from_config(str(home)) as instance:
        [run] = instance.get_runs()
        started = {
            record.step_key: record.dagster_event.event_specific_data.metadata["pid"].value
            for record in instance.all_logs(run.run_id)
            if record.dagster_event and record.dagster_event.event_type_value == "STEP_WORKER_STARTED"
        }
    assert set(started) == {"ingest.inventory", "ingest.parse[0000]", "ingest.load", "build_marts",
                            "published_warehouse", "parquet_exports", "html_report"}
    assert len(set(started.values())) == len(started)
