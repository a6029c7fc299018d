"""What a report covers: which sections (and table rows) it has — the structure art. 32 (2008) and art. 50 (2019)
prescribe, read from its top-level headings (一、… 十、…), so that a figure's absence can be told
apart (the section is missing, the text was cut off, or the section is there and says nothing) — and
the statistics period it states (统计期限自2017年1月1日起至2017年12月31日止).
"""
from __future__ import annotations

import re
from datetime import date

from transforms.anchored import anchored
from transforms.model import Structure

# Section codes of report-formats.md §2.1 and §4.2, in the order they are tried: a heading such as
# 因政府信息公开申请行政复议… names a request but is the review section; 依申请公开信息收取的费用 is fees.
_SECTIONS = (
    ("sec_overview", re.compile(r"概述|总体情况|基本(?:工作)?情况|工作概况")),
    ("sec_proactive", re.compile(r"主动公开")),
    ("sec_review_litigation", re.compile(r"复议|诉讼|申诉|投诉")),
    ("sec_fees", re.compile(r"收费|费用")),
    ("sec_response", re.compile(r"回应|解读|关切")),
    ("sec_requests", re.compile(r"申请")),
    ("sec_capacity", re.compile(r"机构建设|保障经费|培训|会议")),
    ("sec_problems", re.compile(r"问题|改进|不足|打算")),
    ("sec_other", re.compile(r"其他|需要说明|需要报告")),
)
_HEADING = anchored(
    r"(?:^|(?<=[\n。:|]))\s*[一二三四五六七八九十]{1,2}[、.]\s*(?P<title>[^\n。,:]{2,30})",
)
# Rows of the 2019/2021 table 3 look like headings (一、本年新收…) but are not sections.
_TABLE_ROW = re.compile(r"申请数量|办理结果|结转下年")


# Row labels of the 2019/2021 table 3, by the headline indicator they hold: a label present with no
# figure extracted is a blank cell (flattened tables drop empty cells), not silence.
_TABLE_ROWS = (
    ("req_received", re.compile(r"本年新收政府信息公开申请数量")),
    ("req_carried_over_in", re.compile(r"上年结转政府信息公开申请数量")),
    ("req_outcome_total", re.compile(r"\(七\)\s*总计")),
    ("req_carried_forward", re.compile(r"结转下年度继续办理")),
)


def structure_of(normalized: str) -> Structure:
    """The structure of a report from its normalised text (parse_report normalises once for all)."""
    rows = tuple(code for code, label in _TABLE_ROWS if label.search(normalized))
    return Structure(_sections(normalized), *_period(normalized), rows)


def _sections(normalized: str) -> tuple[str, ...]:
    found = set()
    for match in _HEADING.finditer(normalized):
        title = match["title"]
        if _TABLE_ROW.search(title):
            continue
        for code, pattern in _SECTIONS:
            if pattern.search(title):
                found.add(code)
                break
    return tuple(code for code, _ in _SECTIONS if code in found)


# "自2017年1月1日起至2017年12月31日止", "2017年1月1日至2017年12月14日": the first such pair.
_PERIOD = re.compile(
    r"(?P<y1>(?:19|20)\d\d)年(?P<m1>\d{1,2})月(?P<d1>\d{1,2})日(?:起)?(?:至|到|-|—|~)"
    r"(?P<y2>(?:19|20)\d\d)年(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日"
)


def _period(normalized: str) -> tuple[date | None, date | None]:
    match = _PERIOD.search(normalized)
    if not match:
        return None, None
    try:
        return (date(int(match["y1"]), int(match["m1"]), int(match["d1"])),
                date(int(match["y2"]), int(match["m2"]), int(match["d2"])))
    except ValueError:  # "2017年2月30日": a typo, not a date
        return None, None
