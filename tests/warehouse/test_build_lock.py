"""The build lock on a real file, held by real processes: a live holder is never overtaken, a
dead one frees it, and a step goes on only for the run that holds it."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ogi.warehouse import build_lock

_HOLDER = """
import sys, time
from pathlib import Path
from ogi.warehouse import build_lock
with build_lock.hold(Path(sys.argv[1]), "/reports/of/the/holder", run_id="run-of-the-holder"):
    print("holding", flush=True)
    time.sleep(120)
"""


@pytest.fixture
def holder(tmp_path: Path):
    """Another process holding the lock of tmp_path/w.duckdb."""
    process = subprocess.Popen([sys.executable, "-c", _HOLDER, str(tmp_path / "w.duckdb")],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline() == "holding\n"
    yield process
    process.kill()
    process.wait()


def test_a_second_build_is_refused_at_once_naming_the_holder(tmp_path, holder):
    started = time.monotonic()
    with pytest.raises(build_lock.BuildInProgress) as refused:
        with build_lock.hold(tmp_path / "w.duckdb", "/my/reports"):
            pytest.fail("the lock was taken from a live holder")
    assert time.monotonic() - started < 1
    message = str(refused.value)
    assert f"process {holder.pid} " in message
    assert "/reports/of/the/holder" in message
    assert "run-of-the-holder" in message


def test_a_killed_holder_frees_the_lock(tmp_path, holder):
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    with build_lock.hold(tmp_path / "w.duckdb", "/my/reports", run_id="mine"):
        assert '"run_id": "mine"' in build_lock.lock_path(tmp_path / "w.duckdb").read_text()


def test_a_step_goes_on_for_the_holders_run_only(tmp_path, holder):
    warehouse = tmp_path / "w.duckdb"
    with build_lock.hold_for_step(warehouse, "run-of-the-holder"):
        pass
    with pytest.raises(build_lock.BuildInProgress, match=str(holder.pid)):
        with build_lock.hold_for_step(warehouse, "another-run"):
            pytest.fail("a step of another run went on")


def test_a_step_with_no_holder_holds_the_lock_itself_and_the_lock_is_reentrant(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    with build_lock.hold_for_step(warehouse, "run-1"):
        other = subprocess.run([sys.executable, "-c", _HOLDER, str(warehouse)], capture_output=True,
                               text=True, timeout=60)
        assert other.returncode == 1 and "BuildInProgress" in other.stderr
    with build_lock.hold(warehouse, "/r"):
        with build_lock.hold(warehouse, "/r", run_id="run-2"):  # the executor inside `ogi build`
            pass
        assert '"run_id": "run-2"' in build_lock.lock_path(warehouse).read_text()
    # released: another process takes it
    taken = subprocess.Popen([sys.executable, "-c", _HOLDER, str(warehouse)], stdout=subprocess.PIPE, text=True)
    try:
        assert taken.stdout.readline() == "holding\n"
    finally:
        taken.kill()
        taken.wait()
