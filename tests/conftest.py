"""Shared fixtures: a raw folder with the sample reports, and project paths; and the rule that marks
a test `slow` when it runs a real build (`make test-fast` leaves those out)."""
from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import dagster as dg
import pytest

from ogi.warehouse.settings import SAMPLE_CORPUS


@pytest.fixture
def sample_raw(tmp_path: Path) -> Path:
    """A copy of the five sample reports in a folder of its own."""
    raw = tmp_path / "raw"
    shutil.copytree(SAMPLE_CORPUS, raw)
    return raw


@pytest.fixture
def build(ogi_env, monkeypatch: pytest.MonkeyPatch) -> Callable[..., dg.ExecuteInProcessResult]:
    """Run the real build job in-process on a raw folder, into ogi_env's warehouse."""
    from ogi.orchestration.definitions import defs

    def run(raw: Path, run_config: dict | None = None, raise_on_error: bool = True) -> dg.ExecuteInProcessResult:
        monkeypatch.setenv("OGI_RAW_DIR", str(raw))
        with dg.instance_for_test() as instance:
            return defs.resolve_job_def("build_warehouse").execute_in_process(
                instance=instance, run_config=run_config, raise_on_error=raise_on_error
            )

    return run


@pytest.fixture
def ogi_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """OGI_* variables pointing into tmp_path, for in-process runs."""
    paths = {
        "OGI_WAREHOUSE": tmp_path / "data" / "warehouse.duckdb",
        "OGI_EXPORT_DIR": tmp_path / "data" / "exports",
        "DAGSTER_HOME": tmp_path / "data" / "dagster_home",
    }
    for name, value in paths.items():
        monkeypatch.setenv(name, str(value))
    monkeypatch.setenv("OGI_MAX_FILE_BYTES", str(50 * 1024 * 1024))
    paths["DAGSTER_HOME"].mkdir(parents=True)
    return paths


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that runs the build job (the `build` fixture, directly or through another fixture) is
    slow: some ten seconds of Dagster on this corpus. Tests that are slow for another reason (a
    subprocess, a browser, Celery, a webserver) carry the marker themselves."""
    for item in items:
        if "build" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
