"""Sections and the statistics period a report states."""
from __future__ import annotations

from datetime import date

import pytest

from ogi.transforms.parse import parse_report


def report_structure(text: str):
    return parse_report(text).structure


@pytest.mark.parametrize(
    ("text", "sections"),
    [
        ("一、概述\n…\n二、主动公开政府信息情况\n…\n三、依申请公开政府信息情况\n…\n"
         "四、政府信息公开的收费及减免情况\n…\n五、因政府信息公开申请行政复议、提起行政诉讼的情况\n…\n"
         "六、存在的主要问题及改进情况\n…\n七、其他需要报告的事项\n",
         ("sec_overview", "sec_proactive", "sec_review_litigation", "sec_fees", "sec_requests",
          "sec_problems", "sec_other")),
        # 2019/2021 format: table 3 rows look like headings but are not sections.
        ("一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
         "一、本年新收政府信息公开申请数量 | 3\n四、结转下年度继续办理 | 0\n四、政府信息公开行政复议、行政诉讼情况\n",
         ("sec_overview", "sec_proactive", "sec_review_litigation", "sec_requests")),
        # Traditional characters and a heading run into the text after 。
        ("前言。一、基本工作情況：略。二、回應解讀情況：全年政策解讀3次。", ("sec_overview", "sec_response")),
        ("全年主动公开政府信息20条。", ()),
    ],
)
def test_sections_come_from_top_level_headings(text, sections):
    assert report_structure(text).sections == sections


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("本报告所列数据的统计期限自2018年1月1日起至2018年12月31日止。", (date(2018, 1, 1), date(2018, 12, 31))),
        ("统计时间为2018年1月1日至2018年12月14日。", (date(2018, 1, 1), date(2018, 12, 14))),
        ("数据统计期限自201211日起至20121231日止", (None, None)),  # garbled on a mirror: no guess
        ("统计期限自2018年2月30日起至2018年12月31日止", (None, None)),
        ("2018年，我镇扎实开展工作。", (None, None)),
    ],
)
def test_the_statistics_period_is_read_only_when_stated_whole(text, period):
    structure = report_structure(text)
    assert (structure.period_start, structure.period_end) == period


def test_table_rows_are_found_by_their_labels_even_without_figures():
    text = "一、本年新收政府信息公开申请数量 |\n（七）总计 | 3 | 3\n四、结转下年度继续办理\n"
    assert report_structure(text).table_rows == ("req_received", "req_outcome_total", "req_carried_forward")
