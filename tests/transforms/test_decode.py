"""ogi.transforms.decode: one report, many byte forms, one text; and every rejection reason."""
from __future__ import annotations

import codecs
import html
import pickle
import re
from pathlib import Path

import pytest

from ogi.transforms.decode import Decoded, Rejected, check_is_report, decode_bytes, html_to_text

SEED_DIR = Path(__file__).resolve().parents[2] / "sample_corpus"
SEEDS = {path.name: path.read_text(encoding="utf-8") for path in sorted(SEED_DIR.glob("*.txt"))}

REPORT = (
    "2017年度某某镇政府信息公开工作年度报告\n"
    "\n"
    "根据《中华人民共和国政府信息公开条例》要求，现公布本镇2017年度政府信息公开工作年度报告。\n"
    "一、主动公开政府信息情况\n"
    "2017年，本镇主动公开政府信息数为62条，其中通过政府网站公开48条。\n"
    "二、依申请公开政府信息情况\n"
    "全年共收到政府信息公开申请3件，均已按时办理答复。\n"
)
TRADITIONAL_REPORT = (
    "2017年度某某鎮政府資訊公開工作年度報告\n"
    "根據《政府資訊公開條例》要求，現公佈本鎮2017年度政府資訊公開工作年度報告。\n"
    "一、主動公開政府資訊情況\n"
    "2017年，本鎮主動公開政府資訊數為62條，其中通過政府網站公開48條。\n"
    "二、依申請公開政府資訊情況\n"
)
# Lines whose GBK bytes are also valid Big5 (checked in the test), i.e. decode as Big5 garbage.
GBK_AMBIGUOUS = (
    "2017年，本镇主动公开政府信息数为62条，其中通过政府网站公开48条。\n"
    "本年度未发生因政府信息公开申请提起行政复议、行政诉讼的情况。\n"
)


def rejection(data: bytes) -> Rejected:
    with pytest.raises(Rejected) as caught:
        decode_bytes(data)
    return caught.value


def not_a_report(text: str) -> Rejected:
    with pytest.raises(Rejected) as caught:
        check_is_report(text)
    assert caught.value.reason == "not_a_report"
    return caught.value


def test_seed_texts_are_present() -> None:
    assert len(SEEDS) == 5


# --- plain text in every encoding --------------------------------------------------------------

TEXTS = {"report": REPORT, **SEEDS}
FORMS = {
    "utf-8": (lambda t: t.encode("utf-8"), "utf-8"),
    "utf-8 with BOM": (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
    "utf-16-le with BOM": (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16"),
    "utf-16-be with BOM": (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16"),
    "utf-32-le with BOM": (lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"), "utf-32"),
    "utf-16-le without BOM": (lambda t: t.encode("utf-16-le"), "utf-16-le"),
    "utf-16-be without BOM": (lambda t: t.encode("utf-16-be"), "utf-16-be"),
    "gb18030": (lambda t: t.encode("gb18030"), "gb18030"),
    "utf-8 CRLF": (lambda t: t.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    "utf-8 CR": (lambda t: t.replace("\n", "\r").encode("utf-8"), "utf-8"),
    "gb18030 CRLF": (lambda t: t.replace("\n", "\r\n").encode("gb18030"), "gb18030"),
    "utf-16 BOM CRLF": (lambda t: t.replace("\n", "\r\n").encode("utf-16"), "utf-16"),
}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", TEXTS)
def test_same_report_decodes_identically_in_every_form(name: str, form: str) -> None:
    encode, encoding = FORMS[form]
    assert decode_bytes(encode(TEXTS[name])) == Decoded(TEXTS[name], encoding, "text")


def test_gbk_encoded_reports() -> None:
    # GBK is GB18030's two-byte subset; only seed 003 (it has a no-break space) is not encodable.
    encodable = {name: text for name, text in TEXTS.items() if "\xa0" not in text}
    assert len(encodable) == 5
    for text in encodable.values():
        assert decode_bytes(text.encode("gbk")) == Decoded(text, "gb18030", "text")


def test_encoding_names_a_codec_that_reproduces_the_text() -> None:
    for data in (REPORT.encode("utf-16"), codecs.BOM_UTF8 + REPORT.encode(), REPORT.encode("gbk")):
        decoded = decode_bytes(data)
        assert data.decode(decoded.encoding) == decoded.text == REPORT


def test_line_ends_become_lf_and_nothing_else_changes() -> None:
    text = "政府信息公开\r\n第一行\r第二行\r\n\r\n\u3000\u3000全角缩进　ＡＢＣ１２３ 「繁體」\xa0\t尾\n"
    assert decode_bytes(text.encode("utf-8")).text == (
        "政府信息公开\n第一行\n第二行\n\n\u3000\u3000全角缩进　ＡＢＣ１２３ 「繁體」\xa0\t尾\n")


def test_big5_traditional_report() -> None:
    data = TRADITIONAL_REPORT.encode("cp950")
    data.decode("gb18030")  # also valid GB18030 (as garbage), so the choice is really made
    assert decode_bytes(data) == Decoded(TRADITIONAL_REPORT, "cp950", "text")


def test_gbk_that_is_also_valid_big5_decodes_as_gbk() -> None:
    data = GBK_AMBIGUOUS.encode("gbk")
    data.decode("cp950")  # also valid Big5, as garbage
    assert decode_bytes(data) == Decoded(GBK_AMBIGUOUS, "gb18030", "text")


def test_no_frequent_characters_either_way_is_gb18030() -> None:
    data = "梅河".encode("gbk")
    assert data.decode("cp950") == "繩碩"  # neither reading has a frequent character: a tie
    assert decode_bytes(data) == Decoded("梅河", "gb18030", "text")


def test_complete_gbk_beats_utf8_with_a_cut_off_tail() -> None:
    text = "ABC" + b"\xe4\xb8".decode("gbk")  # as UTF-8: "ABC" and the start of a character
    assert decode_bytes(text.encode("gbk")) == Decoded(text, "gb18030", "text")


def test_a_character_cut_off_at_the_end_is_dropped() -> None:
    assert decode_bytes("信息公开报告".encode("utf-8")[:-1]).text == "信息公开报"
    assert decode_bytes("信息公开报告".encode("gb18030")[:-1]).text == "信息公开报"


# --- HTML ------------------------------------------------------------------------------------

def page(body: str, head: str = "") -> str:
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n" + head + "<title>某某镇人民政府网</title>\n"
        "<style>\np { margin: 0 }\n</style>\n"
        '<script type="text/javascript">\n'
        'var menu = "<p>首页</p>"; if (a < b && c > d) {}\n</script>\n'
        "</head>\n<body>\n"
        '<div class="top-nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a></div>\n'
        "<nav><ul><li>机构概况</li><li>政策文件</li></ul></nav>\n"
        '<div class="breadcrumb">您当前的位置：首页 &gt; 政务公开 &gt; 年度报告</div>\n'
        "<!-- 正文开始 -->\n"
        '<div id="zoom">\n' + body + "\n</div>\n"
        "<aside>相关链接</aside>\n"
        '<div id="footer">主办：某某镇人民政府 备案号：某ICP备00000000号</div>\n'
        "<script>document.write('访问量');</script>\n"
        "</body>\n</html>\n"
    )


def paragraphs(text: str) -> str:
    """Each line of `text` as a paragraph, a blank line as an empty-looking one, as CMSes do."""
    return "\n".join(
        f"<p>{html.escape(line)}</p>" if line.strip() else "<p>&nbsp;</p>"
        for line in text.strip("\n").split("\n"))


def test_html_page_yields_the_plain_text_report() -> None:
    decoded = decode_bytes(page(paragraphs(REPORT)).encode("utf-8"))
    assert decoded.source_format == "html"
    # The plain-text version's final newline is the only difference.
    assert decoded.text == REPORT.rstrip("\n") == decode_bytes(REPORT.encode()).text.rstrip("\n")


@pytest.mark.parametrize("name", SEEDS)
def test_seed_reports_wrapped_in_html(name: str) -> None:
    text = SEEDS[name]
    # What the HTML form documents it loses: whitespace at line ends (indentation), runs of spaces
    # inside a line, and more than one blank line in a row.
    lines = [re.sub(" +", " ", line).strip(" \xa0") for line in text.split("\n")]
    expected = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    assert html_to_text(page(paragraphs(text))) == expected


def test_html_in_gbk_with_meta_charset_and_crlf_equals_utf8() -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">\n'
    utf8 = decode_bytes(page(paragraphs(REPORT)).encode("utf-8"))
    gbk = decode_bytes(page(paragraphs(REPORT), meta).replace("\n", "\r\n").encode("gbk"))
    assert (gbk.text, gbk.encoding, gbk.source_format) == (utf8.text, "gb18030", "html")


def test_html_rendering_details() -> None:
    body = (
        "<h1>2017年度政府信息公开工作年度报告</h1>"
        "<p>&nbsp;&nbsp;&nbsp;&nbsp;一、概述</p>\n"
        "<p>主动公开<b>62</b>条；<br>依申请公开&lt;3&gt;件&#12290;</p>"
        "<p><br></p>"
        "<div>第一段\n   被源码\n换行的文字</div>"
        "<ul><li>甲</li><li>乙</li></ul>"
        "<pre>  缩进行\n第二行</pre>"
    )
    assert html_to_text(page(body)) == (
        "2017年度政府信息公开工作年度报告\n"
        "一、概述\n"
        "主动公开62条；\n"
        "依申请公开<3>件。\n"
        "\n"
        "第一段 被源码 换行的文字\n"
        "甲\n"
        "乙\n"
        "缩进行\n"
        "第二行"
    )


def test_tables_flatten_to_one_line_per_row() -> None:
    table = (
        "<p>表一</p>"
        "<table border=1>\n"
        "<tr><th>项目</th><th>单位</th><th>数量</th></tr>\n"
        '<tr><td><p class="MsoNormal"><span>主动公开政府信息数</span></p></td>'
        "<td><p>条</p></td><td><p>62</p></td></tr>\n"
        "<tr><td>其中：网站公开</td><td></td><td>48</td></tr>\n"
        "</table><p>表后文字</p>"
    )
    assert html_to_text(table) == (
        "表一\n项目 | 单位 | 数量\n主动公开政府信息数 | 条 | 62\n其中：网站公开 |  | 48\n表后文字")


def test_layout_table_does_not_glue_the_report_to_the_menu() -> None:
    layout = (
        "<table><tr><td class='nav'>首页 政务公开</td><td><p>一、概述</p><p>二、主动公开</p>"
        "<table><tr><td>申请</td><td>3</td></tr></table></td></tr></table>"
    )
    assert html_to_text(layout) == "一、概述\n二、主动公开\n申请 | 3"


def test_header_and_footer_of_an_article_are_kept() -> None:
    article = ("<header>网站头</header><article><header><h1>年度报告</h1></header><p>正文</p>"
               "<footer>2018年1月10日</footer></article><footer>网站尾</footer>")
    assert html_to_text(article) == "年度报告\n正文\n2018年1月10日"


def test_unclosed_furniture_keeps_its_content() -> None:
    # A <nav> that is never closed would otherwise swallow the whole report.
    assert html_to_text("<html><body><nav>菜单<div><p>政府信息公开年度报告</p></div>") == (
        "菜单\n政府信息公开年度报告")


def test_head_without_end_tag_keeps_the_body() -> None:
    # </head> is optional in HTML.
    assert html_to_text("<html><head><meta charset=utf-8><body><p>正文</p>") == "正文"


def test_utf8_page_with_stale_gb2312_meta_is_utf8() -> None:
    data = page(paragraphs(REPORT), '<meta charset="gb2312">').encode("utf-8")
    assert decode_bytes(data).encoding == "utf-8"


def test_meta_charset_decides_between_gbk_and_big5() -> None:
    def minimal_page(charset: str, text: str) -> bytes:
        return (f'<html><head><meta charset="{charset}"></head><body>{paragraphs(text)}</body>'
                "</html>").encode("gbk")

    # These bytes are valid in both; the frequency check alone would say GB18030 (see above) ...
    data = minimal_page("big5", GBK_AMBIGUOUS)
    decoded = decode_bytes(data)
    assert decoded.encoding == "cp950"
    assert decoded.text == html_to_text(data.decode("cp950"))
    # ... but a declaration that does not decode cleanly is ignored.
    assert decode_bytes(minimal_page("big5", REPORT)).encoding == "gb18030"


def test_plain_text_with_stray_angle_brackets_stays_text() -> None:
    text = "政府信息公开年度报告\n收入<5万元的申请 3件，<br>残留\n"
    assert decode_bytes(text.encode()) == Decoded(text, "utf-8", "text")


def test_fragment_starting_with_text_is_html() -> None:
    fragment = "正文如下：<p>第一段</p><p>第二段</p><div>第三段</div>"
    assert decode_bytes(fragment.encode()) == Decoded(
        "正文如下：\n第一段\n第二段\n第三段", "utf-8", "html")


# --- rejections ------------------------------------------------------------------------------

def test_reasons_and_pickling() -> None:
    error = Rejected("binary", "Looks like a PDF.")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.reason, copy.detail) == ("binary", "Looks like a PDF.")
    assert str(copy) == "binary: Looks like a PDF."
    with pytest.raises(ValueError):
        Rejected("too_big", "no such reason")


@pytest.mark.parametrize("data", [b"", b" \r\n\t ", "\u3000\n".encode("utf-8"), codecs.BOM_UTF8])
def test_empty(data: bytes) -> None:
    error = rejection(data)
    assert error.reason == "empty"
    assert "re-fetch" in error.detail


def test_html_with_no_visible_text_is_empty() -> None:
    error = rejection(b"<html><head><script>var x = 1;</script></head><body>\n</body></html>")
    assert error.reason == "empty"
    assert "HTML" in error.detail


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (b"GIF89a\x01\x00\x01\x00", "GIF"),
        (b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml", ".docx"),
    ],
)
def test_binary_magic_numbers(data: bytes, named: str) -> None:
    error = rejection(data)
    assert error.reason == "binary"
    assert named in error.detail


@pytest.mark.parametrize(("data", "named"), [(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
                                           (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG")])
def test_page_images_go_to_ocr_and_a_cut_one_is_broken(data: bytes, named: str) -> None:
    # the first bytes of an image: read as an image (by OCR, tests/transforms/test_documents.py), not as text
    error = rejection(data)
    assert error.reason == "broken_document"
    assert f"The {named} image cannot be read" in error.detail


def test_traditional_text_in_utf16_without_bom() -> None:
    data = TRADITIONAL_REPORT.encode("utf-16-le")
    assert decode_bytes(data) == Decoded(TRADITIONAL_REPORT, "utf-16-le", "text")


@pytest.mark.parametrize(
    "data",
    [
        b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4,  # an executable's header and tables
        b"SQLite format 3\x00" + b"\x10\x00\x01\x01\x00@  \x00\x00\x00\x02" + b"\x00" * 200,
        "政府信息公开".encode() + b"\x00\x00\x00\x00" + "年度报告".encode(),  # UTF-8 with NULs in it
    ],
)
def test_nul_bytes_that_are_not_utf16_are_binary(data: bytes) -> None:
    error = rejection(data)
    assert error.reason == "binary"
    assert f"offset {data.index(0)}" in error.detail and "not UTF-16/UTF-32" in error.detail


def test_text_full_of_control_characters_is_binary() -> None:
    error = rejection(b"\x01\x02\x03\x04abc\x05\x06" * 20)
    assert error.reason == "binary"
    assert "control characters" in error.detail


def test_one_stray_control_character_is_tolerated() -> None:
    assert decode_bytes(REPORT.encode() + b"\x1a").text == REPORT + "\x1a"


def test_undecodable() -> None:
    data = REPORT.encode("utf-8")
    corrupted = data[:31] + b"\xff" + data[31:]  # "2017" + 9 three-byte characters
    error = rejection(corrupted)
    assert error.reason == "undecodable"
    assert "offset 31" in error.detail and "UTF-8" in error.detail


def test_a_long_utf8_report_with_one_broken_byte_is_kept_and_the_damage_named() -> None:
    text = REPORT * (600 // len(REPORT) + 1)  # long enough that one broken byte is a blemish
    data = text.encode("utf-8")
    corrupted = data[:31] + b"\xff" + data[31:]
    decoded = decode_bytes(corrupted)
    assert decoded.encoding == "utf-8+replaced"
    # Byte 31 follows "2017" and nine three-byte characters: character 13.
    assert decoded.text == text[:13] + "\ufffd" + text[13:]


def test_many_broken_bytes_are_still_undecodable() -> None:
    data = bytearray((REPORT * 40).encode("utf-8"))
    for offset in range(0, len(data), 40):
        data[offset] = 0xFF
    assert rejection(bytes(data)).reason == "undecodable"


def test_bom_with_invalid_content_is_undecodable() -> None:
    error = rejection(codecs.BOM_UTF8 + REPORT.encode("gbk"))
    assert error.reason == "undecodable"
    assert "utf-8-sig" in error.detail


# --- is it a report? -------------------------------------------------------------------------

@pytest.mark.parametrize("name", SEEDS)
def test_seed_reports_and_their_excerpts_are_reports(name: str) -> None:
    text = SEEDS[name]
    check_is_report(text)
    check_is_report(text[:120])


def test_traditional_and_mixed_reports_are_reports() -> None:
    check_is_report(TRADITIONAL_REPORT)
    check_is_report("本府依本條例辦理，2018年受理民眾申請案件共計十二件，並於期限內完成資訊公開。")
    check_is_report("本局全年共受理信息公開申請五件，均已依法於法定期限內予以答覆，並無逾期情形。")


def test_mirror_page_with_spam_and_pinyin_is_a_report() -> None:
    check_is_report(
        "★澳门娱乐★最新网址★ 某某区政府信(xìn)息(xī)公(gōng)開(kāi)工作年度報(bào)告 "
        "★免费注册送彩金★ 本年度共收到申请十件，全部按时办结。")
    check_is_report("政 府 信 息 公 开 工 作 年 度 报 告\n本镇全年共受理群众来访来电二十余次。")


def test_too_little_chinese_is_not_a_report() -> None:
    error = not_a_report("404 Not Found. 政府信息公开 nginx/1.18.0")
    assert "6 Chinese characters" in error.detail and "error page" in error.detail


def test_chinese_without_anchor_words_is_not_a_report() -> None:
    error = not_a_report("今天上午，市领导到我镇调研农业生产和防汛工作，听取了镇党委的工作汇报并作了重要讲话。")
    assert "信息公开" in error.detail and "年度报告" in error.detail


def test_anchor_characters_far_apart_do_not_count() -> None:
    not_a_report("信用体系建设情况良好，息事宁人，公正公平，开拓创新，年终工作总结如下，各项任务已按期完成。")
