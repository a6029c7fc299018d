"""Top-level section headings (一、… 十、…), to know which section states a number."""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from transforms.anchored import anchored

_HEADING = anchored(
    r"(?:^|(?<=[\n。:|]))\s*[一二三四五六七八九十]{1,2}、(?P<title>[^\n。,]{0,30})",
)
# Rows of 表三 look like headings (一、本年新收…) but are not sections.
_TABLE_ROW = re.compile(r"申请数量|办理结果|结转下年")

# Which section the official structures assign to each indicator (labeling rule 3).
_HOME_SECTION: list[tuple[str, re.Pattern[str]]] = [
    ("pd_", re.compile(r"主动公开")),
    ("normdocs_issued", re.compile(r"主动公开")),
    ("art20_", re.compile(r"主动公开")),
    ("resp_", re.compile(r"回应|解读|关切")),
    ("req_fee_collected", re.compile(r"收费|费用")),
    ("info_processing_fee", re.compile(r"其他|收费|费用")),
    ("req_", re.compile(r"申请")),
    ("appeal_count", re.compile(r"复议|诉讼|投诉|申诉")),
    ("org_dedicated_units", re.compile(r"机构|人员|保障")),
    ("reading_points", re.compile(r"机构|查阅|保障")),
    ("staff_", re.compile(r"机构|人员|保障")),
    ("budget_special", re.compile(r"经费|保障")),
    ("meetings", re.compile(r"会议|培训")),
    ("training_", re.compile(r"会议|培训")),
]


def section_titles(text: str) -> Callable[[int], str]:
    """A function giving the title of the top-level section containing a position ('' before any)."""
    starts: list[int] = []
    titles: list[str] = []
    for m in _HEADING.finditer(text):
        if _TABLE_ROW.search(m["title"]):
            continue
        starts.append(m.start("title"))
        titles.append(m["title"])

    def title_at(pos: int) -> str:
        i = bisect.bisect_right(starts, pos) - 1
        return titles[i] if i >= 0 else ""

    return title_at


def in_home_section(indicator: str, title: str) -> bool:
    for prefix, pattern in _HOME_SECTION:
        if indicator.startswith(prefix):
            return bool(pattern.search(title))
    return False
