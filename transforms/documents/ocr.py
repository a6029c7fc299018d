"""OCR of scans (PDF pages without a text layer, and images) with RapidOCR, whose PP-OCRv4 models
ship inside its wheel: offline, nothing fetched at run time. Optional, so that the default install
stays small (`pip install "ogi-warehouse[ocr]"`); without it a scan is quarantined as `needs_ocr`.

Chosen over Debian's Tesseract (chi_sim) by measurement on report pages rendered from text: on a
narrative and ruled F21/T14 tables, RapidOCR read 99.7% of the characters and put 14 of 15 table
rows on one line; Tesseract read at best 80% and 1 of 15 rows, the ruling breaking its layout
analysis (README, "Reports as documents").

RapidOCR finds boxes of text, each read with a confidence. The boxes inside one row of a ruled table
are a line, found from the ruling on the page (so a row whose cells wrap their text is one line);
other boxes that overlap vertically are a line. A line's cells are joined left to right by a space, which is how the PDF text layer separates the cells of a table row ("行政许可 36"), so the
table readers read both alike.
"""
from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ogi.transforms.decode import Rejected

INSTALL = 'pip install "ogi-warehouse[ocr]"'


@cache
def available() -> bool:
    """RapidOCR (the `ocr` extra) is installed."""
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


def require(what: str) -> None:
    """Raise needs_ocr, saying what is a scan, unless OCR is installed."""
    if not available():
        raise Rejected(
            "needs_ocr",
            f"{what}; install OCR ({INSTALL}, or `.venv/bin/uv pip install -e '.[ocr]'` in a checkout) "
            "and build again, or ingest the report's text page instead.",
        )


# A box that is one of these alone is a 0 in a table: the model reads a lone 0 in a narrow cell as
# the letter (a report has no cell holding the letter o).
_ZERO_LOOKALIKES = {"o", "O", "〇"}
# How far a found box is grown before it is read (RapidOCR's default 1.6): with the default a lone 0
# in a wide table cell was missed or read as "o"; with this it is read as 0.
_UNCLIP = 2.0


@cache
def _engine():
    from rapidocr_onnxruntime import RapidOCR

    # Loaded once per process (some 1 s), on its first scan. One thread, as each parse worker has one core.
    return RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)


@dataclass
class _Box:
    top: float
    bottom: float
    left: float
    right: float
    text: str


# A box belongs to a line when this share of its height lies within the line's: a figure centred
# in a table row spans the lines of a label wrapped in its cell, two lines of prose barely touch.
_SAME_LINE = 0.3


def _overlap(low: float, high: float, box: _Box) -> float:
    return min(high, box.bottom) - max(low, box.top)


def _line(boxes: list[_Box]) -> str:
    """One line's boxes as cells: boxes overlapping left to right are one cell wrapped inside it
    (read top to bottom, joined without a break); cells left to right, joined by a space."""
    cells: list[list[_Box]] = []
    for box in sorted(boxes, key=lambda b: b.left):
        if cells and box.left < max(b.right for b in cells[-1]):
            cells[-1].append(box)
        else:
            cells.append([box])
    return " ".join("".join(b.text for b in sorted(cell, key=lambda b: b.top)) for cell in cells)


# Ruling: a row of pixels this dark across the page is a table's horizontal rule, a column of
# pixels dark through a whole band between two rules a vertical one.
_HORIZONTAL_RULE = 0.4
_VERTICAL_RULE = 0.95
_MIN_ROW_PIXELS = 8


def _runs(mask) -> list[tuple[int, int]]:
    """(first, last) index of each run of True in a 1-D boolean array."""
    import numpy

    edges = numpy.flatnonzero(numpy.diff(numpy.concatenate(([0], mask.astype(numpy.int8), [0]))))
    return [(int(start), int(stop) - 1) for start, stop in zip(edges[::2], edges[1::2])]


def _table_rows(grey) -> list[tuple[int, int]]:
    """(top, bottom) of each ruled table row on the page: a band between two horizontal rules that
    vertical rules cross (a cell's left and right borders at least), so not the gap between two
    tables."""
    dark = grey < 128
    rules = _runs(dark.mean(axis=1) > _HORIZONTAL_RULE)
    rows = []
    for (_, above), (below, _) in zip(rules, rules[1:]):
        top, bottom = above + 1, below - 1
        if bottom - top >= _MIN_ROW_PIXELS and len(_runs(dark[top:bottom + 1].mean(axis=0) > _VERTICAL_RULE)) >= 3:
            rows.append((top, bottom))
    return rows


def _lines(found: list, table_rows: list[tuple[int, int]]) -> tuple[list[str], int, float]:
    """RapidOCR's boxes ([corners, text, score]) as lines, top to bottom: the boxes of one ruled
    table row are one line, others go by vertical overlap; and the number of characters read with
    the sum of their confidences."""
    boxes, characters, confidence = [], 0, 0.0
    for corners, text, score in found:
        text = text.strip()
        if text in _ZERO_LOOKALIKES:
            text = "0"
        if not text:
            continue
        characters += len(text)
        confidence += score * len(text)
        xs, ys = [x for x, _ in corners], [y for _, y in corners]
        boxes.append(_Box(min(ys), max(ys), min(xs), max(xs), text))
    by_row: dict[tuple[int, int], list[_Box]] = {}
    lines: list[tuple[float, float, list[_Box]]] = []
    for box in sorted(boxes, key=lambda b: b.top):
        middle = (box.top + box.bottom) / 2
        row = next(((top, bottom) for top, bottom in table_rows if top <= middle <= bottom), None)
        if row is not None:
            by_row.setdefault(row, []).append(box)
        elif lines and _overlap(lines[-1][0], lines[-1][1], box) >= _SAME_LINE * (box.bottom - box.top):
            top, bottom, members = lines[-1]
            lines[-1] = (top, max(bottom, box.bottom), [*members, box])
        else:
            lines.append((box.top, box.bottom, [box]))
    lines.extend((top, bottom, members) for (top, bottom), members in by_row.items())
    return [_line(members) for _, _, members in sorted(lines, key=lambda line: line[0])], characters, confidence


def read_scan(images: Iterable) -> tuple[list[list[str]], float]:
    """Each page image's lines (PIL images), and the mean confidence (0–1) of the characters read;
    raises Rejected('empty') when nothing is read on any page."""
    import numpy

    pages, characters, confidence = [], 0, 0.0
    for image in images:
        grey = numpy.asarray(image.convert("L"))
        # No angle classifier: scans are upright, and it costs a third of the time.
        boxes, _ = _engine()(numpy.asarray(image.convert("RGB")), use_cls=False, unclip_ratio=_UNCLIP)
        lines, page_characters, page_confidence = _lines(boxes or [], _table_rows(grey))
        pages.append(lines)
        characters += page_characters
        confidence += page_confidence
    if not characters:
        raise Rejected("empty", f"OCR read no text on its {len(pages)} pages (a blank or unreadable scan); "
                                "fetch a better copy.")
    return pages, confidence / characters
