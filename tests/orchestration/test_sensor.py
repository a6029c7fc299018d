"""The raw-folder sensor requests one run for a change and none when nothing changed."""
from __future__ import annotations

import dagster as dg
import pytest

from orchestration.ingestion.automation import raw_folder_sensor

pytestmark = pytest.mark.slow  # sensor ticks that hash the sample reports with a Dagster instance


def _tick(cursor: str | None) -> dg.SensorResult:
    with dg.instance_for_test() as instance:
        return raw_folder_sensor(dg.build_sensor_context(instance=instance, cursor=cursor))


def test_new_files_request_one_run_and_an_unchanged_folder_none(tmp_path, monkeypatch):
    monkeypatch.setenv("OGI_RAW_DIR", str(tmp_path))
    (tmp_path / "a.txt").write_text("2017年度某镇政府信息公开工作年度报告", encoding="utf-8")
    first = _tick(None)
    assert len(first.run_requests) == 1
    second = _tick(first.cursor)
    assert not second.run_requests
    assert second.skip_reason is not None

    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("2018年度某镇政府信息公开工作年度报告", encoding="utf-8")
    third = _tick(first.cursor)
    assert len(third.run_requests) == 1
    assert third.cursor != first.cursor
