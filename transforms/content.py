"""One content's bytes → what became of it: a parsed report, or a rejection with its reason."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ogi.transforms.decode import Rejected, check_is_report, decode_bytes
from ogi.transforms.model import ParsedReport
from ogi.transforms.parse import PARSER_VERSION, parse_report


@dataclass(frozen=True)
class ContentResult:
    """What became of one distinct content: a parsed report, or a rejection with its reason."""

    sha256: str
    parser_version: str
    status: str  # 'parsed' | 'rejected'
    reason: str | None = None
    detail: str | None = None
    encoding: str | None = None
    source_format: str | None = None
    text: str | None = None
    parsed: ParsedReport | None = None
    page_starts: tuple[int, ...] = ()  # where each page starts in `text` (PDFs and scans)
    source_url: str | None = None  # the address a saved HTML page states for itself
    page_date: date | None = None  # the publication date it states in its chrome
    ocr_confidence: float | None = None  # mean character confidence (0–1) when OCR read the text


def rejected(sha256: str, reason: str, detail: str) -> ContentResult:
    return ContentResult(sha256, PARSER_VERSION, "rejected", reason, detail)


def result_of(sha256: str, data: bytes) -> ContentResult:
    """Decode and parse one content; every failure becomes a rejection with a reason."""
    try:
        decoded = decode_bytes(data)
        check_is_report(decoded.text)
    except Rejected as rejection:
        return rejected(sha256, rejection.reason, rejection.detail)
    try:
        parsed = parse_report(decoded.text)
    except Exception as error:  # a parser bug must quarantine one file, not stop the build
        return ContentResult(
            sha256, PARSER_VERSION, "rejected", "parse_error",
            f"the parser failed ({type(error).__name__}: {error}); please report this file",
            decoded.encoding, decoded.source_format, decoded.text,
        )
    return ContentResult(
        sha256, PARSER_VERSION, "parsed", None, None,
        decoded.encoding, decoded.source_format, decoded.text, parsed, decoded.page_starts,
        decoded.source_url, decoded.page_date, decoded.ocr_confidence,
    )
