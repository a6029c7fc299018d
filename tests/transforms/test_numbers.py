"""Numbers as reports write them."""
from __future__ import annotations

import pytest

from ogi.transforms.numbers import chinese_to_int, find_numbers, parse_number, to_yuan


@pytest.mark.parametrize(
    ("text", "value"),
    [("二十二", 22), ("两", 2), ("一百零五", 105), ("〇", 0), ("零", 0), ("十", 10), ("十七", 17),
     ("三百二十", 320), ("一千零一", 1001), ("二〇一八", 2018)],
)
def test_chinese_numerals(text: str, value: int) -> None:
    assert chinese_to_int(text) == value


@pytest.mark.parametrize("text", ["", "十百", "二a", "年"])
def test_not_chinese_numerals(text: str) -> None:
    assert chinese_to_int(text) is None


@pytest.mark.parametrize(("text", "value"), [("1,234", 1234.0), ("0.5", 0.5), ("42", 42.0), ("两", 2.0)])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_money_to_yuan() -> None:
    assert to_yuan(0.5, "万元") == 5000
    assert to_yuan(20.3, "万元") == pytest.approx(203000)
    assert to_yuan(400, "元") == 400


@pytest.mark.parametrize(
    ("text", "value", "unit", "approximate"),
    [
        ("接受培训30余人次", 30, "人次", True),
        ("约15人", 15, "人", True),
        ("近200条", 200, "条", True),
        ("6次左右", 6, "次", True),
        ("专项经费1.2万元", 12000, "元", False),
        ("全年公开3.4万条", 34000, "条", False),
        ("办理十二件", 12, "件", False),
        ("公开信息2,048条", 2048, "条", False),
    ],
)
def test_find_numbers_single(text: str, value: float, unit: str, approximate: bool) -> None:
    [token] = find_numbers(text)
    assert (token.value, token.unit, token.is_approximate) == (pytest.approx(value), unit, approximate)


@pytest.mark.parametrize(
    "text",
    ["占总数的45%", "2019年3月1日", "〔2018〕7号", "电话0431-1234567", "第一次会议", "十九大精神", "五年规划", "数十条", "几百人"],
)
def test_no_counted_number(text: str) -> None:
    assert find_numbers(text) == []
