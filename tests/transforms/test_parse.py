"""parse_report end to end: the shipped sample reports, spans, and fuzzing."""
from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.transforms.helpers import find
from ogi.transforms.parse import PARSER_VERSION, parse_report

SAMPLES = Path(__file__).resolve().parents[2] / "sample_corpus"


def _sample(prefix: str) -> str:
    [path] = SAMPLES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def test_parser_version_is_set() -> None:
    assert PARSER_VERSION


@pytest.mark.parametrize(
    ("prefix", "indicator", "dims", "value", "evidence"),
    [
        ("000", "pd_items_total", {}, 62, "通过不同渠道和方式公开政府信息数为62条"),
        ("000", "training_attendees", {}, 20, "接受培训人员20余人次"),
        ("001", "req_received", {"channel": "online"}, 12, "网上受理12条"),
        ("001", "req_outcome", {"outcome": "old_not_exist"}, 1, "信息不存在”的有1条"),
        ("002", "budget_special", {}, 5000, "专项经费为0.5万元"),
        ("002", "pd_items_by_channel", {"channel": "website"}, 20, "政务公开网上主动公开了20条"),
        ("003", "pd_items_by_channel", {"channel": "mass_media"}, 394, "通过江川新闻网（前卫版块）主动公开信息394条"),
        ("004", "pd_items_by_channel", {"channel": "other"}, 6, "其他方式公开政府信息数6条"),
    ],
)
def test_sample_reports(prefix: str, indicator: str, dims: dict, value: float, evidence: str) -> None:
    text = _sample(prefix)
    obs = find(parse_report(text), indicator, **dims)
    assert obs is not None
    assert obs.value == value
    assert text[obs.span_start : obs.span_end] == evidence


@pytest.mark.parametrize(
    ("prefix", "body", "county", "year"),
    [("000", "康大营镇", "梅河口市", 2017), ("002", "北大湖镇", "永吉县", 2017), ("003", "前卫镇", "江川区", 2017), ("004", "大信镇", "即墨区", 2018)],
)
def test_sample_metadata(prefix: str, body: str, county: str, year: int) -> None:
    meta = parse_report(_sample(prefix)).meta
    assert (meta.body_name, meta.county, meta.report_year, meta.format_code) == (body, county, year, "N")


def test_sample_without_channel_counts_gives_no_channel() -> None:
    # '政府网站…数和微信…数为以及其他方式…数为62条': the numbers per channel are missing
    parsed = parse_report(_sample("000"))
    assert [o for o in parsed.observations if o.indicator_code == "pd_items_by_channel"] == []


def _check(text: str) -> None:
    parsed = parse_report(text)
    for o in parsed.observations:
        assert 0 <= o.span_start <= o.span_end <= len(text)
        assert text[o.span_start : o.span_end] == o.evidence
        assert math.isfinite(o.value)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_fuzz_random_unicode(text: str) -> None:
    _check(text)


_PIECES = [
    "主动公开政府信息", "12条", "二十件", "|", "\n", "\n\n", "0", " ", "第二十条第(一)项", "本年新制作数量",
    "规章", "行政许可", "本年新收政府信息公开申请数量", "未收到申请", "鎮(zhèn)", "0.5万元", "余", "约",
    "行政复议", "无", "。", ",", "2019年", "〔2017〕9号", "-", "结果维持", "(七)总计", "网站", "微信",
]


@pytest.mark.slow  # 150 hypothesis reports
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=80))
def test_fuzz_report_like_pieces(pieces: list[str]) -> None:
    _check("".join(pieces))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["000", "001", "002", "003", "004"]), st.integers(0, 10_000), st.integers(0, 200), st.text(max_size=5))
def test_fuzz_mutated_samples(prefix: str, position: int, length: int, insert: str) -> None:
    text = _sample(prefix)
    cut = position % (len(text) + 1)
    _check(text[:cut] + insert + text[cut + length :])
