"""Normalise report text for matching, keeping a map from every normalised character to its source.

Every step only maps one character to one character (``str.translate``) or deletes characters, so
the map is a plain list: ``offsets[i]`` is the source index of normalised character ``i``. A match
``[a, b)`` in the normalised text covers ``[offsets[a], offsets[b - 1] + 1)`` in the source.

Decisions, applied in this order:
1. Full-width ASCII forms become ASCII (NFKC for U+FF01..U+FF5E), the ideographic space and the
   no-break space become spaces. CJK punctuation without an ASCII twin (。、“”《》〔〕) is kept, so
   clause separators in normalised text are ``。 , ; : ! ?``.
2. Traditional characters become simplified with OpenCC's ``t2s`` conversion, which reads phrases
   before characters (反覆 → 反复 but 覆蓋 → 覆盖, 藉口 → 借口, 傢俱 → 家具; 答覆/回覆 → 答复/回复);
   every conversion it makes is one character for one character (checked per text); 「」『』 become
   “”‘’.
   Years written digit by digit in Chinese numerals become digits (二〇一九年 → 2019年), one
   character for one character.
3. Deleted: pinyin glosses after a character ('鎮(zhèn)'), gambling spam inserted by hijacked
   mirrors, SEO phrases stuffed twice in a row, carriage returns.
4. Whitespace: runs next to a CJK character disappear (``专栏 1 个`` → ``专栏1个``); other runs
   shrink to one space; a single line break between two ideographs disappears
   (``本年新\\n制作数量``) when the line before is short, holds no ``|`` and neither line is a
   heading, while blank lines and breaks next to digits or ``|`` stay, because
   flattened tables use them to separate cells.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import opencc

from ogi.transforms.anchored import anchored

_IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff"
_CJK_ANY = _IDEOGRAPH + "\u3000-\u303f\uff00-\uffef“”‘’《》"


@dataclass(frozen=True)
class Normalized:
    text: str
    offsets: list[int]  # source index of each character of ``text``
    source_length: int

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source ``[start, end)`` covering normalised ``[start, end)`` (non-empty)."""
        if end <= start:
            pos = self.offsets[start] if start < len(self.offsets) else self.source_length
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _to_simplified(text: str) -> str:
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    # Offsets need one character for one. Every character OpenCC maps on its own maps to one
    # (checked for all of U+3400–U+9FFF, U+F900–U+FAFF and planes 2–3); a phrase of another
    # length, should its dictionary gain one, is converted character by character instead.
    return "".join(_t2s().convert(character) for character in text)


@cache
def _translation_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):
        table[code] = unicodedata.normalize("NFKC", chr(code))
    table[0x3000] = " "
    table[0x00A0] = " "
    table[ord("\t")] = " "
    # Traditional-text quotes: 「同意公開」 → “同意公开”
    table.update({ord("「"): "“", ord("」"): "”", ord("『"): "‘", ord("』"): "’"})
    # Taiwan mirrors write 檔案 for 文件 (規範性檔案); that is a word substitution, handled by the
    # label patterns, not here.
    return table


@cache
def _translatable() -> re.Pattern[str]:
    """The characters the table maps. Substituting just those is 4× faster than ``str.translate``
    on report text, where few characters change."""
    return re.compile("[" + "".join(re.escape(chr(code)) for code in _translation_table()) + "]")


def _translate(text: str) -> str:
    table = _translation_table()
    return _translatable().sub(lambda m: table[ord(m.group())], _to_simplified(text))


_TONE_VOWEL = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_DELETIONS = anchored(
    "|".join(
        [
            # pinyin gloss after an ideograph: 鎮(zhèn), 數(shù)
            rf"(?<=[{_IDEOGRAPH}])\([a-zü]*[{_TONE_VOWEL}][a-zü]*\)",
            # gambling spam runs from hijacked mirrors: ' 澳门皇冠_皇冠国际线上娱乐-体育*投注:'
            r" ?(?:澳门|皇冠|葡京|金沙|威尼斯人|博彩|百家乐)[^\s,。;:!?、]{0,40}(?:投注|娱乐|博彩|平台|官网|网址)[:]?",
            # SEO stuffing: the same report-title phrase twice in a row
            rf"((?:19|20)\d\d年[{_IDEOGRAPH}]{{2,20}}?报告)\1",
            r"\r",
        ]
    ),
)
_SPACE_RUN = re.compile(r" {2,}| ")
_BREAK_BETWEEN_IDEOGRAPHS = re.compile(rf"(?<=[{_IDEOGRAPH}])\n(?=[{_IDEOGRAPH}])")
_HEADING_START = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十\d]{1,3}\)|第[一二三四五六七八九十\d]{1,3}[章节条部])")
# A line split inside a label or a title is short; a longer line is a paragraph of its own.
_SPLIT_LINE_MAX = 16
_CJK_CHAR = re.compile(f"[{_CJK_ANY}]")


def _delete(text: str, offsets: list[int], spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    if not spans:
        return text, offsets
    parts: list[str] = []
    new_offsets: list[int] = []
    pos = 0
    for start, end in spans:
        parts.append(text[pos:start])
        new_offsets.extend(offsets[pos:start])
        pos = end
    parts.append(text[pos:])
    new_offsets.extend(offsets[pos:])
    return "".join(parts), new_offsets


def _space_deletions(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _SPACE_RUN.finditer(text):
        start, end = m.span()
        before = text[start - 1] if start else "\n"
        after = text[end] if end < len(text) else "\n"
        if _CJK_CHAR.match(before) or _CJK_CHAR.match(after) or before in "\n|" or after in "\n|":
            spans.append((start, end))
        elif end - start > 1:
            spans.append((start + 1, end))
    return spans


def _split_line_joins(text: str) -> list[tuple[int, int]]:
    """Line breaks inside a label or title split over two lines ('本年新\\n制作数量')."""
    spans = []
    for m in _BREAK_BETWEEN_IDEOGRAPHS.finditer(text):
        i = m.start()
        line = text[text.rfind("\n", 0, i) + 1 : i]
        if (
            len(line) <= _SPLIT_LINE_MAX
            and "|" not in line  # a flattened table row ('代码|数量'), not a split label
            and not _HEADING_START.match(line)
            and not _HEADING_START.match(text, i + 1)
            and not line.endswith(("报告", "年报", "统计表", "情况表"))  # titles, not split labels
            and ":" not in line
        ):
            spans.append((i, i + 1))
    return spans


# Years written digit by digit in Chinese numerals (二〇一九年, 二零二零年度): one digit per character,
# so the replacement keeps the offsets.
_CN_YEAR = re.compile(r"(?<![〇零一二三四五六七八九十])(?:一九|二[〇零○Ｏ])[〇零○Ｏ一二三四五六七八九]{2}(?=年)")
_CN_YEAR_DIGITS = str.maketrans("〇零○Ｏ一二三四五六七八九", "000012345678" + "9")


def _years_to_digits(text: str) -> str:
    return _CN_YEAR.sub(lambda m: m.group().translate(_CN_YEAR_DIGITS), text)


def normalize(source: str) -> Normalized:
    text = _years_to_digits(_translate(source))
    offsets = list(range(len(source)))
    text, offsets = _delete(text, offsets, [m.span() for m in _DELETIONS.finditer(text)])
    text, offsets = _delete(text, offsets, _space_deletions(text))
    text, offsets = _delete(text, offsets, _split_line_joins(text))
    return Normalized(text=text, offsets=offsets, source_length=len(source))



def simplified(text: str) -> str:
    """``text`` with only normalize()'s one-for-one mapping (full-width → ASCII, traditional →
    simplified): how a name from a reference list reads in normalised text."""
    return _translate(text)
