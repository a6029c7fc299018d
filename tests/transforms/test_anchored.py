"""Anchored scans find exactly what a plain `finditer` of their pattern finds."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ogi.transforms import normalize, numbers
from ogi.transforms.anchored import Anchored, first_class
from ogi.transforms.extract import sections, zeros

ANCHORED = {
    "number token": numbers.NUMBER_TOKEN,
    "deletions": normalize._DELETIONS,
    "section heading": sections._HEADING,
    **{f"zero rule {i} ({rule.indicator})": rule.pattern for i, rule in enumerate(zeros.ZERO_RULES)},
}

# Texts are pieces of the pattern's own words (so that matches occur) among separators, digits,
# numerals and characters no pattern begins with.
_SEPARATORS = [" ", "  ", "\n", "\r", "|", ",", "。", ":", "、", ".", "(", ")", "(zhèn)", "0", "12", "2019", "3.5",
               "1,234", "一", "十", "二〇", "年", "报告", "的", "x"]


def _pieces(anchored: Anchored) -> list[str]:
    words = re.findall(r"[\u4e00-\u9fff]+", anchored.pattern.pattern)
    return sorted({piece for word in words for piece in (word, word[:1], word[-1:])}) + _SEPARATORS


@pytest.mark.slow  # 200 hypothesis examples for each pattern
@pytest.mark.parametrize("name", sorted(ANCHORED))
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_same_matches_as_finditer(name: str, data: st.DataObject) -> None:
    anchored = ANCHORED[name]
    runs = st.lists(st.sampled_from(_pieces(anchored)), max_size=15).map("".join)
    # a run written twice, as mirrors stuff a report's title
    twice = data.draw(st.one_of(runs, st.sampled_from(["2020年政府信息公开工作年度报告", "乡(xiāng)"])))
    text = data.draw(runs) + twice + twice + data.draw(runs)
    expected = [(m.span(), m.groups()) for m in anchored.pattern.finditer(text)]
    assert [(m.span(), m.groups()) for m in anchored.finditer(text)] == expected


def test_the_first_characters_are_derived_from_the_pattern() -> None:
    # Checked by hand: an optional prefix, a look-behind and an alternation of groups each add the
    # characters a match can begin with; a pattern that can begin anywhere is scanned plainly.
    assert first_class(r"(?:近|约)?\d+条") == "[\\d约近]"
    assert first_class(r"(?<=[。\n])\s*(?:一|二)、") == "[\\s一二]"
    assert first_class(r"(?:没有|无)(?:x)?a|b.c") == "[b无没]"
    assert first_class(r".{0,3}条") is None
    assert first_class(r"[^,]公开") is None
    assert first_class(r"(?:公开)?") is None  # can match the empty string


def test_a_missing_first_character_is_caught() -> None:
    # The property above can fail: without 近 among the first characters, 近10条 loses its prefix.
    narrowed = Anchored(numbers.NUMBER_TOKEN.pattern, re.compile(r"[\d]"))
    assert [m.group() for m in narrowed.finditer("近10条")] == ["10条"]
    assert [m.group() for m in numbers.NUMBER_TOKEN.finditer("近10条")] == ["近10条"]
