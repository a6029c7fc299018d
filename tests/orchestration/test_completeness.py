"""A missing requests section, a stated zero and a truncated text are three different things."""
from __future__ import annotations

from ogi.warehouse.connection import connect_read_only

_HEAD = "梅河口市{name}2017年政府信息公开工作年度报告\n一、概述\n2017年，我镇认真贯彻《中华人民共和国政府信息公开条例》。\n"
_PROACTIVE = "二、主动公开政府信息情况\n全年主动公开政府信息50条。\n"
REPORTS = {
    # States zero requests under its own heading.
    "zero.txt": _HEAD.format(name="康大营镇") + _PROACTIVE + "三、依申请公开情况：无\n四、存在的主要问题及改进情况\n加强培训。\n",
    # Complete, but has no requests section at all.
    "missing.txt": _HEAD.format(name="新合镇") + _PROACTIVE + "三、存在的主要问题及改进情况\n加强培训。\n",
    # A 2021-format table whose requests rows lost their (empty) cells when flattened.
    "blank.txt": _HEAD.format(name="红梅镇") + _PROACTIVE + "三、收到和处理政府信息公开申请情况\n"
    "申请人情况 | 自然人 | 总计\n一、本年新收政府信息公开申请数量 |\n二、上年结转政府信息公开申请数量 |\n",
    # Cut off in the middle of the proactive section, before any requests section.
    "cut.txt": _HEAD.format(name="山城镇") + "二、主动公开政府信息情况\n全年主动公开政府信息50条，其中通过政府网站公开",
}


def test_requests_status_tells_zero_missing_and_cut_off_apart(tmp_path, ogi_env, build):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, text in REPORTS.items():
        (raw / name).write_text(text, encoding="utf-8")
    assert build(raw).success
    with connect_read_only(ogi_env["OGI_WAREHOUSE"]) as con:
        rows = con.execute("""
            SELECT report.source_file, completeness.indicator_code, completeness.value, completeness.status
            FROM marts.fct_report_completeness AS completeness JOIN marts.dim_report AS report USING (report_key)
            WHERE completeness.indicator_code IN ('req_received', 'pd_items_total')
            ORDER BY ALL""").fetchall()
    assert rows == [
        ("blank.txt", "pd_items_total", 50.0, "stated"),
        ("blank.txt", "req_received", None, "blank_cell"),
        ("cut.txt", "pd_items_total", 50.0, "stated"),
        ("cut.txt", "req_received", None, "cut_off"),
        ("missing.txt", "pd_items_total", 50.0, "stated"),
        ("missing.txt", "req_received", None, "section_missing"),
        ("zero.txt", "pd_items_total", 50.0, "stated"),
        ("zero.txt", "req_received", 0.0, "explicit_zero"),
    ]
