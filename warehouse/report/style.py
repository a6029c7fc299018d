"""Look shared by every chart, and the readable names of the codes the charts show."""
from __future__ import annotations

import plotly.graph_objects as go
from plotly.colors import qualitative

# Chinese labels need a CJK font; list the common ones so any system finds one.
FONT_FAMILY = ('"Noto Sans CJK SC", "WenQuanYi Zen Hei", "PingFang SC", "Microsoft YaHei", '
               '"Helvetica Neue", Arial, sans-serif')

# Passed to Plotly.newPlot: no Plotly logo link (the page must work offline), and charts follow
# the page width.
PLOT_CONFIG = {"displaylogo": False, "responsive": True}

# Colours of groups drawn in several panels (31 provinces cycle through them).
PALETTE = qualitative.Dark24

# Harmonised request outcomes (dim_request_outcome.h_outcome), from granted to not decided on content.
H_OUTCOMES = {
    "h_disclosed": ("公开 disclosed", "#2a9d8f"),
    "h_partial": ("部分公开 partly disclosed", "#8ab17d"),
    "h_withheld": ("不予公开 withheld", "#e76f51"),
    "h_unavailable": ("无法提供 not held / not available", "#f4a261"),
    "h_redirected_procedural": ("程序性处理 redirected / procedural", "#9e9e9e"),
}

# The first statistics year of the 2019 revision of the regulation (the break in the report forms).
REVISION_YEAR = 2019


def layout(figure: go.Figure, *, height: int = 380, **overrides: object) -> go.Figure:
    """The common layout (white template, the CJK font, legend below), with a chart's own axes and
    margins over it."""
    settings = {
        "template": "plotly_white",
        "height": height,
        "margin": {"l": 60, "r": 20, "t": 30, "b": 50},
        "font": {"family": FONT_FAMILY, "size": 13},
        "legend": {"orientation": "h", "y": -0.18},
    }
    figure.update_layout({**settings, **overrides})
    return figure


def mark_revision(figure: go.Figure, years: list[int]) -> None:
    """A dashed line between 2018 and 2019 when the years shown straddle the 2019 revision."""
    if min(years) < REVISION_YEAR <= max(years):
        figure.add_vline(x=REVISION_YEAR - 0.5, line_dash="dash", line_color="#555",
                         annotation_text="2019 revision", annotation_position="top left")


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
