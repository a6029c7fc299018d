"""Numbers as reports write them: Arabic and Chinese numerals, units, approximations, zero words.

Works on normalised text (see ``normalize``): ASCII digits and punctuation, simplified characters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ogi.transforms.anchored import anchored

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千"

# Counted units, longest first. 万条/万件 carry a 10 000 multiplier; money units are converted to
# yuan. Units that never count anything the catalog wants (年, 月, 日, %, 号, 只, 类) are absent on
# purpose: a number without one of these units is never an observation of prose.
_UNITS = ("万元", "万条", "万件", "人次", "场次", "元", "条", "件", "次", "人", "名", "个", "处", "篇", "宗", "份", "场", "起", "期", "项", "位")

NUMBER_TOKEN = anchored(
    r"(?P<pre>近|约|大约|将近)?"
    # 1,234 and 1 234 (thousands groups), 12 and 0.5, 二十二 and 一千二百三十四
    rf"(?P<num>(?<![\d.])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?![\d])|(?<![\d. ])\d{{1,3}}(?: \d{{3}})+(?![\d.])"
    rf"|(?<![\d.])\d+(?:\.\d+)?(?![\d.])|(?<![{_CN_NUMERAL_CHARS}第数几])[{_CN_NUMERAL_CHARS}]{{1,10}})"
    # 1万余条 / 两万多元: 万 before 余/多 is a multiplier (1万条 is read by the 万条 unit)
    r"(?:(?P<wan>万)(?=[余多](?:条|件|元|人次)))?"
    r"(?P<suf>余|多)?"
    rf"(?P<unit>{'|'.join(_UNITS)})"
    r"(?P<post>左右)?",
)

_SPLIT_DIGITS = re.compile(r"\d ")
_MULTIPLIER = {"万元": 10000.0, "万条": 10000.0, "万件": 10000.0}
# The unit a value is stored in, after multipliers.
_CANONICAL_UNIT = {"万元": "元", "万条": "条", "万件": "件"}


@dataclass(frozen=True)
class NumberToken:
    start: int  # normalised offsets of the whole token (prefix .. unit .. 左右)
    end: int
    value: float
    unit: str
    is_approximate: bool


def chinese_to_int(text: str) -> int | None:
    """二十二 → 22, 两 → 2, 一百零五 → 105, 十 → 10, 二〇一七 → 2017; None if not a numeral."""
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_UNITS for ch in text):
        return None
    if all(ch in _CN_DIGITS for ch in text):
        # digit-by-digit reading (二〇一七); a lone digit is itself
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total, current = 0, 0
    last_unit = 10_000
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        else:
            unit = _CN_UNITS[ch]
            if unit >= last_unit:
                return None  # 十百: not a well-formed numeral
            total += (current or 1) * unit
            current = 0
            last_unit = unit
    return total + current


def parse_number(text: str) -> float | None:
    """'1,234' → 1234.0, '0.5' → 0.5, '二十二' → 22.0; None when not a number."""
    text = text.strip()
    if re.fullmatch(r"[+-]?\d+(?:[, ]\d{3})*(?:\.\d+)?", text):
        return float(text.replace(",", "").replace(" ", ""))
    value = chinese_to_int(text)
    return None if value is None else float(value)


def to_yuan(value: float, unit: str) -> float:
    """Money in yuan: (0.5, '万元') → 5000, (400, '元') → 400."""
    return value * 10000.0 if unit == "万元" else value


def find_numbers(text: str) -> list[NumberToken]:
    """Every number followed by a counting unit, in order."""
    tokens = []
    for m in NUMBER_TOKEN.finditer(text):
        value = parse_number(m["num"])
        if value is None or _SPLIT_DIGITS.match(text, max(0, m.start() - 2), m.start()):
            # '6 2条': a number broken by a space cannot be read safely (62? 2?)
            continue
        unit = m["unit"]
        value *= _MULTIPLIER.get(unit, 1.0) * (10000.0 if m["wan"] else 1.0)
        tokens.append(
            NumberToken(
                start=m.start(),
                end=m.end(),
                value=value,
                unit=_CANONICAL_UNIT.get(unit, unit),
                is_approximate=bool(m["pre"] or m["suf"] or m["post"]),
            )
        )
    return tokens

