"""The HTML page: plotly.js inlined once (the file must open offline), the sections of charts with
their captions, and the data dictionary of the analysts' tables. The markup is the jinja2 template
templates/page.html.j2; this module only prepares what it shows."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timezone
from functools import cache

import jinja2
import plotly.io as pio
import plotly.offline
import polars as pl
from markupsafe import Markup

from ogi.warehouse.dictionary import column_docs
from ogi.warehouse.report.model import Chart, Section
from ogi.warehouse.report.style import FONT_FAMILY, PLOT_CONFIG


@dataclass(frozen=True)
class _ShownChart:
    key: str
    title: str
    caption: str
    body: Markup | None  # plotly's div and script; None: the page says "no data"


@dataclass(frozen=True)
class _ShownSection:
    key: str
    title: str
    intro: str
    charts: tuple[_ShownChart, ...]


@dataclass(frozen=True)
class _Column:
    name: str
    type: str
    meaning: str


@dataclass(frozen=True)
class _Table:
    schema: str
    name: str
    columns: tuple[_Column, ...]


@cache
def _template() -> jinja2.Template:
    # Autoescape: captions, organ names and file names are data and must never become markup.
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("ogi.warehouse.report", "templates"), autoescape=True,
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return environment.get_template("page.html.j2")


def _shown(chart: Chart) -> _ShownChart:
    body = None
    if chart.figure is not None:
        # The div id is fixed (not plotly's random one) so the page is the same for the same warehouse.
        body = Markup(pio.to_html(chart.figure, full_html=False, include_plotlyjs=False, div_id=f"plot-{chart.key}",
                                  config=PLOT_CONFIG, default_height=f"{chart.figure.layout.height}px"))
    return _ShownChart(chart.key, chart.title, chart.caption, body)


def _dictionary(columns: pl.DataFrame) -> list[_Table]:
    docs = column_docs()
    return [
        _Table(rows["table_schema"][0], rows["table_name"][0], tuple(
            _Column(row["column_name"], row["data_type"], docs.get(row["table_name"], {}).get(row["column_name"], ""))
            for row in rows.iter_rows(named=True)))
        for rows in columns.partition_by("table_schema", "table_name", maintain_order=True)
    ]


def _provenance(summary: dict) -> list[tuple[str, str]]:
    """Where the figures come from: the warehouse file, the build that made it, the parser."""
    built = summary["built_at"]
    when = built.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if built else None
    parts = (("warehouse", summary["warehouse"]), ("built", when), ("from the raw folder", summary["raw_folder"]),
             ("parser", summary["parser_versions"]))
    return [(label, str(value) if value else "unknown") for label, value in parts]


def render_page(summary: dict, sections: tuple[Section, ...], columns: pl.DataFrame) -> str:
    years = (f"{summary['first_year']}–{summary['last_year']}" if summary["first_year"] is not None else "none")
    figures = (("reports", f"{summary['reports']:,}"), ("organs reporting", f"{summary['organs']:,}"),
               ("statistics years", years), ("observations", f"{summary['observations']:,}"),
               ("files quarantined", f"{summary['quarantined_files']:,}"))
    shown = [_ShownSection(section.key, section.title, section.intro, tuple(_shown(c) for c in section.charts))
             for section in sections]
    return _template().render(
        font_family=Markup(FONT_FAMILY), plotly_js=Markup(plotly.offline.get_plotlyjs()), figures=figures,
        provenance=_provenance(summary), sections=shown, dictionary=_dictionary(columns))
