"""The grammar (transforms/grammar/*.tsv) against the catalog, and one sentence of this suite's own
for every code the prose grammar reads.

The sentences are written for this suite in the phrasings reports use (never copied from the dev
texts); each names the one observation it must yield.
"""
from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.transforms.helpers import find, parse
from ogi.transforms.grammar import GRAMMAR_DIR, expand, rows, word_classes
from ogi.transforms.numbers import find_numbers

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "warehouse" / "seeds"


def _seed(name: str, column: str, **where: str) -> set[str]:
    with open(SEEDS / f"{name}.csv", encoding="utf-8", newline="") as f:
        return {r[column] for r in csv.DictReader(f) if all(r[k] == v for k, v in where.items())}


INDICATORS = _seed("indicators", "indicator_code")
HEADLINE = _seed("indicators", "indicator_code", headline="true")
PROACTIVE_CHANNELS = _seed("channels", "channel_code", channel_kind="proactive")
REQUEST_CHANNELS = _seed("channels", "channel_code", channel_kind="request")
OUTCOMES = _seed("outcomes", "outcome_code")
PROCEEDINGS = _seed("proceedings", "proceeding_code")
RESULTS = _seed("results", "result_code")
SECTIONS = {r["section"] for r in rows("sections")}

# Where each kind of code stands in the grammar's tables: (table, column).
_CODE_COLUMNS = {
    "indicator": [("prose_rules", "indicator"), ("zeros", "indicator"), ("phrases", "indicator"), ("homes", "indicator")],
    "outcome": [("outcomes", "r07"), ("outcomes", "r19")],
    "proceeding": [("appeals", "proceeding")],
    "result": [("appeal_results", "result")],
}


def _codes(kind: str) -> set[str]:
    return {r[column] for table, column in _CODE_COLUMNS[kind] for r in rows(table) if r[column]}


def _zero_dims() -> list[tuple[str, str]]:
    return [tuple(pair.split("=", 1)) for r in rows("zeros") for pair in r["dims"].split()]


def test_every_code_of_the_grammar_is_in_the_catalog() -> None:
    assert _codes("indicator") <= INDICATORS
    assert _codes("outcome") <= OUTCOMES
    assert _codes("proceeding") <= PROCEEDINGS
    assert _codes("result") <= RESULTS
    for r in rows("channels"):
        assert r["code"] in (PROACTIVE_CHANNELS if r["kind"] == "proactive" else REQUEST_CHANNELS), r
    catalogs = {"channel": PROACTIVE_CHANNELS, "result": RESULTS, "outcome": {"denied"}}
    for dim, value in _zero_dims():
        assert value in catalogs[dim], (dim, value)
    assert {s for r in rows("homes") for s in r["sections"].split()} <= SECTIONS
    # the catalog's home sections (fct_report_completeness) are sections the structure reader knows
    assert {s for h in _seed("indicators", "home_sections") for s in h.split("|") if s} <= SECTIONS


def test_a_misspelt_code_is_caught() -> None:
    # the check above can fail: a code the catalog lacks is not in its set
    assert not {"website", "webiste"} <= PROACTIVE_CHANNELS


def test_every_headline_indicator_has_grammar() -> None:
    assert HEADLINE - _codes("indicator") - _table_indicators() == set()


def test_every_catalog_code_has_grammar() -> None:
    prose = _codes("indicator") | _table_indicators() | {"pd_items_by_channel", "req_outcome", "appeal_count"}
    assert INDICATORS - prose == {"local_extension"}  # kept with its raw label, no words of its own
    assert PROACTIVE_CHANNELS <= {r["code"] for r in rows("channels") if r["kind"] == "proactive"}
    # web_form is the L08 form's own column; labeling.md reads 网上 (web) applications as online
    assert REQUEST_CHANNELS - {r["code"] for r in rows("channels") if r["kind"] != "proactive"} == {"web_form"}
    assert OUTCOMES <= _codes("outcome") | _table_outcomes()


def _table_indicators() -> set[str]:
    """Indicators the table readers name in their own grammar tables."""
    return {r[c] for t, c in _TABLE_CODES if c == "indicator" for r in rows(t) if r[c] in INDICATORS}


def _table_outcomes() -> set[str]:
    return {r[c] for t, c in _TABLE_CODES if c == "outcome" for r in rows(t)}


# The table readers' grammar (tables, statistics rows): every (table, column) that holds a code.
_TABLE_CODES = [
    (path.stem, column)
    for path in sorted(GRAMMAR_DIR.glob("table*.tsv")) + sorted(GRAMMAR_DIR.glob("stat*.tsv"))
    for column in ("indicator", "outcome")
    if column in (rows(path.stem)[0] if rows(path.stem) else {})
]


def test_every_template_compiles_and_every_word_and_phrase_is_used() -> None:
    templates = [r[c] for t, cs in (("prose_rules", ("pattern", "reject", "needs")), ("zeros", ("pattern", "exclude", "needs")), ("phrases", ("pattern",))) for r in rows(t) for c in cs if r[c]]
    for template in templates:
        re.compile(expand(template))
    source = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "transforms").rglob("*.py"))
    named = set(re.findall(r"\{([A-Z][A-Za-z0-9_]*)\}", "\n".join(templates) + source))
    named |= set(re.findall(r'(?:phrase|units)\("([A-Z][A-Za-z0-9_]*)"\)', source))
    named |= {n for r in rows("prose_rules") for n in r["units"].split()}
    named |= {f"WIDER_AREA_{level}" for level in ("town", "county", "city", "department", "province")}
    named |= set(re.findall(r'word_classes\(\)\["([A-Z_]+)"\]', source))
    defined = set(word_classes()) | {r["name"] for r in rows("phrases")}
    assert defined - named == set(), "grammar entries nothing reads"


# --- one sentence per code ------------------------------------------------------------------------
# (case id, body, year, indicator, dims, value)
INDICATOR_CASES = [
    ("pd_items_total", "2018年，本镇通过多种渠道主动公开政府信息共计156条。", 2018, "pd_items_total", {}, 156),
    ("pd_normdocs_disclosed", "全年主动公开规范性文件4件。", 2018, "pd_normdocs_disclosed", {}, 4),
    ("normdocs_issued", "本年度制定规范性文件3件，均已按程序备案。", 2018, "normdocs_issued", {}, 3),
    ("resp_hot_topics", "全年回应社会关注热点问题12次。", 2018, "resp_hot_topics", {}, 12),
    ("resp_policy_interpretations", "围绕惠民政策发布政策解读材料9篇。", 2018, "resp_policy_interpretations", {}, 9),
    ("resp_press_conferences", "全年召开新闻发布会2次。", 2018, "resp_press_conferences", {}, 2),
    ("resp_online_interviews", "镇长做客电台节目3次。", 2018, "resp_online_interviews", {}, 3),
    ("req_received", "全年共受理政府信息公开申请17件。", 2018, "req_received", {}, 17),
    ("req_carried_over_in", "上年度未办结的政府信息公开申请2件已于一月答复。", 2020, "req_carried_over_in", {}, 2),
    ("req_concluded", "已答复政府信息公开申请15件。", 2018, "req_concluded", {}, 15),
    ("req_carried_forward", "另有1件申请顺延至下一年度办理。", 2020, "req_carried_forward", {}, 1),
    ("req_fee_collected", "本年度依申请公开收取检索复制费用120元。", 2016, "req_fee_collected", {}, 120),
    ("info_processing_fee", "全年收取信息处理费50元。", 2022, "info_processing_fee", {}, 50),
    ("appeal_count", "因政府信息公开被申请行政复议1件。", 2018, "appeal_count", {"proceeding": "admin_review", "result": "total"}, 1),
    ("appeal_result", "因政府信息公开被提起行政诉讼2起，其中1起正在审理。", 2020, "appeal_count", {"proceeding": "litigation_all", "result": "pending"}, 1),
    ("org_dedicated_units", "设立政府信息公开工作专门机构1个。", 2016, "org_dedicated_units", {}, 1),
    ("reading_points", "在便民服务中心设置政府信息查阅点3个。", 2016, "reading_points", {}, 3),
    ("staff_total", "配备信息公开工作人员4名。", 2016, "staff_total", {}, 4),
    ("staff_fulltime", "其中专职人员1名。", 2016, "staff_fulltime", {}, 1),
    ("staff_parttime", "另有兼职信息员3名。", 2016, "staff_parttime", {}, 3),
    ("budget_special", "安排政府信息公开专项经费2万元。", 2016, "budget_special", {}, 20000),
    ("meetings", "召开政务公开专题会议4次。", 2016, "meetings", {}, 4),
    ("training_sessions", "举办政府信息公开业务培训班2期。", 2016, "training_sessions", {}, 2),
    ("training_attendees", "参加培训人员达60人次。", 2016, "training_attendees", {}, 60),
]
CHANNEL_CASES = [
    ("gazette", "在县政府公报刊登政府信息5条。"),
    ("website", "通过镇政府门户网站发布信息86条。"),
    ("weibo", "利用政务微博发布动态40条。"),
    ("weixin", "通过“幸福青山”微信公众号推送信息120条。"),
    ("new_media_other", "依托抖音号发布短视频12条。"),
    ("bulletin_board", "在村务公开栏张贴公告30条。"),
    ("e_screen", "通过LED屏滚动播出信息15条。"),
    ("mass_media", "在市级报刊刊发稿件6篇。"),
    ("press_conference", "通过新闻发布会发布信息3条。"),
    ("reading_point", "通过查阅点公开信息8条。"),
    ("service_hall", "在便民服务大厅公示信息25条。"),
    ("meeting", "通过村民代表大会公开信息6条。"),
    ("messaging_group", "通过网格群推送信息200条。"),
    ("other", "通过其他方式公开信息9条。"),
]
REQUEST_CHANNEL_CASES = [
    ("in_person", "收到政府信息公开申请12件，其中当面申请4件。"),
    ("online", "收到政府信息公开申请12件，其中网上提交4件。"),
    ("letter", "收到政府信息公开申请12件，信函4件。"),
    ("fax", "收到政府信息公开申请12件，传真申请4件。"),
    ("email", "收到政府信息公开申请12件，通过电子邮件申请4件。"),
    ("phone", "收到政府信息公开申请12件，电话申请4件。"),
    ("other", "收到政府信息公开申请12件，其他形式申请4件。"),
]
# (outcome, year, sentence stating 3 of it, inside a paragraph about requests)
OUTCOME_CASES = [
    ("old_already_public", 2015, "属于已主动公开范围的3件"),
    ("old_granted", 2015, "同意公开的3件"),
    ("old_partial", 2015, "同意部分公开3件"),
    ("old_denied", 2015, "不同意公开3件"),
    ("old_denied_state_secret", 2015, "涉及国家秘密的3件"),
    ("old_denied_trade_secret", 2015, "涉及商业秘密3件"),
    ("old_denied_privacy", 2015, "涉及个人隐私的3件"),
    ("old_denied_security_stability", 2015, "危及国家安全、公共安全、经济安全和社会稳定的3件"),
    ("old_denied_not_gov_info", 2015, "不是《条例》所指政府信息的3件"),
    ("old_denied_other_law", 2015, "法律法规规定的其他情形3件"),
    ("old_not_this_agency", 2015, "不属于本行政机关公开的3件"),
    ("old_not_exist", 2015, "申请信息不存在的3件"),
    ("old_told_amend", 2015, "告知作出更改补充的3件"),
    ("old_told_other_route", 2015, "告知通过其他途径办理的3件"),
    ("out_granted", 2021, "予以公开3件"),
    ("out_partial", 2021, "部分公开3件"),
    ("out_denied", 2021, "不予公开3件"),
    ("out_denied_state_secret", 2021, "属于国家秘密的3件"),
    ("out_denied_law_prohibited", 2021, "属于其他法律行政法规禁止公开的3件"),
    ("out_denied_security_stability", 2021, "危及“三安全一稳定”的3件"),
    ("out_denied_third_party", 2021, "为保护第三方合法权益不予公开的3件"),
    ("out_denied_internal_affairs", 2021, "属于三类内部事务信息的3件"),
    ("out_denied_process_info", 2021, "属于四类过程性信息的3件"),
    ("out_denied_enforcement_file", 2021, "属于行政执法案卷的3件"),
    ("out_denied_admin_query", 2021, "属于行政查询事项的3件"),
    ("out_unable", 2021, "无法提供3件"),
    ("out_unable_not_held", 2021, "本机关不掌握相关政府信息的3件"),
    ("out_unable_needs_creation", 2021, "没有现成信息需要另行制作的3件"),
    ("out_unable_unclear", 2021, "补正后申请内容仍不明确的3件"),
    ("out_notproc", 2021, "不予处理3件"),
    ("out_notproc_petition", 2021, "属于信访举报投诉类申请的3件"),
    ("out_notproc_repeat", 2021, "属于重复申请的3件"),
    ("out_notproc_publication", 2021, "要求提供公开出版物的3件"),
    ("out_notproc_mass_repeat", 2021, "无正当理由大量反复申请的3件"),
    ("out_notproc_confirm_reissue", 2021, "要求行政机关确认或重新出具已获取信息的3件"),
    ("out_other", 2021, "其他处理3件"),
    ("out_other_no_correction", 2021, "申请人无正当理由逾期不补正的3件"),
    ("out_other_fee_unpaid", 2021, "申请人逾期未按收费通知要求缴纳费用的3件"),
]


def _assert_one(body: str, year: int, indicator: str, dims: dict[str, str], value: float) -> None:
    text, parsed = parse(body, year)
    found = find(parsed, indicator, **dims)
    assert found is not None, [(o.indicator_code, o.value, o.evidence) for o in parsed.observations]
    assert found.value == value
    assert text[found.span_start : found.span_end] == found.evidence
    # the evidence holds the number as written (2万元 reads as 20000 yuan)
    assert value in {token.value for token in find_numbers(found.evidence)}


@pytest.mark.parametrize(("case", "body", "year", "indicator", "dims", "value"), INDICATOR_CASES, ids=[c[0] for c in INDICATOR_CASES])
def test_indicator_sentence(case, body, year, indicator, dims, value) -> None:
    _assert_one(body, year, indicator, dims, value)


@pytest.mark.parametrize(("channel", "body"), CHANNEL_CASES, ids=[c[0] for c in CHANNEL_CASES])
def test_channel_sentence(channel: str, body: str) -> None:
    value = float(re.search(r"(\d+)(?:条|篇)。$", body)[1])
    _assert_one(body, 2018, "pd_items_by_channel", {"channel": channel}, value)


@pytest.mark.parametrize(("channel", "body"), REQUEST_CHANNEL_CASES, ids=[c[0] for c in REQUEST_CHANNEL_CASES])
def test_request_channel_sentence(channel: str, body: str) -> None:
    _assert_one(body, 2018, "req_received", {"channel": channel}, 4)


@pytest.mark.parametrize(("outcome", "year", "clause"), OUTCOME_CASES, ids=[c[0] for c in OUTCOME_CASES])
def test_outcome_sentence(outcome: str, year: int, clause: str) -> None:
    _assert_one(f"全年收到政府信息公开申请20件，其中{clause}。", year, "req_outcome", {"outcome": outcome}, 3)


def test_every_code_the_prose_grammar_reads_has_a_sentence_here() -> None:
    prose = {r["indicator"] for t in ("prose_rules", "zeros", "phrases") for r in rows(t) if r["indicator"]}
    assert {c[3] for c in INDICATOR_CASES} | {"pd_items_by_channel", "req_outcome"} == prose | {
        "pd_items_by_channel", "req_outcome", "appeal_count"
    }
    assert {c[0] for c in CHANNEL_CASES} == {r["code"] for r in rows("channels") if r["kind"] == "proactive"}
    assert {c[0] for c in REQUEST_CHANNEL_CASES} == {r["code"] for r in rows("channels") if r["kind"] != "proactive"}
    assert {c[0] for c in OUTCOME_CASES} == _codes("outcome")


# --- the grammar is data: one line extends it -----------------------------------------------------
_PROBE = """import json, sys
from ogi.transforms.parse import parse_report
parsed = parse_report(sys.stdin.read())
print(json.dumps([[o.indicator_code, o.channel_code, o.value] for o in parsed.observations]))
"""


def _parse_with_grammar(text: str, grammar: Path) -> list:
    env = {**os.environ, "OGI_GRAMMAR_DIR": str(grammar)}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], input=text, env=env, cwd=REPO, capture_output=True, text=True, check=True
    )
    import json

    return json.loads(done.stdout)


@pytest.mark.slow  # parses in a subprocess with another grammar
def test_one_synonym_line_makes_a_new_phrasing_extract(tmp_path: Path) -> None:
    # 智慧屏 (a smart screen) is no channel word of the shipped grammar; one line of channels.tsv
    # makes "通过智慧屏发布信息N条" a count of the e_screen channel, with no code change.
    text = "青山镇2018年政府信息公开工作年度报告\n全年通过智慧屏发布信息14条。\n"
    grammar = tmp_path / "grammar"
    grammar.mkdir()
    for path in GRAMMAR_DIR.glob("*.tsv"):
        (grammar / path.name).write_bytes(path.read_bytes())
    assert ["pd_items_by_channel", "e_screen", 14.0] not in _parse_with_grammar(text, grammar)
    with open(grammar / "channels.tsv", "a", encoding="utf-8") as f:
        f.write("e_screen\tproactive\t智慧屏\n")
    assert ["pd_items_by_channel", "e_screen", 14.0] in _parse_with_grammar(text, grammar)


# --- phrasings of the reports' language, each stated generally, with sentences written here ------
# (statement, year, body, every observation it must yield as (indicator, dims, value))
PHRASINGS = [
    # the organ or the year may stand before the verb of the total
    ("self and year before the total", 2022, "2022年我乡公开政府信息318条。", [("pd_items_total", {}, 318)]),
    ("self before the total", 2020, "本街道主动公开各类信息95条。", [("pd_items_total", {}, 95)]),
    # what is disclosed 主动 is government information: the object may go unsaid, or come first
    ("主动公开 without an object", 2020, "全年共计主动公开85条。", [("pd_items_total", {}, 85)]),
    ("the proactive part of all information", 2020, "本年度制作政府信息150条，其中主动公开132条。", [("pd_items_total", {}, 132)]),
    ("the object before the verb", 2020, "政府信息主动公开的总数为64条。", [("pd_items_total", {}, 64)]),
    ("another object named before", 2020, "制定规范性文件5件，主动公开5件。", [("normdocs_issued", {}, 5)]),
    ("a channel's posts as 推文", 2021, "“青山发布”微信公众号累计推文300余篇。", [("pd_items_by_channel", {"channel": "weixin"}, 300)]),
    # the generic object may follow the count
    ("object after the count", 2019, "截至年底，我苏木主动公开76条信息。", [("pd_items_total", {}, 76)]),
    # a clause opening with 其他 counts the rest of a breakdown, not the whole
    ("the rest of a breakdown", 2021, "其中工作动态12条，其他主动公开信息9条。", []),
    # government-site words and columns are the website channel; one named column is a part of it
    ("government site word", 2020, "全年在青山政务网公开政府信息41条。", [("pd_items_by_channel", {"channel": "website"}, 41)]),
    ("one column of the site", 2020, "在门户网站的“民生实事”栏目公开了17条信息。", []),
    ("the site's column list", 2020, "在门户网站通过工作动态、财政预决算等栏目公开政府信息58条。",
     [("pd_items_by_channel", {"channel": "website"}, 58)]),
    # after a channel's verb, a list of topics closed by 等 is still that channel's count
    ("topics after the verb", 2021, "“美丽青山”公众号推送涉及教育、就业、养老等的政务动态36条。",
     [("pd_items_by_channel", {"channel": "weixin"}, 36)]),
    ("channels before the verb", 2021, "通过网站、微博等平台发布政府信息88条。", [("pd_items_total", {}, 88)]),
    # words of one channel closed by 等其他 name more of the same channel
    ("one channel's words with 等其他", 2021, "广播、电视等其他媒体播出信息2100余条。",
     [("pd_items_by_channel", {"channel": "mass_media"}, 2100)]),
    # one category through a channel is not the channel's count
    ("a category through a channel", 2021, "通过政府网站公开人事信息6条。", []),
    # a sentence whose subject is one channel owns the count of its subjectless clause
    ("the channel is the sentence's subject", 2023, "青山镇公众号内容涵盖政策宣传、便民服务等,全年累计发布信息412篇。",
     [("pd_items_by_channel", {"channel": "weixin"}, 412)]),
    # requests: received, concluded, carried over and forward, in the words reports use
    ("接受 as received", 2020, "全年接受政府信息公开申请21件。", [("req_received", {}, 21)]),
    ("received without 申请 in its clause", 2020, "共办理政府信息公开申请9件，其中新收6件，上年度未办结3件。",
     [("req_received", {}, 6), ("req_carried_over_in", {}, 3)]),
    ("count noun after 答复", 2020, "收到政府信息公开申请13件，答复总数12件。", [("req_received", {}, 13), ("req_concluded", {}, 12)]),
    ("答复 with its object", 2020, "依法答复信息公开申请30件。", [("req_concluded", {}, 30)]),
    ("carried forward, count first", 2020, "另有2件申请顺延至下年度答复。", [("req_carried_forward", {}, 2)]),
    ("carried forward to 次年", 2020, "全年受理政府信息公开申请6件，办结2件，结转次年办理4件。",
     [("req_received", {}, 6), ("req_concluded", {}, 2), ("req_carried_forward", {}, 4)]),
    ("self before 依申请公开", 2025, "我苏木依申请公开政府信息共7件，其中不掌握信息2件。",
     [("req_received", {}, 7), ("req_outcome", {"outcome": "out_unable_not_held"}, 2)]),
    # an appeal's result after its count belongs to the one proceeding counted before it
    ("result after the count", 2021, "发生政府信息公开行政复议3起，其中2起尚未审结。",
     [("appeal_count", {"proceeding": "admin_review", "result": "total"}, 3),
      ("appeal_count", {"proceeding": "admin_review", "result": "pending"}, 2)]),
    ("two proceedings before a result", 2021, "因政府信息公开引起行政复议和行政诉讼各1起，其中1起被纠错。", []),
    # a negated result presupposes the proceeding: no zero count
    ("negated result", 2020, "本机关的政府信息公开答复未被复议机关纠错。", []),
    ("negated result, 纠正", 2020, "全年政府信息公开工作均没有被上级机关纠正。", []),
    # a named unit inside a breakdown is another organ
    ("a sub-unit's fee", 2016, "依申请公开收费情况：其中县不动产登记中心收取检索费380元。", []),
    ("a sub-unit's requests", 2016, "全年收到政府信息公开申请5件，其中县自然资源局受理2件。", [("req_received", {}, 5)]),
    # 一年以来 is the report year, not several years
    ("一年以来", 2016, "一年以来，配备1名专职人员负责政府信息公开工作。", [("staff_fulltime", {}, 1)]),
    ("several years", 2016, "2010年以来，累计主动公开政府信息1200条。", []),
    # a fee of 0 in other words
    ("不收取", 2016, "本年度依申请提供政府信息，不收取任何费用。", [("req_fee_collected", {}, 0)]),
    ("免费提供", 2016, "依申请公开的政府信息均免费提供。", [("req_fee_collected", {}, 0)]),
    ("收取费用为零", 2016, "依申请公开收取费用为零。", [("req_fee_collected", {}, 0)]),
    # a section heading followed by 无 is a zero of the section's headline figures
    ("an empty fees section", 2016, "四、政府信息公开的收费及减免情况\n无。", [("req_fee_collected", {}, 0)]),
    ("an empty review section", 2016, "五、因政府信息公开申请行政复议、提起行政诉讼的情况：无",
     [("appeal_count", {"proceeding": "admin_review", "result": "total"}, 0),
      ("appeal_count", {"proceeding": "litigation_all", "result": "total"}, 0)]),
    ("a heading with words after 无", 2016, "三、依申请公开情况\n无特别说明的事项，申请情况见附表。", []),
    # "A、B分别…N1、N2": counts in the order of the words
    ("channels respectively", 2019, "通过镇政府网站、政务微博分别发布信息120条、86条。",
     [("pd_items_by_channel", {"channel": "website"}, 120), ("pd_items_by_channel", {"channel": "weibo"}, 86)]),
    ("request channels respectively", 2016, "当面申请、网上申请分别为3件、2件。",
     [("req_received", {"channel": "in_person"}, 3), ("req_received", {"channel": "online"}, 2)]),
    ("proceedings respectively", 2016, "因政府信息公开引起的行政复议、行政诉讼分别为1件、0件。",
     [("appeal_count", {"proceeding": "admin_review", "result": "total"}, 1),
      ("appeal_count", {"proceeding": "litigation_all", "result": "total"}, 0)]),
    ("a respective list that does not add up", 2019, "通过网站、微信、微博分别发布信息120条、86条。", []),
]


@pytest.mark.parametrize(("statement", "year", "body", "expected"), PHRASINGS, ids=[p[0] for p in PHRASINGS])
def test_phrasing(statement: str, year: int, body: str, expected: list) -> None:
    text, parsed = parse(body, year)
    got = set()
    for o in parsed.observations:
        assert text[o.span_start : o.span_end] == o.evidence
        dims = {d: getattr(o, f"{d}_code") for d in ("channel", "outcome", "proceeding", "result") if getattr(o, f"{d}_code")}
        got.add((o.indicator_code, tuple(sorted(dims.items())), o.value))
    assert got == {(i, tuple(sorted(d.items())), float(v)) for i, d, v in expected}

