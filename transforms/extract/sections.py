"""The document structure, read once: top-level headings (一、… 十、…, or Markdown ``#`` headings) with
their positions and section codes (transforms/grammar/sections.tsv). The parser asks which section a
number stands in (``section_at``); completeness asks which sections a report has (``sections_of``).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from ogi.transforms.anchored import anchored
from ogi.transforms.grammar import alternation, pattern, rows

_HEADING = anchored(
    r"(?:^|(?<=[\n。:|]))\s*(?:#{1,6}\s*)?(?:[一二三四五六七八九十]{1,2}[、.]|(?<=#)\s)\s*(?P<title>[^\n。,]{2,30})"
)
# Rows of the 2019/2021 table 3 look like headings (一、本年新收…) but are not sections.
_TABLE_ROW = pattern("{TABLE_ROW_HEADING}")
_SECTION_WORDS = [
    (code, re.compile(alternation(r["word"] for r in rows("sections") if r["section"] == code)))
    for code in dict.fromkeys(r["section"] for r in rows("sections"))
]
_HOME = {r["indicator"]: frozenset(r["sections"].split()) for r in rows("homes")}


@dataclass(frozen=True)
class Heading:
    at: int  # where the heading begins (its numeral or #), in normalised text
    start: int  # where the title begins
    title: str  # up to the first comma, full stop or line end ("依申请公开情况:无" keeps its colon)
    section: str | None  # the section code, None for a heading of no known section


def _section(title: str) -> str | None:
    name = title.split(":")[0]
    return next((code for code, words in _SECTION_WORDS if words.search(name)), None)


def headings(text: str) -> list[Heading]:
    found = []
    for m in _HEADING.finditer(text):
        if not _TABLE_ROW.search(m["title"]):
            at = m.start() + len(m.group()) - len(m.group().lstrip())
            found.append(Heading(at, m.start("title"), m["title"], _section(m["title"])))
    return found


def section_at(found: list[Heading]) -> Callable[[int], Heading | None]:
    """A function giving the top-level heading whose section contains a position (None before any)."""
    starts = [h.start for h in found]

    def heading_at(pos: int) -> Heading | None:
        i = bisect.bisect_right(starts, pos) - 1
        return found[i] if i >= 0 else None

    return heading_at


def sections_of(found: list[Heading]) -> tuple[str, ...]:
    """The section codes a report has, in the order of sections.tsv."""
    present = {h.section for h in found}
    return tuple(code for code, _ in _SECTION_WORDS if code in present)


def in_home_section(indicator: str, heading: Heading | None) -> bool:
    """The number stands in the section the official structure assigns to its indicator."""
    return heading is not None and heading.section in _HOME.get(indicator, ())
