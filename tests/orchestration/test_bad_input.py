"""Bad input: every file is accounted for, re-encoded copies of a report give identical observations,
and junk is quarantined with a reason a person can act on."""
from __future__ import annotations

from ogi.warehouse.connection import connect_read_only
from ogi.warehouse.settings import SAMPLE_CORPUS

SEED = SAMPLE_CORPUS / "000_2ed911f94c529722.txt"


def _html(text: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>\n" for line in text.split("\n"))
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>年度报告</title>"
        "<style>p { margin: 0 }</style><script>var x = '<p>不是正文</p>';</script></head>"
        f"<body><nav class='nav'><a href='/'>首页</a> | <a href='/gk'>政务公开</a></nav>{paragraphs}</body></html>"
    )


def _bad_folder(raw):
    text = SEED.read_text(encoding="utf-8")
    raw.mkdir()
    (raw / "report_utf8.txt").write_bytes(text.encode("utf-8"))
    (raw / "report_gbk.txt").write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    (raw / "report_utf16.txt").write_bytes(text.encode("utf-16"))
    (raw / "report_bom.txt").write_bytes(text.encode("utf-8-sig"))
    (raw / "report.html").write_bytes(_html(text).encode("utf-8"))
    (raw / "empty.txt").write_bytes(b"")
    (raw / "scan.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    (raw / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (raw / "menu.txt").write_text("首页 新闻中心 联系我们 " * 10 + "欢迎访问本网站，今天天气晴朗，适合出行。", encoding="utf-8")
    (raw / "copy_of_utf8.txt").write_bytes(text.encode("utf-8"))
    (raw / "big.txt").write_bytes(b"a" * 20_001)  # above the limit the test sets


def test_every_bad_file_is_accounted_for_and_encodings_do_not_change_the_numbers(
    tmp_path, ogi_env, build, monkeypatch
):
    raw = tmp_path / "raw"
    _bad_folder(raw)
    monkeypatch.setenv("OGI_MAX_FILE_BYTES", "20000")  # the reports are 5–11 KB in any encoding
    assert build(raw).success
    with connect_read_only(ogi_env["OGI_WAREHOUSE"]) as con:
        quarantined = {name: (reason, kept) for name, reason, kept in con.execute(
            "SELECT source_file, reason, duplicate_of FROM staging.quarantine").fetchall()}
        reports = [name for (name,) in con.execute("SELECT source_file FROM marts.dim_report ORDER BY 1").fetchall()]
        observations = con.execute("""
            SELECT report.source_file, obs.indicator_code, obs.channel_code, obs.proceeding_code, obs.value
            FROM marts.fct_observation AS obs JOIN marts.dim_report AS report USING (report_key)
            ORDER BY ALL""").fetchall()
        files = con.execute("SELECT count(*) FROM staging.stg_file").fetchone()[0]
    assert quarantined == {
        "empty.txt": ("empty", None),
        "scan.pdf": ("broken_document", None),
        "photo.png": ("broken_document", None),  # an image goes to OCR, and this one is not a whole PNG
        "menu.txt": ("not_a_report", None),
        "big.txt": ("too_large", None),
        "report_utf8.txt": ("duplicate_of", "copy_of_utf8.txt"),
    }
    assert reports == ["copy_of_utf8.txt", "report.html", "report_bom.txt", "report_gbk.txt", "report_utf16.txt"]
    assert files == len(quarantined) + len(reports)
    by_file: dict[str, list] = {}
    for source_file, *key in observations:
        by_file.setdefault(source_file, []).append(tuple(key))
    reference = by_file["copy_of_utf8.txt"]
    assert len(reference) >= 10
    for name in reports:
        assert by_file[name] == reference, name
