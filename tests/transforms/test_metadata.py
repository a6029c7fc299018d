"""Report metadata from the title, body, contact lines and signature."""
from __future__ import annotations

from datetime import date

import pytest

from ogi.transforms.metadata import detect_format, extract_metadata
from ogi.transforms.normalize import normalize


def meta(text: str):
    return extract_metadata(normalize(text).text)


@pytest.mark.parametrize(
    ("text", "body", "level", "county", "year"),
    [
        ("2018年度红石镇\n政府信息公开工作年度报告\n2018年,通化县红石镇认真贯彻……", "红石镇", "town", "通化县", 2018),
        ("长岭县太平川镇人民政府2016年政府信息公开工作年度报告\n正文", "太平川镇", "town", "长岭县", 2016),
        ("龙湾街道办事处2020年政府信息公开工作年度报告\n联系地址:瓯海区龙湾街道某路1号", "龙湾街道", "town", "瓯海区", 2020),
        ("2015年度双河乡政府信息公开年度报告\n本报告通过苍溪县政府信息公开网发布。", "双河乡", "town", "苍溪县", 2015),
        ("舒兰县人民政府2017年政府信息公开工作年度报告\n正文", "舒兰县", "county", "舒兰县", 2017),
        ("白城市交通运输局2019年政府信息公开工作年度报告\n正文", "白城市交通运输局", "department", None, 2019),
        ("江南区城市管理局2021年政府信息公开工作年度报告\n正文", "江南区城市管理局", "department", "江南区", 2021),
    ],
)
def test_organ_and_year_from_the_title(text: str, body: str, level: str, county: str | None, year: int) -> None:
    m = meta(text)
    assert (m.body_name, m.body_level, m.county, m.report_year) == (body, level, county, year)
    assert m.regime == ("R07" if year <= 2018 else "R19")


def test_year_is_the_statistics_year_not_a_template_or_publication_year() -> None:
    text = "桃源镇2016年政府信息公开工作年度报告\n2017年1月20日\n本年报是由桃源镇编制的2014年度政府信息公开年度报告。"
    assert meta(text).report_year == 2016


def test_untitled_report_uses_the_signature_and_body() -> None:
    text = "一、概述\n2015年,我镇主动公开政府信息20条。\n二、存在问题\n……\n平安镇人民政府\n2016年1月15日"
    m = meta(text)
    assert (m.body_name, m.body_level, m.report_year) == ("平安镇", "town", 2015)
    assert m.publish_date == date(2016, 1, 15)
    assert m.is_truncated is False


def test_unnamed_department() -> None:
    m = meta("一、总体情况\n2021年,我局严格落实条例要求,由副局长任组长。\n二、主动公开")
    assert m.body_name is None and m.body_level == "department"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("发布日期:2019-01-25 10:00\n正文。", date(2019, 1, 25)),
        ("某镇2018年政府信息公开工作年度报告\n(2019年1月8日)\n正文。", date(2019, 1, 8)),
        ("正文发布日期:20191月8日。", None),  # garbled date: no date rather than a wrong one
    ],
)
def test_publish_date(text: str, expected: date | None) -> None:
    assert meta(text).publish_date == expected


@pytest.mark.parametrize(
    ("text", "truncated"),
    [("……工作取得实效。", False), ("……进一步加", True), ("……行政许可\n\n0\n\n2", True)],
)
def test_truncation(text: str, truncated: bool) -> None:
    assert meta(text).is_truncated is truncated


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("信息内容 本年新制作数量 本年新公开数量", "F19"),
        ("第二十条第(九)项 政府集中采购", "F19"),
        ("信息内容 本年制发件数 本年废止件数 现行有效件数", "F21"),
        ("第二十条第(一)项 | 信息内容 | 本年制", "F21"),  # header cut after 本年制
        ("(一)收到申请数 件 3 (二)申请办结数 件 3", "T14"),
        ("否决公开答复总数 免予公开范围1数", "L08"),
        ("否决公开的数量为1条", "N"),  # prose wording, not a table
        ("(一)主动公开政府信息数 (二)通过不同渠道和方式公开政府信息的情况", "N"),
        ("2021年我镇主动公开政府信息30条", "N"),  # never from the year
    ],
)
def test_format_from_labels(text: str, code: str) -> None:
    assert detect_format(text) == code


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("东风镇人民政府\n2019年政府信息公开工作年度报告\n一、总体情况", "东风镇"),
        ("大河乡人民政府关于2020年政府信息公开工作年度报告\n正文", "大河乡"),
    ],
)
def test_organ_next_to_the_title(text: str, body: str) -> None:
    assert meta(text).body_name == body


@pytest.mark.parametrize(
    ("text", "body", "level", "county", "prefecture"),
    [
        ("白山市浑江区人民政府2020年政府信息公开工作年度报告\n正文", "浑江区", "county", "浑江区", "白山市"),
        ("2019年度通化市人民政府政府信息公开工作年度报告\n通化市东昌区、二道江区……", "通化市", "city", None, "通化市"),
        ("2018年市中区人民政府信息公开工作年度报告\n正文", "市中区", "county", "市中区", None),
    ],
)
def test_county_and_city_governments(text: str, body: str, level: str, county: str | None, prefecture: str | None) -> None:
    m = meta(text)
    assert (m.body_name, m.body_level, m.county, m.prefecture) == (body, level, county, prefecture)


def test_year_written_after_the_title() -> None:
    m = meta("松江镇政府信息公开工作年度报告(2019年度)\n正文")
    assert (m.body_name, m.report_year) == ("松江镇", 2019)


def test_one_character_county_right_before_the_town() -> None:
    m = meta("螺镇2022年政府信息公开工作年度报告\n根据要求,佳县螺镇编制本报告。")
    assert (m.body_name, m.county) == ("螺镇", "佳县")


def test_one_character_county_needs_the_town_next_to_it() -> None:
    m = meta("螺镇2022年政府信息公开工作年度报告\n在县政府办的指导下开展工作。")
    assert m.county is None


@pytest.mark.parametrize(
    ("title", "county"),
    [
        ("杭州市上城区城市管理局2018年政府信息公开工作年度报告", "上城区"),
        ("长白县林业局2016年政府信息公开工作年度报告", "长白县"),
        ("咸宁市人民防空办公室2018年政府信息公开工作年度报告", None),
    ],
)
def test_department_county_from_its_name(title: str, county: str | None) -> None:
    m = meta(title + "\n正文")
    assert (m.body_level, m.county) == ("department", county)


@pytest.mark.parametrize("text", ["一、概述\n本报告由党政办公室编制。\n", "一、概述\n本报告由镇党政办编制。\n"])
def test_an_internal_office_is_not_the_organ(text: str) -> None:
    assert meta(text).body_name is None


# --- organs recognised against the gazetteer ---------------------------------------------------
# Real names of the shipped gazetteer; each case is a pattern seen in reports, in other words.


@pytest.mark.parametrize(
    ("text", "body", "level", "county"),
    [
        # four characters, the last three of which are another town's name (宝山镇)
        ("一、总体情况\n2020年,万宝山镇严格落实条例。我镇主动公开信息40条。\n联系地址:安达市万宝山镇政府大院",
         "万宝山镇", "town", "安达市"),
        # a street of five characters after the district's government (人民政府 glued before it)
        ("大连市金州区人民政府七顶山街道办事处2021年政府信息公开工作年度报告\n正文",
         "七顶山街道", "town", "金州区"),
        # a 苏木 named once, after its banner
        ("一、总体情况\n2019年,我苏木按照克什克腾旗的部署,乌兰布统苏木政府信息公开领导小组专人负责。",
         "乌兰布统苏木", "town", "克什克腾旗"),
        # a 苏木 whose banner the text never names: no county
        ("一、总体情况\n2019年,东乌珠尔苏木人民政府依法公开政府信息。我苏木主动公开信息12条。",
         "东乌珠尔苏木", "town", None),
        # an ethnic township of three peoples, written after its county in 现向社会公开…
        ("一、总体情况\n现向社会公开大方县三元彝族苗族白族乡2020年政府信息公开工作年度报告。",
         "三元彝族苗族白族乡", "town", "大方县"),
        # a 苏木 written after its banner is the town, not the banner
        ("克什克腾旗乌兰布统苏木2022年政府信息公开工作年度报告\n正文", "乌兰布统苏木", "town", "克什克腾旗"),
        # a banner's own government
        ("正镶白旗人民政府2019年政府信息公开工作年度报告\n本年度我旗依法公开政府信息。", "正镶白旗", "county", "正镶白旗"),
        # the county government's office compiled it, said without 由
        ("根据条例要求,正镶白旗人民政府办公室编制了2018年政府信息公开工作年度报告。\n一、概述", "正镶白旗", "county",
         "正镶白旗"),
        # page chrome glued before the title
        ("主页>政务公开>七星台镇人民政府2019年政府信息公开工作年度报告\n本报告在枝江市人民政府网站发布。",
         "七星台镇", "town", "枝江市"),
        ("标题黑龙江省林业和草原局2021年政府信息公开工作年度报告\n正文", "黑龙江省林业和草原局", "department", None),
        # two characters of chrome glued right before a name (正文) are chrome, listed in organs.tsv
        ("正文万宝山镇人民政府2021年政府信息公开工作年度报告\n本报告在安达市人民政府网站发布。", "万宝山镇", "town", "安达市"),
        # traditional characters (normalised to simplified first)
        ("萬寶山鎮2020年政府信息公開工作年度報告\n本報告由安達市萬寶山鎮人民政府編制。", "万宝山镇", "town", "安达市"),
        # the county named only in a two-character name right before 人民政府
        ("三仙湖镇2020年政府信息公开工作年度报告\n本报告可在南县人民政府门户网站查阅。", "三仙湖镇", "town", "南县"),
    ],
)
def test_organ_recognised_by_its_official_name(text: str, body: str, level: str, county: str | None) -> None:
    m = meta(text)
    assert (m.body_name, m.body_level, m.county) == (body, level, county)


def test_a_county_the_town_does_not_belong_to_is_not_its_county() -> None:
    # 七星台镇 lies in 枝江市; the neighbouring 宜都市 named in the text is not its county.
    m = meta("七星台镇2020年政府信息公开工作年度报告\n本报告同时在宜都市政府网站转载。")
    assert (m.body_name, m.county) == ("七星台镇", None)


def test_an_ambiguous_town_keeps_its_name_without_a_county() -> None:
    # more than a hundred 城关镇 in the gazetteer, and the text names none of their counties
    m = meta("城关镇2019年政府信息公开工作年度报告\n本年度我镇依法公开政府信息。")
    assert (m.body_name, m.body_level, m.county) == ("城关镇", "town", None)


def test_a_text_naming_no_organ_gives_null_not_a_fragment() -> None:
    text = ("一、总体情况\n2020年,在区委、区政府的领导下,我镇研究部署区政府信息公开工作,"
            "王林副镇长任副组长。我镇利用区政府门户网站公开信息30条。")
    m = meta(text)
    assert (m.body_name, m.body_level, m.county) == (None, "town", None)


@pytest.mark.parametrize(
    ("text", "body", "county", "prefecture"),
    [
        ("枝江市市场监督管理局2020年政府信息公开工作年度报告\n正文", "枝江市市场监督管理局", "枝江市", None),
        ("宜昌市生态环境局2020年政府信息公开工作年度报告\n正文", "宜昌市生态环境局", None, "宜昌市"),
        ("大连市金州区城市管理综合执法局2019年政府信息公开工作年度报告\n正文", "大连市金州区城市管理综合执法局", "金州区",
         "大连市"),
    ],
)
def test_department_keeps_its_written_name_with_the_places_inside_it(
    text: str, body: str, county: str | None, prefecture: str | None
) -> None:
    m = meta(text)
    assert (m.body_name, m.body_level, m.county, m.prefecture) == (body, "department", county, prefecture)


def test_department_named_only_in_the_body() -> None:
    text = ("一、总体情况\n2021年,金州区城市管理综合执法局严格落实条例。我局主动公开信息50条。\n"
            "二、依申请公开\n金州区城市管理综合执法局未收到政府信息公开申请。")
    m = meta(text)
    assert (m.body_name, m.body_level, m.county) == ("金州区城市管理综合执法局", "department", "金州区")


def test_district_department_written_without_its_district() -> None:
    # "区…办" in a title without a year: the district is the one the page names, the office's
    # full name the one its source line writes
    text = ("大连市金州区人民政府门户网站\n\n区营商环境建设办政府信息公开工作年度报告\n来源:营商环境建设办公室\n"
            "现将2023年度政府信息公开工作情况报告如下。")
    m = meta(text)
    assert (m.body_name, m.body_level, m.county, m.report_year) == ("金州区营商环境建设办公室", "department", "金州区", 2023)


def test_a_department_without_any_place_names_no_organ() -> None:
    m = meta("2020年报_统计局\n一、总体情况\n2020年,我局依法公开政府信息。")
    assert (m.body_name, m.body_level) == (None, "department")


def test_town_parents_from_the_gazetteer() -> None:
    m = meta("大连市金州区人民政府七顶山街道办事处2021年政府信息公开工作年度报告\n正文")
    assert (m.prefecture, m.province) == ("大连市", None)


@pytest.mark.parametrize(
    ("text", "body", "level", "county"),
    [
        # the NBS list names this street 敖汉旗惠州街道; the report writes its own name after the banner
        ("敖汉旗惠州街道办事处2019年政府信息公开工作年度报告\n正文", "惠州街道", "town", "敖汉旗"),
        # 乾 is not 干 in a place name, whatever the simplification table says
        ("乾安县余字乡人民政府2021年政府信息公开工作年度报告\n正文", "余字乡", "town", "乾安县"),
        ("乾安县财政局2021年政府信息公开工作年度报告\n正文", "乾安县财政局", "department", "乾安县"),
        # an older suffix than the gazetteer's (七顶山街道 of 金州区): the county of the towns with its stem
        ("七顶山镇2014年政府信息公开工作年度报告\n本报告在金州区政府网站发布。", "七顶山镇", "town", "金州区"),
        # a Markdown heading's marks are no part of the name
        ("## 正镶白旗人民政府2020年政府信息公开工作年度报告\n\n| 项目 | 数量 |", "正镶白旗", "county", "正镶白旗"),
        # a two-character town after its district in an address
        ("一、总体情况\n2021年,我镇主动公开信息20条。\n联系地址:双流区彭镇人民路1号", "彭镇", "town", "双流区"),
    ],
)
def test_names_as_the_report_writes_them(text: str, body: str, level: str, county: str | None) -> None:
    m = meta(text)
    assert (m.body_name, m.body_level, m.county) == (body, level, county)
