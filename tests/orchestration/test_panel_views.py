"""A fixture panel (reports written for the test, 2016–2021, one organ) proves the year-over-year
and harmonised-outcome views with values computed by hand."""
from __future__ import annotations

import pytest

from ogi.warehouse.connection import connect_read_only

_HEAD = "梅河口市康大营镇{year}年政府信息公开工作年度报告\n一、概述\n{year}年，我镇认真贯彻《中华人民共和国政府信息公开条例》。\n"
REPORTS = {
    2016: "二、主动公开政府信息情况\n全年主动公开政府信息100条。\n三、依申请公开政府信息情况\n"
          "全年共受理政府信息公开申请10件，其中同意公开8件，同意部分公开1件，不同意公开1件。\n",
    2017: "二、主动公开政府信息情况\n全年主动公开政府信息120条。\n三、依申请公开政府信息情况\n"
          "全年共受理政府信息公开申请5件，其中同意公开5件。\n",
    # No report for 2018 and 2019.
    2020: "二、主动公开政府信息情况\n全年主动公开政府信息90条。\n三、依申请公开情况\n全年未收到政府信息公开申请。\n",
    2021: "（一）主动公开。全年主动公开政府信息150条。\n（二）依申请公开。全年共收到政府信息公开申请4件，"
          "上年结转0件。其中予以公开2件，部分公开1件，无法提供1件，结转下年度继续办理0件。\n",
}


@pytest.fixture
def panel(tmp_path, ogi_env, build):
    raw = tmp_path / "raw"
    raw.mkdir()
    for year, body in REPORTS.items():
        (raw / f"{year}.txt").write_text(_HEAD.format(year=year) + body, encoding="utf-8")
    assert build(raw).success
    con = connect_read_only(ogi_env["OGI_WAREHOUSE"])
    yield con
    con.close()


def test_year_over_year_change_compares_with_the_previous_year_only(panel):
    rows = panel.execute("""
        SELECT report_year, value, previous_value, change, round(change_ratio, 4)
        FROM marts.fct_town_year_change WHERE measure = 'pd_items_total' ORDER BY report_year""").fetchall()
    assert rows == [
        (2016, 100.0, None, None, None),
        (2017, 120.0, 100.0, 20.0, 0.2),
        (2020, 90.0, None, None, None),  # 2019 has no report: no change, not a change from 0
        (2021, 150.0, 90.0, 60.0, 0.6667),
    ]


def test_the_panel_follows_one_organ_and_keeps_missing_years_as_rows(panel):
    assert panel.execute("SELECT count(DISTINCT town_key) FROM marts.fct_town_year").fetchone() == (1,)
    rows = panel.execute("""
        SELECT report_year, has_report FROM marts.fct_publication
        WHERE town_key = (SELECT DISTINCT town_key FROM marts.fct_town_year)
        ORDER BY report_year""").fetchall()
    assert rows == [(2016, True), (2017, True), (2018, False), (2019, False), (2020, True), (2021, True)]


def test_harmonised_outcome_shares_across_the_2019_break(panel):
    rows = panel.execute("""
        SELECT report_year, regime, h_outcome, requests, round(share, 4)
        FROM marts.fct_outcome_shares ORDER BY report_year, h_outcome""").fetchall()
    assert rows == [
        (2016, "R07", "h_disclosed", 8.0, 0.8),
        (2016, "R07", "h_partial", 1.0, 0.1),
        (2016, "R07", "h_withheld", 1.0, 0.1),
        (2017, "R07", "h_disclosed", 5.0, 1.0),
        (2021, "R19", "h_disclosed", 2.0, 0.5),
        (2021, "R19", "h_partial", 1.0, 0.25),
        (2021, "R19", "h_unavailable", 1.0, 0.25),
    ]
