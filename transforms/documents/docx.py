"""The text of a Word (.docx) document: paragraphs and tables in the order of the document body.

A table row becomes one line, its cells joined by ' | ' as `transforms.decode.html_to_text` joins
the cells of an HTML row, so the table readers read both alike: a cell spanning several grid
columns is one cell, a cell continuing a vertical merge is an empty one, empty cells at the start
or end of a row are dropped, and the paragraphs inside a cell are joined without a break.
"""
from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml.ns import qn

from ogi.transforms.decode import Rejected
from ogi.transforms.documents import Extracted

# A report's document.xml is a few MB at most; a ZIP whose parts expand past this is a zip bomb or
# not a report.
MAX_EXPANDED_BYTES = 200 << 20
_CELL_SEPARATOR = " | "


def is_docx(data: bytes) -> bool:
    """A ZIP holding a Word document body."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        return False


def _paragraph_text(element) -> str:
    return "".join(node.text or "" for node in element.iter(qn("w:t")))


def _cell_text(tc) -> str:
    properties = tc.tcPr
    merge = properties.find(qn("w:vMerge")) if properties is not None else None
    if merge is not None and merge.get(qn("w:val")) != "restart":
        return ""  # the cell above holds the text
    return "".join(_paragraph_text(p) for p in tc.iter(qn("w:p"))).strip()


def _row_line(tr) -> str:
    cells = [_cell_text(tc) for tc in tr.findall(qn("w:tc"))]
    while cells and not cells[0]:
        cells.pop(0)
    while cells and not cells[-1]:
        cells.pop()
    return _CELL_SEPARATOR.join(cells)


def docx_to_text(data: bytes) -> Extracted:
    """The text of a .docx; raises Rejected for a broken or oversized one."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
            if expanded > MAX_EXPANDED_BYTES:
                raise Rejected(
                    "oversized_document",
                    f"Its parts expand to {expanded} bytes (more than {MAX_EXPANDED_BYTES}): a zip "
                    "bomb or not a report; check what was saved under this name.",
                )
        document = docx.Document(io.BytesIO(data))
    except Rejected:
        raise
    except Exception as error:  # python-docx raises many kinds on a damaged package
        raise Rejected(
            "broken_document",
            f"A Word document that cannot be opened ({type(error).__name__}: {error}); re-fetch it "
            "or re-save it from Word or LibreOffice.",
        ) from None
    lines = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            lines.append(_paragraph_text(element))
        elif element.tag == qn("w:tbl"):
            lines.extend(_row_line(tr) for tr in element.findall(qn("w:tr")))
    return Extracted("\n".join(line.strip() for line in lines).strip("\n") + "\n")
