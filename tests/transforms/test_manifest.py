"""The manifest beside the raw folder: each file's address and fetch time."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from ogi.orchestration.ingestion.walk import discover
from ogi.transforms.manifest import ManifestError, read_manifest


def _raw(tmp_path):
    raw = tmp_path / "raw"
    (raw / "2023").mkdir(parents=True)
    (raw / "2023" / "a.pdf").write_bytes(b"%PDF-1.7")
    (raw / "b.html").write_text("<p>报告</p>", encoding="utf-8")
    return raw


def test_a_csv_manifest_gives_each_listed_file_its_address_and_fetch_time(tmp_path) -> None:
    raw = _raw(tmp_path)
    (tmp_path / "manifest.csv").write_text(
        "path,source_url,fetched_at,title\n"
        "./2023/a.pdf,http://example.gov.cn/gk/ndbg/a.pdf,2024-03-01T10:30:00+08:00,年报\n"
        "gone.html,http://example.gov.cn/gone.html,2024-03-01,\n",
        encoding="utf-8")
    files = {raw_file.source_file: raw_file for raw_file in discover(raw, 1 << 20)}
    assert files["2023/a.pdf"].source_url == "http://example.gov.cn/gk/ndbg/a.pdf"
    assert files["2023/a.pdf"].fetched_at == datetime(2024, 3, 1, 2, 30, tzinfo=timezone.utc)
    assert files["2023/a.pdf"].fetched_at.utcoffset() == timedelta(hours=8)
    assert files["b.html"].source_url is None and files["b.html"].fetched_at is None


def test_a_jsonl_manifest_and_a_time_without_offset_taken_as_utc(tmp_path) -> None:
    raw = _raw(tmp_path)
    (tmp_path / "manifest.jsonl").write_text(
        '{"path": "b.html", "source_url": "https://example.gov.cn/b.html", "fetched_at": "2024-02-29 08:00:00"}\n\n',
        encoding="utf-8")
    entry = read_manifest(raw)["b.html"]
    assert entry.source_url == "https://example.gov.cn/b.html"
    assert entry.fetched_at == datetime(2024, 2, 29, 8, tzinfo=timezone.utc)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("manifest.csv", "file,url\nb.html,http://x\n", "'path' column"),
    ("manifest.csv", "path,fetched_at\nb.html,yesterday\n", "line 2: fetched_at 'yesterday'"),
    ("manifest.jsonl", '{"path": "b.html"}\n{"path": "b.html",\n', "line 2: not JSON"),
    ("manifest.jsonl", '["b.html"]\n', "line 1: an object with a 'path' string"),
])
def test_a_bad_manifest_names_the_line_to_fix(tmp_path, name, content, message) -> None:
    raw = _raw(tmp_path)
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(ManifestError, match=message.replace("(", r"\(")):
        read_manifest(raw)


def test_two_manifests_are_refused(tmp_path) -> None:
    raw = _raw(tmp_path)
    (tmp_path / "manifest.csv").write_text("path\n", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(ManifestError, match="keep one"):
        read_manifest(raw)
