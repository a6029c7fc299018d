"""Prose rules: value, dims and the exact evidence span for sentences written like real reports."""
from __future__ import annotations

import pytest

from tests.transforms.helpers import find, parse

CASES = [
    # (sentence, indicator, dims, value, evidence)
    ("全年累计主动公开政府信息86条。", "pd_items_total", {}, 86, "主动公开政府信息86条"),
    ("2017年度我镇主动公开政府信息数为57条。", "pd_items_total", {}, 57, "主动公开政府信息数为57条"),
    ("通过不同渠道和方式公开政府信息共91条。", "pd_items_total", {}, 91, "通过不同渠道和方式公开政府信息共91条"),
    ("通过政府网站、公示栏等载体,主动公开政府信息共计33条。", "pd_items_total", {}, 33, "主动公开政府信息共计33条"),
    ("全年主动公开政府信息300余条。", "pd_items_total", {}, 300, "主动公开政府信息300余条"),
    ("其中主动公开规范性文件2条。", "pd_normdocs_disclosed", {}, 2, "主动公开规范性文件2条"),
    ("本年共制发规范性文件3件。", "normdocs_issued", {}, 3, "制发规范性文件3件"),
    ("通过县政府门户网站发布信息41条。", "pd_items_by_channel", {"channel": "website"}, 41, "通过县政府门户网站发布信息41条"),
    ("在微信公众号推送政府信息18条。", "pd_items_by_channel", {"channel": "weixin"}, 18, "微信公众号推送政府信息18条"),
    ("政务微博公开政府信息数7条。", "pd_items_by_channel", {"channel": "weibo"}, 7, "政务微博公开政府信息数7条"),
    ("利用村务公开栏公开信息25条。", "pd_items_by_channel", {"channel": "bulletin_board"}, 25, "村务公开栏公开信息25条"),
    ("通过县新闻网发布信息9条。", "pd_items_by_channel", {"channel": "mass_media"}, 9, "通过县新闻网发布信息9条"),
    ("其他方式公开政府信息数4条。", "pd_items_by_channel", {"channel": "other"}, 4, "其他方式公开政府信息数4条"),
    ("回应公众关注热点或重大舆情数5次。", "resp_hot_topics", {}, 5, "回应公众关注热点或重大舆情数5次"),
    ("全年通过微信公众号回应群众关切12次。", "resp_hot_topics", {"channel": "weixin"}, 12, "通过微信公众号回应群众关切12次"),
    ("发布政策解读稿件6篇。", "resp_policy_interpretations", {}, 6, "政策解读稿件6篇"),
    ("举办新闻发布会两次。", "resp_press_conferences", {}, 2, "新闻发布会两次"),
    ("组织政府网站在线访谈1次。", "resp_online_interviews", {}, 1, "在线访谈1次"),
    ("共受理政府信息公开申请14件。", "req_received", {}, 14, "受理政府信息公开申请14件"),
    ("其中当面申请3件,网上申请11件。", "req_received", {"channel": "online"}, 11, "网上申请11件"),
    ("其中当面申请3件,网上申请11件。", "req_received", {"channel": "in_person"}, 3, "当面申请3件"),
    ("信函申请0件。", "req_received", {"channel": "letter"}, 0, "信函申请0件"),
    ("政府信息公开申请已答复14件。", "req_concluded", {}, 14, "已答复14件"),
    ("在全部申请中,同意公开的12件。", "req_outcome", {"outcome": "old_granted"}, 12, "同意公开的12件"),
    ("在全部申请中,“申请信息不存在”的2件。", "req_outcome", {"outcome": "old_not_exist"}, 2, "信息不存在”的2件"),
    ("上年结转申请2件。", "req_carried_over_in", {}, 2, "上年结转申请2件"),
    ("依申请公开结转下年度继续办理1件。", "req_carried_forward", {}, 1, "结转下年度继续办理1件"),
    ("依申请公开收取费用为0元。", "req_fee_collected", {}, 0, "收取费用为0元"),
    ("政府信息公开专项经费1.5万元。", "budget_special", {}, 15000, "专项经费1.5万元"),
    ("设立政府信息公开工作专门机构1个。", "org_dedicated_units", {}, 1, "政府信息公开工作专门机构1个"),
    ("设置政府信息公开查阅点4处。", "reading_points", {}, 4, "查阅点4处"),
    ("从事政府信息公开工作人员3人。", "staff_total", {}, 3, "工作人员3人"),
    ("配备了2名兼职工作人员。", "staff_parttime", {}, 2, "2名兼职"),
    ("专职人员1人。", "staff_fulltime", {}, 1, "专职人员1人"),
    ("召开政府信息公开工作会议3次。", "meetings", {}, 3, "政府信息公开工作会议3次"),
    ("举办了4次政务公开培训班。", "training_sessions", {}, 4, "举办了4次政务公开培训"),
    ("接受培训人员约60人次。", "training_attendees", {}, 60, "接受培训人员约60人次"),
    ("本年度行政复议案0件。", "appeal_count", {"proceeding": "admin_review", "result": "total"}, 0, "行政复议案0件"),
]


@pytest.mark.parametrize(("sentence", "indicator", "dims", "value", "evidence"), CASES)
def test_sentence(sentence: str, indicator: str, dims: dict, value: float, evidence: str) -> None:
    text, parsed = parse(sentence)
    obs = find(parsed, indicator, **dims)
    assert obs is not None, [(o.indicator_code, o.value, o.evidence) for o in parsed.observations]
    assert obs.value == pytest.approx(value)
    assert text[obs.span_start : obs.span_end] == evidence == obs.evidence


def test_approximation_is_kept() -> None:
    _, parsed = parse("接受培训人员30余人次。")
    obs = find(parsed, "training_attendees")
    assert obs is not None and obs.value == 30 and obs.is_approximate


ZERO_CASES = [
    ("三、依申请公开情况：无", [("req_received", {})]),
    ("本年度我镇未收到政府信息公开申请。", [("req_received", {})]),
    ("全年没有接到群众要求公开政府信息的申请。", [("req_received", {})]),
    ("四、政府信息公开收费情况\n本年度未收取任何费用。", [("req_fee_collected", {})]),
    ("没有向政府信息公开申请人收费的情况。", [("req_fee_collected", {})]),
    ("也无不予公开信息的情况。", [("req_outcome", {"outcome": "old_denied"})]),
    (
        "本年度没有发生行政复议、行政诉讼和举报投诉。",
        [
            ("appeal_count", {"proceeding": "admin_review", "result": "total"}),
            ("appeal_count", {"proceeding": "litigation_all", "result": "total"}),
            ("appeal_count", {"proceeding": "complaint", "result": "total"}),
        ],
    ),
    ("五、行政诉讼数量：无", [("appeal_count", {"proceeding": "litigation_all", "result": "total"})]),
    ("全年没有回应热点舆情。", [("resp_hot_topics", {})]),
    ("新闻发布会。没有召开。", [("resp_press_conferences", {})]),
]


@pytest.mark.parametrize(("sentence", "expected"), ZERO_CASES)
def test_explicit_zero(sentence: str, expected: list) -> None:
    text, parsed = parse(sentence)
    for indicator, dims in expected:
        obs = find(parsed, indicator, **dims)
        assert obs is not None, (indicator, dims, [(o.indicator_code, o.evidence) for o in parsed.observations])
        assert obs.value == 0
        assert obs.evidence == text[obs.span_start : obs.span_end]
        assert any(w in obs.evidence for w in ("无", "未", "没有"))


def test_zero_words_in_2019_regime_use_new_codes() -> None:
    _, parsed = parse("本年度无不予公开的情况。", year=2021)
    assert find(parsed, "req_outcome", outcome="out_denied") is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "镇公开政府信息34条。",  # a vague place, not a channel nor a total
        "通过网站、微信等方式公开信息。",  # channels named without a count
        "政务网站、微信、微博共发布各类信息800条。",  # a three-channel sum
        "政策法规类信息14条,占总数的27%。",  # category count and percentage
        "全县共主动公开政府信息5000条。",  # the whole county, not the town
        "2016年主动公开政府信息40条。",  # another year
        "比上年增加政府信息10条。",  # a delta
        "每月召开一次会议。",  # a frequency
        "本报告由概述等七个部分组成。",  # the outline
        "未收到任何形式的咨询。",  # consultations are not requests
        "依据〔2017〕9号文件,联系电话0431-6123456。",  # doc number and phone
        "县长信箱留言76条,答复76条。",  # mailbox, not requests
        "予以公开及部分公开245件。",  # merged outcome groups
        "自2008年以来累计主动公开政府信息2000条。",  # cumulative over many years
    ],
)
def test_no_observation(sentence: str) -> None:
    _, parsed = parse(sentence)
    assert parsed.observations == [], [(o.indicator_code, o.value, o.evidence) for o in parsed.observations]


def test_the_home_section_wins_and_the_conflict_is_flagged() -> None:
    body = (
        "一、基本情况\n全年组织培训5次。\n"
        "二、政府信息公开会议和培训情况\n举办各类培训班6次。\n"
    )
    _, parsed = parse(body)
    obs = find(parsed, "training_sessions")
    assert obs is not None and obs.value == 6
    assert any(f.indicator_code == "training_sessions" and "[5.0, 6.0]" in f.detail for f in parsed.flags)


@pytest.mark.parametrize(
    ("sentence", "indicator", "value"),
    [
        ("三、依申请公开情况\n(一)收到申请数:3件", "req_received", 3),
        ("政府信息公开专项经费:0.8万元", "budget_special", 8000),
        ("从事政府信息公开工作人员:2人", "staff_total", 2),
    ],
)
def test_label_colon_number(sentence: str, indicator: str, value: float) -> None:
    _, parsed = parse(sentence)
    obs = find(parsed, indicator)
    assert obs is not None and obs.value == pytest.approx(value)


def test_colon_after_a_heading_ends_the_clause() -> None:
    _, parsed = parse("通过不同渠道和方式公开政府信息情况:政府网站公开信息120条,政务微信公开信息30条。")
    assert find(parsed, "pd_items_by_channel", channel="website").value == 120
    assert find(parsed, "pd_items_by_channel", channel="weixin").value == 30
    assert find(parsed, "pd_items_total") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("因政府信息公开被申请行政复议1件、提起行政诉讼0件。",
         [({"proceeding": "admin_review", "result": "total"}, 1, "行政复议1件"),
          ({"proceeding": "litigation_all", "result": "total"}, 0, "行政诉讼0件")]),
        ("因政府信息公开提起的行政诉讼中,复议后起诉2件。",
         [({"proceeding": "litigation_after_review", "result": "total"}, 2, "复议后起诉2件")]),
        ("政府信息公开行政复议、行政诉讼0件。",
         [({"proceeding": "admin_review", "result": "total"}, 0, "行政复议、行政诉讼0件"),
          ({"proceeding": "litigation_all", "result": "total"}, 0, "行政复议、行政诉讼0件")]),
    ],
)
def test_appeal_counts(sentence: str, expected: list) -> None:
    text, parsed = parse(sentence)
    for dims, value, evidence in expected:
        obs = find(parsed, "appeal_count", **dims)
        assert obs is not None and obs.value == value
        assert text[obs.span_start : obs.span_end] == evidence


def test_combined_appeal_count_is_not_split() -> None:
    _, parsed = parse("收到行政复议和行政诉讼共3件。")
    assert [o for o in parsed.observations if o.indicator_code == "appeal_count"] == []


@pytest.mark.parametrize(
    ("sentence", "outcome", "value"),
    [
        ("本年度收到申请8件,其中予以公开5件,部分公开2件,无法提供1件。", "out_granted", 5),
        ("本年度收到申请8件,其中予以公开5件,部分公开2件,无法提供1件。", "out_partial", 2),
        ("本年度收到申请8件,其中予以公开5件,部分公开2件,无法提供1件。", "out_unable", 1),
    ],
)
def test_2019_regime_outcome_wording(sentence: str, outcome: str, value: float) -> None:
    _, parsed = parse(sentence, year=2020)
    obs = find(parsed, "req_outcome", outcome=outcome)
    assert obs is not None and obs.value == value


@pytest.mark.parametrize(
    ("sentence", "indicator", "dims", "value"),
    [
        ("配备专兼职工作人员3名。", "staff_total", {}, 3),
        ("申请办结数3件,其中不属于本行政机关公开数1件。", "req_outcome", {"outcome": "old_not_this_agency"}, 1),
    ],
)
def test_more_wordings(sentence: str, indicator: str, dims: dict, value: float) -> None:
    _, parsed = parse(sentence)
    obs = find(parsed, indicator, **dims)
    assert obs is not None and obs.value == value


def test_village_affairs_are_not_the_organs_disclosure() -> None:
    _, parsed = parse("全镇14个村设立村务公开栏,共公开村务信息560条。")
    assert find(parsed, "pd_items_total") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "全年主动公开人事信息5条。",  # a category of the disclosed information
        "主动公开财政预决算信息12条。",
        "组织召开党委工作会议12次。",  # not about disclosure work
        "发放宣传资料2000余份。",
    ],
)
def test_categories_and_other_work_are_not_indicators(sentence: str) -> None:
    _, parsed = parse(sentence)
    assert parsed.observations == [], [(o.indicator_code, o.value) for o in parsed.observations]


def test_general_complaints_are_not_disclosure_complaints() -> None:
    _, parsed = parse("一、主动公开情况\n全年受理群众投诉举报5件。")
    assert find(parsed, "appeal_count", proceeding="complaint", result="total") is None
    _, parsed = parse("六、举报投诉情况\n全年收到政府信息公开举报投诉1件。")
    assert find(parsed, "appeal_count", proceeding="complaint", result="total").value == 1


@pytest.mark.parametrize(
    ("sentence", "indicator", "dims"),
    [
        ("全年收到政府信息公开申请数为零。", "req_received", {}),
        ("行政复议、行政诉讼均为0。", "appeal_count", {"proceeding": "litigation_all", "result": "total"}),
    ],
)
def test_zero_written_as_a_word_or_bare_digit(sentence: str, indicator: str, dims: dict) -> None:
    _, parsed = parse(sentence)
    obs = find(parsed, indicator, **dims)
    assert obs is not None and obs.value == 0


def test_a_clause_with_a_count_is_not_a_zero_statement() -> None:
    _, parsed = parse("四、政府信息公开行政复议情况\n对未公开信息提起行政复议1件。")
    assert find(parsed, "appeal_count", proceeding="admin_review", result="total").value == 1


def test_proactive_disclosure_statement_is_not_a_refusal() -> None:
    _, parsed = parse("没有应主动公开而不予公开的情况。")
    assert find(parsed, "req_outcome", outcome="old_denied") is None


@pytest.mark.parametrize(
    ("sentence", "indicator", "value"),
    [
        ("全年召开专题会议2次,研究部署政务公开工作。", "meetings", 2),
        ("本年度依申请公开0件。", "req_received", 0),
        ("组织业务培训,培训干部80人次。", "training_attendees", 80),
        ("及时回应群众关切热点问题6个。", "resp_hot_topics", 6),
    ],
)
def test_recall_wordings(sentence: str, indicator: str, value: float) -> None:
    _, parsed = parse(sentence)
    obs = find(parsed, indicator)
    assert obs is not None and obs.value == value


def test_staff_split_after_the_total() -> None:
    _, parsed = parse("从事政府信息公开工作人员3名,其中专职1名,兼职2名。")
    assert (find(parsed, "staff_total").value, find(parsed, "staff_fulltime").value, find(parsed, "staff_parttime").value) == (3, 1, 2)


def test_other_work_of_the_organ_is_ignored() -> None:
    _, parsed = parse("三、法律援助工作\n全年受理法律援助申请120件,办结118件。全局干部职工共有工作人员35人。")
    assert parsed.observations == [], [(o.indicator_code, o.value) for o in parsed.observations]


def test_appeals_not_about_disclosure_are_ignored() -> None:
    _, parsed = parse("三、行政复议工作\n全年共受理行政复议案件25件。")
    assert find(parsed, "appeal_count", proceeding="admin_review", result="total") is None
    _, parsed = parse("五、因政府信息公开申请行政复议情况\n全年发生行政复议2件。")
    assert find(parsed, "appeal_count", proceeding="admin_review", result="total").value == 2


def test_zero_requests_of_another_service_are_ignored() -> None:
    _, parsed = parse("三、法律援助工作\n本年度未收到法律援助申请。")
    assert find(parsed, "req_received") is None
    _, parsed = parse("三、依申请公开情况\n本年度未收到相关申请。")
    assert find(parsed, "req_received").value == 0


def test_requests_of_one_kind_of_applicant_are_not_the_total() -> None:
    _, parsed = parse("三、依申请公开情况\n以组织名义提交的政府信息公开申请有2件,全年共受理政府信息公开申请9件。")
    assert find(parsed, "req_received").value == 9
    assert parsed.flags == []


def test_t14_row_written_as_prose_with_its_counting_note() -> None:
    text, parsed = parse("一、主动公开情况\n(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条):120条\n")
    obs = find(parsed, "pd_items_total")
    assert obs is not None and obs.value == 120
    assert text[obs.span_start : obs.span_end] == "主动公开政府信息数(不同渠道和方式公开相同信息计1条):120条"
    assert parsed.flags == []
