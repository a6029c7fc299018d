"""OCR of scanned PDF pages with Debian's Tesseract and its simplified-Chinese model, when installed
(`apt-get install tesseract-ocr tesseract-ocr-chi-sim`); without it a scan is quarantined as
`needs_ocr`. Optional, so that the default install stays small: the model is a system package.

Each page is rendered by PDFium at 300 dpi in grey and read by `tesseract` in a subprocess (its TSV
output: words with a confidence). A line's words are joined without a space between two CJK
characters, which Tesseract reports as separate words, and with one elsewhere.
"""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from functools import cache

import pypdfium2

_DPI = 300
_LANGUAGE = "chi_sim"
# Seconds for one page; a page that takes longer is given up (the file then needs a person).
_PAGE_SECONDS = 60
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-chi-sim"


@cache
def available() -> bool:
    """Tesseract with the simplified-Chinese model is installed."""
    if shutil.which("tesseract") is None:
        return False
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    return _LANGUAGE in listed.stdout.split()


def _is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


def _join(words: list[str]) -> str:
    out = ""
    for word in words:
        if out and not (_is_cjk(out[-1]) or _is_cjk(word[0])):
            out += " "
        out += word
    return out


def _page_image(page: pypdfium2.PdfPage) -> bytes:
    """The page as a binary PGM image (Tesseract reads it from stdin)."""
    bitmap = page.render(scale=_DPI / 72, grayscale=True)
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    buffer = bytes(bitmap.buffer)
    rows = b"".join(buffer[row * stride:row * stride + width] for row in range(height))
    return b"P5\n%d %d\n255\n" % (width, height) + rows


def ocr_page(page: pypdfium2.PdfPage) -> tuple[list[str], list[float]]:
    """The page's lines and the confidence (0–100) of each word read."""
    result = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", _LANGUAGE, "--psm", "6", "tsv"],
        input=_page_image(page), capture_output=True, timeout=_PAGE_SECONDS, check=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},  # one core, as each parse worker has
    )
    lines: dict[tuple[str, str, str], list[str]] = {}
    confidences = []
    for row in csv.DictReader(io.StringIO(result.stdout.decode("utf-8")), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        lines.setdefault((row["block_num"], row["par_num"], row["line_num"]), []).append(text)
        confidences.append(float(row["conf"]))
    return [_join(words) for words in lines.values()], confidences
