"""Explicit zeros in prose (labeling rule 2): 未收到申请, 没有发生行政复议、诉讼和申诉, 依申请公开情况:无.

The statements are the rows of transforms/grammar/zeros.tsv. Each finds the zero statement; the
evidence is the whole clause around it. A clause that also states a count ("对未公开信息提起行政复议1件")
is not a zero statement.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from transforms.anchored import Anchored, anchored
from transforms.grammar import expand, pattern, rows

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
_CLAUSE_END = re.compile(r"[,。;!?\n]")
_COUNT = re.compile(r"(?<![\d.])[1-9]\d*\s*(?:件|起|宗|次|个|条)")


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(ch, 0, start) for ch in ",。;!?\n") + 1
    m = _CLAUSE_END.search(text, end)
    return left, (m.start() if m else len(text))


def zero_statements(ctx: ReportContext, section_title_at: Callable[[int], str]) -> Iterator[Found]:
    text = ctx.norm.text
    for rule in ZERO_RULES:
        for m in rule.pattern.finditer(text):
            start, end = _clause_bounds(text, m.start(), m.end())
            clause = text[start:end]
            if (rule.exclude and rule.exclude.search(clause)) or about_other_unit(ctx, clause) or _COUNT.search(clause):
                continue
            if rule.needs and not rule.needs.search(clause + section_title_at(start)):
                continue
            dims = dict(rule.dims)
            if dims.get("outcome") == "denied":
                dims["outcome"] = "out_denied" if ctx.regime == "R19" else "old_denied"
            if rule.indicator != "appeal_count":
                yield ctx.found(rule.indicator, 0, start, end, method=f"prose:zero:{rule.indicator}", confidence=0.7, **dims)
                continue
            for proceeding in sorted({PROCEEDING_OF[a.group()] for a in APPEAL_WORDS.finditer(m.group())}):
                yield ctx.found(
                    "appeal_count", 0, start, end, method="prose:zero:appeal", confidence=0.7,
                    proceeding=proceeding, **dims,
                )
