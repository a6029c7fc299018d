"""What the organs did: proactive disclosure by channel, requests and their outcomes, and the
panel by province and by level of the organ."""
from __future__ import annotations

import duckdb
import plotly.graph_objects as go
import polars as pl
from plotly.subplots import make_subplots

from ogi.warehouse.report.model import Chart, Section
from ogi.warehouse.report.queries import fetch
from ogi.warehouse.report.style import H_OUTCOMES, PALETTE, layout, mark_revision, plural

# The group name when neither the report nor the gazetteer gives a province (or a level).
UNKNOWN = "不详 unknown"


def _year_reports(frame: pl.DataFrame) -> int:
    """Reports behind a per-year frame whose ``year_reports`` repeats on each row of a year (a report
    covers one year, so the years' counts add up)."""
    if frame.is_empty():
        return 0
    return int(frame.group_by("report_year").agg(pl.col("year_reports").first())["year_reports"].sum())


def _channel_label(row: dict) -> str:
    return f"{row['channel_name']} {row['channel_code']}"


def proactive_items(channels: pl.DataFrame) -> Chart:
    reports = _year_reports(channels)
    caption = (f"Items disclosed proactively per reporting organ and statistics year, stacked by the channel the "
               f"reports name (indicator pd_items_by_channel): each channel's items divided by the year's reports "
               f"that split their disclosures by channel, so that years with more or fewer such reports compare "
               f"(the organs differ from year to year; an item can go out on several channels, so the channels "
               f"can add up to more than the items disclosed). Panel reports only; rests on "
               f"{plural(reports, 'report')} splitting their disclosures by channel.")
    title = "Proactive disclosure by channel: items per reporting organ"
    if channels.is_empty():
        return Chart("proactive-items", title, caption, None)
    figure = go.Figure()
    for rows in channels.partition_by("channel_code", maintain_order=True):
        first = rows.row(0, named=True)
        figure.add_trace(go.Bar(
            x=rows["report_year"].to_list(), y=(rows["items"] / rows["year_reports"]).to_list(),
            name=_channel_label(first), customdata=rows.select("items", "reports", "year_reports").rows(),
            hovertemplate="%{x}: %{y:,.1f} items per organ (%{customdata[0]:,} items in %{customdata[1]} of "
                          "%{customdata[2]} report(s))",
        ))
    layout(figure, barmode="stack", xaxis={"dtick": 1}, yaxis={"title": "items per reporting organ"})
    mark_revision(figure, channels["report_year"].to_list())
    return Chart("proactive-items", title, caption, figure)


def proactive_reach(channels: pl.DataFrame) -> Chart:
    reports = _year_reports(channels)
    caption = (f"Share of the reports that split their proactive disclosures by channel which name each channel, "
               f"per statistics year: how widely websites, WeChat, Weibo, bulletin boards … are used, "
               f"whatever the volume (a year in which no report splits them is a gap in the lines). Panel reports "
               f"only; rests on {plural(reports, 'report')}.")
    title = "Proactive disclosure by channel: share of reports using each"
    if channels.is_empty():
        return Chart("proactive-reach", title, caption, None)
    figure = go.Figure()
    # Every year of the span on each line: a year whose reports name other channels but not this
    # one is a share of 0, a year without any report splitting by channel a gap (None), never a
    # line drawn across it.
    year_reports = dict(channels.select("report_year", "year_reports").unique().iter_rows())
    years = list(range(min(year_reports), max(year_reports) + 1))
    for rows in channels.partition_by("channel_code", maintain_order=True):
        first = rows.row(0, named=True)
        naming = dict(rows.select("report_year", "reports").iter_rows())
        figure.add_trace(go.Scatter(
            x=years, y=[naming.get(year, 0) / year_reports[year] if year in year_reports else None for year in years],
            name=_channel_label(first), mode="lines+markers", connectgaps=False,
            customdata=[(naming.get(year, 0), year_reports.get(year, 0)) for year in years],
            hovertemplate="%{x}: %{customdata[0]} of %{customdata[1]} report(s)",
        ))
    layout(figure, xaxis={"dtick": 1}, yaxis={"title": "share of reports", "tickformat": ".0%", "range": [0, 1.05]})
    mark_revision(figure, channels["report_year"].to_list())
    return Chart("proactive-reach", title, caption, figure)


def requests_received(by_year: pl.DataFrame) -> Chart:
    reports = int(by_year["organ_years"].sum() or 0)
    caption = (f"Organ-years of the panel (marts.fct_town_year) per statistics year by what they say about "
               f"requests received: some, an explicit zero (无, 未收到), or nothing at all; the line is the total "
               f"of requests received (right axis). Rests on {plural(reports, 'report')}.")
    title = "Requests received"
    if by_year.is_empty():
        return Chart("requests-received", title, caption, None)
    years = by_year["report_year"].to_list()
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    for name, column, colour in (("received some", "received_any", "#264653"),
                                 ("stated zero", "stated_zero", "#8ab17d"),
                                 ("not stated", "not_stated", "#dddddd")):
        figure.add_trace(go.Bar(x=years, y=by_year[column].to_list(), name=name, marker_color=colour),
                         secondary_y=False)
    figure.add_trace(go.Scatter(x=years, y=by_year["requests"].to_list(), name="requests received (total)",
                                mode="lines+markers", line={"color": "#e76f51"}), secondary_y=True)
    layout(figure, barmode="stack", xaxis={"dtick": 1})
    figure.update_yaxes(title_text="organ-years", secondary_y=False)
    figure.update_yaxes(title_text="requests", rangemode="tozero", tickmode="auto", showgrid=False, secondary_y=True)
    mark_revision(figure, years)
    return Chart("requests-received", title, caption, figure)


def outcome_mix(shares: pl.DataFrame) -> Chart:
    reports = _year_reports(shares)
    caption = (f"How decided requests ended per statistics year, on the harmonised scale that maps the 2008 and "
               f"the 2019 forms' outcomes onto the same five groups (marts.fct_outcome_shares), as shares of the "
               f"year's decided requests. Panel reports only; rests on {plural(reports, 'report')} stating "
               f"outcomes.")
    title = "Outcome mix of requests, across the 2019 break"
    if shares.is_empty():
        return Chart("outcome-mix", title, caption, None)
    figure = go.Figure()
    # The catalog's outcomes in their order, then any code the catalog has gained since (kept, unnamed).
    stated = shares["h_outcome"].unique(maintain_order=True).to_list()
    ordered = [code for code in H_OUTCOMES if code in stated] + [code for code in stated if code not in H_OUTCOMES]
    for code in ordered:
        rows = shares.filter(pl.col("h_outcome") == code)
        label, colour = H_OUTCOMES.get(code, (code, None))
        figure.add_trace(go.Bar(
            x=rows["report_year"].to_list(), y=rows["share"].to_list(), name=label, marker_color=colour,
            customdata=rows["requests"].to_list(), hovertemplate="%{x}: %{y:.1%} (%{customdata:,} requests)",
        ))
    layout(figure, barmode="stack", xaxis={"dtick": 1}, yaxis={"title": "share of decided requests",
                                                               "tickformat": ".0%"})
    mark_revision(figure, shares["report_year"].to_list())
    return Chart("outcome-mix", title, caption, figure)


def panel_by(groups: pl.DataFrame, kind: str, noun: str) -> Chart:
    rows = groups.filter(pl.col("grouping_kind") == kind)
    reports = int(rows["reports"].sum() or 0)
    caption = (f"Per statistics year and {noun}: the median of items disclosed proactively per organ (left) and "
               f"the share of organs that received any request, among those whose report states it (right). "
               f"{noun.capitalize()} as the report states it, else as the gazetteer has it; a year without "
               f"a report of the {noun} is a gap in its line. "
               f"Rests on {plural(reports, 'report')} of the panel.")
    title = f"Trends by {noun}"
    if rows.is_empty():
        return Chart(f"trends-by-{kind}", title, caption, None)
    figure = make_subplots(rows=1, cols=2, subplot_titles=("median items disclosed proactively",
                                                           "share of organs receiving any request"))
    # Every year of the span on each line, None where the group has no report: plotly leaves a gap
    # there rather than join the years on either side as if the group had been measured between.
    years = list(range(rows["report_year"].min(), rows["report_year"].max() + 1))
    for index, group in enumerate(rows.partition_by("group_name", maintain_order=True)):
        name = group["group_name"][0]
        by_year = {row["report_year"]: row for row in group.iter_rows(named=True)}
        hover = [by_year[year]["reports"] if year in by_year else 0 for year in years]
        # One colour per group in both panels (plotly would otherwise colour each trace anew).
        colour = PALETTE[index % len(PALETTE)]
        for column, col in (("pd_items_median", 1), ("received_any_share", 2)):
            figure.add_trace(go.Scatter(
                x=years, y=[by_year[year][column] if year in by_year else None for year in years],
                name=name, legendgroup=name, connectgaps=False,
                showlegend=col == 1, mode="lines+markers", customdata=hover, line={"color": colour},
                hovertemplate=f"{name} %{{x}}: %{{y:,.3g}} (%{{customdata}} report(s))<extra></extra>",
            ), row=1, col=col)
    layout(figure, height=420, margin={"l": 60, "r": 20, "t": 50, "b": 50})
    figure.update_xaxes(dtick=1)
    figure.update_yaxes(tickformat=".0%", range=[0, 1.05], row=1, col=2)
    return Chart(f"trends-by-{kind}", title, caption, figure)


def activity_sections(con: duckdb.DuckDBPyConnection) -> tuple[Section, ...]:
    channels = fetch(con, "proactive_by_channel")
    groups = fetch(con, "panel_by_group", unknown=UNKNOWN)
    return (
        Section("proactive", "Proactive disclosure", "What organs published on their own initiative, and where.",
                (proactive_items(channels), proactive_reach(channels))),
        Section("requests", "Requests", "Applications for information and how they were decided.",
                (requests_received(fetch(con, "requests_by_year")), outcome_mix(fetch(con, "outcome_mix")))),
        Section("trends", "By province and level", "The panel split by the organ's province and level "
                "(town, county, department …).",
                (panel_by(groups, "province", "province"), panel_by(groups, "level", "level"))),
    )
