"""A build through the real pipeline reads a report's PDF, Word and HTML copies like its text, and
reads a scan by OCR once the ocr extra is there (quarantined as needs_ocr before); the manifest beside the raw folder gives a file its address."""
from __future__ import annotations

import os

from synthetic.documents import as_docx, as_html, as_pdf, as_text, scanned_report
from tests.transforms.test_documents import F21_REPORT, SCANNED_LINES, TITLE
from ogi.transforms.documents import ocr
from ogi.warehouse.connection import connect_read_only
from ogi.warehouse.settings import SAMPLE_CORPUS


def test_pdf_and_docx_copies_reach_the_marts_with_their_media_type_pages_and_address(
    tmp_path, ogi_env, build, monkeypatch
) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "report.txt").write_text(as_text(F21_REPORT), encoding="utf-8")
    (raw / "report.pdf").write_bytes(as_pdf(F21_REPORT, running_header=TITLE))
    (raw / "report.docx").write_bytes(as_docx(F21_REPORT))
    page = as_html(F21_REPORT, "http://www.example.gov.cn/zwgk/ndbg/2023.html")
    # the site's info bar, in a footer that rendering drops: the stated date survives in dim_report
    page = page.replace("</body>", "<footer>发布日期：2024-01-26</footer></body>")
    (raw / "report.html").write_text(page, encoding="utf-8")
    (raw / "scan.pdf").write_bytes(scanned_report(SCANNED_LINES))
    (tmp_path / "manifest.jsonl").write_text(
        '{"path": "report.pdf", "source_url": "http://example.gov.cn/ndbg/2023.pdf", "fetched_at": "2024-02-01T09:00:00Z"}\n',
        encoding="utf-8")
    with monkeypatch.context() as without_ocr:
        without_ocr.setattr(ocr, "available", lambda: False)
        assert build(raw).success
    with connect_read_only(ogi_env["OGI_WAREHOUSE"]) as con:
        assert con.execute("SELECT source_file, reason FROM staging.quarantine").fetchall() == [("scan.pdf", "needs_ocr")]
    assert build(raw).success  # OCR now "installed": the scan is read, nothing else is parsed again
    with connect_read_only(ogi_env["OGI_WAREHOUSE"]) as con:
        media = dict(con.execute("SELECT source_file, media_type || ' ' || text_source FROM marts.dim_report").fetchall())
        confidence = con.execute("SELECT ocr_confidence FROM marts.dim_report WHERE text_source = 'ocr'").fetchall()
        dates = dict(con.execute(
            "SELECT source_file, CAST(publish_date AS VARCHAR) || ' ' || publish_date_source FROM marts.dim_report"
        ).fetchall())
        addresses = con.execute(
            "SELECT source_file, source_url, CAST(fetched_at AS VARCHAR) FROM marts.dim_report "
            "WHERE source_url IS NOT NULL OR fetched_at IS NOT NULL").fetchall()
        quarantined = dict(con.execute("SELECT source_file, reason FROM staging.quarantine").fetchall())
        rows = con.execute("""
            SELECT report.source_file, obs.indicator_code, obs.proceeding_code, obs.result_code,
                   obs.doc_type_code, obs.matter_code, obs.outcome_code, obs.value, obs.page
            FROM marts.fct_observation AS obs JOIN marts.dim_report AS report USING (report_key)
            ORDER BY ALL""").fetchall()
    assert media == {"report.txt": "text file", "report.pdf": "pdf file", "report.docx": "docx file",
                     "report.html": "html file", "scan.pdf": "pdf ocr"}
    assert len(confidence) == 1 and 0.5 < confidence[0][0] <= 1
    assert quarantined == {}
    assert dates["report.html"] == "2024-01-26 page"
    assert dates["report.pdf"].endswith(" file_mtime")
    assert sorted(addresses) == [
        ("report.html", "http://www.example.gov.cn/zwgk/ndbg/2023.html", None),  # its canonical link
        ("report.pdf", "http://example.gov.cn/ndbg/2023.pdf", "2024-02-01 09:00:00+00"),  # the manifest's
    ]
    by_file: dict[str, list] = {}
    pages: dict[str, dict] = {}
    for source_file, *key, page in rows:
        by_file.setdefault(source_file, []).append(tuple(key))
        pages.setdefault(source_file, {})[tuple(key)] = page
    assert len(by_file["report.txt"]) == 33
    assert by_file["report.pdf"] == by_file["report.txt"] == by_file["report.docx"] == by_file["report.html"]
    assert {page for name in ("report.txt", "report.docx", "report.html") for page in pages[name].values()} == {None}
    # the narrative is on page 1, the table-2 rows on page 2 and table 4 on page 3 of the PDF
    assert pages["report.pdf"][("pd_items_total", None, None, None, None, None, 125.0)] == 1
    assert pages["report.pdf"][("art20_decisions", None, None, None, "licensing", None, 36.0)] == 2
    assert pages["report.pdf"][("appeal_count", "admin_review", "total", None, None, None, 1.0)] == 3
    assert by_file["scan.pdf"] == [
        ("pd_items_by_channel", None, None, None, None, None, 150.0),
        ("pd_items_total", None, None, None, None, None, 186.0),
        ("req_received", None, None, None, None, None, 5.0),
    ]
    assert set(pages["scan.pdf"].values()) == {1}


def test_the_sample_reports_as_text_pdf_and_docx_give_identical_marts(tmp_path, ogi_env, build) -> None:
    """The README's mixed folder: each sample report three times, as its text, printed to PDF (the
    title repeated at the top of each page) and written as a .docx."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for sample in sorted(SAMPLE_CORPUS.glob("*.txt")):
        text = sample.read_text(encoding="utf-8")
        paragraphs = [line for line in text.split("\n") if line.strip()]
        (raw / sample.name).write_text(text, encoding="utf-8")
        (raw / f"{sample.stem}.pdf").write_bytes(as_pdf(paragraphs, running_header=paragraphs[0]))
        (raw / f"{sample.stem}.docx").write_bytes(as_docx(paragraphs))
    for path in raw.iterdir():  # one modification time, which a report without a stated date is dated by
        os.utime(path, (1_700_000_000, 1_700_000_000))
    assert build(raw).success
    # what differs between the copies by design: the file itself, where each figure stands in its
    # text, and which copy the panel uses for the organ-year
    file_columns = ("report_key", "source_file", "sha256", "media_type", "text_source", "is_panel_choice")
    with connect_read_only(ogi_env["OGI_WAREHOUSE"]) as con:
        assert con.execute("SELECT count(*) FROM staging.quarantine").fetchone() == (0,)
        reports = con.execute(
            f"SELECT source_file, * EXCLUDE ({', '.join(file_columns)}) FROM marts.dim_report ORDER BY source_file"
        ).fetchall()
        observations = con.execute("""
            SELECT report.source_file, obs.* EXCLUDE (report_key, evidence, span_start, span_end, page)
            FROM marts.fct_observation AS obs JOIN marts.dim_report AS report USING (report_key)
            ORDER BY ALL""").fetchall()
        pages = con.execute("""
            SELECT DISTINCT report.media_type, obs.page IS NULL FROM marts.fct_observation AS obs
            JOIN marts.dim_report AS report USING (report_key)""").fetchall()
    assert len(reports) == 15

    def by_sample(rows) -> dict[str, dict[str, list]]:
        copies: dict[str, dict[str, list]] = {}
        for source_file, *row in rows:
            stem, suffix = source_file.rsplit(".", 1)
            copies.setdefault(stem, {}).setdefault(suffix, []).append(tuple(row))
        return copies

    for rows in (reports, observations):
        for stem, copies in by_sample(rows).items():
            assert set(copies) == {"txt", "pdf", "docx"}, stem
            assert copies["pdf"] == copies["txt"] == copies["docx"], stem
    assert sum(len(copies["txt"]) for copies in by_sample(observations).values()) >= 25
    assert sorted(pages) == [("docx", True), ("pdf", False), ("text", True)]
