"""A parse step's work: its chunk of the build's new contents, parsed into parquet files that the load
step reads, and the time limit that quarantines a file holding its step too long."""
from __future__ import annotations

import signal
from pathlib import Path

import pyarrow.parquet as pq

from ogi.orchestration.ingestion import chunks, parsing

_REPORT = "青山镇2020年政府信息公开工作年度报告\n全年主动公开政府信息20条，收到依申请公开申请3件。\n"


def test_few_contents_are_one_step_and_many_are_spread_in_contiguous_near_equal_chunks(tmp_path):
    few = [(f"{n:064d}", f"/raw/{n}.txt") for n in range(chunks.ONE_STEP_BELOW - 1)]
    [one] = chunks.split(few, tmp_path)
    assert one.items() == few and (one.size, one.of_run) == (len(few), len(few))
    assert chunks.split([], tmp_path) == []

    many = [(f"{n:064d}", f"/raw/{n}.txt") for n in range(1003)]
    spread = chunks.split(many, tmp_path)
    assert len(spread) == 8
    assert [item for chunk in spread for item in chunk.items()] == many  # each content once, in order
    assert {chunk.size for chunk in spread} == {125, 126}
    assert len({chunk.folder for chunk in spread}) == 8
    assert all(Path(chunk.folder).parent == tmp_path for chunk in spread)

    # Past 8 × 5000 contents the chunks stop growing: more steps instead.
    huge = [(str(n), "") for n in range(40_001)]
    assert len(chunks.split(huge, tmp_path / "huge")) == 9


def test_a_chunk_becomes_parquet_files_of_the_staged_tables(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "report.txt").write_text(_REPORT, encoding="utf-8")
    (raw / "junk.txt").write_text("这不是一份年度报告。", encoding="utf-8")
    [chunk] = chunks.split([("a" * 64, str(raw / "report.txt")), ("b" * 64, str(raw / "junk.txt")),
                            ("c" * 64, str(raw / "gone.txt"))], tmp_path / "parts")
    seen = []
    parts = parsing.parse_chunk(chunk, seen.append)
    assert (parts.parsed, parts.rejected) == (1, 2)
    assert seen == [3]
    contents = pq.read_table(parts.files["contents"]).to_pylist()
    status = {row["sha256"][0]: (row["status"], row["reason"]) for row in contents}
    assert status["a"] == ("parsed", None)
    assert status["b"][0] == "rejected"
    assert status["c"] == ("rejected", "unreadable")
    [report] = pq.read_table(parts.files["reports"]).to_pylist()
    assert (report["sha256"], report["report_year"]) == ("a" * 64, 2020)
    observations = pq.read_table(parts.files["observations"]).to_pylist()
    assert parts.observations == len(observations) > 0
    assert {row["sha256"] for row in observations} == {"a" * 64}
    # Every observation's evidence is the text its span points at.
    text = contents[[row["sha256"] for row in contents].index("a" * 64)]["text"]
    assert all(text[row["span_start"]:row["span_end"]] == row["evidence"] for row in observations)
    assert {20.0, 3.0} <= {row["value"] for row in observations}  # the 20 items published, the 3 requests

    # A retried step writes its files again, not beside the first ones.
    again = parsing.parse_chunk(chunk)
    assert again.files == parts.files and pq.read_table(again.files["contents"]).num_rows == 3


def test_a_file_that_holds_its_step_too_long_is_quarantined(tmp_path, monkeypatch) -> None:
    from ogi.transforms import content

    def endless(text):
        while True:
            pass

    monkeypatch.setattr(content, "parse_report", endless)
    monkeypatch.setattr(parsing, "FILE_SECONDS", 0.2)
    path = tmp_path / "report.txt"
    path.write_text(_REPORT, encoding="utf-8")
    before = signal.getsignal(signal.SIGALRM)
    result = parsing.process_content("0" * 64, str(path))
    assert (result.status, result.reason) == ("rejected", "time_limit")
    assert "more than 0.2 s" in result.detail
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0) and signal.getsignal(signal.SIGALRM) is before
