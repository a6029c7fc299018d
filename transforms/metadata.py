"""Report metadata from normalised text: organ, level, parents, statistics year, format, dates."""
from __future__ import annotations

import re
from collections import Counter
from datetime import date

from transforms import grammar
from transforms.model import ReportMeta

_YEAR = r"(?:19|20)\d\d"
_ORGAN_END = r"(?:人民政府|政府|办事处|镇|乡|街道|县|区|市|旗|省|局|厅|署|办公室|委员会|委|办|中心|院|所|站|队|联合社|总工会)"
_TOWN_SUFFIX = re.compile(r"(?:镇|乡|街道)$")
_COUNTY_SUFFIX = re.compile(r"(?:县|旗|区)$")
# Single characters and words that end the words before a place name, never start one.
_NAME_STOP = set("年度的在于由和及与为向对从把是了有以省市县区旗我本全该各此每")
_WORD_STOP = re.compile(r".*(?:通过|按照|依照|根据|关于|报告|工作|渠道|包括|包含|其中|经过|位于|隶属|地址|属于|来源)")
# Town names are counted from the words before 镇/乡: there 镇乡村 also end a word (乡镇, 村镇).
_TOWN_NAME_STOP = _NAME_STOP | set("镇乡村")


def _name_before(text: str, end: int, stop: set[str], max_len: int = 5) -> str:
    """The place-name characters right before ``end``: back to punctuation, a stop character or
    a function word (按照县 → '', 报告武江区 → 武江)."""
    name = ""
    for ch in reversed(text[max(0, end - max_len) : end]):
        if ch in stop or not re.match(r"[\u4e00-\u9fff]", ch):
            break
        name = ch + name
    m = _WORD_STOP.match(name)
    return name[m.end() :] if m else name


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

_TITLE_LINE = re.compile(rf"(?P<year>{_YEAR})年度?(?P<post>.*?)(?:人民政府|政府|政务|信息公开|工作|年度报告|年报)")
# "某镇政府信息公开工作年度报告(2019年度)": the year after the title
_TITLE_YEAR_AFTER = re.compile(rf"^(?P<org>.*?)(?:人民政府|政府|政务)?信息公开.*?(?:报告|年报)\((?P<year>{_YEAR})年?度?\)$")
_TITLE_WORDS = re.compile(r"年度报告|年报|工作报告|年度报|工作告|工作的报告|情况的报告")
_PUBLISHED_AS = re.compile(rf"(?:现公布|向社会公布|现将|公布)(?P<org>[^,。《》:\n]{{2,40}}?)(?P<year>{_YEAR})年度?(?:政府|政务)?信息公开")
_COMPILED_BY = re.compile(r"由(?P<org>[^,。《》:\n由]{2,40}?)(?:编制|制作|编写)")
_CHROME_SOURCE = re.compile(r"(?:信息来源|发布机构|发布单位|发文机关)[:|\s]*(?P<org>[^\s|:,。]{2,30})")
_STAT_PERIOD = re.compile(rf"统计(?:期限|时限|时间|区间)[^。\n]{{0,8}}?(?P<year>{_YEAR})年")
_YEAR_REPORT = re.compile(rf"(?:编制的|将|现将|本)(?:我[镇乡局办委]|本[镇乡局办委])?(?P<year>{_YEAR})年度?[^。\n]{{0,16}}报告")
_DOC_NUMBER = re.compile(rf"〔{_YEAR}〕|\[{_YEAR}\]|【{_YEAR}")


def _title(text: str) -> tuple[str | None, int | None]:
    """(organ as written, year) from a title line near the top; the organ may stand on the line
    before the title ("某镇人民政府\n2019年政府信息公开工作年度报告")."""
    lines = [line.strip(" |") for line in text.split("\n")[:15]]
    lines = [line for line in lines if line]
    for i, line in enumerate(lines):
        body = line.split("标题:")[-1]
        if len(body) > 60 or "《" in body or not _TITLE_WORDS.search(body):
            continue
        after = _TITLE_YEAR_AFTER.match(body)
        if after:
            return (after["org"] or None), int(after["year"])
        m = _TITLE_LINE.search(body)
        if not m:
            continue
        pre = re.split(r"[:|•,。 ]", body[: m.start()])[-1]
        pre = re.sub(r"(?:关于|的)$", "", re.sub(r"^关于", "", pre))
        previous = lines[i - 1] if i else ""
        organ = pre or m["post"] or (previous if _clean_organ(previous) else "")
        return (organ or None), int(m["year"])
    return None, None


def _report_year(text: str, title_year: int | None) -> int | None:
    if title_year:
        return title_year
    for pattern in (_PUBLISHED_AS, _STAT_PERIOD, _YEAR_REPORT):
        m = pattern.search(text)
        if m:
            return int(m["year"])
    # the most named year; full dates (signature, publication) do not count, ties go to the earlier
    cleaned = _DOC_NUMBER.sub("", text)
    years = Counter(int(y) for y in re.findall(rf"(?<!\d)({_YEAR})年(?!\d{{1,2}}月\d{{1,2}}日)", cleaned))
    valid = [(n, -y) for y, n in years.items() if 2007 <= y <= 2030]
    return -max(valid)[1] if valid else None


# --- organ --------------------------------------------------------------------------------------

_GENERIC_OFFICE = re.compile(r"(?:党政|综合|政府|行政|党政综合)?(?:办公室|办)")
_OFFICE_SUFFIX = re.compile(r"(?:人民政府|政府)?(?:党政综合办公室|党政办公室|党政办|政府办公室|办公室|政府办)$")


def _clean_organ(raw: str) -> str | None:
    organ = raw.strip(" |•:").lstrip("(")
    if organ.count("(") < organ.count(")"):
        organ = organ.rstrip(")")
    if organ[:1] in ("我", "本", "该"):
        return None
    organ = re.sub(r"^(?:现公布|向社会公布|公布|现将|特向社会公布)", "", organ)
    if not organ:
        return None
    # "伊宁县人民政府办公室", "东港镇人民政府党政办公室", "海虞镇党政办": the government itself
    base = _OFFICE_SUFFIX.sub("", organ)
    if base != organ and re.search(r"(?:镇|乡|街道|县|区|市|旗)$", base) and ("政府" in organ or _TOWN_SUFFIX.search(base)):
        organ = base
    organ = re.sub(r"(?:人民政府|政府|办事处)$", "", organ)
    if not re.search(f"{_ORGAN_END}$", organ) and not re.search(r"\)$", organ):
        return None
    # an internal office or a bare unit word names no organ: 党政办公室, 镇党政办 → 镇
    if len(organ) < 2 or _GENERIC_OFFICE.fullmatch(organ):
        return None
    return organ


def _without_parents(organ: str, level: str | None) -> str:
    """永吉县北大湖镇 → 北大湖镇, 白山市浑江区 → 浑江区; departments keep their full name."""
    if level == "department":
        return organ
    shortest = 2 if level == "town" else 3  # 螅镇 is a town; 市中区 is not 中区
    cut = 0
    for m in re.finditer(r"[省市县区旗]", organ[:-1]):
        if len(organ) - m.end() >= shortest:
            cut = m.end()
    return organ[cut:]


def _frequent_place(text: str) -> str | None:
    """The most named town, or else county/city government, for reports without a title."""
    for suffix in (r"镇|乡|街道", r"县|区|市|旗"):
        tally: Counter[str] = Counter()
        tail = r"(?:人民政府|政府)" if suffix.startswith("县") else ""
        for m in re.finditer(rf"(?:{suffix}){tail}", text):
            name = _name_before(text, m.start(), _TOWN_NAME_STOP, 4)
            place = m.group().replace("人民政府", "").replace("政府", "")
            for k in range(1, len(name) + 1):
                tally[name[-k:] + place] += 1
        if tally:
            # counts of longer candidates never exceed shorter ones; among the most named, place
            # names of two characters are the most common, then three
            preference = {2: 3, 3: 2, 1: 1, 4: 0}
            suffix_len = {k: len(k) - len(re.sub(rf"(?:{suffix})$", "", k)) for k in tally}
            best = max(tally.items(), key=lambda kv: (kv[1], preference.get(len(kv[0]) - suffix_len[kv[0]], -1)))
            if best[1] >= 2 or suffix.startswith("镇"):
                return best[0]
    return None


def _self_reference_level(text: str) -> str | None:
    counts = {
        "town": len(re.findall(r"[我本全][镇乡]|我街道|本街道", text)),
        "department": len(re.findall(r"[我本][局委办]|我中心|副?局长", text)),
        "county": len(re.findall(r"[我本]县", text)),
    }
    level, n = max(counts.items(), key=lambda kv: kv[1])
    return level if n else None


def _level(organ: str | None, text: str) -> str | None:
    if organ is None:
        return _self_reference_level(text)
    if _TOWN_SUFFIX.search(organ):
        return "town"
    if _COUNTY_SUFFIX.search(organ):
        return "county"
    if organ.endswith("市"):
        # a city with districts/counties named under it is a prefecture
        name = organ.split("省")[-1]
        return "city" if re.search(re.escape(name) + r"[\u4e00-\u9fff]{1,4}(?:区|县)", text) else "county"
    if organ.endswith("省"):
        return "province"
    return "department"


def _place_before(text: str, name: str, units: str, shortest: int) -> list[str]:
    """County-level names written right before ``name`` (梅河口市康大营镇 → 梅河口市)."""
    # a plain substring scan: a pattern built per organ would be compiled anew for every report
    found = []
    i = text.find(name, 1)
    while i != -1:
        unit_at = i - 1
        if text[unit_at] in units:
            place = _name_before(text, unit_at, _NAME_STOP) + text[unit_at]
            if len(place) >= shortest:
                found.append(place)
            i = text.find(name, i + len(name))
        else:
            i = text.find(name, i + 1)
    return found


def _county(organ: str | None, level: str | None, text: str) -> str | None:
    if level == "county":
        return organ
    if level in ("city", "province") or organ is None:
        return None
    if level == "department":
        # 杭州市江干区行政审批服务管理办公室 → 江干区; a city department (咸宁市人民防空办公室) has none
        m = re.match(r"(?:[\u4e00-\u9fff]{2,6}?[省市])*([\u4e00-\u9fff]{2,6}?[县区旗])", organ)
        return m.group(1) if m and not re.search(r"[省市]", m.group(1)) else None
    # right before the organ's name even one-character counties are safe (佳县螅镇)
    adjacent = _place_before(text, organ, "县区市旗", 2)
    if adjacent:
        return Counter(adjacent).most_common(1)[0][0]
    governments = _place_before(text, "人民政府", "县区旗", 3) + _place_before(text, "政府", "县区旗", 3)
    return Counter(governments).most_common(1)[0][0] if governments else None


def _parents(county: str | None, organ: str | None, level: str | None, text: str) -> tuple[str | None, str | None]:
    prefecture = organ if level == "city" else None
    if county and prefecture is None and "市" + county in text:
        m = re.search(rf"([\u4e00-\u9fff]{{2,5}}?市){re.escape(county)}", text)
        if m and m.group(1)[0] not in _NAME_STOP:
            prefecture = m.group(1)
    province = None
    anchor = prefecture or county or organ
    if anchor and "省" + anchor in text:
        m = re.search(rf"([\u4e00-\u9fff]{{2,3}}?省){re.escape(anchor)}", text)
        province = m.group(1) if m else None
    if organ and organ.endswith("省"):
        province = organ
    elif organ and re.match(r"[\u4e00-\u9fff]{2,3}省", organ):
        province = re.match(r"[\u4e00-\u9fff]{2,3}省", organ).group()
    return prefecture, province


# --- dates, truncation --------------------------------------------------------------------------

_LABELLED_DATE = re.compile(rf"(?:发布日期|发布时间|公开日期|时间)[:|\s]*(?P<y>{_YEAR})[-年/.](?P<m>\d{{1,2}})[-月/.](?P<d>\d{{1,2}})")
_CN_DATE = re.compile(rf"(?P<y>{_YEAR})年(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日")


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
    under_title = re.search(rf"\((?P<y>{_YEAR})年(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日\)", head)
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
    return not (_CN_DATE.search(last_line[-12:]) or re.search(f"{_ORGAN_END}$", last_line))


def extract_metadata(text: str) -> ReportMeta:
    """Metadata of one report; ``text`` is normalised."""
    title_organ, title_year = _title(text)
    raw = title_organ
    if raw is None or _clean_organ(raw) is None:
        for pattern in (_PUBLISHED_AS, _COMPILED_BY, _CHROME_SOURCE):
            m = pattern.search(text)
            if m and _clean_organ(m["org"]):
                raw = m["org"]
                break
        else:
            signature = [line.strip(" |") for line in text.rstrip().split("\n")[-3:]]
            named = [line for line in signature if re.fullmatch(rf"[\u4e00-\u9fff()]{{2,40}}{_ORGAN_END}", line)]
            raw = named[-1] if named else _frequent_place(text)
    organ = _clean_organ(raw) if raw else None
    level = _level(organ, text)
    body_name = _without_parents(organ, level) if organ else None
    county = _county(organ if level == "department" else body_name, level, text)
    if county == body_name and level == "town":
        county = None
    if level == "county":
        county = body_name
    prefecture, province = _parents(county, organ, level, text)
    year = _report_year(text, title_year)
    return ReportMeta(
        body_name=body_name,
        body_level=level,
        county=county,
        prefecture=prefecture,
        province=province,
        report_year=year,
        format_code=detect_format(text, year),
        regime=None if year is None else ("R07" if year <= 2018 else "R19"),
        publish_date=_publish_date(text),
        is_truncated=_is_truncated(text),
    )
