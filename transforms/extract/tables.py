"""Readers for the F19/F21 tables (表二 主动公开, 表三 申请, 表四 复议诉讼) as they survive flattening.

Cells are read by their place in the table's known grid (rows and columns from
transforms/grammar/table_rows.tsv and table_columns.tsv). In the stream of cells blank cells
vanish, so a row there gives values only when it has exactly the cells its layout expects (a
short row cannot be aligned and gives nothing, labeling rule 8); a row on one '|' line keeps its
blank cells in their places and is read by position.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

from ogi.transforms.grammar import phrase
from ogi.transforms.numbers import to_yuan

from . import Found
from .cells import (
    Cell, label_cell, label_start, plain, read_cells, read_rows, rightmost, rows_with_blank_cells, with_blank_cells,
)
from .context import ReportContext
from .table_grammar import T2_LAYOUTS, T2_ROWS, T3_ROWS, T4_HEADINGS, T4_PROCEEDINGS, T4_RESULTS, Column


# --- 表二 ------------------------------------------------------------------------------------

_T3_START = phrase("T3_START")
_T2_BLOCK = phrase("T2_BLOCK")
_T2_KEYS = [(label.pattern, label) for label in T2_ROWS]
_HEADER_UNIT = phrase("HEADER_UNIT")


def _t2_columns(block: str, header: str, format_code: str) -> tuple[Column, ...] | None:
    """The columns of a 表二 block: the layout its headers name, else its format's, else its only one."""
    layouts = T2_LAYOUTS.get(block)
    if not layouts:
        return None
    for layout in layouts:
        if layout.header is not None and layout.header.search(header):
            return layout.columns
    for layout in layouts:
        if layout.format_code == format_code:
            return layout.columns
    return layouts[0].columns


def _money(value: float, cell_unit: str | None, column_unit: str) -> float:
    """A unit written in the cell ('251000元') wins over the column's."""
    return to_yuan(value, cell_unit if cell_unit in ("元", "万元") else column_unit)


def _table2(ctx: ReportContext, start: int, end: int, format_code: str) -> Iterator[Found]:
    text = ctx.norm.text
    blocks = [(m.start(), m.group(1) or m.group(2)) for m in _T2_BLOCK.finditer(text, start, end)]
    for i, (block_start, block) in enumerate(blocks):
        block_end = blocks[i + 1][0] if i + 1 < len(blocks) else end
        # the block's column headers decide its layout (row labels hold none of their words)
        header = plain(text[block_start:block_end])
        columns = _t2_columns(block, header, format_code)
        if columns is None:
            continue
        written_unit = _HEADER_UNIT.search(header)
        stream = read_rows(read_cells(text, block_start, block_end, len(columns)))
        rows = chain(
            rows_with_blank_cells(text, block_start, block_end, len(columns)),
            (r for r in stream if len(r.cells) == len(columns)),
        )
        for row in rows:
            label = rightmost(_T2_KEYS, plain(row.label))
            if label is None:
                continue
            evidence_start = label_start(row, label.pattern)
            for cell, column in zip(row.cells, columns):
                if cell.value is None:
                    continue
                value = cell.value
                if column.money_unit:
                    value = _money(value, cell.unit, written_unit[1] if written_unit else column.money_unit)
                yield ctx.found(
                    column.indicator, value, evidence_start, row.end, method="table", method_rule=f"{format_code}:t2",
                    unit="元" if column.money_unit else None, confidence=0.95, from_table=True,
                    raw_label=row.raw_label, **label.dims,
                )


# --- 表三 ------------------------------------------------------------------------------------

_T3_KEYS = [(label.pattern, label) for label in T3_ROWS]
_T3_COLUMNS = 7  # 自然人, 5 法人或其他组织 columns, 总计: gold labels the 总计 column only


def _table3_rows_with_blanks(ctx: ReportContext, start: int, end: int, format_code: str) -> Iterator[Found]:
    """Whole rows on one line, 'label | c1 | … | 总计', where blank cells keep their place: the
    总计 cell is the last one even when other cells are blank (the stream reader cannot align them)."""
    text = ctx.norm.text
    for row in rows_with_blank_cells(text, start, end, _T3_COLUMNS):
        total = row.cells[-1]
        key = rightmost(_T3_KEYS, plain(row.label))
        if key is None or not re.fullmatch(r"\d+", text[total.start : total.end]):
            continue
        named = label_cell(row, key.pattern) or row.labels[0]
        yield ctx.found(
            key.indicator, total.value, named.start, row.end, method="table", method_rule=f"{format_code}:t3",
            confidence=0.9, from_table=True, raw_label=named.label, **key.dims,
        )


def _table3(ctx: ReportContext, start: int, end: int, format_code: str) -> Iterator[Found]:
    text = ctx.norm.text
    yield from _table3_rows_with_blanks(ctx, start, end, format_code)
    for row in read_rows(read_cells(text, start, end, _T3_COLUMNS)):
        key = rightmost(_T3_KEYS, plain(row.label))
        if key is None or len(row.cells) != _T3_COLUMNS or row.cells[-1].value is None:
            continue
        evidence_start = label_start(row, key.pattern)
        yield ctx.found(
            key.indicator, row.cells[-1].value, evidence_start, row.end, method="table", method_rule=f"{format_code}:t3",
            confidence=0.95, from_table=True, raw_label=row.raw_label, **key.dims,
        )


# --- 表四 ------------------------------------------------------------------------------------

_T4_START = phrase("T4_START")
_T4_LAYOUT = [(proceeding, result) for _, proceeding in T4_PROCEEDINGS for _, result in T4_RESULTS]
_T4_RESULTS = len(T4_RESULTS)
_T4_WORDS = [pattern for pattern, _ in (*T4_PROCEEDINGS, *T4_HEADINGS, *T4_RESULTS)]
# a header set one character per cell or per line ("结 结 其 尚", "果 果 他 未") is made of
# the characters of the header words only
_T4_CHARS = frozenset(ch for pattern in _T4_WORDS for ch in pattern.pattern if "\u4e00" <= ch <= "\u9fff")
_T4_WORD = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in _T4_WORDS))


def _is_t4_header(label: str) -> bool:
    return bool(_T4_WORD.search(label)) or set(label) - {" "} <= _T4_CHARS


_T4_PROCEEDING = re.compile("|".join(f"(?P<p{i}>{pattern.pattern})" for i, (pattern, _) in enumerate(T4_PROCEEDINGS)))


def _proceedings_named(label: str) -> list[str]:
    """The grid's proceedings a header cell names, in the order it names them."""
    return [T4_PROCEEDINGS[int(m.lastgroup[1:])][1] for m in _T4_PROCEEDING.finditer(label)]


def _t4_grid(runs: list[tuple[list[str], list[Cell]]]) -> list[tuple[Cell, str, str]]:
    """Cells with their (proceeding, result); a run is the header labels before some number cells.
    One run of 15 cells is the whole grid in its fixed order; else each run must hold the five
    results of each proceeding its header names (表四 written as three small tables), or nothing
    is read."""
    if len(runs) == 1 and len(runs[0][1]) == len(_T4_LAYOUT):
        return [(cell, p, r) for cell, (p, r) in zip(runs[0][1], _T4_LAYOUT)]
    placed: list[tuple[Cell, str, str]] = []
    seen: set[str] = set()
    for headers, cells in runs:
        proceedings = list(dict.fromkeys(code for label in headers for code in _proceedings_named(label)))
        if not proceedings or seen & set(proceedings) or len(cells) != _T4_RESULTS * len(proceedings):
            return []
        seen.update(proceedings)
        for i, cell in enumerate(cells):
            placed.append((cell, proceedings[i // _T4_RESULTS], T4_RESULTS[i % _T4_RESULTS][1]))
    return placed


_T4_GLUED = re.compile(rf"\d{{{_T4_RESULTS}}}|\d{{{len(_T4_LAYOUT)}}}")


def _unglued(text: str, cells: list[Cell]) -> list[Cell]:
    """One-digit cells glued together, a proceeding's five ("00100") or the whole grid's fifteen
    ("010012100310001"), split apart; 表四 counts never run to five digits."""
    if not all(_T4_GLUED.fullmatch(text, c.start, c.end) for c in cells):
        return cells
    return [Cell(i, i + 1, value=float(text[i])) for c in cells for i in range(c.start, c.end)]


def _table4(ctx: ReportContext, start: int, end: int, format_code: str) -> Iterator[Found]:
    """表四 read by position in its grid: header cells name the proceedings, number cells follow
    them; the first label that is no header word ends the table."""
    text = ctx.norm.text
    runs: list[tuple[list[str], list[Cell]]] = []
    headers: list[str] = []
    numbers: list[Cell] = []
    read = 0
    for cell in with_blank_cells(text, read_cells(text, start, end, 0)):
        if cell.label is not None:
            if not _is_t4_header(cell.label):
                break
            if numbers:
                runs.append((headers, numbers))
                headers, numbers = [], []
            headers.append(cell.label)
            continue
        numbers.append(cell)
        read += 1
        if read == len(_T4_LAYOUT):
            break
    if numbers:
        runs.append((headers, numbers))
    runs = [(headers, _unglued(text, cells)) for headers, cells in runs]
    for cell, proceeding, result in _t4_grid(runs):
        if cell.value is None:
            continue
        yield ctx.found(
            "appeal_count", cell.value, cell.start, cell.end, method="table", method_rule=f"{format_code}:t4",
            confidence=0.9, from_table=True, proceeding=proceeding, result=result,
        )


def _readable_end(text: str) -> int:
    """Drop a trailing partial number: a text cut off mid-number ends in a digit run."""
    m = re.search(r"\d+\Z", text)
    return m.start() if m else len(text)


def extract_tables(ctx: ReportContext, format_code: str) -> list[Found]:
    if format_code not in ("F19", "F21"):
        return []
    text = ctx.norm.text
    end = _readable_end(text)
    found: list[Found] = []
    t2 = _T2_BLOCK.search(text)  # an excerpt may begin inside 表二
    t3 = _T3_START.search(text, t2.end() if t2 else 0)
    t4_from = t3.end() if t3 else (t2.end() if t2 else 0)
    # the outline of the report names 表四's section too: try each mention until one holds the table
    t4_starts = [m.start() for m in _T4_START.finditer(text, t4_from)]
    if t2:
        found.extend(_table2(ctx, t2.start(), t3.start() if t3 else (t4_starts[0] if t4_starts else end), format_code))
    # without its header (an excerpt that begins inside 表三) its rows are sought up to 表四
    t3_start = t3.start() if t3 else (t2.start() if t2 else 0)
    found.extend(_table3(ctx, t3_start, min(t4_starts[0], end) if t4_starts else end, format_code))
    for start in t4_starts:
        table4 = list(_table4(ctx, start, end, format_code))
        if table4:
            found.extend(table4)
            break
    return found
