"""Small builders shared by the transforms tests."""
from __future__ import annotations

from ogi.transforms.model import DIMENSIONS, Observation, ParsedReport
from ogi.transforms.parse import parse_report


def report(body: str, year: int = 2017, organ: str = "青山镇") -> str:
    return f"{organ}{year}年政府信息公开工作年度报告\n{body}\n"


def parse(body: str, year: int = 2017, organ: str = "青山镇") -> tuple[str, ParsedReport]:
    text = report(body, year, organ)
    return text, parse_report(text)


def find(parsed: ParsedReport, indicator: str, **dims: str) -> Observation | None:
    """The observation with exactly this key (dims not given must be null)."""
    wanted = {d: dims.get(d.removesuffix("_code")) for d in DIMENSIONS}
    matches = [
        o
        for o in parsed.observations
        if o.indicator_code == indicator and all(getattr(o, d) == v for d, v in wanted.items())
    ]
    assert len(matches) <= 1
    return matches[0] if matches else None
