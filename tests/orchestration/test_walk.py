"""The one walk of a raw folder: every file is listed once, links out of the folder are never read, and
the sensor's fingerprint sees what the build's listing sees."""
from __future__ import annotations

import hashlib
import os

from ogi.orchestration.ingestion.walk import discover, fingerprint


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


def test_the_fingerprint_changes_with_what_the_listing_sees_and_only_with_that(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("报告", encoding="utf-8")
    first = fingerprint(raw)
    assert fingerprint(raw) == first  # nothing changed, nothing read

    outside = tmp_path / "elsewhere.txt"
    outside.write_text("外面", encoding="utf-8")
    (raw / "link.txt").symlink_to(outside)
    with_link = fingerprint(raw)
    assert with_link != first  # a link out of the folder is listed by the build, so it counts
    outside.write_text("外面的文件改了，更长", encoding="utf-8")
    assert fingerprint(raw) == with_link  # but what it leads to is never read or followed

    (raw / "corrections.csv").write_text("sha256\n", encoding="utf-8")
    assert fingerprint(raw) != with_link  # the team's records are applied by the build: a change
    assert "corrections.csv" not in {f.source_file for f in discover(raw, max_file_bytes=1000)}


def test_a_dangling_link_is_neither_listed_nor_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("报告", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    assert [f.source_file for f in discover(tmp_path, max_file_bytes=1000)] == ["a.txt"]
