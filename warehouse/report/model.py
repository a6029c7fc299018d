"""What the page is made of: sections of charts, each chart with the caption an analyst reads."""
from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go


@dataclass(frozen=True)
class Chart:
    key: str  # element id in the page (stable, so tests and links can find the chart)
    title: str
    caption: str  # what the chart shows and how many reports it rests on
    figure: go.Figure | None  # None when there is nothing to draw: the page says "no data" instead


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    intro: str
    charts: tuple[Chart, ...]
