"""A report as blocks (paragraphs and tables of cells), written out as the file types readers meet:
plain text (table rows as ' | ' lines), a saved HTML page, a PDF (fpdf2, with a CJK font embedded), a .docx,
and scans: page images (Pillow) and a PDF of one. Used by
the document tests and by `make bench`; fpdf2 is in the dev extra."""
from __future__ import annotations

import html
import io
import logging
from pathlib import Path

import docx
from fpdf import FPDF

# Installed by scripts/install_test_services.sh (Debian's fonts-wqy-zenhei), as for the HTML report.
CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")

# fontTools warns about the font's bitmap tables on every PDF it subsets: noise, the outlines are kept.
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)

Block = str | list[list[str]]  # a paragraph, or a table's rows of cells


def as_text(blocks: list[Block]) -> str:
    lines = []
    for block in blocks:
        lines.extend([block] if isinstance(block, str) else [" | ".join(row) for row in block])
    return "\n".join(lines) + "\n"


def as_html(blocks: list[Block], address: str) -> str:
    """A page as a browser saves it: its address in a canonical link, tables as <table>."""
    body = []
    for block in blocks:
        if isinstance(block, str):
            body.append(f"<p>{html.escape(block)}</p>")
        else:
            rows = "".join(
                "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in cells) + "</tr>" for cells in block)
            body.append(f"<table>{rows}</table>")
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="canonical" href="{address}">'
            f"<title>{html.escape(str(blocks[0]))}</title></head><body>{''.join(body)}</body></html>")


def as_pdf(blocks: list[Block], running_header: str | None = None, page_numbers: bool = True) -> bytes:
    assert CJK_FONT.exists(), f"{CJK_FONT} is missing: run scripts/install_test_services.sh"
    pdf = FPDF()
    pdf.add_font("cjk", fname=str(CJK_FONT))
    pdf.set_font("cjk", size=9)

    def header() -> None:
        if running_header and pdf.page_no() > 1:
            pdf.cell(0, 8, running_header, align="C")
            pdf.ln(10)

    def footer() -> None:
        if page_numbers:
            pdf.set_y(-15)
            pdf.cell(0, 10, f"- {pdf.page_no()} -", align="C")

    pdf.header, pdf.footer = header, footer
    pdf.add_page()
    for block in blocks:
        if isinstance(block, str):
            pdf.multi_cell(0, 6, block)
        else:
            with pdf.table(first_row_as_headings=False) as table:
                for cells in block:
                    row = table.row()
                    for cell in cells:
                        row.cell(cell)
        pdf.ln(2)
    return bytes(pdf.output())


def _wrapped(draw, text: str, font, width: float) -> list[str]:
    """The cell's text broken into lines that fit `width`, as a word processor wraps a cell."""
    lines = [""]
    for ch in text:
        if lines[-1] and draw.textlength(lines[-1] + ch, font=font) > width:
            lines.append("")
        lines[-1] += ch
    return lines


def page_image(blocks: list[Block]):
    """One A4 page at 200 dpi as a scanner sees it (a grey PIL image): paragraphs as lines, tables
    ruled, their first column as wide as its longest cell (up to half the page) and the others
    sharing the rest, a cell's text wrapped inside it."""
    from PIL import Image, ImageDraw, ImageFont  # pillow comes with fpdf2

    font = ImageFont.truetype(str(CJK_FONT), 28)
    width, margin, line_height, pad = 1654, 120, 60, 12
    image = Image.new("L", (width, 2339), 255)
    draw = ImageDraw.Draw(image)
    y = 150
    for block in blocks:
        if isinstance(block, str):
            draw.text((margin, y), block, font=font, fill=0)
            y += line_height
            continue
        columns = max(map(len, block))
        first = min(max(draw.textlength(cells[0], font=font) for cells in block) + 2 * pad, width / 2 - margin)
        rest = (width - 2 * margin - first) / max(columns - 1, 1)
        edges = [margin, margin + first, *(margin + first + rest * i for i in range(1, columns))]
        for cells in block:
            cells = [*cells, *[""] * (columns - len(cells))]
            wrapped = [_wrapped(draw, cell, font, right - left - 2 * pad)
                       for left, right, cell in zip(edges, edges[1:], cells)]
            height = 36 * max(map(len, wrapped)) + 2 * pad
            for left, right, lines in zip(edges, edges[1:], wrapped):
                draw.rectangle([left, y, right, y + height], outline=0, width=2)
                top = y + (height - 36 * len(lines)) / 2  # centred, as report tables set their cells
                for number, line in enumerate(lines):
                    draw.text((left + pad, top + 36 * number + 4), line, font=font, fill=0)
            y += height
        y += line_height // 2
    return image


def as_image(pages: list[list[Block]], image_format: str = "PNG") -> bytes:
    """Pages saved as an image file, as a scanner saves them: PNG or JPEG hold one page, a TIFF one
    page a frame."""
    images = [page_image(blocks) for blocks in pages]
    assert len(images) == 1 or image_format == "TIFF", "only a TIFF holds several pages"
    out = io.BytesIO()
    images[0].save(out, image_format, save_all=len(images) > 1, append_images=images[1:])
    return out.getvalue()


def scanned_report(blocks: list[Block]) -> bytes:
    """A PDF of one scanned page (`page_image`), with no text layer."""
    pdf = FPDF()
    pdf.add_page()
    pdf.image(io.BytesIO(as_image([blocks])), x=0, y=0, w=210, h=297)
    return bytes(pdf.output())


def scanned_pdf(pages: int = 2) -> bytes:
    """Pages with drawings and no text layer, as a scanner's PDF has."""
    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
        pdf.rect(20, 20, 150, 200, style="F")
    return bytes(pdf.output())


def as_docx(blocks: list[Block]) -> bytes:
    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        table = document.add_table(rows=len(block), cols=max(map(len, block)))
        for row, cells in zip(table.rows, block):
            for cell, text in zip(row.cells, cells):
                cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
