"""PDF and Word reports: the same observations as the plain text, spans exact in the stored text,
pages for PDFs, and bad documents quarantined with what to do."""
from __future__ import annotations

import io
import re
import zipfile

import numpy
import pytest
from fpdf import FPDF

from synthetic.documents import as_docx, as_html, as_image, as_pdf, as_text, scanned_pdf, scanned_report
from ogi.transforms.decode import Rejected, decode_bytes
from ogi.transforms.documents import docx as docx_reader
from ogi.transforms.documents import ocr
from ogi.transforms.documents import pdf as pdf_reader
from ogi.transforms.parse import parse_report
from ogi.warehouse.settings import SAMPLE_CORPUS

pytestmark = pytest.mark.slow  # PDFs and .docx written and read back, OCR of scans

TITLE = "白沙镇2023年政府信息公开工作年度报告"
FILLER = ("（一）加强组织领导。我镇调整了信息公开工作领导小组，明确专人负责网站维护和信息发布等具体工作，"
          "按时完成年度报告的编制与发布。")
F21_REPORT = [
    TITLE,
    "一、总体情况",
    "2023年，我镇主动公开政府信息125条，其中通过政府网站公开98条。全年共收到政府信息公开申请7件，均已按时答复。",
    *[FILLER] * 14,  # pushes the tables onto later pages
    "二、主动公开政府信息情况",
    [["第二十条第(一)项", "", "", ""], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
     ["规章", "0", "0", "0"], ["行政规范性文件", "3", "1", "12"]],
    [["第二十条第(五)项", ""], ["信息内容", "本年处理决定数量"], ["行政许可", "36"]],
    [["第二十条第(六)项", ""], ["信息内容", "本年处理决定数量"], ["行政处罚", "8"], ["行政强制", "2"]],
    [["第二十条第(八)项", ""], ["信息内容", "本年收费金额(单位:万元)"], ["行政事业性收费", "2.4"]],
    *[FILLER] * 6,
    "三、收到和处理政府信息公开申请情况",
    [["(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "", "申请人情况", "", "", "", "", "", ""],
     ["", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
     ["一、本年新收政府信息公开申请数量", "", "6", "1", "0", "0", "0", "0", "7"],
     ["二、上年结转政府信息公开申请数量", "", "1", "0", "0", "0", "0", "0", "1"],
     ["三、本年度办理结果", "(一)予以公开", "4", "1", "0", "0", "0", "0", "5"],
     ["", "(二)部分公开", "1", "0", "0", "0", "0", "0", "1"],
     ["", "(七)总计", "6", "1", "0", "0", "0", "0", "7"],
     ["四、结转下年度继续办理", "", "1", "0", "0", "0", "0", "0", "1"]],
    "四、政府信息公开行政复议、行政诉讼情况",
    [["行政复议", "", "", "", "", "行政诉讼", "", "", "", "", "", "", "", "", ""],
     ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
     ["", "", "", "", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
     ["1", "0", "0", "0", "1", "0", "1", "0", "0", "1", "0", "0", "0", "0", "0"]],
    "五、存在的主要问题及改进情况",
    "一是公开内容不够全面；二是解读形式较为单一。",
]
_GRID = [(proceeding, result) for proceeding in ("admin_review", "litigation_direct", "litigation_after_review")
         for result in ("upheld", "corrected", "other", "pending", "total")]
# (indicator, dimensions) → (value, the figure as the text states it), read off the tables above.
F21_EXPECTED = {
    ("pd_items_total", ()): (125, "125"),
    ("pd_items_by_channel", (("channel_code", "website"),)): (98, "98"),
    **{("art20_" + column, (("doc_type_code", doc),)): (value, str(value))
       for doc, values in (("rule", (0, 0, 0)), ("normdoc", (3, 1, 12)))
       for column, value in zip(("made", "repealed", "in_force"), values)},
    ("art20_decisions", (("matter_code", "licensing"),)): (36, "36"),
    ("art20_decisions", (("matter_code", "penalty"),)): (8, "8"),
    ("art20_decisions", (("matter_code", "coercion"),)): (2, "2"),
    ("art20_fee_amount", (("matter_code", "fees"),)): (24000, "2.4"),  # 万元
    ("req_received", ()): (7, "7"),
    ("req_carried_over_in", ()): (1, "1"),
    ("req_outcome", (("outcome_code", "out_granted"),)): (5, "5"),
    ("req_outcome", (("outcome_code", "out_partial"),)): (1, "1"),
    ("req_outcome_total", ()): (7, "7"),
    ("req_carried_forward", ()): (1, "1"),
    **{("appeal_count", (("proceeding_code", p), ("result_code", r))): (v, str(v))
       for (p, r), v in zip(_GRID, (1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0))},
}

T14_REPORT = [
    "红石乡2016年政府信息公开工作年度报告",
    "本报告由红石乡人民政府编制，报告中所列数据的统计期限自2016年1月1日起至2016年12月31日止。",
    "附表:政府信息公开情况统计表",
    [["统计指标", "单位", "统计数"],
     ["一、主动公开情况", "", ""],
     ["(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)", "条", "186"],
     ["其中:主动公开规范性文件数", "条", "4"],
     ["(二)通过不同渠道和方式公开政府信息的情况", "", ""],
     ["2.政府网站公开政府信息数", "条", "150"],
     ["三、依申请公开情况", "", ""],
     ["(一)收到申请数", "件", "5"],
     ["1.当面申请数", "件", "2"],
     ["3.网络申请数", "件", "3"],
     ["(二)申请办结数", "件", "5"],
     ["2.同意公开答复数", "件", "4"],
     ["6.申请信息不存在数", "件", "1"],
     ["四、行政复议数量", "件", "0"],
     ["(三)接受培训人员数", "人次", "60"]],
]
T14_EXPECTED = {
    ("pd_items_total", ()): (186, "186"),
    ("pd_normdocs_disclosed", ()): (4, "4"),
    ("pd_items_by_channel", (("channel_code", "website"),)): (150, "150"),
    ("req_received", ()): (5, "5"),
    ("req_received", (("channel_code", "in_person"),)): (2, "2"),
    ("req_received", (("channel_code", "online"),)): (3, "3"),
    ("req_concluded", ()): (5, "5"),
    ("req_outcome", (("outcome_code", "old_granted"),)): (4, "4"),
    ("req_outcome", (("outcome_code", "old_not_exist"),)): (1, "1"),
    ("appeal_count", (("proceeding_code", "admin_review"), ("result_code", "total"))): (0, "0"),
    ("training_attendees", ()): (60, "60"),
}

_DIMENSIONS = ("channel_code", "applicant_code", "outcome_code", "proceeding_code", "result_code",
               "doc_type_code", "matter_code")


def _scan(blocks: list) -> bytes:
    """The report's pages as a scanner saves them, without the filler paragraphs (a page image
    does not wrap them): T14 on one page as a JPEG, F21 on two as a TIFF."""
    blocks = [block for block in blocks if block != FILLER]
    if blocks[0] == T14_REPORT[0]:
        return as_image([blocks], "JPEG")
    cut = blocks.index("四、政府信息公开行政复议、行政诉讼情况")
    return as_image([blocks[:cut], blocks[cut:]], "TIFF")


_WRITERS = {
    "text": lambda blocks: as_text(blocks).encode("utf-8"),
    "html": lambda blocks: as_html(blocks, "http://www.example.gov.cn/ndbg.html").encode("utf-8"),
    "pdf": as_pdf, "docx": as_docx, "image": _scan,
}


def _observations(data: bytes, media_type: str):
    decoded = decode_bytes(data)
    assert decoded.source_format == media_type
    assert (decoded.ocr_confidence is not None) == (media_type == "image")
    return decoded, parse_report(decoded.text).observations


@pytest.mark.parametrize("media_type", sorted(_WRITERS))
@pytest.mark.parametrize(("blocks", "expected", "format_code"),
                         [(F21_REPORT, F21_EXPECTED, "F21"), (T14_REPORT, T14_EXPECTED, "T14")], ids=["F21", "T14"])
def test_each_file_type_gives_the_observations_of_the_tables(blocks, expected, format_code, media_type) -> None:
    if media_type == "image":
        assert ocr.available(), f"OCR is missing: {ocr.INSTALL}"
    decoded, observations = _observations(_WRITERS[media_type](blocks), media_type)
    assert parse_report(decoded.text).meta.format_code == format_code
    found = {}
    for obs in observations:
        key = (obs.indicator_code, tuple((d, getattr(obs, d)) for d in _DIMENSIONS if getattr(obs, d)))
        assert key not in found, key
        evidence = decoded.text[obs.span_start:obs.span_end]
        assert evidence == obs.evidence
        found[key] = (obs.value, evidence)
    assert {key: value for key, (value, _) in found.items()} == {key: value for key, (value, _) in expected.items()}
    for key, (_, figure) in expected.items():
        assert re.search(rf"(?<![\d.]){re.escape(figure)}(?![\d.])", found[key][1]), (key, found[key][1])


def test_pdf_pages_without_their_page_numbers_and_running_header() -> None:
    decoded = decode_bytes(as_pdf(F21_REPORT, running_header=TITLE))
    assert len(decoded.page_starts) == 3 and decoded.page_starts[0] == 0
    assert not re.search(r"^- \d -$", decoded.text, re.M)
    assert decoded.text.count(TITLE) == 1 and decoded.text.startswith(TITLE)
    # the first line of each later page is the report's own text, right after the previous page's
    for start in decoded.page_starts[1:]:
        assert decoded.text[start - 1] == "\n" and decoded.text[start] != "\n"


def test_a_bare_page_number_is_furniture_only_where_the_page_number_stands() -> None:
    pages = [["报告正文第一页", "1"], ["第二页的表格", "行政许可 36", "2"], ["第三页", "9"]]
    pdf_reader._drop_furniture(pages)
    # '9' is at the edge of page 3 but is not its number: a cell, kept
    assert pages == [["报告正文第一页"], ["第二页的表格", "行政许可 36"], ["第三页", "9"]]


def test_running_headers_and_footers_repeat_but_rows_of_zeros_may_too() -> None:
    title = "河口街道2022年政府信息公开工作年度报告"
    with_footer = [[title, "正文", "0 0 0 0 0", "河口街道办事处"], [title, "续表", "0 0 0 0 0", "河口街道办事处"]]
    pdf_reader._drop_furniture(with_footer)
    assert with_footer == [[title, "正文", "0 0 0 0 0"], ["续表", "0 0 0 0 0"]]
    ending_in_zeros = [[title, "正文", "0 0 0 0 0"], [title, "续表", "0 0 0 0 0"]]
    pdf_reader._drop_furniture(ending_in_zeros)
    assert ending_in_zeros == [[title, "正文", "0 0 0 0 0"], ["续表", "0 0 0 0 0"]]


def test_docx_table_rows_are_lines_of_cells() -> None:
    text = decode_bytes(as_docx(["标题", [["", "信息内容", "本年处理决定数量", ""], ["", "行政许可", "36", ""]]])).text
    assert text == "标题\n信息内容 | 本年处理决定数量\n行政许可 | 36\n"


def _reason(data: bytes) -> Rejected:
    with pytest.raises(Rejected) as caught:
        decode_bytes(data)
    return caught.value


SCANNED_LINES = ["红石乡2016年政府信息公开工作年度报告", "一、主动公开政府信息情况",
                 "全年主动公开政府信息186条，其中通过政府网站公开150条。", "二、依申请公开情况",
                 "全年共收到政府信息公开申请5件，均已按时答复。"]


def test_a_scanned_pdf_needs_ocr_without_the_ocr_extra(monkeypatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    error = _reason(scanned_pdf())
    assert error.reason == "needs_ocr"
    assert "2 of its 2 pages" in error.detail and 'pip install "ogi-warehouse[ocr]"' in error.detail


@pytest.mark.parametrize("image_format", ["PNG", "JPEG", "TIFF"])
def test_an_image_needs_ocr_without_the_ocr_extra(monkeypatch, image_format) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    error = _reason(as_image([SCANNED_LINES], image_format))
    assert error.reason == "needs_ocr"
    assert f"A {image_format} image" in error.detail and 'pip install "ogi-warehouse[ocr]"' in error.detail


def test_a_scanned_report_is_read_by_ocr() -> None:
    assert ocr.available(), f"OCR is missing: {ocr.INSTALL}"
    decoded = decode_bytes(scanned_report(SCANNED_LINES))
    assert decoded.source_format == "pdf" and 0.5 < decoded.ocr_confidence <= 1
    assert decoded.text == "\n".join(SCANNED_LINES) + "\n"
    found = {(o.indicator_code, o.channel_code): o.value for o in parse_report(decoded.text).observations}
    assert found == {("pd_items_total", None): 186, ("pd_items_by_channel", "website"): 150, ("req_received", None): 5}


def test_a_png_page_is_read_by_ocr() -> None:
    assert ocr.available(), f"OCR is missing: {ocr.INSTALL}"
    decoded = decode_bytes(as_image([SCANNED_LINES], "PNG"))
    assert decoded.source_format == "image" and decoded.page_starts == (0,)
    assert decoded.text == "\n".join(SCANNED_LINES) + "\n"


def test_a_scan_with_nothing_to_read() -> None:
    assert ocr.available(), f"OCR is missing: {ocr.INSTALL}"
    error = _reason(scanned_pdf())
    assert error.reason == "empty" and "OCR read no text on its 2 pages" in error.detail


def test_a_truncated_image() -> None:
    data = as_image([SCANNED_LINES], "JPEG")
    error = _reason(data[: len(data) // 2])
    assert error.reason == "broken_document" and "re-fetch" in error.detail


def test_lines_of_ocr_boxes_follow_the_ruling_of_a_table_row() -> None:
    # A row 100 px high between rules at y=100 and y=200, and a prose line below it. The label
    # wraps in its cell over two lines; the figure is centred between them.
    page = numpy.full((400, 600), 255, dtype=numpy.uint8)
    page[99:101, 50:550] = page[199:201, 50:550] = 0
    for x in (50, 300, 549):
        page[100:200, x:x + 2] = 0

    def box(left, top, right, bottom, text):
        return [[left, top], [right, top], [right, bottom], [left, bottom]], text, 0.9

    found = [box(60, 110, 200, 145, "(一)予以"), box(60, 150, 120, 185, "公开"), box(310, 135, 330, 165, "O"),
             box(60, 250, 400, 285, "全年共收到申请5件。"), box(60, 300, 400, 335, "均已按时答复。")]
    lines, characters, confidence = ocr._lines(found, ocr._table_rows(page))
    assert ocr._table_rows(page) == [(101, 198)]
    assert lines == ["(一)予以公开 0", "全年共收到申请5件。", "均已按时答复。"]
    assert characters == 5 + 2 + 1 + 10 + 7 and confidence == pytest.approx(0.9 * characters)


def test_an_encrypted_pdf() -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    error = _reason(bytes(pdf.output()))
    assert error.reason == "encrypted_pdf" and "password" in error.detail


def test_a_truncated_pdf() -> None:
    data = as_pdf(T14_REPORT)
    error = _reason(data[: len(data) // 3])
    assert error.reason == "broken_document" and "re-fetch" in error.detail


def test_a_500_page_pdf_is_more_than_a_report() -> None:
    assert pdf_reader.MAX_PAGES < 500
    error = _reason(scanned_pdf(500))
    assert error.reason == "oversized_document" and "500 pages" in error.detail


def test_a_zip_bomb_named_docx(monkeypatch) -> None:
    monkeypatch.setattr(docx_reader, "MAX_EXPANDED_BYTES", 1 << 20)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(as_docx(T14_REPORT))) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in source.infolist():
            bomb.writestr(info, source.read(info))
        bomb.writestr("word/media/padding.bin", b"\0" * (2 << 20))  # 2 MB of zeros, a few KB packed
    assert len(out.getvalue()) < 100_000
    error = _reason(out.getvalue())
    assert error.reason == "oversized_document"


def test_a_broken_docx() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document>not closed")
    error = _reason(out.getvalue())
    assert error.reason == "broken_document"


@pytest.mark.parametrize(("stream", "named"), [("WordDocument", "Word 97–2003 document (.doc"),
                                               ("Workbook", "(.xls)"), (None, "another kind")])
def test_old_office_files_name_their_format_and_say_how_to_convert_them(stream, named) -> None:
    # an OLE header, then a directory entry naming the main stream as OLE files do (UTF-16LE)
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    if stream:
        data += stream.encode("utf-16-le") + bytes(64)
    error = _reason(data)
    assert error.reason == "old_word_format" and named in error.detail and "--convert-to docx" in error.detail


def test_lines_wrapped_at_the_margin_are_joined_but_not_sentence_ends_or_table_rows() -> None:
    lines = ["全年通过政府网站和政务新媒体主动公开信息", "共计86条，其中规范性文件", "行政许可办理情况见下表第二十条。",
             "第二十条第(五)项 本年处理决定数量", "行政许可 41"]
    assert pdf_reader._unwrap(lines) == (
        "全年通过政府网站和政务新媒体主动公开信息共计86条，其中规范性文件\n行政许可办理情况见下表第二十条。\n"
        "第二十条第(五)项 本年处理决定数量\n行政许可 41", False)
    assert pdf_reader._unwrap(lines[:1]) == (lines[0], True)  # goes on: a full line, no sentence end


def test_a_paragraph_across_a_page_break_stays_one_line() -> None:
    paragraph = ("全年共受理政府信息公开申请事项，均在法定期限内答复，" * 8) + "全年收到依申请公开申请16件。"
    decoded = decode_bytes(as_pdf([TITLE, *[FILLER] * 18, paragraph, "二、主动公开政府信息情况"]))
    start = decoded.text.index(paragraph)  # with no line break inside
    assert start < decoded.page_starts[1] < start + len(paragraph)
    received = [o for o in parse_report(decoded.text).observations if o.indicator_code == "req_received"]
    assert [o.value for o in received] == [16]


@pytest.mark.parametrize("sample", sorted(SAMPLE_CORPUS.glob("*.txt")), ids=lambda path: path.name[:3])
def test_the_sample_reports_printed_to_pdf_and_docx_give_the_observations_of_their_text(sample) -> None:
    text = sample.read_text(encoding="utf-8")
    paragraphs = [line for line in text.split("\n") if line.strip()]

    def key_values(decoded_text: str) -> list[tuple]:
        return sorted((o.indicator_code, *(getattr(o, d) or "" for d in _DIMENSIONS), o.value)
                      for o in parse_report(decoded_text).observations)

    reference = key_values(text)
    assert len(reference) >= 5
    # the title repeats at the top of every later page, as a running header does
    assert key_values(decode_bytes(as_pdf(paragraphs, running_header=paragraphs[0])).text) == reference
    assert key_values(decode_bytes(as_docx(paragraphs)).text) == reference



def test_the_per_file_time_limit_stops_ocr_between_two_steps(tmp_path, monkeypatch) -> None:
    from ogi.orchestration.ingestion import parsing

    assert ocr.available(), f"OCR is missing: {ocr.INSTALL}"
    monkeypatch.setattr(parsing, "FILE_SECONDS", 1.0)  # less than OCR takes for one page
    path = tmp_path / "scan.tif"
    path.write_bytes(as_image([SCANNED_LINES] * 3, "TIFF"))
    result = parsing.process_content("0" * 64, str(path))
    assert (result.status, result.reason) == ("rejected", "time_limit")
