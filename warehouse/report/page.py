"""The HTML page: plotly.js inlined once (the file must open offline), the sections of charts with
their captions, and the data dictionary of the analysts' tables."""
from __future__ import annotations

from datetime import timezone
from html import escape

import plotly.io as pio
import plotly.offline
import polars as pl

from warehouse.dictionary import column_docs
from warehouse.report.model import Chart, Section
from warehouse.report.style import FONT_FAMILY, PLOT_CONFIG

_CSS = f"""
body {{ font-family: {FONT_FAMILY}; margin: 0 auto; max-width: 1100px; padding: 0 24px 48px; color: #222; }}
header {{ border-bottom: 1px solid #ddd; margin-bottom: 16px; }}
nav a {{ margin-right: 14px; }}
.summary {{ display: flex; gap: 28px; flex-wrap: wrap; margin: 12px 0 20px; }}
.summary div {{ font-size: 14px; color: #555; }}
.summary b {{ display: block; font-size: 22px; color: #222; }}
.provenance {{ font-size: 13px; color: #555; margin: 0 0 12px; }}
figure {{ margin: 0 0 36px; }}
figure h3 {{ margin: 0 0 6px; }}
figcaption {{ color: #444; font-size: 14px; line-height: 1.5; margin-top: 6px; }}
.no-data {{ border: 1px dashed #bbb; background: #fafafa; color: #666; padding: 28px; text-align: center; }}
table {{ border-collapse: collapse; font-size: 13px; margin: 8px 0 16px; }}
th, td {{ border-bottom: 1px solid #eee; padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }}
details summary {{ cursor: pointer; font-family: monospace; font-size: 14px; margin: 4px 0; }}
code {{ background: #f3f3f3; padding: 0 3px; }}
"""


def _chart(chart: Chart) -> str:
    if chart.figure is None:
        state = "chart-empty"
        note = f"No data: the warehouse holds nothing to draw for “{chart.title}”."
        body = f'<div class="no-data">{escape(note)}</div>'
    else:
        state = "chart"
        # The div id is fixed (not plotly's random one) so the page is the same for the same warehouse.
        body = pio.to_html(chart.figure, full_html=False, include_plotlyjs=False, div_id=f"plot-{chart.key}",
                           config=PLOT_CONFIG, default_height=f"{chart.figure.layout.height}px")
    return (f'<figure id="{chart.key}" class="{state}"><h3>{escape(chart.title)}</h3>{body}'
            f"<figcaption>{escape(chart.caption)}</figcaption></figure>")


def _section(section: Section) -> str:
    charts = "\n".join(_chart(chart) for chart in section.charts)
    return (f'<section id="{section.key}"><h2>{escape(section.title)}</h2><p>{escape(section.intro)}</p>\n'
            f"{charts}</section>")


def _dictionary(columns: pl.DataFrame) -> str:
    docs = column_docs()
    tables = []
    for rows in columns.partition_by("table_schema", "table_name", maintain_order=True):
        schema, table = rows["table_schema"][0], rows["table_name"][0]
        cells = "".join(
            f"<tr><td><code>{escape(row['column_name'])}</code></td><td>{escape(row['data_type'])}</td>"
            f"<td>{escape(docs.get(table, {}).get(row['column_name'], ''))}</td></tr>"
            for row in rows.iter_rows(named=True)
        )
        tables.append(f"<details><summary>{escape(schema)}.{escape(table)}</summary><table>"
                      f"<tr><th>column</th><th>type</th><th>meaning</th></tr>{cells}</table></details>")
    return ('<section id="dictionary"><h2>Data dictionary</h2><p>The tables to query with '
            '<code>ogi sql</code> and their columns (docs/data-dictionary.md has the codes; docs/cookbook.md has '
            'worked questions).</p>' + "\n".join(tables) + "</section>")


def _provenance(summary: dict) -> str:
    """Where the figures come from: the warehouse file, the build that made it, the parser."""
    built = summary["built_at"]
    when = built.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if built else "unknown"
    parts = (("warehouse", summary["warehouse"]), ("built", when), ("from the raw folder", summary["raw_folder"]),
             ("parser", summary["parser_versions"]))
    return ('<p class="provenance">' + " · ".join(
        f"{escape(label)} <code>{escape(str(value) if value else 'unknown')}</code>" for label, value in parts)
        + "</p>")


def render_page(summary: dict, sections: tuple[Section, ...], columns: pl.DataFrame) -> str:
    years = (f"{summary['first_year']}–{summary['last_year']}" if summary["first_year"] is not None else "none")
    figures = (("reports", f"{summary['reports']:,}"), ("organs reporting", f"{summary['organs']:,}"),
               ("statistics years", years), ("observations", f"{summary['observations']:,}"),
               ("files quarantined", f"{summary['quarantined_files']:,}"))
    stats = "".join(f"<div><b>{escape(value)}</b>{escape(label)}</div>" for label, value in figures)
    nav = "".join(f'<a href="#{section.key}">{escape(section.title)}</a>' for section in sections)
    body = "\n".join(_section(section) for section in sections)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Government information disclosure annual reports: the warehouse</title>
<style>{_CSS}</style>
<script>{plotly.offline.get_plotlyjs()}</script>
</head>
<body>
<header>
<h1>政府信息公开工作年度报告 — the warehouse</h1>
<div class="summary">{stats}</div>
{_provenance(summary)}
<nav>{nav}<a href="#dictionary">Data dictionary</a></nav>
</header>
{body}
{_dictionary(columns)}
</body>
</html>
"""
