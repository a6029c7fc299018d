"""Turn a report file's bytes into the text that every later stage indexes into.

Observations store character offsets into this text, so the same report must decode to exactly the
same string whichever encoding or wrapper it arrived in:

* Plain text: the byte-order mark is dropped and CRLF/CR become LF. Nothing else is touched (no
  NFKC, no traditional→simplified): normalisation for matching lives elsewhere, with an offset map.
* HTML: rendered to lines roughly as a browser shows them (see `html_to_text`), so that a page
  wrapping a report yields the text of the report's plain-text version, modulo whitespace at line
  ends, runs of spaces, runs of blank lines and the final newline.
* PDF and Word (.docx) documents, recognised by their bytes: read by `transforms.documents` (the
  text layer of a PDF without its page furniture, with where each page starts; a .docx's paragraphs
  and table rows; a scan, PDF or image, by OCR when the `ocr` extra is installed). Old .doc/.wps
  files, and scans without OCR, are rejected with what to do.

Files that cannot be ingested raise `Rejected` with a short machine code (`reason`, one of
`REASONS`) and a sentence a person can act on (`detail`).
"""
from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass
from datetime import date
from itertools import islice

import charset_normalizer

from ogi.transforms.documents import Extracted
from ogi.transforms.saved_page import page_address, page_date

REASONS = (
    "empty", "binary", "undecodable", "not_a_report",
    # documents (transforms/documents/)
    "needs_ocr", "encrypted_pdf", "broken_document", "oversized_document", "old_word_format",
)


class Rejected(Exception):
    """A file the warehouse will not ingest."""

    def __init__(self, reason: str, detail: str) -> None:
        if reason not in REASONS:
            raise ValueError(f"unknown rejection reason {reason!r}")
        # Both arguments go to Exception so that the exception pickles (process-pool executors).
        super().__init__(reason, detail)
        self.reason = reason
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.reason}: {self.detail}"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str | None  # the Python codec that decodes the file's bytes, e.g. 'gb18030'; None for documents
    source_format: str  # 'text' | 'html' | 'pdf' | 'docx' | 'image' (PNG, JPEG or TIFF)
    page_starts: tuple[int, ...] = ()  # where each page starts in `text` (PDFs and images)
    source_url: str | None = None  # the address a saved HTML page states for itself
    page_date: date | None = None  # the publication date a saved HTML page states in its chrome
    ocr_confidence: float | None = None  # mean character confidence (0–1) when OCR read the text


# ---------------------------------------------------------------------------------------------
# Bytes → str

# Formats that scrapers save under .txt/.html names. Leading whitespace is skipped when matching,
# since some servers prepend a newline to every response.
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"GIF87a", "a GIF image", "fetch the report's text page instead of the image"),
    (b"GIF89a", "a GIF image", "fetch the report's text page instead of the image"),
    (b"PK\x03\x04", "a ZIP archive (.docx/.xlsx are ZIP files too)",
     "unpack it or convert the document to text and ingest that"),
    (b"PK\x05\x06", "an empty ZIP archive", "re-fetch the attachment"),
    (b"Rar!\x1a\x07", "a RAR archive", "unpack it and ingest the report inside"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "unpack it and ingest the report inside"),
    (b"\x1f\x8b", "a gzip stream", "decompress it (the server's Content-Encoding was not undone)"),
)

# The UTF-32-LE mark begins with the UTF-16-LE one, so it is tried first. The codecs named here
# consume the mark themselves.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Legacy encodings, in the order that wins a tie: the corpus is mainland reports. GB18030 is a
# superset of GB2312/GBK; cp950 is the Big5 that Windows and most Big5 sites actually use.
_LEGACY = ("gb18030", "cp950")

# <meta charset=...> labels we honour, mapped to the superset codec browsers use for them. Other
# labels (iso-8859-1, windows-1252) decode anything and are too often wrong to trust.
_DECLARED = {
    b"gb2312": "gb18030", b"gbk": "gb18030", b"gb18030": "gb18030", b"x-gbk": "gb18030",
    b"cp936": "gb18030", b"euc-cn": "gb18030",
    b"big5": "cp950", b"cp950": "cp950", b"x-x-big5": "cp950", b"big5-hkscs": "big5hkscs",
}
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_-]+)""", re.I)

# Very common characters of report prose, in simplified and in traditional form. Text decoded
# with the wrong one of GB18030/Big5 is a scatter of unrelated, mostly rare characters, so the
# right decoding is the one with more of these.
_COMMON_SIMPLIFIED = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下"
    "过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都"
    "两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重"
    "新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想"
    "已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知"
    "较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研信息报告依申请例况"
    "办答复议诉讼举投收费减免构培训网站栏目务服群众热读策规范项审批许罚财预算保障教育医疗卫环境"
    "护安食药价格住房城乡交扶贫劳养救助土征拆迁市县镇村街委室领导负责落推完善健严按照认真贯彻施"
    "案措改需万元未受予非掌握存咨询查阅话传函络微博客户端闻布广播视刊秒六七八百千亿零共累增今左"
    "右东南北低短旧坏错假否该须"
)
_COMMON_TRADITIONAL = (
    "這個國時來們於對會發動過說產種後學經進電裏現實兩體機當點從業應開還義間樣與關線內數麼質氣變"
    "條沒結問無軍並題黨員總設長頭資邊級圖統較將組見計別論運農幾區強決幹戰則據處報請況辦覆議訴訟"
    "舉費減構訓網欄務熱讀規範項審許罰財預醫療衛環護藥價鄉貧勞養徵遷縣鎮領導負責嚴認貫徹萬諮詢閱"
    "話傳絡戶聞廣視億東舊壞錯該須為著裡眾復複乾"
)
_UNCOMMON = re.compile(f"[^{_COMMON_SIMPLIFIED}{_COMMON_TRADITIONAL}]+")

# C0 controls other than tab, LF, VT, FF and CR, plus DEL. A stray one is tolerated (old files end
# in ^Z); more than 1% of the text means binary data that happened to decode.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _strict(data: bytes, encoding: str, complete: bool = True) -> str | None:
    """`data` decoded strictly, or None if it is not valid `encoding`.

    With complete=False an incomplete character at the very end (a download cut short) is
    dropped; anything invalid before it still fails.
    """
    try:
        return codecs.getincrementaldecoder(encoding)("strict").decode(data, final=complete)
    except UnicodeDecodeError:
        return None


def _common_count(text: str) -> int:
    return len(_UNCOMMON.sub("", text))


def _first_invalid_utf8(data: bytes) -> int:
    """Offset of the first byte that makes `data` invalid UTF-8 (len(data) if there is none)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start
    return len(data)


def _reject_magic(data: bytes) -> None:
    head = data[:64].lstrip(b" \t\r\n")
    for magic, what, advice in _MAGIC:
        if head.startswith(magic):
            raise Rejected(
                "binary", f"Looks like {what} (starts with {magic!r}), not text; {advice}.")


# A mirrored page can carry a broken byte or two in otherwise valid UTF-8. When nothing decodes the
# file cleanly, such a text is kept with U+FFFD in place of the broken bytes (named by this
# `encoding`) rather than quarantined: text in another encoding breaks on nearly every character.
LENIENT_UTF8 = "utf-8+replaced"
_LENIENT_MIN_CHARS = 500
_LENIENT_MAX_SHARE = 1 / 1000


def _utf8_with_few_broken_bytes(data: bytes) -> str | None:
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    if len(text) >= _LENIENT_MIN_CHARS and broken <= max(1, len(text) * _LENIENT_MAX_SHARE):
        return text
    return None


# charset-normalizer's names of the encodings whose text holds NUL bytes, and Python's codecs for them.
_WIDE = {"utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be", "utf_32_le": "utf-32-le", "utf_32_be": "utf-32-be"}


def _wide_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16/UTF-32 text without a byte-order mark, as charset-normalizer recognises it; None for
    anything else (binary data: it finds no encoding for executables, databases or random bytes).

    Only files with a NUL byte ask it: on GB18030, GBK, Big5 and UTF-8 report text the hand-written
    decoding below is as accurate or more (Big5: 72/72 texts against 70/72) and 3–10× faster.
    """
    guess = charset_normalizer.from_bytes(data).best()
    codec = guess and _WIDE.get(guess.encoding)
    text = codec and _strict(data, codec, complete=False)
    return (text, codec) if text else None


def _decode_without_bom(data: bytes) -> tuple[str, str]:
    nul = data.find(b"\x00")
    if nul >= 0:
        wide = _wide_without_bom(data)
        if wide is not None:
            return wide
        raise Rejected(
            "binary",
            f"Contains a NUL byte at offset {nul} and is not UTF-16/UTF-32 text: binary data; check "
            "what the scraper saved.",
        )
    # A declaration only helps to choose among the legacy encodings: a strictly valid UTF-8 file
    # with a stale <meta charset=gb2312> (a mirror re-saved it) is UTF-8.
    declared = _META_CHARSET.search(data)
    declared_encoding = declared and _DECLARED.get(declared.group(1).lower())
    # Only when nothing decodes the whole file, try again without a character cut off at its end:
    # tolerating that from the start would let a short GBK text pass as UTF-8 minus its tail.
    for complete in (True, False):
        text = _strict(data, "utf-8", complete)
        if text is not None:
            return text, "utf-8"
        if declared_encoding:
            text = _strict(data, declared_encoding, complete)
            if text is not None:
                return text, declared_encoding
        candidates = [
            (text, enc) for enc in _LEGACY if (text := _strict(data, enc, complete)) is not None]
        if candidates:
            # max() keeps the first of equal scores, so GB18030 wins ties.
            return max(candidates, key=lambda candidate: _common_count(candidate[0]))
    lenient = _utf8_with_few_broken_bytes(data)
    if lenient is not None:
        return lenient, LENIENT_UTF8
    raise Rejected(
        "undecodable",
        f"Not valid UTF-8 (first bad byte at offset {_first_invalid_utf8(data)}), GB18030 or "
        "Big5; find the file's real encoding and re-save it as UTF-8, or re-fetch it if it is "
        "corrupted.",
    )


_PDF = b"%PDF"
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc/.wps/.xls/.ppt
# An OLE file's directory names its streams (in UTF-16LE); the main stream says which format it is.
_OLE_FORMATS = (
    ("WordDocument".encode("utf-16-le"),
     "A Word 97–2003 document (.doc; WPS Office saves .wps in this format too)"),
    ("Workbook".encode("utf-16-le"), "An Excel 97–2003 workbook (.xls), not a report's text"),
    ("PowerPoint Document".encode("utf-16-le"), "A PowerPoint 97–2003 presentation (.ppt), not a report's text"),
)
_OLE_OTHER = "An OLE compound file of another kind (an old Works or WPS .wps?)"


def _read_document(data: bytes) -> tuple[Extracted, str] | None:
    """The reader's Extracted and the file's kind, or None when `data` is no document."""
    # Imported here: the readers import Rejected from this module, and text files never need them.
    from ogi.transforms.documents.image import image_format

    head = data[:64].lstrip(b" \t\r\n")
    if head.startswith(_PDF):
        from ogi.transforms.documents.pdf import pdf_to_text

        return pdf_to_text(data), "pdf"
    if head.startswith(_ZIP):
        from ogi.transforms.documents.docx import docx_to_text, is_docx

        return (docx_to_text(data), "docx") if is_docx(data) else None
    if head.startswith(_OLE):
        what = next((what for stream, what in _OLE_FORMATS if stream in data), _OLE_OTHER)
        raise Rejected(
            "old_word_format",
            f"{what}, which is not read; convert it to .docx (libreoffice --headless --convert-to docx "
            "FILE) and ingest that.",
        )
    if image_format(data):
        from ogi.transforms.documents.image import image_to_text

        return image_to_text(data), "image"
    return None


def _decode_document(data: bytes) -> Decoded | None:
    """A PDF, Word document or page image's text, whatever the file's name; None when `data` is none of them."""
    try:
        document = _read_document(data)
    except Rejected:
        raise
    except Exception as error:  # a reader's bug or a library's on a strange file: one file quarantined
        raise Rejected(
            "broken_document",
            f"Reading the document failed ({type(error).__name__}: {error}); re-fetch it, or report the file.",
        ) from None
    if document is None:
        return None
    extracted, source_format = document
    if not extracted.text.strip():
        raise Rejected("empty", f"The {source_format} document has no text; re-fetch it.")
    return Decoded(extracted.text, None, source_format, extracted.page_starts,
                   ocr_confidence=extracted.ocr_confidence)


def decode_bytes(data: bytes) -> Decoded:
    """Decode one report file; raises Rejected (see REASONS)."""
    if not data:
        raise Rejected("empty", "The file is 0 bytes; re-fetch it from its source.")
    document = _decode_document(data)
    if document is not None:
        return document
    _reject_magic(data)
    bom_encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if bom_encoding is None:
        text, encoding = _decode_without_bom(data)
    else:
        decoded = _strict(data, bom_encoding)
        if decoded is None:
            decoded = _strict(data, bom_encoding, complete=False)
        if decoded is None:
            raise Rejected(
                "undecodable",
                f"Starts with a byte-order mark but is not valid {bom_encoding}; the file is "
                "corrupted or mislabelled: re-fetch it or re-save it as UTF-8.",
            )
        text, encoding = decoded, bom_encoding
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = len(_CONTROL.findall(text))
    if controls * 100 > len(text):
        raise Rejected(
            "binary",
            f"{controls} of its {len(text)} characters (decoded as {encoding}) are control "
            "characters, so it is binary data, not text; check what the scraper saved.",
        )
    source_format, source_url, stated_date = "text", None, None
    if _looks_like_html(text):
        source_url, stated_date = page_address(text), page_date(text)
        text, source_format = html_to_text(text), "html"
    if not text.strip():
        what = "an HTML page with no visible text" if source_format == "html" else "only whitespace"
        raise Rejected("empty", f"Decoded as {encoding}, it is {what}; re-fetch the report page.")
    return Decoded(text, encoding, source_format, source_url=source_url, page_date=stated_date)


# ---------------------------------------------------------------------------------------------
# HTML → text
#
# A hand-written scanner, kept after measuring the libraries against it: the same renderer fed by a
# walk of selectolax's (lexbor) or lxml's tree gives identical text on the 77 corpus reports as
# HTML pages (dev, seeds, sample via synthetic.documents.as_html) and on 17 of the 18 pages of
# tests/transforms/test_decode.py and test_saved_page.py, but a tree cannot tell a <nav> that is
# never closed from one closed at the end, so such a page lost its whole report (the scanner keeps
# it); and the scanner was faster (0.26–0.36 ms a page against 0.40–0.78 for selectolax and
# 0.37–1.01 for lxml, two runs on a busy machine).

# A page starts with markup (perhaps after an XML declaration, doctype or comments); a scraped
# fragment may start with text but has several tags. A plain-text report has neither. The atomic
# group stops a comment from being retried as a longer one, which is exponential on failure.
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:(?><!--.*?-->)\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|p|div|table|span|font|center|h[1-6])\b",
    re.I | re.S,
)
_HTML_TAG = re.compile(r"<(?:html|head|body|meta|p|div|table|tr|td|br|span|font)\b[^<>]*>", re.I)
_HTML_TAGS_FOR_FRAGMENT = 3


def _looks_like_html(text: str) -> bool:
    if _HTML_START.match(text):
        return True
    found = islice(_HTML_TAG.finditer(text), _HTML_TAGS_FOR_FRAGMENT)
    return sum(1 for _ in found) == _HTML_TAGS_FOR_FRAGMENT


# Comments, declarations and processing instructions (group 2 is None), or a tag. A '>' inside a
# quoted attribute value ends the tag early: rare, and it keeps the scan linear.
_MARKUP = re.compile(r"<!--.*?(?:-->|\Z)|<[!?][^>]*>|<(/?)([a-zA-Z][a-zA-Z0-9:-]*)([^>]*)>", re.S)
# Elements whose content is not markup and never shown as text: skip to the matching end tag.
_RAW_TEXT = {
    name: re.compile(rf"</{name}\s*>", re.I)
    for name in ("script", "style", "title", "textarea", "iframe", "noembed", "noframes", "xmp")
}
# Page furniture, dropped with everything inside. header/footer only outside <article>/<main>,
# where they hold the article's own title or date.
_DROPPED = frozenset({"head", "nav", "aside", "noscript", "template", "select", "svg"})
_ARTICLE = frozenset({"article", "main"})
# Menus, breadcrumbs and footers built from plain <div>/<ul>/<td> are marked by class or id.
_CHROME_ATTR = re.compile(
    r"""\b(?:class|id)\s*=\s*["']?[^"'>]*?(?<![a-z0-9])"""
    r"(?:nav|navbar|navigation|menu|breadcrumbs?|crumbs?|footer)(?![a-z0-9])"
    r"""|\brole\s*=\s*["']?navigation""",
    re.I,
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
     "track", "wbr"})
# Dropping these by class would drop the page: ASP.NET sites wrap everything in one <form>.
_NEVER_DROPPED = _VOID | {"html", "body", "form"} | _ARTICLE
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre",
    "section", "summary", "ul",
})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_BLANK_RUNS = re.compile(r"\n{3,}")
_LINE_BREAK, _CELL_SEPARATOR = "\n", " | "


class _Renderer:
    """Accumulates visible text. Block boundaries are *owed* separators, paid only when more text
    follows on the same line, so empty blocks and leading/trailing tags leave no blank lines."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.line_has_text = False
        self.owed: str | None = None  # _LINE_BREAK, or one _CELL_SEPARATOR per cell begun
        # Per open table: [the current row has text, the current cell has no text yet].
        self.tables: list[list[bool]] = []
        self.pre_depth = 0

    def text(self, chunk: str) -> None:
        if "&" in chunk:
            chunk = html.unescape(chunk)
        if not self.pre_depth:
            self._inline(_HTML_SPACE.sub(" ", chunk))
            return
        first, *rest = chunk.split("\n")
        self._inline(first)
        for line in rest:
            self.line_break()
            self._inline(line)

    def _inline(self, chunk: str) -> None:
        # Only collapsible spaces: a space between words, never a line of its own. A no-break
        # space counts as text, as in a browser, so <p>&nbsp;</p> is a blank line.
        if not chunk.strip(" \t\f"):
            if chunk and self.line_has_text and self.owed is None:
                self.out.append(" ")
            return
        if self.line_has_text and self.owed:
            self.out.append(self.owed)
        self.owed = None
        self.out.append(chunk)
        self.line_has_text = True
        for table in self.tables:
            table[0], table[1] = True, False

    def line_break(self) -> None:
        """<br>, or a newline inside <pre>: always a new line (two in a row make a blank one)."""
        if self.line_has_text and self.owed == _LINE_BREAK:
            self.out.append("\n")
        self.out.append("\n")
        self.line_has_text = False
        self.owed = None

    def block(self) -> None:
        # Word-exported tables wrap each cell's text in <p>: that must not split the row.
        if not (self.tables and self.tables[-1][1]):
            self.owed = _LINE_BREAK

    def cell(self) -> None:
        if self.tables:
            table = self.tables[-1]
            if table[0]:
                # Replaces the break owed by the previous cell's closing </p>; adds up after an
                # empty cell, so that later cells keep their column.
                earlier = self.owed if self.owed != _LINE_BREAK else None
                self.owed = (earlier or "") + _CELL_SEPARATOR
            table[1] = True

    def row(self) -> None:
        if self.tables:
            self.tables[-1][:] = [False, False]
        self.owed = _LINE_BREAK

    def table(self, closing: bool) -> None:
        if closing:
            if self.tables:
                self.tables.pop()
            self.block()
        else:
            self.block()
            self.tables.append([False, False])

    def result(self) -> str:
        lines = "".join(self.out).split("\n")
        text = "\n".join(line.strip(" \t\xa0") for line in lines)
        return _BLANK_RUNS.sub("\n\n", text).strip("\n")


def _render(page: str, keep: frozenset[str] | None) -> tuple[str, str | None]:
    """Render `page`, dropping page furniture except elements named in `keep` (None: drop none).

    Returns the text and, if a dropped element was never closed, its name (the text is then
    incomplete and the caller renders again keeping that element).
    """
    out = _Renderer()
    end = page.rfind(">") + 1  # no tag can start after the last '>': keeps failed scans short
    pos = 0
    skipping: str | None = None  # name of the dropped element we are inside
    depth = 0  # nesting of `skipping` elements
    in_article = 0
    while match := _MARKUP.search(page, pos, end):
        if skipping is None and match.start() > pos:
            out.text(page[pos:match.start()])
        pos = match.end()
        if match.group(2) is None:
            continue
        name = match.group(2).lower()
        closing = match.group(1) == "/"
        attrs = match.group(3)
        if not closing and name in _RAW_TEXT:
            close = _RAW_TEXT[name].search(page, pos)
            pos = close.end() if close else len(page)
        elif skipping:
            if name == skipping and not attrs.endswith("/"):
                depth += -1 if closing else 1
                if depth == 0:
                    skipping = None
        elif not closing and keep is not None and name not in keep and _is_furniture(
                name, attrs, in_article):
            skipping, depth = name, 1
        elif name == "br":
            out.line_break()  # browsers treat </br> as <br> too
        elif name in ("td", "th"):
            if not closing:
                out.cell()
        elif name == "tr":
            out.row()
        elif name == "table":
            out.table(closing)
        elif name in _BLOCK:
            out.block()
            if name == "pre":
                out.pre_depth = max(0, out.pre_depth + (-1 if closing else 1))
            elif name in _ARTICLE:
                in_article = max(0, in_article + (-1 if closing else 1))
    if skipping:
        return "", skipping
    out.text(page[pos:])
    return out.result(), None


def _is_furniture(name: str, attrs: str, in_article: int) -> bool:
    if name in ("header", "footer"):
        return not in_article
    if name in _DROPPED:
        return True
    if name in _NEVER_DROPPED or attrs.endswith("/"):
        return False
    return bool(_CHROME_ATTR.search(attrs))


def html_to_text(page: str) -> str:
    """The visible text of an HTML page (LF line ends expected), one line per block.

    Block elements and table rows start new lines and <br> breaks one. Cells of a row are joined
    by ' | ' (an empty cell keeps its column except at the start or end of the row; a <p> inside
    a cell does not split the row). Entities are unescaped (&nbsp; is U+00A0), runs of HTML
    whitespace become one space (except in <pre>), spaces and no-break spaces at line ends are
    dropped and runs of blank lines become one blank line; <p>&nbsp;</p> and <p><br></p> make a
    blank line, as in a browser.

    Scripts, styles, comments, <head>, <nav>, <aside>, <select>, <noscript>, <header>/<footer>
    outside <article>/<main>, and elements whose class/id names a nav/menu/breadcrumb/footer are
    removed; one that is never closed is kept instead. CSS is not applied, so text hidden by a
    stylesheet is kept.
    """
    text, unclosed = _render(page, frozenset())
    if unclosed:  # e.g. a <nav> never closed: keep its content rather than lose the rest
        text, unclosed = _render(page, frozenset({unclosed}))
    if unclosed:
        text, _ = _render(page, None)
    return text


# ---------------------------------------------------------------------------------------------
# Is it a report at all?

MIN_CJK_CHARS = 20
_NON_CJK = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Words every report uses, simplified or traditional. Between their characters, mirror pages may
# put spaces, zero-width characters or pinyin annotations such as 公(gōng)開.
_ANCHOR_WORDS = ("信息公[开開]", "[资資][讯訊]公[开開]", "政[务務]公[开開]", "年度[报報]告", "依申[请請]",
                 "主[动動]公[开開]")
_GAP = r"(?:\s|[\u200b-\u200d\u2060\ufeff]|[(（][^()（）\u3400-\u9fff]{1,12}[)）])*"
_ANCHOR = re.compile(
    "|".join(_GAP.join(re.findall(r"\[[^]]+\]|.", word)) for word in _ANCHOR_WORDS))


def check_is_report(text: str) -> None:
    """Raise Rejected('not_a_report') unless `text` plausibly is (part of) an annual report."""
    cjk = len(_NON_CJK.sub("", text))
    if cjk < MIN_CJK_CHARS:
        raise Rejected(
            "not_a_report",
            f"Only {cjk} Chinese characters (a report has at least {MIN_CJK_CHARS}); check the "
            "scraper saved the report itself, not an error page, an index or an image placeholder.",
        )
    if not _ANCHOR.search(text):
        raise Rejected(
            "not_a_report",
            "None of 信息公开, 政务公开, 年度报告, 依申请 or 主动公开 (simplified or traditional) occurs; "
            "check this is a government information disclosure annual report.",
        )
