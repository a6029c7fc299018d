"""evaluation.run --direct on a tiny corpus made here."""
from __future__ import annotations

import json
from pathlib import Path

from evaluation.run import main

TEXT = "青山镇2017年政府信息公开工作年度报告\n全年主动公开政府信息40条。本年度未收到政府信息公开申请。\n"


def _corpus(tmp_path: Path, observations: list[dict]) -> Path:
    (tmp_path / "texts").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(TEXT, encoding="utf-8")
    gold = {
        "file": "a.txt", "body_name": "青山镇", "body_level": "town", "county": None,
        "report_year": 2017, "format_code": "N", "observations": observations,
    }
    (tmp_path / "gold" / "a.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def test_perfect_file(tmp_path: Path, capsys) -> None:
    corpus = _corpus(tmp_path, [
        {"indicator": "pd_items_total", "value": 40, "evidence": "主动公开政府信息40条"},
        {"indicator": "req_received", "value": 0, "evidence": "未收到政府信息公开申请"},
    ])
    assert main(["--direct", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "overall                          P=1.000 R=1.000 F1=1.000  (tp=2 fp=0 fn=0)" in out
    assert "body_name      1.000" in out


def test_misses_and_wrong_values_are_listed_with_evidence(tmp_path: Path, capsys) -> None:
    corpus = _corpus(tmp_path, [
        {"indicator": "pd_items_total", "value": 41, "evidence": "主动公开政府信息41条"},
        {"indicator": "staff_total", "value": 2, "evidence": "工作人员2人"},
    ])
    main(["--direct", str(corpus)])
    out = capsys.readouterr().out
    assert "FN staff_total = 2  «工作人员2人»" in out
    assert "FP pd_items_total = 40 (gold 41)  «主动公开政府信息40条»" in out
    assert "FP req_received = 0" in out
