"""The same code location on a distributed executor: dagster-celery workers fed through a Redis
broker on loopback, started here as a user would start them (orchestration/distributed.py)."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import pytest

from ogi.orchestration.instance import ensure_dagster_home
from synthetic.reports import write_corpus
from ogi.warehouse.connection import connect_read_only
from tests.paths import REPO_ROOT

pytestmark = pytest.mark.slow  # Celery workers on a loopback Redis

BIN = Path(sys.executable).parent
REPORTS = 420  # above the 400 from which the parse is spread over several steps (chunks.ONE_STEP_BELOW)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(path: Path, text: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists() and text in path.read_text(errors="replace"):
            return
        assert process.poll() is None, path.read_text(errors="replace")[-3000:]
        time.sleep(0.2)
    raise AssertionError(f"no {text!r} in {path} after {seconds} s:\n{path.read_text(errors='replace')[-3000:]}")


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A Redis server on loopback and three Celery workers: the build-file writer, and two for the
    other steps (one process each, so that two parse steps at once run on two workers)."""
    redis_server = shutil.which("redis-server")
    assert redis_server, "redis-server is missing: `make test` installs it (scripts/install_test_services.sh)"
    port = _free_port()
    env = {
        **os.environ,
        "DAGSTER_HOME": str(tmp_path / "home"),
        "OGI_RAW_DIR": str(tmp_path / "raw"),
        "OGI_WAREHOUSE": str(tmp_path / "data" / "warehouse.duckdb"),
        "OGI_EXPORT_DIR": str(tmp_path / "data" / "exports"),
        "OGI_CELERY_REDIS": f"redis://127.0.0.1:{port}/0",
    }
    ensure_dagster_home(Path(env["DAGSTER_HOME"]))
    logs = tmp_path / "logs"
    logs.mkdir()
    processes = []

    def start(name: str, command: list[str], ready: str) -> None:
        log = logs / f"{name}.log"
        process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
        processes.append(process)
        _wait_for(log, ready, process)

    try:
        start("redis", [redis_server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
              "Ready to accept connections")
        worker = [str(BIN / "celery"), "-A", "ogi.orchestration.celery_app", "worker", "--loglevel", "INFO",
                  "--without-gossip", "--without-mingle"]
        start("build_file", [*worker, "-Q", "ogi_build_file", "--pool", "solo", "-n", "build_file@%h"], "ready.")
        for name in ("left", "right"):
            start(name, [*worker, "-Q", "dagster", "--concurrency", "1", "-n", f"{name}@%h"], "ready.")
        yield env
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


def test_celery_workers_build_the_warehouse_each_step_on_its_queue(cluster, tmp_path):
    write_corpus(tmp_path / "raw", REPORTS, seed=3)
    result = subprocess.run(
        [str(BIN / "dagster"), "job", "execute", "-m", "ogi.orchestration.distributed", "-a", "defs", "-j", "build_warehouse"],
        cwd=REPO_ROOT, env=cluster, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]

    with connect_read_only(cluster["OGI_WAREHOUSE"]) as con:
        assert con.execute("SELECT count(*) FROM marts.dim_report").fetchone() == (REPORTS,)
    assert (Path(cluster["OGI_EXPORT_DIR"]) / "report.html").is_file()

    with dg.DagsterInstance.from_config(cluster["DAGSTER_HOME"]) as instance:
        [run] = instance.get_runs()
        records = instance.all_logs(run.run_id)
    # dagster-celery's worker-side notice names the worker that ran each step.
    workers = {
        record.step_key: record.dagster_event.event_specific_data.metadata["Celery worker"].value.split("@")[0]
        for record in records
        if record.dagster_event and record.dagster_event.event_type_value == "ENGINE_EVENT"
        and "in celery worker" in (record.user_message or record.dagster_event.message or "")
    }
    chunks = sorted(step for step in workers if step.startswith("ingest.parse["))
    assert len(chunks) >= 2
    # Steps that write the build file on its one worker; the parse steps spread over the other two.
    assert {step: worker for step, worker in workers.items() if step not in chunks} == {
        "ingest.inventory": "build_file", "ingest.load": "build_file", "build_marts": "build_file",
        "published_warehouse": "build_file",
        "parquet_exports": workers["parquet_exports"], "html_report": workers["html_report"],
    }
    assert {workers["parquet_exports"], workers["html_report"]} <= {"left", "right"}
    assert {workers[step] for step in chunks} == {"left", "right"}
    [staged] = [
        record.dagster_event.event_specific_data.materialization
        for record in records
        if record.dagster_event and record.dagster_event.event_type_value == "ASSET_MATERIALIZATION"
        and record.dagster_event.event_specific_data.materialization.asset_key == dg.AssetKey("staged_reports")
    ]
    assert staged.metadata["parse_steps"].value == len(chunks)
    assert staged.metadata["parsed_now"].value == REPORTS
    # The parse steps' parquet was loaded and then removed.
    assert not any(Path(cluster["OGI_WAREHOUSE"] + ".parts").glob("*/*"))
