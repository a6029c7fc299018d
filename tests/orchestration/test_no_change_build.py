"""`ogi build` with nothing changed is a fingerprint check: no run in the instance, the same summary;
any change of what the warehouse is made of makes a real build (orchestration/fingerprint.py).

The installed script in a subprocess, as users run it, on the persistent instance beside the warehouse."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg

from ogi.transforms.grammar import GRAMMAR_DIR

OGI = Path(sys.executable).parent / "ogi"
# The five sample reports: five files, five distinct contents.
_UNCHANGED = ("files:         5 — 0 new, 0 changed, 5 unchanged, 0 removed\n"
              "parsed now:    0 (rejected 0; 5 unchanged contents reused)\n")


def _env(tmp_path: Path, raw: Path, **extra: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith(("OGI_", "DAGSTER_"))}
    return {**env, "OGI_DATA_DIR": str(tmp_path / "data"), "OGI_RAW_DIR": str(raw), **extra}


def _build(env: dict[str, str]) -> subprocess.CompletedProcess:
    done = subprocess.run([str(OGI), "build"], capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    return done


def _runs(tmp_path: Path) -> int:
    with dg.DagsterInstance.from_config(str(tmp_path / "data" / "dagster_home")) as instance:
        return len(instance.get_runs())


def _step_pids(tmp_path: Path) -> tuple[int, set[int]]:
    """The pid that started the one run, and the pids its steps started in."""
    with dg.DagsterInstance.from_config(str(tmp_path / "data" / "dagster_home")) as instance:
        [run] = instance.get_runs()
        records = instance.all_logs(run.run_id)
    events = [record.dagster_event for record in records if record.dagster_event]
    [start] = [event.pid for event in events if event.event_type == dg.DagsterEventType.RUN_START]
    return start, {event.pid for event in events if event.event_type == dg.DagsterEventType.STEP_START}


def _summary(stdout: str) -> list[str]:
    """The lines after the two that say what this build read and parsed."""
    return stdout.splitlines()[2:]


def test_a_build_with_nothing_changed_starts_no_run_and_prints_the_same_summary(sample_raw, tmp_path):
    env = _env(tmp_path, sample_raw)
    first = _build(env)
    assert _runs(tmp_path) == 1
    # Five files fit one process: every step ran in the process that ran the build.
    start, steps = _step_pids(tmp_path)
    assert steps == {start}

    again = _build(env)
    assert _runs(tmp_path) == 1
    assert "nothing changed" in again.stderr
    assert again.stdout.startswith(_UNCHANGED)
    assert _summary(again.stdout) == _summary(first.stdout)

    # Touched, same bytes (a copy, a checkout): hashed again, found equal, still no run.
    report = sorted(sample_raw.glob("*.txt"))[0]
    stat = report.stat()
    os.utime(report, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1000))
    touched = _build(env)
    assert _runs(tmp_path) == 1
    assert touched.stdout.startswith(_UNCHANGED)


def test_each_input_that_changes_the_warehouse_makes_a_real_build(sample_raw, tmp_path):
    env = _env(tmp_path, sample_raw)
    _build(env)
    report = sorted(sample_raw.glob("*.txt"))[0]

    # One report's content.
    with open(report, "a", encoding="utf-8") as handle:
        handle.write("（本报告另附联系电话。）\n")
    changed = _build(env)
    assert _runs(tmp_path) == 2
    assert "1 changed" in changed.stdout

    # The team's corrections file: a valid file with no line yet is a new input all the same.
    (sample_raw / "corrections.csv").write_text("sha256,source_file,indicator,dims,value,who,when,why\n",
                                                encoding="utf-8")
    _build(env)
    assert _runs(tmp_path) == 3

    # A new parser version: a copy of the grammar with one more line changes its fingerprint.
    grammar = tmp_path / "grammar"
    shutil.copytree(GRAMMAR_DIR, grammar)
    with open(grammar / "words.tsv", "a", encoding="utf-8") as handle:
        handle.write("# one more line\n")
    reparsed = _build({**env, "OGI_GRAMMAR_DIR": str(grammar)})
    assert _runs(tmp_path) == 4
    assert "parsed now:    5 " in reparsed.stdout

    # An output gone from the exports folder is written again.
    report_html = tmp_path / "data" / "exports" / "report.html"
    report_html.unlink()
    _build({**env, "OGI_GRAMMAR_DIR": str(grammar)})
    assert _runs(tmp_path) == 5
    assert report_html.is_file()

    # And with all that in place, nothing more to do.
    _build({**env, "OGI_GRAMMAR_DIR": str(grammar)})
    assert _runs(tmp_path) == 5
