"""The raw-folder sensor requests one run for a change and none when nothing changed; it reads its
folder from its resource, as the build does."""
from __future__ import annotations

from pathlib import Path

import dagster as dg
import pytest

from ogi.orchestration.defs.automation import raw_folder_sensor
from ogi.orchestration.resources import RawFolder, Warehouse

pytestmark = pytest.mark.slow  # sensor ticks that hash the sample reports with a Dagster instance


def _tick(raw: Path, cursor: str | None) -> dg.SensorResult:
    resources = {"raw_folder": RawFolder(path=str(raw)), "warehouse": Warehouse(path=str(raw.parent / "w.duckdb"))}
    with dg.instance_for_test() as instance:
        return raw_folder_sensor(dg.build_sensor_context(instance=instance, cursor=cursor, resources=resources))


def test_new_files_request_one_run_and_an_unchanged_folder_none(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    raw.mkdir()
    # The resource says where the folder is, not the environment.
    monkeypatch.setenv("OGI_RAW_DIR", str(tmp_path / "elsewhere"))
    (raw / "a.txt").write_text("2017年度某镇政府信息公开工作年度报告", encoding="utf-8")
    first = _tick(raw, None)
    assert len(first.run_requests) == 1
    second = _tick(raw, first.cursor)
    assert not second.run_requests
    assert second.skip_reason is not None

    (raw / "sub").mkdir()
    (raw / "sub" / "b.txt").write_text("2018年度某镇政府信息公开工作年度报告", encoding="utf-8")
    third = _tick(raw, first.cursor)
    assert len(third.run_requests) == 1
    assert third.cursor != first.cursor
