"""The text layer of a PDF, page by page, without its page furniture.

PDFium (pypdfium2) reads each page in reading order and puts the cells of a table row on one line,
separated by spaces, the layout the table readers know ("行政许可 36"). Chosen by measurement on
generated reports in the official layouts: pypdf found the same cells, ten times slower; poppler's
`pdftotext -layout` lost a cell whose label wraps inside its table cell.

Page furniture is dropped before the text is stored, so that every span into the stored text is
exact with no map to keep: on each page, a first or last line that is the page's number ("- 3 -",
"第3页 共12页", "3/12", or "3" alone), or a first or last line of words that repeats at the same
edge of other pages (a running header or footer; the title keeps its first occurrence on page 1).

A scan (no text layer on more than half of its pages) is read by OCR when the `ocr` extra is
installed (`transforms.documents.ocr`), else rejected as `needs_ocr`; its lines then go through
the same furniture and unwrapping steps.

A PDF breaks a paragraph into lines of the page's width, which the text readers would see as
separate lines: a line that fills the width of the page's longest line and does not end a
sentence is joined to the next one (the line break is dropped), as the paragraph's text would be,
also across a page break; a line with a space inside is a table row and is never joined.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

import pypdfium2

from ogi.transforms.decode import Rejected
from ogi.transforms.documents import Extracted, ocr

# More pages than any annual report has; a bigger PDF is a compilation or a wrong attachment, and
# reading it would hold a worker for minutes.
MAX_PAGES = 300

# A page number line, its number in group 1 or 2; the number must also match the page's position.
_PAGE_NUMBER = re.compile(
    r"[-—–]*\s*第?\s*(\d{1,3})\s*页?\s*(?:[,，/]?\s*共\s*\d{1,3}\s*页|/\s*\d{1,3})?\s*[-—–]*"
    r"|(?:Page|PAGE|P\.)\s*(\d{1,3})(?:\s*(?:of|/)\s*\d{1,3})?"
)
_WORDS = re.compile(r"[^\d\s.,|+-]")
# Page numbers may count from a cover or a table of contents not numbered.
_PAGE_NUMBER_SLACK = 2


def _is_page_number(line: str, page: int) -> bool:
    match = _PAGE_NUMBER.fullmatch(line.strip())
    if not match:
        return False
    number = int(match.group(1) or match.group(2))
    return 0 <= page - number <= _PAGE_NUMBER_SLACK or number == page + 1


def _page_lines(textpage: pypdfium2.PdfTextPage) -> list[str]:
    # PDFium ends lines with CRLF and marks a soft hyphen at a line end with U+0002.
    raw = textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "")
    return [line.rstrip() for line in raw.split("\n")]


def _edge(lines: list[str], last: bool) -> int | None:
    """Index of the first (or last) line with text."""
    order = range(len(lines) - 1, -1, -1) if last else range(len(lines))
    return next((i for i in order if lines[i].strip()), None)


def _drop_furniture(pages: list[list[str]]) -> None:
    """Remove, in place, each page's number line, then running headers and footers."""
    for number, lines in enumerate(pages, start=1):
        for last in (False, True):
            i = _edge(lines, last)
            if i is not None and _is_page_number(lines[i], number):
                del lines[i]
    for last in (False, True):
        edges = [(lines, _edge(lines, last)) for lines in pages]
        seen = Counter(lines[i].strip() for lines, i in edges if i is not None)
        for page, (lines, i) in enumerate(edges, start=1):
            if i is None or seen[lines[i].strip()] < 2 or (page == 1 and not last):
                continue
            if not _WORDS.search(lines[i]):
                continue  # figures alone (a table row of zeros) repeat by chance, never as furniture
            del lines[i]


# A wrapped line fills the text width up to a character or two of justification slack.
_FULL_LINE = 0.9
_SENTENCE_END = tuple("。！？：；!?:;")


def _width(line: str) -> int:
    """Display width: wide (CJK) characters count two, others one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _unwrap(lines: list[str]) -> tuple[str, bool]:
    """The page's lines joined with line breaks, except after a line wrapped at the margin; and
    whether its last line is wrapped too (the paragraph goes on on the next page)."""
    widths = [_width(line) for line in lines]
    full = _FULL_LINE * max(widths, default=0)

    def wrapped(i: int) -> bool:
        # A line with a space is a table row (PDFium separates its cells by spaces), never wrapped.
        line = lines[i]
        return widths[i] >= full and " " not in line.strip() and not line.endswith(_SENTENCE_END)

    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if i + 1 < len(lines) and not (wrapped(i) and lines[i + 1][:1].strip()):
            out.append("\n")
    last = max((i for i, line in enumerate(lines) if line.strip()), default=None)
    return "".join(out).strip("\n"), last is not None and wrapped(last)


# Scans are rendered for OCR at this resolution: small table print stays some 20 pixels high.
_SCAN_DPI = 200


def _rendered(document: pypdfium2.PdfDocument) -> Iterator:
    """Each page as a grey PIL image, one at a time."""
    for index in range(len(document)):
        page = document[index]
        yield page.render(scale=_SCAN_DPI / 72, grayscale=True).to_pil()
        page.close()


def pdf_to_text(data: bytes) -> Extracted:
    """The text of a PDF; raises Rejected for an encrypted, broken, huge or scanned one."""
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        if "password" in str(error).lower():
            raise Rejected(
                "encrypted_pdf",
                "The PDF is protected by a password; open it with the password and save an "
                "unprotected copy (or print it to PDF), then ingest that.",
            ) from None
        raise Rejected(
            "broken_document",
            f"PDFium cannot open it ({error}); the download was probably cut short: re-fetch it.",
        ) from None
    try:
        if len(document) > MAX_PAGES:
            raise Rejected(
                "oversized_document",
                f"{len(document)} pages, more than the {MAX_PAGES} an annual report has; split "
                "the report's own pages out of it and ingest those.",
            )
        pages = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            pages.append(_page_lines(textpage))
            textpage.close()
            page.close()
        blank = sum(1 for lines in pages if not any(line.strip() for line in lines))
        confidence = None
        if not pages or blank * 2 > len(pages):
            ocr.require(f"{blank} of its {len(document)} pages have no text layer (a scan)")
            pages, confidence = ocr.read_scan(_rendered(document))
    finally:
        document.close()
    return paged_text(pages, confidence)


def paged_text(pages: list[list[str]], ocr_confidence: float | None = None) -> Extracted:
    """The text of pages of lines (a PDF's, or a scan's by OCR) without their furniture, with
    lines wrapped at the margin joined, and where each page starts."""
    _drop_furniture(pages)
    unwrapped = [_unwrap(lines) for lines in pages]
    text, starts = [], []
    offset = 0
    for number, (page_text, goes_on) in enumerate(unwrapped):
        following = unwrapped[number + 1][0] if number + 1 < len(unwrapped) else ""
        if not (goes_on and following[:1].strip()):
            page_text += "\n"  # else the paragraph runs on into the next page
        starts.append(offset)
        text.append(page_text)
        offset += len(page_text)
    return Extracted("".join(text), tuple(starts), ocr_confidence)
