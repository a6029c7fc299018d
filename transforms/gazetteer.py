"""Attach a report's organ to an official division, across renames and re-parenting.

The shipped gazetteer (transforms/data/gazetteer/, built by scripts/build_gazetteer.py) holds
one row per *version* of a division: code, name, level, parent code and the snapshots in which
that version was observed. Versions of the same unit share a ``lineage`` key, so a panel can
follow one organ through 即墨市 → 即墨区 or 大信镇 → 大信街道.

``resolve`` never guesses: when the name and the report's stated county / prefecture / province
leave more than one unit, it answers 'unresolved' with the reason. Reasons: 'no_organ_name',
'not_in_gazetteer' (no unit of that name or stem), 'context_mismatch: …' (units of that name
exist, none under the stated places), 'ambiguous: …', 'department: not a division'.
``load().history(lineage_key)`` lists a unit's versions, oldest first.
"""
from __future__ import annotations

import csv
import gzip
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property, lru_cache
from pathlib import Path

from ahocorasick_rs import AhoCorasick, MatchKind

from ogi.transforms.normalize import simplified

DATA_DIR = Path(__file__).parent / "data" / "gazetteer"
UNITS_FILE = DATA_DIR / "units.tsv.gz"
SNAPSHOTS_FILE = DATA_DIR / "snapshots.tsv"

LEVELS = ("province", "prefecture", "county", "town")

# Ethnic names that precede 自治州/自治县/民族乡 etc.; '维吾尔' appears without 族 (新疆维吾尔自治区).
# Only stripped when written as a whole token, so 西藏 keeps its 藏.
_ETHNIC = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 "
    "东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 "
    "乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
).split()
_ETHNIC_TAIL = re.compile("(?:(?:" + "|".join(sorted(_ETHNIC, key=len, reverse=True)) + ")族|维吾尔|各族|民族)+$")

# Generic suffixes per level, longest first, so the remaining stem names the place.
SUFFIXES = {
    "province": ("特别行政区", "自治区", "省", "市"),
    "prefecture": ("自治州", "地区", "盟", "市"),
    "county": ("自治县", "自治旗", "新区", "林区", "特区", "县", "市", "区", "旗"),
    "town": ("街道办事处", "地区办事处", "办事处", "街道", "苏木", "镇", "乡"),
}


def normalize_name(name: str) -> str:
    """The official form of a name: NFKC, no spaces, 'X街道办事处' / 'X街道办' (the office) → 'X街道'."""
    name = re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))
    for office in ("街道办事处", "街道办"):
        if name.endswith(office):
            return name[: -len(office)] + "街道"
    return name


def stem(name: str, level: str) -> str:
    """The place part of a division name: 即墨市/即墨区 → 即墨, 大信镇/大信街道 → 大信.

    Renames usually change only the generic suffix, so equal stems at one level are how a
    report's older or newer form of a name meets the gazetteer's.
    """
    return _stem(normalize_name(name), level)


@cache  # called for every candidate's ancestors; names repeat
def _stem(name: str, level: str) -> str:
    """stem() of a name already normalized (the shipped names are)."""
    for suffix in SUFFIXES[level]:
        if name.endswith(suffix) and len(name) > len(suffix):
            core = name[: -len(suffix)]
            if "族" in core or "维吾尔" in core:  # the regex only for names that can match it
                core = _ETHNIC_TAIL.sub("", core) or core
            return core
    return name


# A name that is only a generic suffix (an NBS row named 街道) names no place.
_GENERIC_NAMES = frozenset(suffix for suffixes in SUFFIXES.values() for suffix in suffixes)


@dataclass(frozen=True)
class Mention:
    """A place name of the gazetteer written in a text: text[start:end] is the name as written,
    ``name`` the gazetteer's (峨边县 written for 峨边彝族自治县)."""

    start: int
    end: int
    name: str

    def spelled(self, text: str) -> str:
        """The name as the report wrote it: as in ``text``, except where normalisation changed its
        characters (干安县 in normalised text is 乾安县 in the report)."""
        written = text[self.start : self.end]
        return self.name if written != self.name and simplified(self.name) == written else written


@dataclass(frozen=True)
class Unit:
    """One version of a division: a name, parent and code that held over consecutive snapshots."""

    code: str  # 12 digits, official where known (see SOURCES.md)
    nbs_code: str  # the NBS statistical code, '' when the version is only in the MCA table
    name: str
    level: str  # province | prefecture | county | town
    parent_code: str
    lineage: str
    first_seen: date
    last_seen: date
    from_year: int  # the report years this version answers for (see Gazetteer.unit)
    to_year: int


@dataclass(frozen=True)
class Resolution:
    """What resolve() found. Names and codes are those of the version valid in the report year.

    For a county or prefecture organ, `county` / `prefecture` is the unit itself. `candidates`
    counts the units (lineages) whose name and ancestors fit the report. `nbs_code` is the NBS
    statistical code of the version where it had one (it differs from the official code for
    about a quarter of towns).
    """

    status: str  # 'resolved' | 'unresolved'
    reason: str | None = None
    division_code: str | None = None
    name: str | None = None
    level: str | None = None
    county: str | None = None
    prefecture: str | None = None
    province: str | None = None
    valid_from: date | None = None  # first snapshot showing this version; None: in the earliest
    valid_to: date | None = None  # last snapshot showing it; None: still in the latest
    candidates: int = 0
    lineage_key: str | None = None
    county_code: str | None = None
    prefecture_code: str | None = None
    province_code: str | None = None
    nbs_code: str | None = None


class Gazetteer:
    """The shipped units, indexed for resolve(); built once per process by load().

    Rows stay as split text and become Unit objects only when touched: creating 60k objects
    up front would cost most of the load time, and a run touches a small share of them.
    """

    def __init__(self, rows: list[list[str]], snapshots: list[date]) -> None:
        self.rows = rows  # sorted by (lineage, first_seen) by the build
        self.snapshots = snapshots
        self._index_of = {d.isoformat(): i for i, d in enumerate(snapshots)}
        self._lineages = [row[5] for row in rows]
        self._units: dict[int, Unit] = {}  # row → Unit, made on first use
        self._ancestors: dict[str, dict[str, frozenset[str]]] = {}  # lineage → ancestor_names()
        self._name_ancestors: dict[tuple[str, str], dict[str, frozenset[str]]] = {}  # ancestors_of_name()
        self.by_name: dict[str, list[int]] = defaultdict(list)  # name → rows
        self.by_code: dict[str, list[int]] = defaultdict(list)  # code → rows, for parents only
        for i, row in enumerate(rows):
            self.by_name[row[2]].append(i)
            if row[3] != "town":  # towns are never parents
                self.by_code[row[0]].append(i)

    @cached_property
    def by_stem(self) -> dict[str, list[int]]:
        """level + stem → rows; built on the first fallback to stems only."""
        index: dict[str, list[int]] = defaultdict(list)
        for i, row in enumerate(self.rows):
            index[row[3] + _stem(row[2], row[3])].append(i)
        return index

    @cached_property
    def _recogniser(self) -> tuple[AhoCorasick, list[str]]:
        """One automaton over every name any version bore, plus the short form of autonomous
        counties (峨边县); built from the names only, once per process, on the first report.
        Town-level units of the NBS lists that are no township (…林业局, …开发区管理委员会, …农场)
        are left out: in a report such a word names a department or a place, not a township."""
        forms = {name: name for name, rows in self.by_name.items() if name not in _GENERIC_NAMES
                 and (name.endswith(SUFFIXES["town"]) or any(self.rows[i][3] != "town" for i in rows))}
        prefixes: dict[str, list[str]] = {}
        for name, rows in self.by_name.items():
            if name.endswith(("自治县", "自治旗")) and any(self.rows[i][3] == "county" for i in rows):
                forms.setdefault(_stem(name, "county") + name[-1], name)
            elif name in forms and self.rows[rows[0]][3] == "town":
                # 逊克县克林镇 (四平市铁东区城东乡) is the NBS name of 克林镇 in 逊克县: written after its
                # county, it is the town's own name that the text writes
                # (敖汉旗人民政府新州街道: the government's words go too)
                own = name[len(self._parents_prefix(name, self.rows[rows[0]][4], prefixes)):].removeprefix("人民政府")
                if own != name and own not in _GENERIC_NAMES:
                    del forms[name]
                    forms.setdefault(own, name)
        # Normalisation maps some characters of official names to others (乾安县 → 干安县, 於潜镇 →
        # 于潜镇): the normalised spelling is a form of the name too.
        spelled = simplified("\n".join(forms)).split("\n")
        for form, normalised in zip(list(forms), spelled):
            forms.setdefault(normalised, forms[form])
        written = sorted(forms)
        return AhoCorasick(written, matchkind=MatchKind.LeftmostLongest), [forms[w] for w in written]

    def _parents_prefix(self, name: str, parent_code: str, prefixes: dict[str, list[str]]) -> str:
        """The names of the parent and then the grandparent that ``name`` starts with, together
        (四平市铁东区 of 四平市铁东区城东乡), leaving two characters at least; '' when none.
        ``prefixes`` keeps each parent's possible prefixes, longest first (towns share parents)."""
        if parent_code not in prefixes:
            found = set()
            for parent in (self.rows[j] for j in self.by_code.get(parent_code, ())):
                found.add(parent[2])
                found.update(self.rows[j][2] + parent[2] for j in self.by_code.get(parent[4], ()))
            prefixes[parent_code] = sorted(found, key=len, reverse=True)
        return next((p for p in prefixes[parent_code] if name.startswith(p) and len(name) - len(p) >= 2), "")

    def mentions(self, text: str) -> list[Mention]:
        """The place names written in ``text``, left to right; where names overlap, the leftmost
        and then the longest (帽儿山镇, never 儿山镇 inside it)."""
        automaton, names = self._recogniser
        return [Mention(start, end, names[i]) for i, start, end in automaton.find_matches_as_indexes(text)]

    def levels(self, name: str) -> frozenset[str]:
        """The levels at which some unit bore ``name``."""
        return frozenset(self.rows[i][3] for i in self.by_name.get(name, ()))

    def ancestors_of_name(self, name: str, level: str) -> dict[str, frozenset[str]]:
        """ancestor_names() of every unit named ``name`` at ``level`` — or, when none is, of every
        unit of that level with the name's stem (大信镇 written for 大信街道) — together: the
        places a report may name around it."""
        key = (name, level)
        if key not in self._name_ancestors:
            rows = [i for i in self.by_name.get(name, ()) if self.rows[i][3] == level]
            rows = rows or self.by_stem.get(level + stem(name, level), [])
            found: dict[str, set[str]] = {lev: set() for lev in LEVELS}
            for lineage in {self.rows[i][5] for i in rows}:
                for lev, names in self.ancestor_names(lineage).items():
                    found[lev] |= names
            self._name_ancestors[key] = {lev: frozenset(names) for lev, names in found.items()}
        return self._name_ancestors[key]

    def unit(self, row: int) -> Unit:
        if row in self._units:
            return self._units[row]
        code, nbs_code, name, level, parent, lineage, first, last = self.rows[row]
        start, end = self._index_of[first], self._index_of[last]
        years = [d.year for d in self.snapshots]
        # A change is only known to lie between two snapshots: a version answers for report
        # years from its first snapshot's year (open before the earliest snapshot) to the year
        # before the next snapshot that no longer shows it (open after the latest).
        from_year = years[start] if start > 0 else -(10**4)
        to_year = years[end + 1] - 1 if end + 1 < len(years) else 10**4
        unit = Unit(code, nbs_code, name, level, parent, lineage, self.snapshots[start],
                    self.snapshots[end], from_year, to_year)
        self._units[row] = unit
        return unit

    def history(self, lineage: str) -> list[Unit]:
        """The lineage's versions, oldest first."""
        start = bisect_left(self._lineages, lineage)
        end = bisect_right(self._lineages, lineage, lo=start)
        return [self.unit(i) for i in range(start, end)]

    def version(self, lineage: str, year: int | None) -> Unit:
        """The lineage's version for a report year: the one in force, else the nearest in time."""
        history = self.history(lineage)
        if year is None:
            return history[-1]
        return min(history, key=lambda u: max(u.from_year - year, year - u.to_year, 0))

    def exists_in(self, lineage: str, year: int) -> bool:
        return any(u.from_year <= year <= u.to_year for u in self.history(lineage))

    def parent(self, unit: Unit) -> Unit | None:
        """The parent's version in force alongside `unit` (versions are split where parents change)."""
        for row in self.by_code.get(unit.parent_code, ()):
            candidate = self.unit(row)
            if candidate.from_year <= unit.to_year and unit.from_year <= candidate.to_year:
                return candidate
        return None

    def chain(self, unit: Unit) -> dict[str, Unit]:
        """The unit and its ancestors, by level."""
        chain: dict[str, Unit] = {}
        current: Unit | None = unit
        while current is not None:
            chain[current.level] = current
            current = self.parent(current)
        return chain

    def ancestor_names(self, lineage: str) -> dict[str, frozenset[str]]:
        """Every name any ancestor of any version bore, by level, so 即墨市 and 即墨区 both match."""
        if lineage not in self._ancestors:
            names: dict[str, set[str]] = {level: set() for level in LEVELS}
            for unit in self.history(lineage):
                for level, ancestor in self.chain(unit).items():
                    names[level].update(u.name for u in self.history(ancestor.lineage))
            self._ancestors[lineage] = {level: frozenset(found) for level, found in names.items()}
        return self._ancestors[lineage]


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """Read the shipped gazetteer once per process."""
    with SNAPSHOTS_FILE.open(encoding="utf-8", newline="") as handle:
        snapshots = [date.fromisoformat(row["snapshot"]) for row in csv.DictReader(handle, delimiter="\t")]
    lines = gzip.decompress(UNITS_FILE.read_bytes()).decode("utf-8").splitlines()
    return Gazetteer([line.split("\t") for line in lines[1:]], snapshots)


# The report's body_level → the division levels its organ can be. A 'city' organ is most often a
# prefecture-level city, but county-level cities (梅河口市) report as 'city' too.
_LEVELS_FOR = {
    "town": ("town",),
    "county": ("county",),
    "city": ("prefecture", "county"),
    "province": ("province",),
}
# Context fields, narrowest first, and the division level each one names.
_CONTEXT = (("county", "county"), ("prefecture", "prefecture"), ("province", "province"))


def _clean(name: str | None) -> str:
    """The organ's division name: official spelling, no 人民政府."""
    name = normalize_name(name or "")
    for tail in ("人民政府", "政府"):
        name = name.removesuffix(tail)
    return name


def _unprefixed(name: str, context: dict[str, str]) -> str:
    """吉林省梅河口市康大营镇 → 康大营镇: the name without the places the report also states."""
    for field, _ in reversed(_CONTEXT):
        stated = context.get(field)
        if stated and name.startswith(stated) and len(name) > len(stated):
            name = name[len(stated):]
    return name


def _matches(gazetteer: Gazetteer, lineage: str, context: dict[str, str]) -> bool:
    """Whether each stated county / prefecture / province is one of the lineage's ancestors.

    Names are compared whole first and by stem second (即墨市 in a 2016 text, 即墨区 later, or
    峨边县 for 峨边彝族自治县). A town directly under a prefecture (东莞市) has no county: a
    stated county is then compared with its prefecture.
    """
    ancestors = gazetteer.ancestor_names(lineage)
    for field, level in _CONTEXT:
        stated = context.get(field)
        if not stated:
            continue
        names, named_level = ancestors[level], level
        if not names and level == "county":
            names, named_level = ancestors["prefecture"], "prefecture"
        if stated not in names and _stem(stated, named_level) not in {_stem(n, named_level) for n in names}:
            return False
    return True


def _candidates(gazetteer: Gazetteer, name: str, levels: tuple[str, ...],
                context: dict[str, str]) -> tuple[set[str], set[str]]:
    """(lineages named `name`, those of them that fit the context); by stem if no name fits."""
    named = {gazetteer.rows[i][5] for i in gazetteer.by_name.get(name, ()) if gazetteer.rows[i][3] in levels}
    fitting = {lineage for lineage in named if _matches(gazetteer, lineage, context)}
    if not fitting:  # 大信镇 written for 大信街道, 新合乡 for 新合镇: same place, other suffix
        by_stem = {gazetteer.rows[i][5] for level in levels
                   for i in gazetteer.by_stem.get(level + stem(name, level), ())}
        named |= by_stem
        fitting = {lineage for lineage in by_stem if _matches(gazetteer, lineage, context)}
    return named, fitting


@lru_cache(maxsize=1 << 16)  # reports repeat organs: 700k reports, far fewer distinct questions
def resolve(body_name: str | None, body_level: str | None, county: str | None, prefecture: str | None,
            province: str | None, report_year: int | None) -> Resolution:
    """The division a report's organ is, in its version valid in report_year; never a guess.

    - town / county / city / province organs (or no level: any) resolve when the name (or, failing
      that, its stem) and the stated county, prefecture and province leave exactly one lineage;
      several that all fit are narrowed to those that existed in report_year, else 'ambiguous: …'.
    - department organs are not divisions: always unresolved ('department: not a division'), with
      county / prefecture / province (and their codes) filled when the narrowest stated one resolves.
    """
    context = {field: normalize_name(value) for field, value in
               (("county", county), ("prefecture", prefecture), ("province", province)) if value}
    if body_level == "department":
        for field, level in _CONTEXT:  # the narrowest stated place; the others are wider
            if field in context:
                wider = {f: v for f, v in context.items() if f != field}
                place = _resolve(context[field], (level,), wider, report_year)
                if place.status == "resolved":
                    return Resolution(
                        "unresolved", "department: not a division", county=place.county,
                        prefecture=place.prefecture, province=place.province, county_code=place.county_code,
                        prefecture_code=place.prefecture_code, province_code=place.province_code)
                break
        return Resolution("unresolved", "department: not a division")
    name = _clean(body_name)
    if not name:
        return Resolution("unresolved", "no_organ_name")
    if name not in load().by_name:  # some official names start with their county (烈山区工业园)
        name = _unprefixed(name, context)
        if "county" in context and context["county"] + name in load().by_name:
            name = context["county"] + name  # … or the report writes it without (克林镇 of 逊克县)
    return _resolve(name, _LEVELS_FOR.get(body_level or "", LEVELS), context, report_year)


def _resolve(name: str, levels: tuple[str, ...], context: dict[str, str], report_year: int | None) -> Resolution:
    gazetteer = load()
    named, fitting = _candidates(gazetteer, name, levels, context)
    if not named:
        return Resolution("unresolved", "not_in_gazetteer")
    stated = "/".join(context.values())
    if not fitting:
        return Resolution("unresolved", f"context_mismatch: {len(named)} units named {name}, none under {stated}")
    chosen = fitting
    if len(chosen) > 1 and report_year is not None:
        # Of units that all fit, the one that existed then, and then the one named so then.
        chosen = {lineage for lineage in chosen if gazetteer.exists_in(lineage, report_year)} or chosen
        current = {lineage for lineage in chosen if gazetteer.version(lineage, report_year).name == name}
        chosen = current or chosen
    if len(chosen) > 1:
        decider = (f"the stated {stated} does not decide" if stated
                   else "the report names no county, prefecture or province")
        return Resolution("unresolved", f"ambiguous: {len(chosen)} units named {name} and {decider}",
                          candidates=len(chosen))
    (lineage,) = chosen
    unit = gazetteer.version(lineage, report_year)
    chain = gazetteer.chain(unit)
    place: dict[str, str | None] = {}
    for level in ("county", "prefecture", "province"):
        place[level] = chain[level].name if level in chain else None
        place[f"{level}_code"] = chain[level].code if level in chain else None
    first, last = gazetteer.snapshots[0], gazetteer.snapshots[-1]
    return Resolution(
        "resolved", None, unit.code, unit.name, unit.level,
        valid_from=None if unit.first_seen == first else unit.first_seen,
        valid_to=None if unit.last_seen == last else unit.last_seen,
        candidates=len(fitting), lineage_key=unit.lineage, nbs_code=unit.nbs_code or None,
        **place,  # type: ignore[arg-type]
    )
