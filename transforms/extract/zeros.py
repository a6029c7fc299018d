"""Explicit zeros in prose (labeling rule 2): 未收到申请, 没有发生行政复议、诉讼和申诉, 依申请公开情况:无.

Each rule finds the zero statement; the evidence is the whole clause around it. A clause that also
states a count ("对未公开信息提起行政复议1件") is not a zero statement.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from transforms.anchored import Anchored, anchored
from transforms.numbers import ZERO_WORD_FIRST, ZERO_WORDS

from . import Found
from .context import ReportContext, about_other_unit
from .vocabulary import APPEAL_WORDS, CONSULTATION

_Z = ZERO_WORDS
_ZERO_RULES: list[tuple[str, dict[str, str], re.Pattern[str] | Anchored, re.Pattern[str] | None]] = [
    ("req_received", {}, anchored(
        rf"{_Z}(?:收到|接到|接受|接收到|受理)(?:过)?[^,。;!?\n]{{0,30}}申请"
        rf"|(?:没有|无|未)(?:出现)?(?:任何)?(?:依申请公开|申请公开|(?:政府)?信息公开申请)"
        r"|(?:依申请公开|收到和处理)[^,。;:\n]{0,16}:\s*无(?![^,。;\n])",
        f"[{ZERO_WORD_FIRST}依收]",
    ), re.compile(r"复议|诉讼|咨询|收费|费用|投诉")),
    ("req_received", {}, anchored(
        r"(?:(?:收到|受理|新收)[^,。;!?\n]{0,20}申请|依申请公开|信息公开申请)[^,。;!?\n]{0,6}?(?:均)?(?:为|是)(?:零|0)(?![\d.%])",
        "[收受新依信]",
    ), re.compile(r"复议|诉讼|咨询")),
    # outcome "denied" becomes old_denied or out_denied by the regime; "没有应公开而不予公开的" is
    # about proactive disclosure, not a refused request
    ("req_outcome", {"outcome": "denied"}, re.compile(rf"{_Z}[^,。;!?\n]{{0,12}}不予公开"), re.compile(r"应|主动")),
    ("info_processing_fee", {}, re.compile(rf"{_Z}[^,。;!?\n]{{0,20}}信息处理费"), None),
    # "逾期未按收费通知要求缴纳费用" is a 表三 row label, not a fee statement
    ("req_fee_collected", {}, re.compile(rf"{_Z}[^,。;!?\n]{{0,24}}(?:收费|收取)"), re.compile(r"信息处理费|收费通知|缴纳")),
    ("resp_hot_topics", {}, re.compile(rf"{_Z}[^,。;!?\n]{{0,8}}回应[^,。;!?\n]{{0,12}}(?:热点|舆情)"), None),
    ("resp_press_conferences", {}, anchored(
        r"新闻发布会[。:]?(?:没有|未)(?:召开|举办)|(?:没有|未)(?:召开|举办)(?:过)?新闻发布会",
        "[新没未]",
    ), None),
    ("pd_items_by_channel", {"channel": "gazette"}, re.compile(
        r"(?:没有|未)(?:发放|发布|编印|印发)(?:政府)?公报"
    ), None),
]
_APPEAL_ZERO = anchored(
    # 未经复议直接起诉 and 尚未审结 are table 4 headers, not zero statements
    rf"{_Z}(?!经复议|审结)[^,。;!?\n]{{0,30}}?(?:复议|诉讼|申诉|申述|投诉|举报)[^,。;!?\n]*"
    r"|(?:行政复议|复议|行政诉讼|诉讼|举报投诉|投诉|申诉)[^,。;:\n]{0,20}:\s*无(?![^,。;\n])"
    r"|(?:行政复议|复议|行政诉讼|诉讼|举报投诉|投诉|申诉)[^,。;:\n]{0,20}?(?:均)?(?:为|是)(?:零|0)(?![\d.%])",
    f"[{ZERO_WORD_FIRST}行复诉举投申]",
)


# Requests and fees of the organ's other services are no disclosure zeros.
_DISCLOSURE_ONLY = {"req_received", "req_fee_collected"}
_CLAUSE_END = re.compile(r"[,。;!?\n]")
_COUNT = re.compile(r"(?<![\d.])[1-9]\d*\s*(?:件|起|宗|次|个|条)")


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(ch, 0, start) for ch in ",。;!?\n") + 1
    m = _CLAUSE_END.search(text, end)
    return left, (m.start() if m else len(text))


def zero_statements(ctx: ReportContext, section_title_at: Callable[[int], str]) -> Iterator[Found]:
    text = ctx.norm.text
    for indicator, dims, pattern, exclude in _ZERO_RULES:
        for m in pattern.finditer(text):
            start, end = _clause_bounds(text, m.start(), m.end())
            clause = text[start:end]
            if (exclude and exclude.search(clause)) or about_other_unit(ctx, clause) or _COUNT.search(clause):
                continue
            if indicator in _DISCLOSURE_ONLY and "公开" not in clause + section_title_at(start):
                continue  # 未收到法律援助申请: another service of the organ
            resolved = dict(dims)
            if resolved.get("outcome") == "denied":
                resolved["outcome"] = "out_denied" if ctx.regime == "R19" else "old_denied"
            yield ctx.found(indicator, 0, start, end, method=f"prose:zero:{indicator}", confidence=0.7, **resolved)
    for m in _APPEAL_ZERO.finditer(text):
        start, end = _clause_bounds(text, m.start(), m.end())
        clause = text[start:end]
        if about_other_unit(ctx, clause) or CONSULTATION.search(clause) or _COUNT.search(clause):
            continue
        for proceeding in sorted({a.lastgroup for a in APPEAL_WORDS.finditer(m.group()) if a.lastgroup}):
            yield ctx.found(
                "appeal_count", 0, start, end, method="prose:zero:appeal", confidence=0.7,
                proceeding=proceeding, result="total",
            )
