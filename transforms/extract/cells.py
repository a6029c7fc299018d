"""Flattened table cells and rows, shared by the table readers.

Flattened tables arrive as one cell per paragraph, one cell per line ending in '|' with spacer
lines '|||', a whole row per line separated by '|' (Markdown tables too), or cells glued to their
label ('规章000'). All of these become one stream of cells: '|' and line breaks separate cells, a
cell is a number, a dash (a cell without value) or a label. A row is the labels since the previous
number followed by its number cells.

Page furniture is no cell: page-number lines ('- 3 -', '第3页', '3/12'), the running header next to
one, and Markdown separator lines ('|---|---|') are skipped wherever they stand, so a page break
between a row's label and its figures leaves the row whole. A unit on the line after its number
('86000' then '元') belongs to that number.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from ogi.transforms.grammar import pattern, phrase, word_classes

_CELL_PIECE = re.compile(r"[^|\n]+")  # '|' and line breaks separate cells
_NUMBER_CELL = pattern(r"(?P<num>[+-]?\d+(?:\.\d+)?)(?P<unit>{U_CELL})?")
_UNIT_PIECE = pattern(r"\n(?P<unit>{U_CELL})[ \t]*(?=\n|$)")
_UNIT_FIRST = frozenset(u[0] for u in word_classes()["U_CELL"])
_PAGE_FURNITURE = phrase("PAGE_FURNITURE")
_TITLE_LINE = phrase("RUNNING_TITLE")
_DASH_CELL = phrase("DASH_CELL")
_GLUED = re.compile(r"^(?P<label>.*?[^\d.+-])(?P<digits>\d+(?:\.\d+)?)$")
PARENS = re.compile(r"\([^()]*\)")
K = TypeVar("K")


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    label: str | None = None  # set for label cells
    value: float | None = None  # number cells; None for a dash
    unit: str | None = None


@dataclass(frozen=True)
class Row:
    labels: tuple[Cell, ...]  # label cells since the previous number
    cells: tuple[Cell, ...]  # its number (and dash) cells

    @property
    def label(self) -> str:
        return "".join(c.label or "" for c in self.labels)

    @property
    def raw_label(self) -> str | None:
        return self.labels[-1].label if self.labels else None

    @property
    def end(self) -> int:
        return self.cells[-1].end


@lru_cache(maxsize=4)
def _furniture(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The lines of page furniture in ``text``, as sorted starts and their ends."""
    spans, pages = [], []
    for m in _PAGE_FURNITURE.finditer(text):
        spans.append(m.span())
        if m["page"]:
            pages.append(m.span())
    titles = [m.span() for m in _TITLE_LINE.finditer(text)]
    if len(titles) > 1 or pages:
        seen = Counter(text[s:e].strip(" |") for s, e in titles)
        for s, e in titles:
            # a title line repeated on each page, or a title line just before or after a page number
            if seen[text[s:e].strip(" |")] > 1 or any(s == pe + 1 or e + 1 == ps for ps, pe in pages):
                spans.append((s, e))
    spans.sort()
    return tuple(s for s, _ in spans), tuple(e for _, e in spans)


def _in_furniture(furniture: tuple[tuple[int, ...], tuple[int, ...]], pos: int) -> bool:
    starts, ends = furniture
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]


def read_cells(text: str, start: int, end: int, glued_width: int) -> Iterator[Cell]:
    """Cells of ``text[start:end]``; ``glued_width`` is how many columns a row has, used to split
    digits glued to a label (0: never split)."""
    furniture = _furniture(text)
    pieces = _CELL_PIECE.finditer(text, start, end)
    # Piece by piece, as the reader asks: 表四's reader stops after 15 cells, leaving the rest unread.
    for m in pieces:
        if furniture[0] and _in_furniture(furniture, m.start()):
            continue
        piece = m.group()
        stripped = piece.strip()
        if not stripped:
            continue
        offset = m.start() + piece.index(stripped)
        number = _NUMBER_CELL.fullmatch(stripped)
        if number is None:
            yield from _read_cell(stripped, offset, glued_width)
            continue
        after = m.end()
        unit = (
            _UNIT_PIECE.match(text, after, end)
            if number["unit"] is None and text.startswith("\n", after) and text[after + 1 : after + 2] in _UNIT_FIRST
            else None
        )
        if unit:
            # '86000' and '元' on the next line: one cell; the unit's piece is consumed
            next(pieces)
            yield Cell(offset, unit.end("unit"), value=float(number["num"]), unit=unit["unit"])
        else:
            yield Cell(offset, offset + len(stripped), value=float(number["num"]), unit=number["unit"])


def _read_cell(cell: str, offset: int, glued_width: int) -> Iterator[Cell]:
    m = _NUMBER_CELL.fullmatch(cell)
    if m:
        yield Cell(offset, offset + len(cell), value=float(m["num"]), unit=m["unit"])
        return
    if _DASH_CELL.fullmatch(cell):
        yield Cell(offset, offset + len(cell))
        return
    parts = cell.split(" ")
    if len(parts) > 1 and all(_NUMBER_CELL.fullmatch(p) or _DASH_CELL.fullmatch(p) for p in parts):
        # "1 0 0 1 2": a row of number cells separated by spaces
        pos = offset
        for p in parts:
            yield from _read_cell(p, pos, 0)
            pos += len(p) + 1
        return
    glued = _GLUED.match(parts[0])
    if len(parts) > 1 and all(_NUMBER_CELL.fullmatch(p) or _DASH_CELL.fullmatch(p) for p in parts[1:]):
        # "规章 0 0 0", folded to "规章0 0 0": a label, maybe glued to the first number
        label = glued["label"] if glued else parts[0]
        yield Cell(offset, offset + len(label), label=label)
        if glued:
            yield Cell(offset + len(label), offset + len(parts[0]), value=float(glued["digits"]))
        pos = offset + len(parts[0]) + 1
        for p in parts[1:]:
            yield from _read_cell(p, pos, 0)
            pos += len(p) + 1
        return
    if len(parts) == 1 and glued and glued_width and (glued_width == 1 or len(glued["digits"]) in (1, glued_width)):
        # '规章000' under three columns: three single-digit cells; '行政处罚30' under one column
        label, digits = glued["label"], glued["digits"]
        yield Cell(offset, offset + len(label), label=label)
        pos = offset + len(label)
        if glued_width > 1 and len(digits) == glued_width and digits.isdigit():
            for i, d in enumerate(digits):
                yield Cell(pos + i, pos + i + 1, value=float(d))
        else:
            yield Cell(pos, pos + len(digits), value=float(digits))
        return
    yield Cell(offset, offset + len(cell), label=cell)


def read_rows(cells: Iterator[Cell]) -> Iterator[Row]:
    labels: list[Cell] = []
    numbers: list[Cell] = []
    for cell in cells:
        if cell.label is None:
            numbers.append(cell)
            continue
        if numbers:
            yield Row(tuple(labels), tuple(numbers))
            labels, numbers = [], []
        labels.append(cell)
    if numbers:
        yield Row(tuple(labels), tuple(numbers))


# a blank cell between two '|' (normalising drops the spaces next to '|')
_LINE_WITH_BLANK_CELL = re.compile(r"^[^\n]*?\|[ \t]*\|[^\n]*", re.M)


@dataclass(frozen=True)
class LineRow(Row):
    """A whole row on one '|'-separated line; its value cells keep their places, blank ones too."""
    line_end: int = 0

    @property
    def end(self) -> int:
        return self.line_end


def rows_with_blank_cells(text: str, start: int, end: int, width: int) -> Iterator[LineRow]:
    """Lines 'label | c1 | … | cN' whose N value cells (the last N) include a blank one: the stream
    of cells loses blank cells, here each keeps its column (a blank or dash cell has no value).
    Empty parts at the end of a line ('| |', a Markdown row's closing '|') are no cells. Lines
    without a blank cell are left to ``read_rows``."""
    furniture = _furniture(text)
    for m in _LINE_WITH_BLANK_CELL.finditer(text, start, end):
        line, line_start = m.group(), m.start()
        if furniture[0] and _in_furniture(furniture, line_start):
            continue
        parts, offsets, at = [], [], line_start
        for part in line.split("|"):
            parts.append(part)
            offsets.append(at)
            at += len(part) + 1
        while parts and not parts[-1].strip():
            parts.pop()
        del offsets[len(parts) :]
        if len(parts) < width + 1:
            continue
        if all(p.strip() for p in parts[-width:]) or not all(_is_value(p) for p in parts[-width:]):
            continue  # no blank cell, or not a row
        labels = tuple(
            Cell(o + len(p) - len(p.lstrip()), o + len(p.rstrip()), label=p.strip())
            for p, o in zip(parts[:-width], offsets[:-width])
            if p.strip()
        )
        if not labels:
            continue
        cells = []
        for p, o in zip(parts[-width:], offsets[-width:]):
            v = p.strip()
            number = _NUMBER_CELL.fullmatch(v)
            cell_start = o + len(p) - len(p.lstrip())
            value = float(number["num"]) if number else None
            cells.append(Cell(cell_start, cell_start + len(v), value=value, unit=number["unit"] if number else None))
        yield LineRow(labels, tuple(cells), line_end=offsets[-1] + len(parts[-1].rstrip()))


def with_blank_cells(text: str, cells: Iterator[Cell]) -> Iterator[Cell]:
    """The stream of cells with the blank cells of '|' lines put back in their places: a line of
    value cells, maybe after its label ('行政复议 | 1 |  | 0 | 0 | 1'), gives a cell without value
    for each empty part between two values. A Markdown row's outer '|' bound no cell."""
    line_end = -1
    for cell in cells:
        if cell.start < line_end:
            continue
        start = _line_start_before(text, cell.start)
        line = _line_with_blanks(text, start) if start >= 0 else None
        if line is None:
            yield cell
            continue
        line_cells, line_end = line
        yield from line_cells


def _line_start_before(text: str, at: int) -> int:
    """The start of the line when the cell at ``at`` is its first one (after a Markdown row's
    opening '|'; normalising drops the spaces next to '|'), else -1."""
    if at == 0 or text[at - 1] == "\n":
        return at
    if text[at - 1] == "|" and (at == 1 or text[at - 2] == "\n"):
        return at - 1
    return -1


def _is_value(part: str) -> bool:
    part = part.strip()
    return not part or bool(_NUMBER_CELL.fullmatch(part) or _DASH_CELL.fullmatch(part))


def _line_with_blanks(text: str, start: int) -> tuple[list[Cell], int] | None:
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    if text.find("||", start, end) == -1:
        return None  # no blank cell
    parts, at = [], start
    for part in text[start:end].split("|"):
        parts.append((at, part))
        at += len(part) + 1
    if parts and not parts[0][1].strip():
        parts = parts[1:]  # a leading '|'
    while parts and not parts[-1][1].strip():
        parts.pop()
    values = [i for i, (_, p) in enumerate(parts) if _is_value(p)]
    first_value = len(parts) - len(values)
    if not values or values != list(range(first_value, len(parts))) or all(parts[i][1].strip() for i in values):
        return None  # no blank cell among the line's values, or labels after them
    out: list[Cell] = []
    for at, part in parts[:first_value]:
        stripped = part.strip()
        if stripped:
            offset = at + part.index(stripped)
            out.append(Cell(offset, offset + len(stripped), label=stripped))
    for at, part in parts[first_value:]:
        stripped = part.strip()
        if not stripped:
            out.append(Cell(at, at))
            continue
        offset = at + part.index(stripped)
        out.extend(_read_cell(stripped, offset, 0))
    return out, end


def rightmost(patterns: Sequence[tuple[re.Pattern[str], K]], label: str) -> K | None:
    """The key whose pattern matches furthest right in the label: the row label is the last of
    the label cells gathered since the previous row (column headers come before it)."""
    best: tuple[int, K] | None = None
    for pattern, key in patterns:
        for m in pattern.finditer(label):
            if best is None or m.end() > best[0]:
                best = (m.end(), key)
    return best[1] if best else None


def label_cell(row: Row, key_pattern: re.Pattern[str]) -> Cell | None:
    """The label cell that names the row (the last one the key's pattern matches)."""
    for cell in reversed(row.labels):
        if key_pattern.search(plain(cell.label or "")):
            return cell
    return None


def label_start(row: Row, key_pattern: re.Pattern[str]) -> int:
    """Where the evidence of a row starts: the label cell that names the row."""
    cell = label_cell(row, key_pattern)
    if cell is not None:
        return cell.start
    return row.labels[-1].start if row.labels else row.cells[0].start


def plain(label: str) -> str:
    """The label without its parenthesised notes (nested ones too)."""
    previous = None
    while previous != label:
        previous, label = label, PARENS.sub("", label)
    return label
