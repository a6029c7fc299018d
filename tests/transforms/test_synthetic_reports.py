"""Property: for reports written from drawn figures (every format and flattened-table layout), the
parser returns exactly the figures the report states, each with a span on its own words."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
import pytest

from synthetic.reports import generate_report
from ogi.transforms.model import DIMENSIONS
from ogi.transforms.parse import parse_report


def _key(indicator: str, dims: dict[str, str]) -> tuple:
    # Applicant 'total' is the same as no applicant split (catalog.md).
    return indicator, tuple(sorted((d, v) for d, v in dims.items() if not (d == "applicant" and v == "total")))


@pytest.mark.slow  # 300 generated reports
@settings(max_examples=300, deadline=None)
@given(seed=st.integers(0, 10**6), index=st.integers(0, 10**5))
def test_extraction_returns_exactly_the_stated_figures(seed, index):
    report = generate_report(seed, index)
    parsed = parse_report(report.text)
    got = {}
    for obs in parsed.observations:
        dims = {d.removesuffix("_code"): getattr(obs, d) for d in DIMENSIONS if getattr(obs, d)}
        got[_key(obs.indicator_code, dims)] = obs
    expected = {_key(e.indicator, e.dims): e for e in report.expected}
    assert {k: o.value for k, o in got.items()} == {k: float(e.value) for k, e in expected.items()}
    for key, obs in got.items():
        stated = expected[key]
        assert report.text[obs.span_start:obs.span_end] == obs.evidence
        assert stated.shown in obs.evidence  # the number as written ("" for a zero said in words)
        if not stated.in_table:
            # In prose the span lies on the clause that states the figure.
            assert obs.evidence in stated.words
    assert (parsed.meta.body_name, parsed.meta.county, parsed.meta.report_year, parsed.meta.format_code) == (
        report.body_name, report.county, report.report_year, report.format_code)
