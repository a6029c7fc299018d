"""Rows of the 2008-regime statistics tables: the national T14 table and local L08 tables.

A row is a label, often a unit cell (条/件/次/万元…), and one number: '(一)收到申请数 | 件 | 5'.
Rows with several numbers (tables split by level: 区政府/区直单位/乡镇) cannot be attributed to
the organ and give nothing. The sub-rows 维持/纠错/其他情形 belong to the last 行政复议 or 行政诉讼
row before them.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ogi.transforms.grammar import pattern, phrase
from ogi.transforms.numbers import to_yuan

from . import Found
from .cells import Row, label_start, plain, read_cells, read_rows, rightmost
from .context import ReportContext
from .table_grammar import STAT_ROWS

# Row labels, indicators and dims: transforms/grammar/table_rows.tsv (table "stat").
_PATTERNS = [(label.pattern, label) for label in STAT_ROWS]
_CODE_HEADER = phrase("CODE_HEADER")
_PROCEEDING_PATTERNS = [(label.pattern, label.dims["proceeding"]) for label in STAT_ROWS if "proceeding" in label.dims]
_MONEY_IN_LABEL = phrase("MONEY_IN_LABEL")
_UNIT_CELL = pattern("{U_CELL}$")


_MAX_LABEL = 40
_ROW_LABEL = phrase("ROW_LABEL")


def _named_by_a_paragraph(row: Row, key_pattern: re.Pattern[str]) -> bool:
    """A row label is short; a paragraph that mentions a label ('…举办各类培训班数2次…') followed by
    a bare number line (a page number) is no row."""
    cell = next((c for c in reversed(row.labels) if key_pattern.search(plain(c.label or ""))), None)
    return cell is not None and len(plain(cell.label or "")) > _MAX_LABEL


def _label_of_a_later_row(row: Row, key_pattern: re.Pattern[str]) -> bool:
    """The row's value belongs to a later label: the matched row's own value cell was blank and
    vanished, so its label was gathered with the next row's ('1.参加或举办新闻发布会总次数 | 次 |'
    then '其中:主要负责同志参加新闻发布会次数 | 次 | 1')."""
    labels = [plain(c.label or "") for c in row.labels]
    matched = max((i for i, lab in enumerate(labels) if key_pattern.search(lab)), default=None)
    if matched is None:
        return False
    return any(_ROW_LABEL.search(lab) and not _UNIT_CELL.fullmatch(lab) for lab in labels[matched + 1 :])


def extract_stat_rows(ctx: ReportContext) -> Iterator[Found]:
    text = ctx.norm.text
    # Local tables number their rows in a 代码 column ("主动公开信息数 | 条 | 01 | 86")
    has_code_column = bool(_CODE_HEADER.search(text))
    proceeding: str | None = None
    # one value column: a value glued to its label ("收到申请数件5" after space folding) is read too
    for row in read_rows(read_cells(text, 0, len(text), 1)):
        cells = row.cells
        if has_code_column and re.fullmatch(r"\d\d", text[cells[0].start : cells[0].end]):
            # every row has its code; a row with the code alone had its value cell blank
            cells = cells[1:] if len(cells) == 2 else ()
        label = plain(row.label)
        hit = rightmost(_PATTERNS, label)
        if hit is None:
            continue
        indicator, dims = hit.indicator, dict(hit.dims)
        # a 行政诉讼 row whose value cell is blank still opens its block: its label is gathered
        # into the next row's ("五、行政诉讼数量件(一)维持…")
        opened = rightmost(_PROCEEDING_PATTERNS, label)
        if opened is not None:
            proceeding = opened
        if "proceeding" in dims:
            proceeding = dims["proceeding"]
        elif indicator == "appeal_count":
            if proceeding is None:
                continue
            dims["proceeding"] = proceeding
        key_pattern = hit.pattern
        if (
            len(cells) != 1
            or cells[0].value is None
            or _label_of_a_later_row(row, key_pattern)
            or _named_by_a_paragraph(row, key_pattern)
        ):
            continue
        value = cells[0].value
        if hit.unit:
            # the table's own unit (T14: 万元) unless a unit cell or the value cell says otherwise
            unit_cell = next((c.label for c in reversed(row.labels) if c.label and _UNIT_CELL.search(c.label)), hit.unit)
            in_label = _MONEY_IN_LABEL.findall(row.label)
            unit = cells[0].unit or (in_label[-1] if in_label else ("万元" if unit_cell.endswith("万元") else "元"))
            value = to_yuan(value, unit)
        yield ctx.found(
            indicator, value, label_start(row, key_pattern), row.end,
            method="stat_row", unit="元" if hit.unit else None, confidence=0.9,
            from_table=True, raw_label=row.raw_label, **dims,
        )
