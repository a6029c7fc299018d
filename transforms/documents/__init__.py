"""Readers of report documents that are not text: each turns a file's bytes into the text that
observations index into, plus where each page starts in it (see `Extracted`)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Extracted:
    text: str
    # Offset in `text` where each page starts, in page order (page 1 first); empty when the
    # format has no pages (Word flows its text into pages only when printed).
    page_starts: tuple[int, ...] = ()
    # Mean confidence (0–1) of the characters read, when the text comes from OCR; None otherwise.
    ocr_confidence: float | None = None
