"""The HTML report (warehouse.report), rendered for the sample corpus and opened in a real headless
browser: Debian's chromium (`scripts/install_test_services.sh` installs it; `make test` runs that first).

The browser runs with every host name unresolvable, so a chart that needed the network would not
draw. Figures were counted by hand on sample_corpus/*.txt: five town reports of five organs (2017:
康大营镇, 新合镇, 北大湖镇, 前卫镇; 2018: 大信镇), one stated publication date (北大湖镇, 2018年1月10日:
80 days before 2018-03-31), four reports that split their disclosures by channel (all but 康大营镇),
one that states request outcomes (新合镇). The organs expected to report are, besides these, every
township of their counties in the gazetteer, so their number is read from the warehouse.
"""
from __future__ import annotations

import json
import os
import re
import struct
import subprocess
import sys
from datetime import timezone
from pathlib import Path

import duckdb
import polars as pl
import pytest

from ogi.transforms.parse import PARSER_VERSION
from ogi.warehouse.connection import connect_read_only
from ogi.warehouse.report import write_report
from ogi.warehouse.report.activity import UNKNOWN, activity_sections, panel_by, proactive_items, proactive_reach
from ogi.warehouse.report.coverage import MAX_GRID_ORGANS, coverage_section, timeliness_section
from ogi.warehouse.report.quality import LOW_CONFIDENCE
from ogi.warehouse.report.queries import SQL_DIR, fetch
from ogi.warehouse.settings import SAMPLE_CORPUS

pytestmark = pytest.mark.slow  # a build, and the report opened in chromium

CHROMIUM = Path("/usr/bin/chromium")
OGI = Path(sys.executable).parent / "ogi"

# Every chart of the report, by its element id.
CHARTS = (
    "coverage-grid", "proactive-items", "proactive-reach", "requests-received", "outcome-mix", "trends-by-province",
    "trends-by-level", "timeliness-by-year", "days-late", "file-outcomes", "flags", "observations-per-report",
    "low-confidence",
)

# Put first into the page under test: collects uncaught errors, rejected promises and console.error
# calls into an element that --dump-dom then shows.
ERROR_COLLECTOR = """<script>
(function () {
  var errors = [];
  function note(message) {
    errors.push(String(message));
    var box = document.getElementById("page-errors");
    if (box) box.textContent = JSON.stringify(errors);
  }
  window.addEventListener("error", function (event) { note(event.message); });
  window.addEventListener("unhandledrejection", function (event) { note(event.reason); });
  var consoleError = console.error;
  console.error = function () {
    note(Array.prototype.join.call(arguments, " "));
    consoleError.apply(console, arguments);
  };
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.createElement("pre");
    box.id = "page-errors";
    box.textContent = JSON.stringify(errors);
    document.body.appendChild(box);
  });
})();
</script>"""


def _build(data: Path, raw: Path | None = None) -> Path:
    """`ogi build` into ``data`` (from the sample corpus unless ``raw`` is given); the warehouse file."""
    env = {name: value for name, value in os.environ.items() if not name.startswith(("OGI_", "DAGSTER_"))}
    command = [OGI, "build"] + (["--raw", str(raw)] if raw else [])
    subprocess.run(command, env={**env, "OGI_DATA_DIR": str(data)}, check=True, capture_output=True)
    return data / "warehouse.duckdb"


def _render(warehouse: Path, out: Path) -> Path:
    with connect_read_only(warehouse) as con:
        return write_report(con, out)


def _open_in_browser(report: Path, tmp: Path) -> tuple[str, list[str], bytes]:
    """Open ``report`` in chromium: the DOM it ends up with, the errors the page raised, and a
    screenshot (PNG) of its first 1200 × 2400 pixels."""
    page = tmp / f"{report.stem}-instrumented.html"
    page.write_text(report.read_text(encoding="utf-8").replace("<head>", "<head>" + ERROR_COLLECTOR, 1),
                    encoding="utf-8")
    shot = tmp / f"{report.stem}.png"
    dom = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
         "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={tmp / 'chromium-profile'}",
         "--window-size=1200,2400",
         # Virtual time runs the page's scripts to completion (plotly draws) before the dump and shot.
         "--virtual-time-budget=15000", "--dump-dom", f"--screenshot={shot}", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout
    found = re.search(r'<pre id="page-errors">(.*?)</pre>', dom, re.DOTALL)
    assert found, "the error collector did not run"
    errors = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    return dom, errors, shot.read_bytes()


def _figures(dom: str) -> dict[str, tuple[str, str]]:
    """Each figure of the page by id: (its class, its inner HTML)."""
    return {m["id"]: (m["cls"], m["body"]) for m in re.finditer(
        r'<figure id="(?P<id>[^"]+)" class="(?P<cls>[^"]+)">(?P<body>.*?)</figure>', dom, re.DOTALL)}


def _captions(html: str) -> dict[str, str]:
    return {key: re.search(r"<figcaption>(.*?)</figcaption>", body, re.DOTALL).group(1)
            for key, (_, body) in _figures(html).items()}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(warehouse, report) for the five sample reports."""
    tmp = tmp_path_factory.mktemp("report_sample")
    warehouse = _build(tmp / "data")
    return warehouse, _render(warehouse, tmp / "out" / "report.html")


@pytest.fixture(scope="module")
def sample_in_browser(sample, tmp_path_factory) -> tuple[str, list[str], bytes]:
    return _open_in_browser(sample[1], tmp_path_factory.mktemp("browser"))


def test_the_browser_is_installed():
    assert CHROMIUM.exists(), "run scripts/install_test_services.sh (make test does)"


def test_every_report_query_is_one_statement_with_no_formatted_input():
    con = duckdb.connect()
    for path in sorted(SQL_DIR.glob("*.sql")):
        sql = path.read_text(encoding="utf-8")
        assert len(con.extract_statements(sql)) == 1, path.name
        assert "{" not in sql, f"{path.name}: parameters are bound ($name), never formatted in"


def test_no_report_query_joins_by_nested_loop(sample):
    # A nested loop compares every pair of rows: the panel by province and level took 27 s for
    # 100k synthetic reports that way (its join condition resolved open validity ends), 0.1 s by hash.
    params = {"unknown": UNKNOWN, "max_organs": MAX_GRID_ORGANS, "threshold": LOW_CONFIDENCE}
    with connect_read_only(sample[0]) as con:
        for path in sorted(SQL_DIR.glob("*.sql")):
            sql = path.read_text(encoding="utf-8")
            bound = {name: params[name] for name in re.findall(r"\$(\w+)", sql)}
            plan = "\n".join(row[1] for row in con.execute("EXPLAIN " + sql, bound or None).fetchall())
            assert "NL_JOIN" not in plan and "NESTED_LOOP" not in plan, path.name


def test_the_report_is_one_file_that_needs_no_network(sample):
    html = sample[1].read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"<script[^>]*\bsrc=|<link\b|<iframe\b|<img\b", html)
    # plotly.js inlined once; one Plotly.newPlot call per chart that has data.
    assert html.count("plotly.js v") == 1
    assert html.count("Plotly.newPlot(") == len(CHARTS)


def test_the_same_warehouse_gives_the_same_file(sample, tmp_path):
    warehouse, report = sample
    assert _render(warehouse, tmp_path / "again.html").read_bytes() == report.read_bytes()


def _expected(warehouse: Path) -> tuple[int, int]:
    """(organs, organ-years) expected to report."""
    with connect_read_only(warehouse) as con:
        return con.execute("SELECT count(DISTINCT town_key), count(*) FROM marts.fct_publication").fetchone()


def test_captions_say_how_many_reports_each_chart_rests_on(sample):
    captions = _captions(sample[1].read_text(encoding="utf-8"))
    organs, organ_years = _expected(sample[0])
    assert set(captions) == set(CHARTS)
    assert organs > 5  # the counties' other townships
    assert re.search(rf"Shows (the {MAX_GRID_ORGANS} organs with the most reports, of {organs}|{organs} organs); "
                     r"rests on 5 reports\.", captions["coverage-grid"])
    assert "rests on 4 reports splitting their disclosures by channel" in captions["proactive-items"]
    assert "Rests on 5 reports." in captions["requests-received"]
    assert "rests on 1 report stating outcomes" in captions["outcome-mix"]
    assert f"Rests on 5 reports, {organ_years:,} expected organ-years." in captions["timeliness-by-year"]
    assert "Rests on 1 report stating a publication date" in captions["days-late"]
    assert "What became of each of the 5 input files" in captions["file-outcomes"]


def test_the_charts_carry_the_sample_figures(sample):
    with connect_read_only(sample[0]) as con:
        (grid,) = coverage_section(con, quarantined_files=0).charts
        _, requests, trends = activity_sections(con)
        disclosed_share = con.execute(
            "SELECT share FROM marts.fct_outcome_shares WHERE h_outcome = 'h_disclosed'").fetchall()
    # Five organs with a report each; every other cell is an expected report not found.
    heatmap = grid.figure.data[0]
    organs, _ = _expected(sample[0])
    assert len(heatmap.y) == min(organs, MAX_GRID_ORGANS)
    cells = [cell for row in heatmap.z for cell in row if cell is not None]
    assert (cells.count(1), cells.count(0)) == (5, len(cells) - 5)
    # req_received: 新合镇 22; the other four state 无/未收到 (0); none is silent.
    received = {trace.name: list(trace.y) for trace in requests.charts[0].figure.data}
    assert received["received some"] == [1, 0]
    assert received["stated zero"] == [3, 1]
    assert received["not stated"] == [0, 0]
    assert received["requests received (total)"] == [22, 0]
    # 新合镇: 同意公开的数量为21条, drawn at the share the warehouse gives it.
    [disclosed] = [trace for trace in requests.charts[1].figure.data if trace.name == "公开 disclosed"]
    assert (list(disclosed.x), list(disclosed.customdata)) == ([2017], [21])
    assert list(disclosed.y) == [share for (share,) in disclosed_share]
    # 吉林省 2017: 康大营镇 62, 新合镇 44, 北大湖镇 48 items; one of the three received requests. No
    # report of 吉林省 in 2018 (大信镇 is in 山东省): a gap, not a point.
    jilin = [trace for trace in trends.charts[0].figure.data if trace.name == "吉林省"]
    assert [(list(trace.x), list(trace.y)) for trace in jilin] == [
        ([2017, 2018], [48, None]), ([2017, 2018], [pytest.approx(1 / 3), None])]


def test_the_coverage_line_is_the_share_where_the_corpus_reaches(sample):
    with connect_read_only(sample[0]) as con:
        (timeliness, _) = timeliness_section(con).charts
        covered = dict(con.execute(
            "SELECT report_year, sum(expected)::BIGINT FROM marts.fct_publication_coverage WHERE published > 0 "
            "GROUP BY 1").fetchall())
    [line] = [trace for trace in timeliness.figure.data if trace.type == "scatter"]
    # 2017: four reports in three counties (梅河口市 twice, 永吉县, 江川区); 2018: one (即墨区).
    assert list(line.x) == [2017, 2018]
    assert list(line.y) == [pytest.approx(4 / covered[2017]), pytest.approx(1 / covered[2018])]
    # The share is written on each point, so a small one still reads.
    assert line.texttemplate == "%{y:.0%}"
    # The bars are the reports: the organ-years with none are in the caption, not a bar that dwarfs them.
    bars = {trace.name: list(trace.y) for trace in timeliness.figure.data if trace.type == "bar"}
    assert bars == {"on time": [1, 0], "late": [0, 0], "no date stated": [3, 1]}
    assert f"5 of {covered[2017] + covered[2018]:,} organ-years in all" in timeliness.caption


def test_lines_leave_a_gap_for_a_year_without_reports():
    groups = pl.DataFrame({
        "grouping_kind": ["province"] * 3, "group_name": ["湖南省", "湖南省", "广西壮族自治区"],
        "report_year": [2010, 2013, 2011], "reports": [2, 3, 1], "pd_items_median": [10.0, 30.0, 7.0],
        "received_any_share": [0.5, 1.0, 0.0],
    })
    chart = panel_by(groups, "province", "province")
    hunan = [trace for trace in chart.figure.data if trace.name == "湖南省"]
    assert [list(trace.y) for trace in hunan] == [[10.0, None, None, 30.0], [0.5, None, None, 1.0]]
    assert all(list(trace.x) == [2010, 2011, 2012, 2013] and trace.connectgaps is False for trace in hunan)


def test_channel_bars_are_items_per_reporting_organ():
    channels = pl.DataFrame({
        "report_year": [2019, 2019, 2020], "channel_code": ["website", "weixin", "website"],
        "channel_name": ["政府网站", "政务微信", "政府网站"], "items": [90.0, 12.0, 40.0],
        "reports": [3, 1, 2], "year_reports": [3, 3, 2],
    })
    chart = proactive_items(channels)
    bars = {trace.name: (list(trace.x), list(trace.y)) for trace in chart.figure.data}
    # 2019: 90 items over the 3 reports splitting by channel, 12 over the same 3; 2020: 40 over 2.
    assert bars == {"政府网站 website": ([2019, 2020], [30.0, 20.0]), "政务微信 weixin": ([2019], [4.0])}
    assert chart.figure.layout.yaxis.title.text == "items per reporting organ"


def test_channel_reach_is_zero_where_reports_name_other_channels_and_a_gap_where_none_split():
    channels = pl.DataFrame({
        "report_year": [2019, 2019, 2020, 2022], "channel_code": ["website", "weixin", "website", "weixin"],
        "channel_name": ["政府网站", "政务微信", "政府网站", "政务微信"], "items": [90.0, 12.0, 40.0, 5.0],
        "reports": [3, 1, 2, 1], "year_reports": [4, 4, 2, 1],
    })
    lines = {trace.name: list(trace.y) for trace in proactive_reach(channels).figure.data}
    # 2020: two reports split by channel, none names WeChat (0); 2021: no report splits (gap).
    assert lines == {"政府网站 website": [0.75, 1.0, None, 0.0], "政务微信 weixin": [0.25, 0.0, None, 1.0]}
    assert all(trace.connectgaps is False and list(trace.x) == [2019, 2020, 2021, 2022]
               for trace in proactive_reach(channels).figure.data)


def test_the_page_says_where_its_figures_come_from(sample, sample_in_browser):
    warehouse, _ = sample
    with connect_read_only(warehouse) as con:
        raw_folder, built_at = con.execute("SELECT raw_folder, built_at FROM staging.stg_build").fetchone()
    dom, _, _ = sample_in_browser
    [provenance] = re.findall(r'<p class="provenance">(.*?)</p>', dom, re.DOTALL)
    assert f"warehouse <code>{warehouse}</code>" in provenance
    assert f"from the raw folder <code>{SAMPLE_CORPUS}</code>" in provenance and raw_folder == str(SAMPLE_CORPUS)
    assert f"built <code>{built_at.astimezone(timezone.utc):%Y-%m-%d %H:%M} UTC</code>" in provenance
    assert f"parser <code>{PARSER_VERSION}</code>" in provenance


def test_a_crowded_coverage_grid_keeps_the_organs_with_reports(sample):
    with connect_read_only(sample[0]) as con:
        cells = fetch(con, "coverage_grid", max_organs=5)
    # Labels are county and latest name (大信镇 is 大信街道 since 2020).
    assert {label.split()[-1] for label in cells["label"]} == {"康大营镇", "新合镇", "北大湖镇", "前卫镇", "大信街道"}
    assert cells["has_report"].sum() == 5


def test_the_report_carries_the_data_dictionary(sample):
    html = sample[1].read_text(encoding="utf-8")
    assert "<summary>marts.fct_town_year</summary>" in html
    assert "<summary>staging.quarantine</summary>" in html
    assert "<td><code>req_received</code></td><td>BIGINT</td><td>Requests received (收到/新收申请)" in html


def test_the_page_draws_every_chart_in_a_headless_browser_without_errors(sample_in_browser):
    dom, errors, _ = sample_in_browser
    assert errors == []
    figures = _figures(dom)
    assert set(figures) == set(CHARTS)
    for key, (state, body) in figures.items():
        assert state == "chart", key
        # Plotly replaced the empty div with its SVG, and drew the data.
        assert 'class="main-svg"' in body, key
        assert re.search(r'class="(trace |hm")', body), key
    # The coverage grid is a heatmap; the days late a box (one: 北大湖镇's -80 days).
    assert 'class="hm"' in figures["coverage-grid"][1]
    assert figures["days-late"][1].count('class="trace boxes') == 1


def test_the_screenshot_shows_a_rendered_page(sample_in_browser):
    _, _, data = sample_in_browser
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 2400)
    # A blank page compresses to a few kilobytes; charts with text and colour do not.
    assert len(data) > 100_000


def test_the_error_collector_catches_a_page_error(tmp_path):
    # Otherwise an empty error list above would prove nothing.
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><html><head></head><body><script>undefinedFunction();</script></body></html>")
    _, errors, _ = _open_in_browser(page, tmp_path)
    assert len(errors) == 1 and "undefinedFunction" in errors[0]


def test_an_empty_warehouse_gives_no_data_notes_not_broken_charts(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_bytes(b"")
    (raw / "note.txt").write_text("会议纪要：本周无事。", encoding="utf-8")
    report = _render(_build(tmp_path / "data", raw), tmp_path / "report.html")
    dom, errors, _ = _open_in_browser(report, tmp_path)
    assert errors == []
    figures = _figures(dom)
    # Only the input files exist (both quarantined); every other chart says so instead of drawing.
    assert figures.pop("file-outcomes")[0] == "chart"
    assert set(figures) == set(CHARTS) - {"file-outcomes"}
    for key, (state, body) in figures.items():
        assert state == "chart-empty", key
        assert "No data:" in body and "main-svg" not in body, key
    assert "2 files were quarantined" in _captions(dom)["coverage-grid"]


def test_text_from_the_warehouse_is_escaped_not_markup():
    # A raw folder, a caption and a column's type are data: the template must show them, never run them.
    from ogi.warehouse.report.model import Chart, Section
    from ogi.warehouse.report.page import render_page

    summary = {"built_at": None, "warehouse": "/data/<b>w</b>.duckdb", "raw_folder": "reports & <script>alert(1)</script>",
               "parser_versions": None, "first_year": None, "last_year": None, "reports": 0, "organs": 0,
               "observations": 0, "quarantined_files": 0}
    section = Section("s", "A & B", "intro <i>", (Chart("c", "title <u>", "caption \"<em>\"", None),))
    columns = pl.DataFrame({"table_schema": ["marts"], "table_name": ["t"], "column_name": ["<c>"],
                            "data_type": ["VARCHAR"]})
    page = render_page(summary, (section,), columns)
    body = page[page.index("<body>"):]
    assert "<script>alert(1)" not in body and "reports &amp; &lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "/data/&lt;b&gt;w&lt;/b&gt;.duckdb" in body
    assert "<h2>A &amp; B</h2><p>intro &lt;i&gt;</p>" in body
    assert "<h3>title &lt;u&gt;</h3>" in body and "caption &#34;&lt;em&gt;&#34;" in body
    assert "<code>&lt;c&gt;</code>" in body
    assert "parser <code>unknown</code>" in body and "built <code>unknown</code>" in body
