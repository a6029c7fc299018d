"""Silence as data: publication dates against legal deadlines, and the organs that did not publish."""
from __future__ import annotations

import shutil
from datetime import date

import pytest

from ogi.warehouse.connection import connect_read_only
from ogi.warehouse.settings import SAMPLE_CORPUS

# 滨江区 (杭州市) had three townships in 2018: 长河街道, 西兴街道 and 浦沿街道. Only 长河街道 publishes.
TOWN_2018 = """杭州市滨江区长河街道2018年政府信息公开工作年度报告
一、概述
2018年，长河街道认真贯彻《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。
二、主动公开政府信息情况
全年主动公开政府信息86条。
三、依申请公开政府信息情况
全年未收到政府信息公开申请。
长河街道办事处
2019年4月2日
"""
DEPARTMENT_2020 = """杭州市滨江区财政局2020年政府信息公开工作年度报告
一、总体情况
2020年，区财政局认真贯彻落实《中华人民共和国政府信息公开条例》。全年主动公开政府信息120条。
二、收到和处理政府信息公开申请情况
全年共收到政府信息公开申请2件，均予以公开。
杭州市滨江区财政局
2021年2月5日
"""


@pytest.fixture
def warehouse(tmp_path, ogi_env, build):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE_CORPUS / "002_bfaacea65ec70e8f.txt", raw)
    (raw / "changhe_2018.txt").write_text(TOWN_2018, encoding="utf-8")
    (raw / "finance_2020.txt").write_text(DEPARTMENT_2020, encoding="utf-8")
    assert build(raw).success
    con = connect_read_only(ogi_env["OGI_WAREHOUSE"])
    yield con
    con.close()


def _publication(con, body_name: str, year: int) -> tuple:
    return con.execute("""
        SELECT pub.publish_date, pub.publish_date_source, pub.deadline, pub.days_late
        FROM marts.fct_publication AS pub JOIN marts.dim_report AS report USING (report_key)
        WHERE report.body_name = $name AND pub.report_year = $year""", {"name": body_name, "year": year}).fetchone()


def test_a_report_published_before_the_deadline_is_on_time(warehouse):
    # 北大湖镇's 2017 report is dated （2018年1月10日）; the 2008 regulation's deadline is 3月31日.
    assert _publication(warehouse, "北大湖镇", 2017) == (date(2018, 1, 10), "text", date(2018, 3, 31), -80)


def test_late_reports_are_late_by_the_deadline_of_their_regime(warehouse):
    # A township's 2018 report signed 2019年4月2日: two days after 3月31日.
    assert _publication(warehouse, "长河街道", 2018) == (date(2019, 4, 2), "text", date(2019, 3, 31), 2)
    # A department's 2020 report (2019 regulation, art. 49: 1月31日) signed 2021年2月5日.
    assert _publication(warehouse, "杭州市滨江区财政局", 2020) == (date(2021, 2, 5), "text", date(2021, 1, 31), 5)


def test_organs_that_did_not_publish_are_rows_and_coverage_counts_them(warehouse):
    rows = warehouse.execute("""
        SELECT town.name, pub.has_report
        FROM marts.fct_publication AS pub
        JOIN marts.dim_town AS town
            ON town.town_key = pub.town_key
           AND pub.report_year BETWEEN coalesce(year(town.valid_from), pub.report_year)
                                   AND coalesce(year(town.valid_to), pub.report_year)
        WHERE pub.report_year = 2018 AND town.county = '滨江区' AND town.level = 'town'
        ORDER BY town.name""").fetchall()
    assert rows == [("浦沿街道", False), ("西兴街道", False), ("长河街道", True)]
    coverage = warehouse.execute("""
        SELECT expected, published, coverage, late FROM marts.fct_publication_coverage
        WHERE report_year = 2018 AND county = '滨江区' AND level = 'town'""").fetchone()
    assert coverage == (3, 1, 1 / 3, 1)
