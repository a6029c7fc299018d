"""Flattened table cells and rows, shared by the table readers.

Flattened tables arrive as one cell per paragraph, one cell per line ending in '|' with spacer
lines '|||', a whole row per line separated by '|', or cells glued to their label ('规章000').
All of these become one stream of cells: '|' and line breaks separate cells, a cell is a number,
a dash (a cell without value) or a label. A row is the labels since the previous number followed
by its number cells.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

_CELL_PIECE = re.compile(r"[^|\n]+")  # '|' and line breaks separate cells
_NUMBER_CELL = re.compile(r"(?P<num>[+-]?\d+(?:\.\d+)?)(?P<unit>万元|元|件|个|项|条|人次|次|人|名|篇|处)?")
_DASH_CELL = re.compile(r"[-—–/]+|无")
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


def read_cells(text: str, start: int, end: int, glued_width: int) -> Iterator[Cell]:
    """Cells of ``text[start:end]``; ``glued_width`` is how many columns a row has, used to split
    digits glued to a label (0: never split)."""
    # Piece by piece, as the reader asks: 表四's reader stops after 15 cells, leaving the rest unread.
    for m in _CELL_PIECE.finditer(text, start, end):
        piece = m.group()
        stripped = piece.strip()
        if stripped:
            yield from _read_cell(stripped, m.start() + piece.index(stripped), glued_width)


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


def rightmost(patterns: Sequence[tuple[re.Pattern[str], K]], label: str) -> K | None:
    """The key whose pattern matches furthest right in the label: the row label is the last of
    the label cells gathered since the previous row (column headers come before it)."""
    best: tuple[int, K] | None = None
    for pattern, key in patterns:
        for m in pattern.finditer(label):
            if best is None or m.end() > best[0]:
                best = (m.end(), key)
    return best[1] if best else None


def label_start(row: Row, key_pattern: re.Pattern[str]) -> int:
    """Where the evidence of a row starts: the label cell that names the row."""
    for cell in reversed(row.labels):
        if key_pattern.search(plain(cell.label or "")):
            return cell.start
    return row.labels[-1].start if row.labels else row.cells[0].start


def plain(label: str) -> str:
    """The label without its parenthesised notes (nested ones too)."""
    previous = None
    while previous != label:
        previous, label = label, PARENS.sub("", label)
    return label
