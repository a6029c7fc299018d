"""Report metadata from normalised text: organ, level, parents, statistics year, format, dates."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from ogi.transforms import grammar
from ogi.transforms.gazetteer import Mention, load
from ogi.transforms.model import ReportMeta
from ogi.transforms.organ_names import (BODY_LEVEL, Organ, Place, government_follows, known_level, most_named_department,
                                    named_places, read_organ, self_reference_level)

# The last word of a signature line that names an organ: a text ending with it is complete.
_ENDS_WITH_ORGAN = grammar.pattern("{ORGAN_END}$")


# --- format -----------------------------------------------------------------------------------

# The labels of each format (transforms/grammar/formats.tsv): one pattern per label (labels may
# overlap, so each is searched on its own), and all of them as one pattern that rules out a format
# in one scan of a text that shows none.
_FORMAT_LABELS: dict[str, list[re.Pattern[str]]] = {}
for _row in grammar.rows("formats"):
    _FORMAT_LABELS.setdefault(_row["format"], []).append(re.compile(_row["label"]))
_ANY_FORMAT_LABEL = {
    code: re.compile("|".join(f"(?:{label.pattern})" for label in labels)) for code, labels in _FORMAT_LABELS.items()
}
_F21_FIRST_YEAR = 2021  # 国办公开办函〔2021〕30号: the revised form, from the 2021 reports on


def _labels_shown(text: str, format_code: str) -> int:
    """How many distinct labels of the format the text shows."""
    if not _ANY_FORMAT_LABEL[format_code].search(text):
        return 0
    return sum(1 for label in _FORMAT_LABELS[format_code] if label.search(text))


def detect_format(text: str, report_year: int | None = None) -> str:
    """F19/F21/T14/L08 from table labels; N for narrative only. The year only tells F19 from F21
    when the labels shown are those both forms share."""
    f19, f21 = _labels_shown(text, "F19"), _labels_shown(text, "F21")
    if f19 or f21:
        return "F19" if f19 >= f21 else "F21"
    if _labels_shown(text, "F19F21") >= 2:
        return "F21" if report_year is not None and report_year >= _F21_FIRST_YEAR else "F19"
    for code in ("T14", "L08"):
        if _labels_shown(text, code) >= 2:
            return code
    return "N"


# --- title, year --------------------------------------------------------------------------------

_TITLE_LINE = grammar.phrase("TITLE_LINE")
_TITLE_YEAR_AFTER = grammar.phrase("TITLE_YEAR_AFTER")
_TITLE_NO_YEAR = grammar.phrase("TITLE_NO_YEAR")
_TITLE_WORDS = grammar.phrase("TITLE_WORDS")
_PUBLISHED_AS = grammar.phrase("PUBLISHED_AS")
_COMPILED_BY = grammar.phrase("COMPILED_BY")
_COMPILES = grammar.phrase("COMPILES")
_CHROME_SOURCE = grammar.phrase("CHROME_SOURCE")
_STAT_PERIOD = grammar.phrase("STAT_PERIOD")
_YEAR_REPORT = grammar.phrase("YEAR_REPORT")
_DOC_NUMBER = grammar.phrase("DOC_NUMBER")
_YEAR_MENTION = grammar.phrase("YEAR_MENTION")


def _title(text: str) -> tuple[str | None, int | None]:
    """(organ as written, year) from a title line near the top; the organ may stand on the line
    before the title ("某镇人民政府\n2019年政府信息公开工作年度报告")."""
    lines = [line.strip(" |") for line in text.split("\n")[:15]]
    lines = [line for line in lines if line]
    unyeared = None
    for i, line in enumerate(lines):
        body = line.split("标题:")[-1]
        if len(body) > 60 or "《" in body or not _TITLE_WORDS.search(body):
            continue
        after = _TITLE_YEAR_AFTER.match(body)
        if after:
            return (after["org"] or None), int(after["year"])
        m = _TITLE_LINE.search(body)
        if not m:
            no_year = _TITLE_NO_YEAR.match(body)
            unyeared = unyeared or (no_year and no_year["org"]) or None
            continue
        pre = re.split(r"[:|•,。 ]", body[: m.start()])[-1]
        pre = re.sub(r"(?:关于|的)$", "", re.sub(r"^关于", "", pre))
        previous = lines[i - 1] if i else ""
        organ = pre or m["post"] or (previous if read_organ(previous) else "")
        return (organ or None), int(m["year"])
    return unyeared, None


def _report_year(text: str, title_year: int | None) -> int | None:
    if title_year:
        return title_year
    for pattern in (_PUBLISHED_AS, _STAT_PERIOD, _YEAR_REPORT):
        m = pattern.search(text)
        if m:
            return int(m["year"])
    # the most named year; full dates (signature, publication) do not count, ties go to the earlier
    cleaned = _DOC_NUMBER.sub("", text)
    years = Counter(int(y) for y in _YEAR_MENTION.findall(cleaned))
    valid = [(n, -y) for y, n in years.items() if 2007 <= y <= 2030]
    return -max(valid)[1] if valid else None


# --- organ --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Organ:
    body_name: str | None
    level: str | None
    county: str | None = None
    prefecture: str | None = None
    province: str | None = None


def _organ_strings(text: str, title_organ: str | None) -> Iterator[str]:
    """Where a report writes its organ, most telling first: the title, 现公布…, 由…编制, the page's
    发布机构, the signature lines."""
    if title_organ:
        yield title_organ
    for pattern in (_PUBLISHED_AS, _COMPILED_BY, _COMPILES, _CHROME_SOURCE):
        m = pattern.search(text)
        if m:
            yield m["org"]
    for line in reversed(text.rstrip().split("\n")[-3:]):
        line = line.strip(" |")
        if re.fullmatch(r"[\u4e00-\u9fff()]{2,40}", line):
            yield line


def _district_department(name: str, places: list[Mention], text: str) -> Organ | None:
    """区政务服务办 is the department of the district the text names: 某区 + its name in full
    (政务服务办公室 where the text writes it so)."""
    unit = name[0]
    counties = Counter(m.name for m in places if m.name.endswith(unit) and known_level(m.name) == "county")
    if unit not in "区县旗市" or len(name) < 3 or not counties:
        return None
    county = counties.most_common(1)[0][0]
    own = name[1:]
    if own.endswith("办") and own + "公室" in text:
        own += "公室"
    return Organ((Place(county, "county", county),), county + own)


def _most_named(text: str, places: list[Mention], self_level: str | None) -> Organ | None:
    """For a report that writes its organ nowhere in particular: the town it names most, else the
    department, else the county or city government (named twice, or once in a report that says
    我县)."""
    if self_level in (None, "town"):
        towns = {m.spelled(text): m.name for m in places if known_level(m.name) == "town"}
        if towns:
            tally = Counter(m.spelled(text) for m in places if m.spelled(text) in towns)
            written = tally.most_common(1)[0][0]
            return Organ((Place(written, "town", towns[written]),))
    if self_level == "department":
        department = most_named_department(text, places)
        return read_organ(department) if department else None
    governments = Counter(m.name for m in places if known_level(m.name) in ("county", "prefecture")
                          and government_follows(text, m.end))
    if governments:
        name, n = governments.most_common(1)[0]
        if n >= 2 or self_level == "county":
            return Organ((Place(name, known_level(name), name),))
    return None


def _town_county(town: Place, stated: tuple[Place, ...], places: list[Mention], text: str) -> str | None:
    """The county a town belongs to, as the text names it: one of its counties in the gazetteer
    (a stated one first, then the most named; for a name the gazetteer lacks, those of the towns
    with its stem), else the county written before it in the organ string, else a county of the
    gazetteer written right before its name (佳县螅镇)."""
    if town.level == "town":
        counties = load().ancestors_of_name(town.name or town.written, "town")["county"]
        for place in reversed(stated):
            if place.name in counties:
                return place.written
        named = Counter(m.spelled(text) for m in places if m.name in counties)
        if named:
            return named.most_common(1)[0][0]
    for place in reversed(stated):
        if place.level == "county":
            return place.written
    adjacent = Counter(m.spelled(text) for m in load().mentions(text)
                       if known_level(m.name) == "county" and text.startswith(town.written, m.end))
    return adjacent.most_common(1)[0][0] if adjacent else None


def _wider(organ: Place, level: str, stated: tuple[Place, ...], places: list[Mention], text: str) -> tuple[str | None, str | None]:
    """(prefecture, province) the text names for the organ: ancestors of its gazetteer units, else
    the places written before it (a written …市 before a county is its prefecture)."""
    found: dict[str, str | None] = {"prefecture": None, "province": None}
    if organ.name and organ.level:
        ancestors = load().ancestors_of_name(organ.name, organ.level)
        for wider in found:
            found[wider] = next((m.spelled(text) for m in places if m.name in ancestors[wider]
                                 and m.name != organ.name), None)
    for place in stated:
        wider = place.level or ("prefecture" if level != "city" else None)
        if wider in found and found[wider] is None:
            found[wider] = place.written
    return found["prefecture"], found["province"]


def _division(organ: Organ, places: list[Mention], text: str) -> _Organ:
    *stated, own = organ.places
    stated = tuple(stated)
    level = BODY_LEVEL.get(own.level or "") if own.level else (
        # a written …市 with districts or counties named under it is a prefecture-level city
        "city" if re.search(re.escape(own.written) + r"[\u4e00-\u9fff]{1,4}(?:区|县)", text) else "county")
    if level == "county":
        county = own.written
    elif level == "town":
        county = _town_county(own, stated, places, text)
    else:
        county = None
    prefecture, province = _wider(own, level, stated, places, text)
    if level == "city":
        prefecture = own.written
    elif level == "province":
        province = own.written
    return _Organ(own.written, level, county, prefecture, province)


def _department(organ: Organ) -> _Organ:
    """A department keeps its name as written; its county, prefecture and province are the places
    its name starts with (咸宁市人民防空办公室: a prefecture's, no county)."""
    within = {"county": None, "prefecture": None, "province": None}
    for place in organ.places:
        level = place.level or "prefecture"
        if level in within and within[level] is None:
            within[level] = place.written
    return _Organ(organ.department, "department", within["county"], within["prefecture"], within["province"])


def _organ(text: str, title_organ: str | None) -> _Organ:
    places = named_places(text)
    placeless_department = False
    for raw in _organ_strings(text, title_organ):
        organ = read_organ(raw)
        if organ is not None and organ.department and not organ.places:
            organ = _district_department(organ.department, places, text)
            placeless_department = placeless_department or organ is None
        if organ is not None:
            break
    else:
        self_level = self_reference_level(text)
        organ = _most_named(text, places, self_level)
        if organ is None:
            # a department that writes no place (审计局) names no organ: the level is all it says
            return _Organ(None, "department" if placeless_department else self_level)
    return _department(organ) if organ.department else _division(organ, places, text)


# --- dates, truncation --------------------------------------------------------------------------

_LABELLED_DATE = grammar.phrase("LABELLED_DATE")
_CN_DATE = grammar.phrase("CN_DATE")
_DATE_UNDER_TITLE = grammar.phrase("DATE_UNDER_TITLE")


def _date(m: re.Match[str] | None) -> date | None:
    if not m:
        return None
    try:
        return date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None


def _publish_date(text: str) -> date | None:
    labelled = _date(_LABELLED_DATE.search(text))
    if labelled:
        return labelled
    head = "\n".join(text.split("\n")[:6])
    under_title = _DATE_UNDER_TITLE.search(head)
    if under_title:
        return _date(under_title)
    tail = text.rstrip(" |\n")[-40:]
    signature = list(_CN_DATE.finditer(tail))
    return _date(signature[-1]) if signature and tail.endswith("日") else None


def _is_truncated(text: str) -> bool:
    end = text.rstrip(" |\n")
    if not end:
        return True
    if end[-1] in "。!?)”」』》":
        return False
    last_line = end.split("\n")[-1].strip(" |")
    return not (_CN_DATE.search(last_line[-12:]) or _ENDS_WITH_ORGAN.search(last_line))


def extract_metadata(text: str) -> ReportMeta:
    """Metadata of one report; ``text`` is normalised."""
    title_organ, title_year = _title(text)
    organ = _organ(text, title_organ)
    year = _report_year(text, title_year)
    return ReportMeta(
        body_name=organ.body_name,
        body_level=organ.level,
        county=organ.county,
        prefecture=organ.prefecture,
        province=organ.province,
        report_year=year,
        format_code=detect_format(text, year),
        regime=None if year is None else ("R07" if year <= 2018 else "R19"),
        publish_date=_publish_date(text),
        is_truncated=_is_truncated(text),
    )
