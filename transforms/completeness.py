"""What a report covers: which sections (and table rows) it has — the structure art. 32 (2008) and art. 50 (2019)
prescribe, read from its top-level headings (transforms/extract/sections.py), so that a figure's absence can be told
apart (the section is missing, the text was cut off, or the section is there and says nothing) — and
the statistics period it states (统计期限自2017年1月1日起至2017年12月31日止).
"""
from __future__ import annotations

from datetime import date

from ogi.transforms.extract.sections import Heading, sections_of
from ogi.transforms.grammar import phrase
from ogi.transforms.model import Structure

# Row labels of the 2019/2021 table 3, by the headline indicator they hold: a label present with no
# figure extracted is a blank cell (flattened tables drop empty cells), not silence.
_TABLE_ROWS = (
    ("req_received", phrase("T3_RECEIVED_LABEL")),
    ("req_carried_over_in", phrase("T3_CARRIED_IN_LABEL")),
    ("req_outcome_total", phrase("T3_TOTAL_LABEL")),
    ("req_carried_forward", phrase("T3_CARRIED_FORWARD_LABEL")),
)


def structure_of(normalized: str, outline: list[Heading]) -> Structure:
    """The structure of a report from its normalised text and its headings (parse_report reads
    both once for all)."""
    rows = tuple(code for code, label in _TABLE_ROWS if label.search(normalized))
    return Structure(sections_of(outline), *_period(normalized), rows)


# The first statistics period the text states.
_PERIOD = phrase("PERIOD")


def _period(normalized: str) -> tuple[date | None, date | None]:
    match = _PERIOD.search(normalized)
    if not match:
        return None, None
    try:
        return (date(int(match["y1"]), int(match["m1"]), int(match["d1"])),
                date(int(match["y2"]), int(match["m2"]), int(match["d2"])))
    except ValueError:  # "2017年2月30日": a typo, not a date
        return None, None
