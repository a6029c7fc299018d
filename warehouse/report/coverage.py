"""Which reports exist (organs × years) and whether they came out by the legal deadline."""
from __future__ import annotations

import duckdb
import plotly.graph_objects as go
import polars as pl
from plotly.subplots import make_subplots

from ogi.warehouse.report.model import Chart, Section
from ogi.warehouse.report.queries import fetch
from ogi.warehouse.report.style import layout, plural

# Organs drawn in the coverage grid; beyond a few dozen rows a grid cannot be read.
MAX_GRID_ORGANS = 60

# Cell states of the grid, (label, colour); a cell's value is the index of its state.
_CELL_STATES = (
    ("no report", "#eeeeee"),
    ("report with figures", "#2a9d8f"),
    ("report, no figures extracted", "#e9c46a"),
    ("several reports", "#264653"),
)


def _cell_state(has_report: bool, copies: int, parse_status: str | None) -> int:
    if not has_report:
        return 0
    if copies > 1:
        return 3
    return 1 if parse_status == "parsed" else 2


def coverage_grid(con: duckdb.DuckDBPyConnection, quarantined_files: int) -> Chart:
    cells = fetch(con, "coverage_grid", max_organs=MAX_GRID_ORGANS)
    organs = cells["label"].unique(maintain_order=True).to_list()
    organs_total = cells["organs_total"][0] if len(cells) else 0
    reports = int(cells["copies"].sum() or 0)
    quarantine_note = (f" {plural(quarantined_files, 'file')} were quarantined and appear in no cell (their "
                       "organ and year are unknown); see Data quality.") if quarantined_files else ""
    if organs_total > len(organs):
        shown = f"the {len(organs)} organs with the most reports, of {organs_total:,}"
    else:
        shown = plural(len(organs), "organ")
    caption = (f"Each row is an organ (under its latest official name), each column a statistics year in which "
               f"the organ was expected to report (blank: the organ did not exist that year); the colour says "
               f"whether a report exists and whether figures were extracted from it. "
               f"Shows {shown}; rests on {plural(reports, 'report')}.{quarantine_note}")
    title = "Coverage: organs × years"
    if cells.is_empty():
        return Chart("coverage-grid", title, caption, None)

    years = sorted(cells["report_year"].unique().to_list())
    states = {(row["label"], row["report_year"]): row for row in cells.iter_rows(named=True)}
    z, text = [], []
    for organ in organs:
        z_row, text_row = [], []
        for year in years:
            row = states.get((organ, year))
            if row is None:  # a year outside the organ's existence: not expected
                z_row.append(None)
                text_row.append(f"{organ} {year}: not expected")
                continue
            z_row.append(_cell_state(row["has_report"], row["copies"], row["parse_status"]))
            text_row.append(f"{organ} {year}: " + (f"{row['source_file']} ({row['parse_status']}, "
                                                   f"{row['copies']} report(s))" if row["has_report"] else "no report"))
        z.append(z_row)
        text.append(text_row)
    last = len(_CELL_STATES) - 1
    colorscale = [[bound, colour] for i, (_, colour) in enumerate(_CELL_STATES)
                  for bound in (i / len(_CELL_STATES), (i + 1) / len(_CELL_STATES))]
    figure = go.Figure(go.Heatmap(
        z=z, x=years, y=organs, text=text, hoverinfo="text", zmin=-0.5, zmax=last + 0.5,
        colorscale=colorscale, xgap=2, ygap=2,
        colorbar={"tickvals": list(range(len(_CELL_STATES))), "ticktext": [label for label, _ in _CELL_STATES],
                  "len": 160, "lenmode": "pixels", "y": 1, "yanchor": "top"},
    ))
    layout(figure, height=140 + 22 * len(organs), xaxis={"dtick": 1, "side": "top"},
           yaxis={"autorange": "reversed"}, margin={"l": 200, "r": 20, "t": 50, "b": 20})
    return Chart("coverage-grid", title, caption, figure)


def on_time_by_year(by_year: pl.DataFrame) -> Chart:
    reports = int(by_year["reported"].sum() or 0)
    covered_expected = int(by_year["covered_expected"].sum() or 0)
    caption = (f"Per statistics year, the reports by whether they came out by the legal deadline (3月31日 of the "
               f"next year; 1月31日 for departments since 2019), late, or with no stated date (bars, left axis). "
               f"The line is coverage where the corpus reaches (right axis): of the organs expected to report in "
               f"the counties (at each level) with at least one report that year, the share that did — "
               f"{int(by_year['covered_published'].sum() or 0):,} of {covered_expected:,} organ-years in all. "
               f"Rests on {plural(reports, 'report')}, {int(by_year['expected'].sum() or 0):,} expected organ-years.")
    title = "Timeliness and coverage by year"
    if by_year.is_empty():
        return Chart("timeliness-by-year", title, caption, None)
    years = by_year["report_year"].to_list()
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    for name, values, colour in (("on time", by_year["on_time"], "#2a9d8f"), ("late", by_year["late"], "#e76f51"),
                                 ("no date stated", by_year["undated"], "#bdbdbd")):
        figure.add_trace(go.Bar(x=years, y=list(values), name=name, marker_color=colour), secondary_y=False)
    # A year the corpus does not reach has no coverage to draw (None: a gap), not a coverage of 0.
    coverage = [published / expected if expected else None
                for published, expected in zip(by_year["covered_published"], by_year["covered_expected"])]
    figure.add_trace(go.Scatter(
        x=years, y=coverage, name="coverage where the corpus reaches", mode="lines+markers+text",
        texttemplate="%{y:.0%}", textposition="top center", line={"color": "#264653"},
        customdata=by_year.select("covered_published", "covered_expected").rows(),
        hovertemplate="%{x}: %{customdata[0]} of %{customdata[1]} organs",
    ), secondary_y=True)
    layout(figure, barmode="stack", xaxis={"dtick": 1})
    figure.update_yaxes(title_text="reports", secondary_y=False)
    figure.update_yaxes(title_text="coverage", tickformat=".0%", range=[0, 1.05], tickmode="auto", showgrid=False,
                        secondary_y=True)
    return Chart("timeliness-by-year", title, caption, figure)


def days_late(by_year: pl.DataFrame) -> Chart:
    dated = by_year.filter(pl.col("days_late_median").is_not_null())
    reports = int((dated["on_time"] + dated["late"]).sum() or 0)
    caption = (f"Days between the legal deadline and the publication date the report states (below 0: early), "
               f"per statistics year: box from the first to the third quartile, line at the median, whiskers "
               f"at the extremes. Rests on {plural(reports, 'report')} stating a publication date.")
    title = "Days late"
    if dated.is_empty():
        return Chart("days-late", title, caption, None)
    figure = go.Figure(go.Box(
        x=dated["report_year"].to_list(), q1=dated["days_late_q1"].to_list(),
        median=dated["days_late_median"].to_list(), q3=dated["days_late_q3"].to_list(),
        lowerfence=dated["days_late_min"].to_list(), upperfence=dated["days_late_max"].to_list(),
        name="days late", marker_color="#264653", showlegend=False,
    ))
    figure.add_hline(y=0, line_dash="dot", line_color="#e76f51", annotation_text="deadline")
    layout(figure, xaxis={"dtick": 1}, yaxis={"title": "days after the deadline"})
    return Chart("days-late", title, caption, figure)


def coverage_section(con: duckdb.DuckDBPyConnection, quarantined_files: int) -> Section:
    return Section("coverage", "Coverage", "Which reports exist for which organ and year.",
                   (coverage_grid(con, quarantined_files),))


def timeliness_section(con: duckdb.DuckDBPyConnection) -> Section:
    by_year = fetch(con, "timeliness_by_year")
    return Section("timeliness", "Publication timeliness",
                   "Whether reports came out by the legal deadline, and how many expected reports exist.",
                   (on_time_by_year(by_year), days_late(by_year)))
