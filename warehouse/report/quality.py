"""How far the numbers can be trusted: files set aside, contradictions flagged, observations per
report, and readings of low confidence."""
from __future__ import annotations

import duckdb
import plotly.graph_objects as go
import polars as pl

from ogi.warehouse.report.model import Chart, Section
from ogi.warehouse.report.queries import fetch
from ogi.warehouse.report.style import layout, plural
from ogi.warehouse.review import LOW_CONFIDENCE


def _horizontal_bars(frame: pl.DataFrame, label: str, value: str, colour: str, hover: list[str]) -> go.Figure:
    figure = go.Figure(go.Bar(y=frame[label].to_list(), x=frame[value].to_list(), orientation="h",
                              marker_color=colour, hovertext=hover, hoverinfo="text"))
    return layout(figure, height=120 + 32 * len(frame), yaxis={"autorange": "reversed"},
                  margin={"l": 260, "r": 20, "t": 20, "b": 40})


def file_outcomes(outcomes: pl.DataFrame) -> Chart:
    files = int(outcomes["files"].sum() or 0)
    quarantined = int(outcomes.filter(pl.col("outcome").str.starts_with("quarantined"))["files"].sum() or 0)
    caption = (f"What became of each of the {plural(files, 'input file')}: a report (by parse status) or "
               f"quarantined with a reason ({quarantined:,} quarantined; staging.quarantine says what to do "
               f"about each).")
    title = "Input files: reports and quarantine reasons"
    if outcomes.is_empty():
        return Chart("file-outcomes", title, caption, None)
    hover = [f"{row['outcome']}: {plural(row['files'], 'file')}" for row in outcomes.iter_rows(named=True)]
    figure = _horizontal_bars(outcomes, "outcome", "files", "#264653", hover)
    figure.update_xaxes(title_text="files")
    return Chart("file-outcomes", title, caption, figure)


def _checks_and_corrections(counts: pl.DataFrame) -> str:
    """The cross-year checks and the team's corrections, in words."""
    checks = [f"{row['kind']} {row['breaks']:,} of {row['total']:,}"
              for row in counts.iter_rows(named=True) if row["family"] == "check"]
    corrections = [f"{row['kind']} {row['total']:,}" for row in counts.iter_rows(named=True)
                   if row["family"] == "correction"]
    return (" Breaks with the organ's previous year (fct_cross_year_check, breaks of comparisons): "
            + (", ".join(checks) if checks else "no organ has two consecutive years") + ". Numbers corrected "
            "by a person (fct_correction, lines by status): " + (", ".join(corrections) if corrections else "none")
            + "; ogi review lists what is left to look at.")


def flags(kinds: pl.DataFrame, reports_total: int, checks: pl.DataFrame) -> Chart:
    flagged = int(kinds["flagged_reports"][0]) if len(kinds) else 0
    caption = (f"Contradictions and doubts the parser flagged in the reports (dim_report.flags; the figures are "
               f"kept as stated), by kind: conflict = one figure stated twice with different values, "
               f"pd_channels = channels add up to more than the total, req_balance = requests do not balance. "
               f"{flagged:,} of {plural(reports_total, 'report')} carry at least one flag."
               + _checks_and_corrections(checks))
    title = "Flagged contradictions"
    if kinds.is_empty():
        return Chart("flags", title, caption, None)
    hover = [f"{row['kind']}: {plural(row['flags'], 'flag')} in {plural(row['reports'], 'report')}, e.g. "
             f"{row['example']}" for row in kinds.iter_rows(named=True)]
    figure = _horizontal_bars(kinds, "kind", "flags", "#e76f51", hover)
    figure.update_xaxes(title_text="flags")
    return Chart("flags", title, caption, figure)


def observations_per_report(counts: pl.DataFrame) -> Chart:
    reports = int(counts["reports"].sum() or 0)
    caption = (f"How many reports yielded each number of observations (extracted figures); reports with few are "
               f"narrative, cut off, or beyond the parser. Rests on {plural(reports, 'report')}.")
    title = "Observations per report"
    if counts.is_empty():
        return Chart("observations-per-report", title, caption, None)
    figure = go.Figure(go.Bar(x=counts["n_observations"].to_list(), y=counts["reports"].to_list(),
                              marker_color="#2a9d8f", hovertemplate="%{y} report(s) with %{x} observations"))
    layout(figure, xaxis={"title": "observations in the report"}, yaxis={"title": "reports"})
    return Chart("observations-per-report", title, caption, figure)


def low_confidence(by_year: pl.DataFrame) -> Chart:
    reports = int(by_year["reports"].sum() or 0)
    observations = int(by_year["observations"].sum() or 0)
    low = int(by_year["low_confidence"].sum() or 0)
    caption = (f"Share of the observations per statistics year that the parser read with confidence below "
               f"{LOW_CONFIDENCE} ({low:,} of {observations:,} overall). Rests on {plural(reports, 'report')}.")
    title = "Low-confidence readings"
    if by_year.is_empty():
        return Chart("low-confidence", title, caption, None)
    figure = go.Figure(go.Bar(
        x=by_year["report_year"].to_list(), y=(by_year["low_confidence"] / by_year["observations"]).to_list(),
        customdata=by_year.select("low_confidence", "observations").rows(), marker_color="#f4a261",
        hovertemplate="%{x}: %{customdata[0]} of %{customdata[1]} observations",
    ))
    layout(figure, xaxis={"dtick": 1}, yaxis={"title": f"share below {LOW_CONFIDENCE}", "tickformat": ".0%",
                                              "rangemode": "tozero"})
    return Chart("low-confidence", title, caption, figure)


def quality_section(con: duckdb.DuckDBPyConnection, reports_total: int) -> Section:
    return Section("quality", "Data quality", "What was set aside, what looks contradictory, and how sure the "
                   "parser was.", (
                       file_outcomes(fetch(con, "file_outcomes")),
                       flags(fetch(con, "flag_kinds"), reports_total, fetch(con, "cross_year_counts")),
                       observations_per_report(fetch(con, "observations_per_report")),
                       low_confidence(fetch(con, "low_confidence", threshold=LOW_CONFIDENCE)),
                   ))
