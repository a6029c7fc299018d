"""The organ a report names, recognised against the gazetteer's place names.

An organ string — the words before the year in a title, 由…编制, 发布机构:…, a signature line — is
read as a chain of places, outermost first, optionally followed by a department's own words
(…财政局, …人民防空办公室). Places are the gazetteer's names wherever it has one (帽儿山镇,
南屏瑶族乡, 宝力根花苏木, whatever their length); where it has none, a written unit, the characters up
to a unit word (嘉县, 安宝新镇), as the text writes it. Words glued before a name (标题, 依托, 人民政府
before a street's name) are no part of it. The words that are not places are data:
transforms/grammar/organs.tsv.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ogi.transforms.gazetteer import LEVELS, SUFFIXES, Mention, load, normalize_name
from ogi.transforms.grammar import rows
from ogi.transforms.normalize import simplified

# body_level of an organ at each gazetteer level
BODY_LEVEL = {"town": "town", "county": "county", "prefecture": "city", "province": "province"}
# Written units: the unit words that end a place name the gazetteer lacks, by level; a written …市
# may be a prefecture or a county-level city (level None until the text tells).
_UNIT_WORDS = (
    ("town", SUFFIXES["town"]),
    ("county", ("自治县", "自治旗", "县", "区", "旗")),
    (None, ("市",)),
    ("province", ("自治区", "省")),
)
_UNIT_END = re.compile("(?:" + "|".join(w for _, words in _UNIT_WORDS for w in words) + ")$")
# A character that ends a written county-level or wider unit inside a chain (嘉县|安宝新镇).
_CHAIN_BREAK = set("省市县区旗")
# The longest unknown text glued to a known name that is read as part of it: 平 + 安县 is 平安县,
# while a longer run before a name is spam or chrome glued to it.
_GLUED_TO_NAME = 2
_GENERIC_OFFICE = re.compile(r"(?:党政|综合|政府|行政|党政综合)?(?:办公室|办)")


@cache
def _words(kind: str) -> tuple[str, ...]:
    """The words of one kind in organs.tsv, longest first (a longer word is never cut short)."""
    return tuple(sorted((r["word"] for r in rows("organs") if r["kind"] == kind), key=len, reverse=True))


def self_reference_level(text: str) -> str | None:
    """The level a report gives its own organ (我镇, 我旗, 我局), when the text says it."""
    counts = {level: sum(text.count(w) for w in _words(f"self_{level}")) for level in ("town", "department", "county")}
    level, n = max(counts.items(), key=lambda kv: kv[1])
    return level if n else None


@dataclass(frozen=True)
class Place:
    written: str  # as the report writes it
    level: str | None  # a gazetteer level; None for a written …市 (prefecture or county-level city)
    name: str | None = None  # the gazetteer's name; None for a written unit the gazetteer lacks


@dataclass(frozen=True)
class Organ:
    places: tuple[Place, ...]  # outermost first; without a department the last one is the organ
    department: str | None = None  # a department's name as written (without chrome glued before it)


def written_level(name: str) -> str | None:
    for level, words in _UNIT_WORDS:
        if name.endswith(words):
            return level
    return None


@cache  # names repeat across reports
def known_level(name: str) -> str:
    """The level of a gazetteer name: the one its suffix says (城区 is a county, not the town of
    that name), else the widest it has."""
    levels = load().levels(name)
    for level in LEVELS[::-1]:
        if level in levels and name.endswith(SUFFIXES[level]):
            return level
    return next(level for level in LEVELS if level in levels)


def _strip_words(text: str, kinds: tuple[str, ...], at_end: bool) -> str:
    """``text`` without the words of these kinds at its start (or end), repeatedly."""
    words = [w for kind in kinds for w in _words(kind)]
    changed = True
    while changed and text:
        changed = False
        for w in words:
            if text.endswith(w) if at_end else text.startswith(w):
                text = text[: -len(w)] if at_end else text[len(w):]
                changed = True
                break
    return text


def _government_of(organ: str) -> str:
    """The place a government or its own office stands for: 某县人民政府办公室 → 某县, 某镇党政办 →
    某镇, 某街道办事处 → 某街道; a department (某区政务服务办公室) is left whole."""
    for office in _words("own_office"):
        if organ.endswith(office):
            base = _strip_words(organ[: -len(office)], ("government",), at_end=True)
            if _UNIT_END.search(base) and ("政府" in organ[len(base):] or written_level(base) == "town"):
                organ = base
            break
    return _strip_words(organ, ("government",), at_end=True)


def _written_units(text: str, then: str = "") -> tuple[list[Place], str]:
    """The written units ``text`` starts with (嘉县安宝新镇 → 嘉县, 安宝新镇) and the rest after the
    last one, which ``then`` (a known name) follows. A unit has two characters at least, and what
    follows a cut three, or two if it is a town (市中区 is one unit, not 市 + 中区; 佳县螺镇 is two;
    新市镇 is one)."""
    units, start = [], 0
    for i, ch in enumerate(text):
        piece, rest = text[start : i + 1], text[i + 1 :]
        following = rest + then
        if rest and (ch not in _CHAIN_BREAK or len(piece) < 2
                     or len(following) < (2 if written_level(following) == "town" else 3)):
            continue
        if not rest and (len(piece) < 2 or not _UNIT_END.search(piece)):
            break
        units.append(Place(piece, written_level(piece)))
        start = i + 1
    return units, text[start:]


def read_organ(raw: str) -> Organ | None:
    """The organ an organ string names, or None when it names none (我局, 党政办公室, a sentence)."""
    organ = normalize_name(raw.strip(" |•:,。#*>-")).lstrip("(")
    if organ.count("(") < organ.count(")"):
        organ = organ.rstrip(")")
    if not organ or organ[0] in "我本该":
        return None
    organ = _government_of(_strip_words(organ, ("glued",), at_end=False))
    places: list[Place] = []
    pos = 0
    for mention in load().mentions(organ):
        name = organ[mention.start : mention.end]
        lead = _strip_words(organ[pos : mention.start], ("glued", "government"), at_end=False)
        units, rest = _written_units(_strip_words(lead, ("government",), at_end=True), name)
        # Only Chinese characters right before a name can be part of it (#某县 is 某县).
        glued = re.search(r"[\u4e00-\u9fff]*$", rest).group()
        if len(glued) > _GLUED_TO_NAME:
            if places or units:
                break  # a department's own words go on here (某市城区管理局: 城区 is no place of it)
            units, glued = [], ""  # spam or chrome glued before the first name
        places += units
        after = organ[mention.end :]
        if (places and len(name) == 2 and not glued and after
                and not government_follows(after, 0) and not _UNIT_END.match(after)):
            pos = mention.start
            break  # a two-character name (城区) in a department's own words is a word, not a place
        # 平 + 安县 is the written 平安县: a name the gazetteer lacks, ending in one it has
        written = glued + name
        places.append(Place(written, written_level(written)) if glued else
                      Place(mention.spelled(organ), known_level(mention.name), mention.name))
        pos = mention.end
    tail = _strip_words(organ[pos:], ("government",), at_end=False)
    units, rest = _written_units(tail)
    if not rest:
        places += units
        return Organ(tuple(places)) if places else None
    # 某区行政审批服务管理办公室(公共资源交易管理委员会办公室): a second name in brackets after it
    named = re.sub(r"\([^()]*\)$", "", tail)
    if named.endswith(_words("department")) and not _GENERIC_OFFICE.fullmatch(named):
        for place in places:  # 干安县财政局 in normalised text is the report's 乾安县财政局
            organ = organ.replace(simplified(place.written), place.written, 1)
        return Organ(tuple(places), organ if places else tail)
    return None


def government_follows(text: str, end: int) -> bool:
    """Whether a government word (人民政府, 政府, 办事处) is written at ``end``."""
    return text.startswith(_words("government"), end)


def named_places(text: str) -> list[Mention]:
    """The gazetteer's names written in free text. A name of two characters (佳县, 城区) is a word
    as often as a place: it counts only right before or after another name, or before a
    government word."""
    found = load().mentions(text)
    starts, ends = {m.start for m in found}, {m.end for m in found}
    return [m for m in found
            if m.end - m.start > 2 or m.end in starts or m.start in ends or government_follows(text, m.end)]


@cache
def _department_words() -> re.Pattern[str]:
    """A department's own words after its place: the shortest run that ends in a department word."""
    return re.compile(r"[\u4e00-\u9fff]{1,12}?(?:" + "|".join(_words("department")) + ")")


def most_named_department(text: str, places: list[Mention]) -> str | None:
    """The department the text names most (twice at least), written after a place: for reports
    with neither title nor signature (我中心 …, 城中区市政公用服务中心 …)."""
    tally: Counter[str] = Counter()
    for m in places:
        if known_level(m.name) != "town" and not government_follows(text, m.end):
            words = _department_words().match(text, m.end)
            if words and not _GENERIC_OFFICE.fullmatch(words.group()):
                tally[text[m.start : words.end()]] += 1
    best = tally.most_common(1)
    return best[0][0] if best and best[0][1] >= 2 else None
