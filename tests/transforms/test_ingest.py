"""Discovering raw files: every file is listed once, links out of the folder are never read."""
from __future__ import annotations

import hashlib
import os

from transforms.ingest import discover


def test_discover_lists_every_file_sorted_with_its_sha256(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_bytes("第二份".encode())
    (tmp_path / "a.txt").write_bytes("第一份".encode())
    files = discover(tmp_path, max_file_bytes=1000)
    assert [f.source_file for f in files] == ["a.txt", "b/z.txt"]
    assert files[0].sha256 == hashlib.sha256("第一份".encode()).hexdigest()
    assert files[0].size_bytes == len("第一份".encode())
    assert all(f.skip_reason is None for f in files)


def test_files_above_the_limit_are_hashed_but_marked_too_large(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"a" * 101)
    (tmp_path / "ok.txt").write_bytes(b"a" * 100)
    big, ok = discover(tmp_path, max_file_bytes=100)
    assert (big.source_file, big.skip_reason) == ("big.txt", "too_large")
    assert "OGI_MAX_FILE_BYTES" in big.skip_detail
    assert big.sha256 == hashlib.sha256(b"a" * 101).hexdigest()
    assert ok.skip_reason is None


def test_links_out_of_the_folder_are_listed_but_not_read(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("不应读取", encoding="utf-8")
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "inside.txt").write_text("报告", encoding="utf-8")
    (raw / "link.txt").symlink_to(outside)
    (raw / "local_link.txt").symlink_to(raw / "inside.txt")
    (raw / "dir_link").symlink_to(tmp_path, target_is_directory=True)
    files = {f.source_file: f for f in discover(raw, max_file_bytes=1000)}
    assert set(files) == {"inside.txt", "link.txt", "local_link.txt", "dir_link"}
    assert files["link.txt"].skip_reason == "outside_raw_folder"
    assert files["link.txt"].sha256 is None
    assert files["dir_link"].skip_reason == "outside_raw_folder"
    assert files["local_link.txt"].skip_reason is None
    assert files["local_link.txt"].sha256 == files["inside.txt"].sha256


def test_an_unchanged_file_keeps_its_known_hash_and_a_touched_one_is_hashed_again(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("报告".encode())
    [first] = discover(tmp_path, max_file_bytes=1000)
    known = {"a.txt": (first.size_bytes, first.mtime_ns, "known-hash")}
    [again] = discover(tmp_path, max_file_bytes=1000, known=known)
    assert again.sha256 == "known-hash"  # not read: size and mtime are those of the listing
    os.utime(path, ns=(first.mtime_ns + 10**9, first.mtime_ns + 10**9))
    [touched] = discover(tmp_path, max_file_bytes=1000, known=known)
    assert touched.sha256 == first.sha256 != "known-hash"


def test_a_file_that_holds_its_worker_too_long_is_quarantined(tmp_path, monkeypatch) -> None:
    import signal

    from transforms import ingest

    def endless(text):
        while True:
            pass

    monkeypatch.setattr(ingest, "parse_report", endless)
    monkeypatch.setattr(ingest, "FILE_SECONDS", 0.2)
    path = tmp_path / "report.txt"
    path.write_text("青山镇2020年政府信息公开工作年度报告\n全年主动公开政府信息20条，收到依申请公开申请3件。\n", encoding="utf-8")
    before = signal.getsignal(signal.SIGALRM)
    result = ingest.process_content("0" * 64, str(path))
    assert (result.status, result.reason) == ("rejected", "time_limit")
    assert "more than 0.2 s" in result.detail
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0) and signal.getsignal(signal.SIGALRM) is before
