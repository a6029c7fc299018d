"""Properties of ogi.transforms.decode under random and corrupted input (about 12,000 cases)."""
from __future__ import annotations

import codecs
import html
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
import pytest

from ogi.transforms.decode import REASONS, Decoded, Rejected, check_is_report, decode_bytes, html_to_text

pytestmark = pytest.mark.slow  # hypothesis runs hundreds of decodes per test

SEED_DIR = Path(__file__).resolve().parents[2] / "sample_corpus"
SEEDS = [path.read_text(encoding="utf-8") for path in sorted(SEED_DIR.glob("*.txt"))]
ENCODINGS = {"utf-8", "utf-8-sig", "utf-16", "utf-32", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "gb18030", "cp950", "big5hkscs", "utf-8+replaced"}

# Seeds in the byte forms the scrapers deliver.
SEED_FORMS = [
    form
    for text in SEEDS
    for form in (
        text.encode("utf-8"),
        codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8"),
        text.encode("utf-16"),
        text.encode("gb18030"),
        ("<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n"))
         + "</body></html>").encode("utf-8"),
    )
]

# Characters a plain-text report can hold without being taken for something else: no controls but
# tab and newline (they make binary), no '<' (markup), no U+FEFF (a UTF-8 BOM when leading).
TEXT_CHARS = st.characters(
    exclude_categories=("Cc", "Cs"), include_characters="\n\t", exclude_characters="<\ufeff")


def plain_text(**size: int) -> st.SearchStrategy[str]:
    return st.text(TEXT_CHARS, **size).filter(
        lambda text: text.strip() and not text.lstrip().startswith(("%PDF", "GIF87a", "GIF89a")))


# Every character Big5 (cp950) can encode in two bytes.
BIG5_CHARS = sorted({
    char
    for lead in range(0xA1, 0xFA)
    for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF))
    for char in (bytes((lead, trail)).decode("cp950", "ignore"),)
    if char
})
GBK_AMBIGUOUS = "2017年，本镇主动公开政府信息数为62条，其中通过政府网站公开48条。\n"  # valid Big5 too
TRADITIONAL = "2017年，本鎮主動公開政府資訊數為62條，其中通過政府網站公開48條。\n"

# Hypothesis' per-example overhead dominates: these counts run in well under a minute.
MANY = settings(max_examples=2500, deadline=None)
SOME = settings(max_examples=1500, deadline=None)
FEW = settings(max_examples=500, deadline=None)


def outcome(data: bytes) -> Decoded | Rejected:
    """decode_bytes then check_is_report, asserting that only Rejected ever escapes."""
    try:
        decoded = decode_bytes(data)
    except Rejected as error:
        assert error.reason in set(REASONS) - {"not_a_report"} and error.detail
        return error
    assert decoded.encoding in ENCODINGS and decoded.source_format in {"text", "html"}
    assert "\r" not in decoded.text and decoded.text.strip()
    assert decode_bytes(data) == decoded
    try:
        check_is_report(decoded.text)
    except Rejected as error:
        assert error.reason == "not_a_report" and error.detail
    return decoded


@MANY
@given(st.binary(max_size=3000))
def test_random_bytes_decode_or_are_rejected(data: bytes) -> None:
    outcome(data)


@FEW
@given(st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                        codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE]), st.binary(max_size=2000))
def test_random_bytes_after_a_bom_decode_or_are_rejected(bom: bytes, data: bytes) -> None:
    outcome(bom + data)


MARKUP = st.sampled_from([
    "<p>", "</p>", "<br>", "<br/>", "<div class='nav'>", "<div>", "</div>", "<table>", "</table>",
    "<tr>", "</tr>", "<td>", "</td>", "<th colspan=2>", "<nav>", "</nav>", "<header>", "</header>",
    "<article>", "</article>", "<pre>", "</pre>", "<script>", "</script>", "<style>", "</style>",
    "<head>", "</head>", "<body>", "<!--", "-->", "<!DOCTYPE html>", "<?xml?>", "&nbsp;", "&lt;",
    "&#12288;", "&#x;", "&", "<", ">", "/", "'", '"', "=", " ", "\n", "\r\n", "\t", "\xa0",
    "信息公开", "年度报告", "表", "62",
])


@SOME
@given(st.lists(st.one_of(MARKUP, st.text(max_size=5)), max_size=60))
def test_markup_soup_renders_to_tidy_lines(parts: list[str]) -> None:
    soup = "".join(parts)
    text = html_to_text(soup.replace("\r\n", "\n"))
    assert text == text.strip("\n") and "\n\n\n" not in text
    assert all(line == line.strip(" \t\xa0") for line in text.split("\n"))
    outcome(soup.encode("utf-8", "surrogatepass"))


@SOME
@given(plain_text())
def test_utf8_text_round_trips(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")) == Decoded(text, "utf-8", "text")


@FEW
@given(plain_text())
def test_utf16_text_round_trips(text: str) -> None:
    assert decode_bytes(text.encode("utf-16")) == Decoded(text, "utf-16", "text")


@SOME
@given(plain_text())
def test_gb18030_text_round_trips_unless_ambiguous(text: str) -> None:
    data = text.encode("gb18030")
    decoded = decode_bytes(data)
    assert decoded.source_format == "text"
    if decoded.encoding == "gb18030":
        assert decoded.text == text
    else:
        # Short texts can be valid UTF-8 or Big5 as well; then that complete decoding was chosen.
        assert decoded.encoding in {"utf-8", "cp950"}
        assert decoded.text == data.decode(decoded.encoding)


@FEW
@given(plain_text(max_size=20))
def test_report_sentence_with_random_tail_is_gb18030(tail: str) -> None:
    # The sentence scores 53 common characters as GBK and 1 as Big5; 20 characters of tail make
    # at most 40 Big5 characters, so the choice must not flip.
    text = GBK_AMBIGUOUS + tail
    assert decode_bytes(text.encode("gb18030")) == Decoded(text, "gb18030", "text")


@FEW
@given(st.text(st.sampled_from(BIG5_CHARS), max_size=30))
def test_traditional_sentence_with_random_tail_is_big5(tail: str) -> None:
    # 87 common characters as Big5, 8 as GB18030; 30 tail characters are 60 bytes at most.
    text = TRADITIONAL + tail
    assert decode_bytes(text.encode("cp950")) == Decoded(text, "cp950", "text")


MUTATION = st.tuples(st.sampled_from(["flip", "delete", "insert", "truncate"]),
                     st.floats(0, 1), st.binary(min_size=1, max_size=8))


@MANY
@given(st.sampled_from(SEED_FORMS), st.lists(MUTATION, min_size=1, max_size=4))
def test_mutated_reports_only_raise_rejected(
        data: bytes, mutations: list[tuple[str, float, bytes]]) -> None:
    for kind, where, junk in mutations:
        at = int(where * len(data))
        if kind == "flip":
            if at < len(data):
                data = data[:at] + bytes([data[at] ^ junk[0]]) + data[at + 1:]
        elif kind == "delete":
            data = data[:at] + data[at + len(junk):]
        elif kind == "insert":
            data = data[:at] + junk + data[at:]
        else:
            data = data[:at]
    outcome(data)
