"""The scoring rules of evaluation.score (matching key, optional gold, tolerance)."""
from __future__ import annotations

from evaluation.score import CorpusScore, family, make_obs, score_file


def test_matching_key_ignores_null_dims_and_applicant_total() -> None:
    gold = [make_obs("req_received", {"applicant": "total"}, 5)]
    predicted = [make_obs("req_received", {"applicant": None, "channel": None}, 5.0000001)]
    s = score_file("f", gold, predicted, {}, {})
    assert (s.tally.tp, s.tally.fp, s.tally.fn) == (1, 0, 0)


def test_wrong_value_is_a_false_positive_and_a_miss() -> None:
    gold = [make_obs("pd_items_total", {}, 44)]
    predicted = [make_obs("pd_items_total", {}, 48)]
    s = score_file("f", gold, predicted, {}, {})
    assert (s.tally.tp, s.tally.fp, s.tally.fn) == (0, 1, 1)
    assert s.wrong[0][1].value == 44


def test_optional_gold_is_neither_required_nor_penalised() -> None:
    gold = [make_obs("staff_fulltime", {}, 4, optional=True), make_obs("staff_parttime", {}, 16)]
    assert score_file("f", gold, [make_obs("staff_parttime", {}, 16)], {}, {}).tally.fn == 0
    with_optional = score_file("f", gold, [make_obs("staff_fulltime", {}, 4), make_obs("staff_parttime", {}, 16)], {}, {})
    assert (with_optional.tally.tp, with_optional.tally.fp) == (1, 0)
    wrong_optional = score_file("f", gold, [make_obs("staff_fulltime", {}, 5)], {}, {})
    assert wrong_optional.tally.fp == 1


def test_metadata_accuracy_and_families() -> None:
    a = score_file("a", [], [], {"body_name": "甲镇", "county": None}, {"body_name": "甲镇", "county": "乙县"})
    b = score_file("b", [], [], {"body_name": "丙镇", "county": None}, {"body_name": "丁镇", "county": None})
    assert CorpusScore([a, b]).meta_accuracy() == {"body_name": 0.5, "county": 0.5}
    assert family("art20_made") == "table2" and family("appeal_count") == "appeals"
