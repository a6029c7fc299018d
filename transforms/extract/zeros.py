"""Explicit zeros in prose (labeling rule 2): 未收到申请, 没有发生行政复议、诉讼和申诉, 依申请公开情况:无.

The statements are the rows of transforms/grammar/zeros.tsv. Each finds the zero statement; the
evidence is the whole clause around it. A clause that also states a count ("对未公开信息提起行政复议1件")
is not a zero statement.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ogi.transforms.anchored import Anchored, anchored
from ogi.transforms.grammar import expand, pattern, phrase, rows

from . import Found
from .context import ReportContext, about_other_unit
from .vocabulary import APPEAL_WORDS, PROCEEDING_OF


@dataclass(frozen=True)
class _ZeroRule:
    indicator: str
    dims: dict[str, str]
    pattern: Anchored
    exclude: re.Pattern[str] | None  # not when the clause says this
    needs: re.Pattern[str] | None  # only when the clause or its section title says this


def _dims(spec: str) -> dict[str, str]:
    return dict(pair.split("=", 1) for pair in spec.split())


ZERO_RULES = [
    _ZeroRule(
        r["indicator"], _dims(r["dims"]), anchored(expand(r["pattern"])),
        pattern(r["exclude"]) if r["exclude"] else None, pattern(r["needs"]) if r["needs"] else None,
    )
    for r in rows("zeros")
]
_SECTION_ZEROS = [(r["section"], r["indicator"], _dims(r["dims"])) for r in rows("section_zeros")]
_NOTHING_AFTER_TITLE = phrase("NOTHING_AFTER_TITLE")
_NOTHING_IN_TITLE = phrase("NOTHING_IN_TITLE")
_CLAUSE_END = re.compile(r"[,。;!?\n]")
_COUNT = phrase("COUNT_IN_CLAUSE")


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(ch, 0, start) for ch in ",。;!?\n") + 1
    m = _CLAUSE_END.search(text, end)
    return left, (m.start() if m else len(text))


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(ch, 0, start) for ch in "。!?\n") + 1
    ends = [i for i in (text.find(ch, end) for ch in "。!?\n") if i >= 0]
    return text[left : min(ends) if ends else len(text)]


def _empty_sections(ctx: ReportContext) -> Iterator[Found]:
    """三、依申请公开情况：无 — a zero for the headline figures of the section (section_zeros.tsv)."""
    text = ctx.norm.text
    for heading in ctx.outline:
        end = heading.start + len(heading.title)
        if _NOTHING_IN_TITLE.search(heading.title):
            stop = end
        elif nothing := _NOTHING_AFTER_TITLE.match(text, end):
            stop = len(text[: nothing.end()].rstrip())  # the evidence ends at 无 (and its full stop)
        else:
            continue
        named = {PROCEEDING_OF[m.group()] for m in APPEAL_WORDS.finditer(heading.title)}
        for section, indicator, dims in _SECTION_ZEROS:
            if section != heading.section or ("proceeding" in dims and dims["proceeding"] not in named):
                continue  # a proceeding's zero only under a heading that names it (四、行政复议数量：无)
            yield ctx.found(indicator, 0, heading.at, stop, method="zero", method_rule="empty_section", confidence=0.7, **dims)


def zero_statements(ctx: ReportContext, section_title_at: Callable[[int], str]) -> Iterator[Found]:
    text = ctx.norm.text
    yield from _empty_sections(ctx)
    for rule in ZERO_RULES:
        for m in rule.pattern.finditer(text):
            start, end = _clause_bounds(text, m.start(), m.end())
            clause = text[start:end]
            if (rule.exclude and rule.exclude.search(clause)) or about_other_unit(ctx, clause) or _COUNT.search(clause):
                continue
            if rule.needs and not rule.needs.search(_sentence(text, start, end) + section_title_at(start)):
                continue
            dims = dict(rule.dims)
            if dims.get("outcome") == "denied":
                dims["outcome"] = "out_denied" if ctx.regime == "R19" else "old_denied"
            if rule.indicator != "appeal_count":
                yield ctx.found(rule.indicator, 0, start, end, method="zero", method_rule=rule.indicator, confidence=0.7, **dims)
                continue
            for proceeding in sorted({PROCEEDING_OF[a.group()] for a in APPEAL_WORDS.finditer(m.group())}):
                yield ctx.found(
                    "appeal_count", 0, start, end, method="zero", method_rule="appeal", confidence=0.7,
                    proceeding=proceeding, **dims,
                )
