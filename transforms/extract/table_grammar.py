"""The table grammar (transforms/grammar/table_rows.tsv, table_columns.tsv), compiled once.

Row labels and column headers are data keyed by catalog codes; this module turns them into the
patterns and layouts the table readers use.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ogi.transforms.grammar import rows


@dataclass(frozen=True)
class RowLabel:
    pattern: re.Pattern[str]
    indicator: str  # '' for 表二, whose indicator comes from the column
    dims: dict[str, str]
    unit: str | None  # a money row's unit when the table prints none


@dataclass(frozen=True)
class Column:
    indicator: str
    money_unit: str | None  # the unit a money column is stated in; None for counts


@dataclass(frozen=True)
class Layout:
    """One layout of a 表二 block (第二十条第(N)项): the columns a format gives it."""
    format_code: str
    header: re.Pattern[str] | None  # words of its column headers; None: the block has one layout
    columns: tuple[Column, ...]


_DIMENSIONS = ("channel", "outcome", "proceeding", "result", "doc_type", "matter")


def _row_labels(table: str) -> tuple[RowLabel, ...]:
    return tuple(
        RowLabel(re.compile(r["label"]), r["indicator"], {d: r[d] for d in _DIMENSIONS if r[d]}, r["unit"] or None)
        for r in rows("table_rows")
        if r["table"] == table
    )


def _column(spec: str) -> Column:
    indicator, _, unit = spec.partition(":")
    return Column(indicator, unit or None)


def _t2_layouts() -> dict[str, tuple[Layout, ...]]:
    layouts: dict[str, list[Layout]] = {}
    for r in rows("table_columns"):
        if r["table"] == "t2":
            header = re.compile(r["header"]) if r["header"] else None
            columns = tuple(_column(c) for c in r["codes"].split(","))
            layouts.setdefault(r["group"], []).append(Layout(r["format"], header, columns))
    return {block: tuple(found) for block, found in layouts.items()}


def _t4_axis(group: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(r["header"]), r["codes"]) for r in rows("table_columns") if r["table"] == "t4" and r["group"] == group
    )


T2_ROWS = _row_labels("t2")
T3_ROWS = _row_labels("t3")
STAT_ROWS = _row_labels("stat")
T2_LAYOUTS = _t2_layouts()
T4_PROCEEDINGS = _t4_axis("proceeding")
T4_RESULTS = _t4_axis("result")
T4_HEADINGS = _t4_axis("heading")
