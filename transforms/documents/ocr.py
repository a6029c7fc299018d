"""OCR of scans (PDF pages without a text layer, and images) with RapidOCR, whose PP-OCRv4 models
ship inside its wheel: offline, nothing fetched at run time. Optional, so that the default install
stays small (`pip install "ogi-warehouse[ocr]"`); without it a scan is quarantined as `needs_ocr`.

Chosen over Debian's Tesseract (chi_sim) by measurement on report pages rendered from text: on a
narrative and ruled F21/T14 tables, RapidOCR read 99.7% of the characters and put 14 of 15 table
rows on one line; Tesseract read at best 80% and 1 of 15 rows, the ruling breaking its layout
analysis (README, "Reports as documents").

RapidOCR finds boxes of text, each read with a confidence. Boxes whose vertical middles fall within
one another's height are a line; a line's boxes are joined left to right by a space, which is how
the PDF text layer separates the cells of a table row ("行政许可 36"), so the table readers read both
alike.
"""
from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from functools import cache

from transforms.decode import Rejected

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


@cache
def _engine():
    from rapidocr_onnxruntime import RapidOCR

    # One thread, as each parse worker has one core.
    return RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)


def _lines(boxes: list) -> tuple[list[str], int, float]:
    """The boxes (RapidOCR's [corners, text, score]) as lines, top to bottom; and the number of
    characters read with the sum of their confidences."""
    placed = []
    for corners, text, score in boxes:
        ys = [y for _, y in corners]
        placed.append(((min(ys) + max(ys)) / 2, min(ys), max(ys), min(x for x, _ in corners), text.strip(), score))
    placed.sort()
    rows: list[tuple[float, float, list[tuple[float, str]]]] = []
    characters, confidence = 0, 0.0
    for middle, top, bottom, left, text, score in placed:
        if not text:
            continue
        characters += len(text)
        confidence += score * len(text)
        if rows and rows[-1][0] <= middle <= rows[-1][1]:
            rows[-1][2].append((left, text))
        else:
            rows.append((top, bottom, [(left, text)]))
    return [" ".join(text for _, text in sorted(cells)) for _, _, cells in rows], characters, confidence


def read_scan(images: Iterable) -> tuple[list[list[str]], float]:
    """Each page image's lines (PIL images), and the mean confidence (0–1) of the characters read;
    raises Rejected('empty') when nothing is read on any page."""
    import numpy

    pages, characters, confidence = [], 0, 0.0
    for image in images:
        # No angle classifier: scans are upright, and it costs a third of the time.
        boxes, _ = _engine()(numpy.asarray(image.convert("RGB")), use_cls=False)
        lines, page_characters, page_confidence = _lines(boxes or [])
        pages.append(lines)
        characters += page_characters
        confidence += page_confidence
    if not characters:
        raise Rejected("empty", f"OCR read no text on its {len(pages)} pages (a blank or unreadable scan); "
                                "fetch a better copy.")
    return pages, confidence / characters
