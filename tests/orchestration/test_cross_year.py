"""Cross-year checks on a panel of one township over five years (texts of our own in the F21 table
layout): the carried-forward link and the documents in force hold in every year but one, and the
checks find exactly that break, with the figures and the words of both years."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ogi.warehouse.connection import connect_read_only

pytestmark = pytest.mark.slow  # `ogi build` in subprocesses

OGI = Path(sys.executable).parent / "ogi"

# year: (received, carried over in, decided, carried forward, normdocs made, repealed, in force).
# Each year balances (received + carried in = decided + forward). The links: 2022 carries in the 3
# of 2021, 2024 and 2025 the 2 of the year before; 2023 states 1 where 2022 carried forward 4.
# In force: 12 → 12+3−1 = 14 → 14+2−0 = 16 → 16+1−2 = 15 → 15+0−0 = 15, all as stated.
PANEL = {
    2021: (10, 2, 9, 3, 4, 0, 12),
    2022: (12, 3, 11, 4, 3, 1, 14),
    2023: (14, 1, 13, 2, 2, 0, 16),
    2024: (15, 2, 15, 2, 1, 2, 15),
    2025: (16, 2, 16, 2, 0, 0, 15),
}


def f21_report(year: int, received: int, carried_in: int, decided: int, forward: int,
               made: int, repealed: int, in_force: int) -> str:
    """A township's F21 report with tables 2 and 3, one table row per line."""
    rows = [
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数",
        "规章 | 0 | 0 | 0",
        f"行政规范性文件 | {made} | {repealed} | {in_force}",
        "三、收到和处理政府信息公开申请情况",
        "申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计",
        f"一、本年新收政府信息公开申请数量 | {received} | 0 | 0 | 0 | 0 | 0 | {received}",
        f"二、上年结转政府信息公开申请数量 | {carried_in} | 0 | 0 | 0 | 0 | 0 | {carried_in}",
        "三、本年度办理结果",
        f"（一）予以公开 | {decided} | 0 | 0 | 0 | 0 | 0 | {decided}",
        f"（七）总计 | {decided} | 0 | 0 | 0 | 0 | 0 | {decided}",
        f"四、结转下年度继续办理 | {forward} | 0 | 0 | 0 | 0 | 0 | {forward}",
    ]
    return (f"桃源县清泉镇{year}年政府信息公开工作年度报告\n一、总体情况\n"
            f"{year}年，清泉镇坚持以公开为常态，认真落实政府信息公开各项工作。\n" + "\n".join(rows)
            + "\n五、存在的主要问题及改进情况\n公开内容的深度还需加强。\n清泉镇人民政府\n")


@pytest.fixture
def panel_raw(tmp_path: Path) -> Path:
    raw = tmp_path / "panel"
    raw.mkdir()
    for year, figures in PANEL.items():
        (raw / f"清泉镇{year}.txt").write_text(f21_report(year, *figures), encoding="utf-8")
    return raw


def _checks(warehouse: Path) -> list[tuple]:
    with connect_read_only(warehouse) as con:
        return con.execute(
            "SELECT check_code, doc_type_code, report_year, previous_value, value, expected_value, holds, "
            "evidence, previous_evidence FROM marts.fct_cross_year_check ORDER BY ALL").fetchall()


def test_the_checks_find_exactly_the_one_break_with_both_evidences(panel_raw, ogi_env, build):
    assert build(panel_raw).success
    checks = _checks(ogi_env["OGI_WAREHOUSE"])
    carried = [row for row in checks if row[0] == "carried_link"]
    assert [(year, holds) for _, _, year, *_, holds, _, _ in carried] == [
        (2022, True), (2023, False), (2024, True), (2025, True)]
    [broken] = [row for row in checks if not row[6]]
    assert broken[:7] == ("carried_link", None, 2023, 4.0, 1.0, 4.0, False)
    assert broken[7] == "二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1"
    assert broken[8] == "四、结转下年度继续办理 | 4 | 0 | 0 | 0 | 0 | 0 | 4"

    in_force = [(doc_type, year, expected, holds) for code, doc_type, year, _, _, expected, holds, _, _ in checks
                if code == "in_force_link" and doc_type == "normdoc"]
    assert in_force == [("normdoc", 2022, 14.0, True), ("normdoc", 2023, 16.0, True),
                        ("normdoc", 2024, 15.0, True), ("normdoc", 2025, 15.0, True)]
    # The request counts stay between 10 and 16: no break of level.
    assert not [row for row in checks if row[0] == "level_break" and not row[6]]

    with connect_read_only(ogi_env["OGI_WAREHOUSE"]) as con:
        flags = con.execute("SELECT report_year, breaks_carried_link, breaks_in_force_link, breaks_level "
                            "FROM marts.fct_town_year ORDER BY report_year").fetchall()
    # 2021 has no previous year to check against: null, not false.
    assert flags == [(2021, None, None, None), (2022, False, False, False), (2023, True, False, False),
                     (2024, False, False, False), (2025, False, False, False)]
    # The HTML report counts them: 4 links, 8 in-force comparisons (rules and normdocs), and the
    # headline figures of at least 10 in both years (requests received and decided: 2022–2025).
    report = (ogi_env["OGI_EXPORT_DIR"] / "report.html").read_text(encoding="utf-8")
    assert "carried_link 1 of 4, in_force_link 0 of 8, level_break 0 of 7" in report


def test_review_lists_the_break_with_the_command_and_a_correction_moves_it_to_a_break_of_level(
        panel_raw, tmp_path):
    env = {name: value for name, value in os.environ.items() if not name.startswith(("OGI_", "DAGSTER_"))}
    env = {**env, "OGI_DATA_DIR": str(tmp_path / "data"), "OGI_RAW_DIR": str(panel_raw)}

    def ogi(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(OGI), *args], capture_output=True, text=True, env=env, timeout=300)

    assert ogi("build").returncode == 0
    with connect_read_only(tmp_path / "data" / "warehouse.duckdb") as con:
        [(key_2023,)] = con.execute("SELECT report_key FROM marts.dim_report WHERE report_year = 2023").fetchall()
        [(key_2024,)] = con.execute("SELECT report_key FROM marts.dim_report WHERE report_year = 2024").fetchall()
    queue = ogi("review", "--kind", "cross_year_break")
    assert queue.returncode == 0, queue.stderr
    assert queue.stdout.splitlines()[1:] == [
        f"1. cross_year_break — 清泉镇 2023 (report {key_2023}, 清泉镇2023.txt)",
        "   req_carried_over_in = 1",
        "   evidence: 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1  ⟷  2022: "
        "四、结转下年度继续办理 | 4 | 0 | 0 | 0 | 0 | 0 | 4 (report "
        + _key(tmp_path, 2022) + ")",
        "   why: carried_link: carried forward at the end of 2022: 4; carried over into 2023: 1",
        f"   fix: ogi correct {key_2023} req_carried_over_in --value VALUE --who NAME "
        "--why \"what the report says\"",
    ]

    # The team decides 2023's figure is right (the 2022 report miscounted) and marks the report;
    # and a reader corrects 2024's requests to 150: a break of level against 2023's 14.
    marked = ogi("review", "--mark-reviewed", key_2023, "--who", "王研究员", "--note", "2022 miscounted")
    assert marked.returncode == 0, marked.stderr
    corrected = ogi("correct", key_2024, "req_received", "--value", "150", "--who", "李", "--why", "test of a break")
    assert corrected.returncode == 0, corrected.stderr
    assert ogi("build").returncode == 0
    assert ogi("review", "--kind", "cross_year_break").stdout.splitlines()[0].startswith("1 item(s)")
    # Against the organ's own history (the median of 10, 12, 14, 150 and 16 is 14), ranked after the
    # break of level (the rank is in the whole queue).
    outliers = ogi("review", "--kind", "outlier").stdout.splitlines()
    assert outliers[1:] == [
        f"2. outlier — 清泉镇 2024 (report {key_2024}, 清泉镇2024.txt)",
        "   req_received = 150",
        "   evidence: 一、本年新收政府信息公开申请数量 | 15 | 0 | 0 | 0 | 0 | 0 | 15",
        "   why: req_received 2024: 150, median of the organ's 5 years: 14",
        f"   fix: ogi correct {key_2024} req_received --value VALUE --who NAME --why \"what the report says\"",
    ]
    levels = [row for row in _checks(tmp_path / "data" / "warehouse.duckdb")
              if row[0] == "level_break" and not row[6]]
    assert [(row[2], row[3], row[4]) for row in levels] == [(2024, 14.0, 150.0)]
    with connect_read_only(tmp_path / "data" / "warehouse.duckdb") as con:
        assert con.execute("SELECT review_state, reviewed_by FROM marts.dim_report WHERE report_key = $key",
                           {"key": key_2023}).fetchone() == ("reviewed", "王研究员")


def _key(tmp_path: Path, year: int) -> str:
    with connect_read_only(tmp_path / "data" / "warehouse.duckdb") as con:
        return con.execute("SELECT report_key FROM marts.dim_report WHERE report_year = $year",
                           {"year": year}).fetchone()[0]
