"""F19/F21 table readers over the flattened layouts seen in published reports."""
from __future__ import annotations

import pytest

from tests.transforms.helpers import find, parse

F21_CELL_PER_LINE = """二、主动公开政府信息情况
第二十条第(一)项 |
|||
信息内容 |
本年制发件数 |
本年废止件数 |
现行有效件数 |
规章 |
0 |
1 |
4 |
行政规范性文件 |
2 |
0 |
9 |
第二十条第(五)项 |
|||
信息内容 |
本年处理决定数量 |
||
行政许可 |
27 |
||
第二十条第(六)项 |
|||
信息内容 |
本年处理决定数量 |
||
行政处罚 |
5 |
||
行政强制 |
- |
||
第二十条第(八)项 |
|||
信息内容 |
本年收费金额(单位:万元) |
||
行政事业性收费 |
1.5 |
三、收到和处理政府信息公开申请情况"""


def test_f21_one_cell_per_line() -> None:
    text, parsed = parse(F21_CELL_PER_LINE, year=2022)
    assert parsed.meta.format_code == "F21"
    expected = {
        ("art20_made", "rule"): 0, ("art20_repealed", "rule"): 1, ("art20_in_force", "rule"): 4,
        ("art20_made", "normdoc"): 2, ("art20_repealed", "normdoc"): 0, ("art20_in_force", "normdoc"): 9,
    }
    for (indicator, doc_type), value in expected.items():
        obs = find(parsed, indicator, doc_type=doc_type)
        assert obs is not None and obs.value == value, (indicator, doc_type)
    licensing = find(parsed, "art20_decisions", matter="licensing")
    assert licensing is not None and licensing.value == 27
    assert text[licensing.span_start : licensing.span_end] == "行政许可 |\n27"
    assert find(parsed, "art20_decisions", matter="penalty").value == 5
    assert find(parsed, "art20_decisions", matter="coercion") is None  # '-' is no value
    fee = find(parsed, "art20_fee_amount", matter="fees")
    assert fee is not None and fee.value == pytest.approx(15000)


F19_CELL_PER_PARAGRAPH = """二、主动公开政府信息情况

第二十条第(一)项

信息内容

本年新
制作数量

本年新
公开数量

对外公开总数量

规章

0

0

0

规范性文件

1

1

6

第二十条第(五)项

信息内容

上一年项目数量

本年增/减

处理决定数量

行政许可

12

-2

40

第二十条第(八)项

信息内容

上一年项目数量

本年增/减

行政事业性收费

3

0

第二十条第(九)项

信息内容

采购项目数量

采购总金额

政府集中采购

2

86000元
"""


def test_f19_one_cell_per_paragraph() -> None:
    text, parsed = parse(F19_CELL_PER_PARAGRAPH, year=2020)
    assert parsed.meta.format_code == "F19"
    normdoc = find(parsed, "art20_public_total", doc_type="normdoc")
    assert normdoc is not None and normdoc.value == 6
    assert text[normdoc.span_start : normdoc.span_end] == "规范性文件\n\n1\n\n1\n\n6"
    assert find(parsed, "art20_items_change", matter="licensing").value == -2
    assert find(parsed, "art20_decisions", matter="licensing").value == 40
    assert find(parsed, "art20_items_prev_year", matter="fees").value == 3
    assert find(parsed, "art20_procurement_projects", matter="procurement").value == 2
    assert find(parsed, "art20_procurement_amount", matter="procurement").value == 86000


def test_row_per_line_and_glued_cells() -> None:
    body = (
        "第二十条第(一)项 | | |\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
        "规章(设区的市人民政府填写) | 0 | 0 | 3 |\n行政规范性文件000\n"
    )
    text, parsed = parse(body, year=2023)
    rule = find(parsed, "art20_in_force", doc_type="rule")
    assert rule is not None and rule.value == 3
    glued = find(parsed, "art20_repealed", doc_type="normdoc")
    assert glued is not None and glued.value == 0
    assert text[glued.span_start : glued.span_end] == "行政规范性文件000"


def test_labels_without_numbers_give_nothing() -> None:
    body = "第二十条第(一)项\n\n信息内容\n\n本年新制作数量\n\n本年新公开数量\n\n对外公开总数量\n\n规章\n\n规范性文件\n\n第二十条第(五)项\n"
    _, parsed = parse(body, year=2021)
    assert parsed.meta.format_code == "F19"
    assert [o for o in parsed.observations if o.indicator_code.startswith("art20")] == []


TABLE3_AND_4 = """三、收到和处理政府信息公开申请情况
(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)
申请人情况
自然人
法人或其他组织
总计
商业
企业
科研
机构
社会公益组织
法律服务机构
其他
一、本年新收政府信息公开申请数量
5
1
0
0
0
0
6
二、上年结转政府信息公开申请数量
0
0
0
0
0
0
1
三、本年度办理结果
(一)予以公开
3
0
0
0
0
0
3
(三)不予公开
1.属于国家秘密
0
0
0
0
0
0
0
(七)总计
5
0
0
0
0
0
6
四、结转下年度继续办理
0
0
0
0
0
0
1
四、政府信息公开行政复议、行政诉讼情况
行政复议
行政诉讼
结果维持
结果纠正
其他结果
尚未审结
总计
未经复议直接起诉
复议后起诉
1
0
0
0
1
0
0
0
0
0
2
0
0
1
3
五、存在的主要问题及改进情况
"""


def test_table3_total_column_and_table4() -> None:
    text, parsed = parse("第二十条第(一)项\n本年制发件数\n" + TABLE3_AND_4, year=2022)
    received = find(parsed, "req_received")
    assert received is not None and received.value == 6 and received.applicant_code is None
    assert text[received.span_start : received.span_end].startswith("一、本年新收政府信息公开申请数量")
    assert find(parsed, "req_carried_over_in").value == 1
    assert find(parsed, "req_outcome", outcome="out_granted").value == 3
    assert find(parsed, "req_outcome", outcome="out_denied_state_secret").value == 0
    assert find(parsed, "req_outcome", outcome="out_denied") is None  # the group row has no cells
    assert find(parsed, "req_outcome_total").value == 6
    assert find(parsed, "req_carried_forward").value == 1
    assert find(parsed, "appeal_count", proceeding="admin_review", result="upheld").value == 1
    assert find(parsed, "appeal_count", proceeding="admin_review", result="total").value == 1
    assert find(parsed, "appeal_count", proceeding="litigation_after_review", result="pending").value == 1
    assert find(parsed, "appeal_count", proceeding="litigation_after_review", result="total").value == 3
    assert not any(f.code == "req_balance" for f in parsed.flags)  # 6 + 1 == 6 + 1


def test_unbalanced_table3_is_flagged_not_fixed() -> None:
    table = TABLE3_AND_4.replace("(七)总计\n5\n0\n0\n0\n0\n0\n6", "(七)总计\n5\n0\n0\n0\n0\n0\n4")
    _, parsed = parse("第二十条第(一)项\n本年制发件数\n" + table, year=2022)
    assert find(parsed, "req_outcome_total").value == 4
    assert any(f.code == "req_balance" for f in parsed.flags)


def test_row_cut_off_by_truncation_gives_nothing() -> None:
    body = "第二十条第(九)项\n信息内容\n采购项目数量\n采购总金额\n政府集中采购\n4\n12"
    text = f"青山镇2020年政府信息公开工作年度报告\n本年新制作数量\n{body}"
    from ogi.transforms.parse import parse_report

    parsed = parse_report(text)  # the text ends inside a number: '12' may be cut
    assert find(parsed, "art20_procurement_projects", matter="procurement") is None


T14_TABLE = """附表:政府信息公开情况统计表
统计指标 | 单位 | 统计数
一、主动公开情况 | |
(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条) | 条 | 215
其中:主动公开规范性文件数 | 条 | 3
(二)通过不同渠道和方式公开政府信息的情况 | |
2.政府网站公开政府信息数 | 条 | 180
4.政务微信公开政府信息数 | 条 | 35
三、依申请公开情况 | |
(一)收到申请数 | 件 | 4
1.当面申请数 | 件 | 1
3.网络申请数 | 件 | 3
(二)申请办结数 | 件 | 4
2.同意公开答复数 | 件 | 2
3.同意部分公开答复数 | 件 | 1
6.申请信息不存在数 | 件 | 1
四、行政复议数量 | 件 | 1
(一)维持具体行政行为数 | 件 | 1
五、行政诉讼数量 | 件 | 0
七、依申请公开信息收取的费用 | 万元 | 0.02
(四)政府信息公开专项经费 | 万元 | 1.5
(三)接受培训人员数 | 人次 | 45
"""


def test_t14_statistics_rows() -> None:
    text, parsed = parse(T14_TABLE, year=2016)
    assert parsed.meta.format_code == "T14"
    expected = [
        ("pd_items_total", {}, 215),
        ("pd_normdocs_disclosed", {}, 3),
        ("pd_items_by_channel", {"channel": "website"}, 180),
        ("pd_items_by_channel", {"channel": "weixin"}, 35),
        ("req_received", {}, 4),
        ("req_received", {"channel": "in_person"}, 1),
        ("req_received", {"channel": "online"}, 3),
        ("req_concluded", {}, 4),
        ("req_outcome", {"outcome": "old_granted"}, 2),
        ("req_outcome", {"outcome": "old_partial"}, 1),
        ("req_outcome", {"outcome": "old_not_exist"}, 1),
        ("appeal_count", {"proceeding": "admin_review", "result": "total"}, 1),
        ("appeal_count", {"proceeding": "admin_review", "result": "upheld"}, 1),
        ("appeal_count", {"proceeding": "litigation_all", "result": "total"}, 0),
        ("req_fee_collected", {}, 200),
        ("budget_special", {}, 15000),
        ("training_attendees", {}, 45),
    ]
    for indicator, dims, value in expected:
        obs = find(parsed, indicator, **dims)
        assert obs is not None, (indicator, dims)
        assert obs.value == pytest.approx(value), (indicator, dims)
        assert text[obs.span_start : obs.span_end] == obs.evidence
    website = find(parsed, "pd_items_by_channel", channel="website")
    assert website.evidence == "2.政府网站公开政府信息数 | 条 | 180"


L08_TABLE = """附表:政府信息公开情况统计表
指标名称 | 计量单位 | 代码 | 本期实际
主动公开信息数 | 条 | 01 | 64
其中:全文电子化的主动公开信息数 | 条 | 02 | 60
申请总数 | 条 | 10 | 3
网上申请数 | 条 | 14 | 3
同意公开答复数 | 条 | 18 | 2
否决公开答复总数 | 条 | 20 | 1
"非本部门掌握"数 | 条 | 23 | 1
行政复议数 | 件 | 32 | 0
"""


def test_l08_rows_with_a_code_column() -> None:
    _, parsed = parse(L08_TABLE, year=2011)
    assert parsed.meta.format_code == "L08"
    assert find(parsed, "pd_items_total").value == 64  # not the 全文电子化 sub-row
    assert find(parsed, "req_received").value == 3
    assert find(parsed, "req_received", channel="online").value == 3
    assert find(parsed, "req_outcome", outcome="old_denied").value == 1
    assert find(parsed, "req_outcome", outcome="old_not_this_agency").value == 1
    assert find(parsed, "appeal_count", proceeding="admin_review", result="total").value == 0
    assert not any(f.code == "conflict" and f.indicator_code == "pd_items_total" for f in parsed.flags)


def test_rows_split_by_level_give_nothing() -> None:
    body = "统计指标 | 单位 | 区政府 | 区直单位 | 乡镇街道\n(一)收到申请数 | 件 | 5 | 12 | 3\n(二)申请办结数 | 件 | 5 | 12 | 3\n"
    _, parsed = parse(body, year=2015)
    assert parsed.meta.format_code == "T14"
    assert find(parsed, "req_received") is None


def test_t14_rows_separated_by_spaces() -> None:
    body = "(一)收到申请数 件 7\n1.当面申请数 件 2\n(二)申请办结数 件 7\n"
    _, parsed = parse(body, year=2016)
    assert find(parsed, "req_received").value == 7
    assert find(parsed, "req_received", channel="in_person").value == 2
    assert find(parsed, "req_concluded").value == 7


def test_tables_3_and_4_with_glued_cells() -> None:
    body = (
        "第二十条第(一)项\n信息内容本年制发件数本年废止件数现行有效件数\n规章010\n"
        "三、收到和处理政府信息公开申请情况\n申请人情况自然人商业企业科研机构社会公益组织法律服务机构其他总计\n"
        "一、本年新收政府信息公开申请数量3000104\n(七)总计2000002\n"
        "四、政府信息公开行政复议、行政诉讼情况\n行政复议行政诉讼\n未经复议直接起诉复议后起诉\n"
        "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计\n"
        "100010000000101\n五、存在的主要问题及改进情况\n"
    )
    _, parsed = parse(body, year=2023)
    assert find(parsed, "art20_repealed", doc_type="rule").value == 1
    assert find(parsed, "req_received").value == 4
    assert find(parsed, "req_outcome_total").value == 2
    assert find(parsed, "appeal_count", proceeding="admin_review", result="upheld").value == 1
    assert find(parsed, "appeal_count", proceeding="admin_review", result="total").value == 1
    assert find(parsed, "appeal_count", proceeding="litigation_after_review", result="other").value == 1
    assert find(parsed, "appeal_count", proceeding="litigation_after_review", result="total").value == 1
    # the headers 未经复议直接起诉 / 尚未审结 are not statements that nothing happened
    assert find(parsed, "appeal_count", proceeding="litigation_direct", result="total").value == 0
    assert not [f for f in parsed.flags if f.code == "conflict" and f.indicator_code == "appeal_count"]


def test_table3_after_an_outline_that_names_every_section() -> None:
    outline = "全文包括总体情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况等。\n"
    text, parsed = parse(outline + "本年制发件数\n" + TABLE3_AND_4, year=2022)
    assert find(parsed, "req_received").value == 6
    assert find(parsed, "appeal_count", proceeding="litigation_after_review", result="total").value == 3


def test_table_rows_separated_by_tabs() -> None:
    body = (
        "第二十条第(一)项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t2\n"
        "三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)\n"
        "一、本年新收政府信息公开申请数量\t4\t1\t0\t0\t0\t0\t5\n"
    )
    _, parsed = parse(body, year=2021)
    assert find(parsed, "art20_in_force", doc_type="rule").value == 2
    assert find(parsed, "req_received").value == 5


def test_decimal_fee_after_a_tab_and_table4_without_table3() -> None:
    body = (
        "报告包括政府信息公开行政复议、行政诉讼情况等六个部分。\n"
        "第二十条第(八)项\n信息内容\t本年收费金额(单位:万元)\n行政事业性收费\t12.35\n"
        "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼\n"
        "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉\n"
        "1 | 0 | 0 | 0 | 1 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0\n五、存在的主要问题\n"
    )
    _, parsed = parse(body, year=2022)
    assert find(parsed, "art20_fee_amount", matter="fees").value == pytest.approx(123500)
    assert find(parsed, "appeal_count", proceeding="admin_review", result="total").value == 1
    assert find(parsed, "appeal_count", proceeding="litigation_direct", result="corrected").value == 1


def test_last_row_of_a_complete_text_is_read() -> None:
    text, parsed = parse("第二十条第(一)项\n本年制发件数\n" + TABLE3_AND_4.split("四、政府信息公开")[0].rstrip(), year=2022)
    assert text.endswith("1\n")  # the text ends with a line break: nothing was cut
    assert find(parsed, "req_carried_forward").value == 1


# --- what real table pages do to the readers ----------------------------------------------------

def _appeals(parsed) -> dict[tuple[str, str], float]:
    return {(o.proceeding_code, o.result_code): o.value for o in parsed.observations if o.indicator_code == "appeal_count"}


GRID_ORDER = [
    (p, r)
    for p in ("admin_review", "litigation_direct", "litigation_after_review")
    for r in ("upheld", "corrected", "other", "pending", "total")
]


@pytest.mark.parametrize("page_line", ["- 7 -", "— 7 —", "第7页", "第7页 共15页", "7/15"])
def test_page_number_between_a_label_and_its_figures(page_line: str) -> None:
    body = (
        "第二十条第(一)项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n规章\n0\n0\n0\n"
        f"行政规范性文件\n{page_line}\n3\n1\n11\n"
        f"第二十条第(六)项\n信息内容\n本年处理决定数量\n行政处罚\n{page_line}\n26\n行政强制\n2\n"
    )
    text, parsed = parse(body, year=2023, organ="白沙镇")
    normdoc = find(parsed, "art20_in_force", doc_type="normdoc")
    assert normdoc is not None and normdoc.value == 11
    assert find(parsed, "art20_made", doc_type="normdoc").value == 3
    assert find(parsed, "art20_decisions", matter="penalty").value == 26
    assert find(parsed, "art20_decisions", matter="coercion").value == 2
    for o in parsed.observations:
        assert text[o.span_start : o.span_end] == o.evidence
    assert normdoc.evidence.startswith("行政规范性文件") and page_line in normdoc.evidence


def test_running_header_after_a_page_number_inside_table3() -> None:
    body = (
        "三、收到和处理政府信息公开申请情况\n(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)\n"
        "一、本年新收政府信息公开申请数量\n4\n0\n0\n0\n0\n0\n4\n"
        "二、上年结转政府信息公开申请数量\n"
        "- 4 -\n白沙镇2021年政府信息公开工作年度报告\n"
        "1\n0\n0\n0\n0\n0\n1\n"
    )
    text, parsed = parse(body, year=2021, organ="白沙镇")
    carried = find(parsed, "req_carried_over_in")
    assert carried is not None and carried.value == 1
    assert find(parsed, "req_received").value == 4
    assert text[carried.span_start : carried.span_end] == carried.evidence


def test_page_number_inside_a_statistics_row() -> None:
    body = "(一)收到申请数 | 件 |\n— 2 —\n9\n(二)申请办结数 | 件 | 8\n"
    _, parsed = parse(body, year=2016, organ="柳河乡")
    assert parsed.meta.format_code == "T14"
    assert find(parsed, "req_received").value == 9
    assert find(parsed, "req_concluded").value == 8


def test_a_page_number_is_no_cell_of_table4() -> None:
    body = (
        "本年制发件数\n四、政府信息公开行政复议、行政诉讼情况\n"
        "行政复议 | 行政诉讼\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉\n"
        "0 | 1 | 0 | 0 | 1 | 0 | 0\n- 5 -\n0 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n五、存在的主要问题及改进情况\n"
    )
    values = _appeals(parse(body, year=2022)[1])
    assert len(values) == 15
    assert values[("admin_review", "corrected")] == 1 and values[("admin_review", "total")] == 1
    assert values[("litigation_after_review", "total")] == 0


def test_table4_as_three_small_tables() -> None:
    header = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计"
    body = (
        "本年制发件数\n四、政府信息公开行政复议、行政诉讼情况\n"
        f"行政复议\n{header}\n2 | 1 | 0 | 0 | 3\n"
        f"行政诉讼(未经复议直接起诉)\n{header}\n0 | 0 | 0 | 1 | 1\n"
        f"行政诉讼(复议后起诉)\n{header}\n1 | 0 | 0 | 0 | 1\n"
        "五、存在的主要问题及改进情况\n"
    )
    values = _appeals(parse(body, year=2022)[1])
    assert values == dict(zip(GRID_ORDER, [2, 1, 0, 0, 3, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1]))


def test_small_tables_in_another_order_keep_their_proceedings() -> None:
    header = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计"
    body = (
        "本年制发件数\n四、政府信息公开行政复议、行政诉讼情况\n"
        f"行政复议\n{header}\n0 | 0 | 0 | 0 | 0\n"
        f"复议后起诉\n{header}\n0 | 2 | 0 | 0 | 2\n"
        f"未经复议直接起诉\n{header}\n1 | 0 | 0 | 0 | 1\n"
    )
    values = _appeals(parse(body, year=2023)[1])
    assert values[("litigation_after_review", "corrected")] == 2
    assert values[("litigation_direct", "upheld")] == 1
    assert values[("litigation_direct", "corrected")] == 0
    assert len(values) == 15


def test_small_table_that_does_not_fit_its_header_gives_nothing() -> None:
    header = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计"
    body = (
        "本年制发件数\n四、政府信息公开行政复议、行政诉讼情况\n"
        f"行政复议\n{header}\n1 | 0 | 1\n未经复议直接起诉\n{header}\n0 | 0 | 0 | 0 | 0\n"
    )
    assert _appeals(parse(body, year=2023)[1]) == {}


@pytest.mark.parametrize("year, format_code", [(2020, "F19"), (2022, "F21")])
def test_table4_header_lines_then_fifteen_zeros(year: int, format_code: str) -> None:
    # a page of an F19/F21 report: the end of 表三 and a 表四 whose header is set one character
    # per column; only the labels both forms share are left
    body = (
        "第6页\n四、结转下年度继续办理 0 0 0 0 0 0 0\n四、政府信息公开行政复议、行政诉讼情况\n"
        "行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n"
        "结 结 其 尚 总 结 结 其 尚 总 结 结 其 尚 总\n果 果 他 未 计 果 果 他 未 计 果 果 他 未 计\n"
        "维 纠 结 审   维 纠 结 审   维 纠 结 审\n持 正 果 结   持 正 果 结   持 正 果 结\n"
        "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n五、存在的主要问题及改进情况\n"
    )
    text, parsed = parse(body, year=year, organ="农业农村局")
    assert parsed.meta.format_code == format_code
    assert _appeals(parsed) == {key: 0 for key in GRID_ORDER}
    carried = find(parsed, "req_carried_forward")
    assert carried is not None and carried.value == 0
    assert text[carried.span_start : carried.span_end] == "四、结转下年度继续办理 0 0 0 0 0 0 0"


def test_markdown_table4_and_headings() -> None:
    body = (
        "## 二、主动公开政府信息情况\n本年制发件数\n"
        "## 四、政府信息公开行政复议、行政诉讼情况\n"
        "| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |\n"
        "| | | | | | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n"
        "| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 1 |\n"
        "## 五、存在的主要问题及改进情况\n"
    )
    values = _appeals(parse(body, year=2022)[1])
    assert values == dict(zip(GRID_ORDER, [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1]))


def test_markdown_table2() -> None:
    body = (
        "## 二、主动公开政府信息情况\n| 第二十条第(一)项 | | | |\n|---|---|---|---|\n"
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 2 | 1 | 9 |\n"
        "| 第二十条第(五)项 | | | |\n|---|---|---|---|\n| 信息内容 | 本年处理决定数量 | | |\n| 行政许可 | 41 | | |\n"
    )
    text, parsed = parse(body, year=2024, organ="河口街道")
    assert find(parsed, "art20_repealed", doc_type="normdoc").value == 1
    licensing = find(parsed, "art20_decisions", matter="licensing")
    assert licensing is not None and licensing.value == 41
    assert text[licensing.span_start : licensing.span_end] == "行政许可 | 41"


def test_table3_rows_with_a_leading_cell_a_trailing_empty_cell_and_3_other() -> None:
    body = "\n".join([
        "本年制发件数",
        "三、收到和处理政府信息公开申请情况",
        "| (本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | | | | | | |",
        "| 一、本年新收政府信息公开申请数量 | 5 |  | 0 | 0 | 0 | 1 | 6 | |",
        "| 三、本年度办理结果 | (一)予以公开 | 3 | 0 | 0 | 0 | 0 | 1 | 4 |",
        "| (六)其他处理 | 3、其他 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        "| 四、 | 结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 1 | 1 |",
    ])
    text, parsed = parse(body, year=2022, organ="河口街道")
    received = find(parsed, "req_received")
    assert received is not None and received.value == 6
    assert text[received.span_start : received.span_end] == "一、本年新收政府信息公开申请数量 | 5 |  | 0 | 0 | 0 | 1 | 6"
    assert find(parsed, "req_outcome", outcome="out_granted").value == 4
    misc = find(parsed, "req_outcome", outcome="out_other_misc")
    assert misc is not None and misc.value == 1
    assert find(parsed, "req_outcome", outcome="out_other") is None  # the group row has no figures
    assert find(parsed, "req_carried_forward").value == 1


def test_table3_cell_per_line_with_3_other() -> None:
    body = (
        "本年制发件数\n申请人情况\n(六)其他处理\n1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\n0\n0\n0\n0\n0\n0\n0\n"
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\n0\n0\n0\n0\n0\n0\n0\n"
        "3、其他\n2\n0\n0\n0\n0\n0\n2\n"
    )
    _, parsed = parse(body, year=2023)
    assert find(parsed, "req_outcome", outcome="out_other_misc").value == 2
    assert find(parsed, "req_outcome", outcome="out_other_no_correction").value == 0


def test_f19_row_with_a_blank_cell_keeps_its_columns() -> None:
    body = (
        "第二十条第(五)项\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量\n行政许可 | 6 |  | 38\n"
        "其他对外管理服务事项 | 2 | 0 | 5\n"
    )
    _, parsed = parse(body, year=2020, organ="东坝镇")
    assert parsed.meta.format_code == "F19"
    assert find(parsed, "art20_items_prev_year", matter="licensing").value == 6
    assert find(parsed, "art20_items_change", matter="licensing") is None  # blank is no value
    assert find(parsed, "art20_decisions", matter="licensing").value == 38
    assert find(parsed, "art20_decisions", matter="other_mgmt_service").value == 5


def test_a_unit_on_the_line_after_its_number() -> None:
    body = (
        "第二十条第(九)项\n信息内容 | 采购项目数量 | 采购总金额\n政府集中采购\n5\n23.6\n万元\n"
        "三、收到和处理政府信息公开申请情况\n"
    )
    text, parsed = parse("本年新制作数量\n" + body, year=2020, organ="东坝镇")
    amount = find(parsed, "art20_procurement_amount", matter="procurement")
    assert amount is not None and amount.value == pytest.approx(236000)
    assert text[amount.span_start : amount.span_end] == "政府集中采购\n5\n23.6\n万元"
    assert find(parsed, "art20_procurement_projects", matter="procurement").value == 5


def test_a_unit_on_the_line_after_a_statistics_value() -> None:
    body = "(一)收到申请数 | 件 | 3\n(二)申请办结数 | 件 | 3\n(四)政府信息公开专项经费 | 4500\n元\n"
    _, parsed = parse(body, year=2015, organ="柳河乡")
    assert find(parsed, "budget_special").value == 4500


@pytest.mark.parametrize("marker", ["第二十条第五项", "第二十条第(五)项:"])
def test_f21_decision_rows_under_other_item_markers(marker: str) -> None:
    body = f"{marker}\n信息内容\n本年处理决定数量\n行政许可\n0\n第二十条第六项\n信息内容\n本年处理决定数量\n行政处罚\n0\n行政强制\n0\n"
    _, parsed = parse(body, year=2022, organ="河口街道")
    assert parsed.meta.format_code == "F21"
    assert find(parsed, "art20_decisions", matter="licensing").value == 0
    assert find(parsed, "art20_decisions", matter="penalty").value == 0
    assert find(parsed, "art20_decisions", matter="coercion").value == 0


@pytest.mark.parametrize("body, format_code", [
    ("一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2\n二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n", "F21"),
    ("(六)其他处理\n1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0\n", "F21"),
    ("本年新制作数量 | 本年新公开数量 | 对外公开总数量\n", "F19"),
    # prose that borrows one table phrase is still a narrative
    ("本年共收到申请5件,其中2件结转下年度继续办理。\n", "N"),
    ("未发生行政复议和行政诉讼(含未经复议直接起诉、复议后起诉)。\n", "N"),
])
def test_format_from_the_labels_that_survive(body: str, format_code: str) -> None:
    assert parse(body, year=2022)[1].meta.format_code == format_code


def test_table4_rows_named_by_their_proceeding() -> None:
    body = (
        "本年制发件数\n四、政府信息公开行政复议、行政诉讼情况\n结果维持 结果纠正 其他结果 尚未审结 总计\n"
        "行政复议 0 0 0 0 0\n未经复议直接起诉 0 0 0 0 0\n复议后起诉 0 0 0 0 0\n五、存在的主要问题及改进情况\n"
    )
    assert _appeals(parse(body, year=2024)[1]) == {key: 0 for key in GRID_ORDER}


def test_small_tables_with_glued_cells() -> None:
    body = (
        "本年制发件数\n四、政府信息公开行政复议、行政诉讼情况\n"
        "行政复议\n结果维持结果纠正其他结果尚未审结总计\n10001\n"
        "未经复议直接起诉\n结果维持结果纠正其他结果尚未审结总计\n00000\n"
        "复议后起诉\n结果维持结果纠正其他结果尚未审结总计\n01001\n"
    )
    values = _appeals(parse(body, year=2024)[1])
    assert values == dict(zip(GRID_ORDER, [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1]))


def test_two_digit_counts_are_not_split() -> None:
    body = (
        "本年制发件数\n四、政府信息公开行政复议、行政诉讼情况\n行政复议\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n"
        "12 | 0 | 0 | 0 | 12\n五、存在的主要问题及改进情况\n"
    )
    values = _appeals(parse(body, year=2024)[1])
    assert values[("admin_review", "upheld")] == 12 and values[("admin_review", "total")] == 12


def test_item_marker_broken_over_two_lines() -> None:
    body = "第二十条第\n(六)项\n信息内容\n本年处理决定数量\n行政处罚\n14\n行政强制\n0\n"
    _, parsed = parse(body, year=2022, organ="河口街道")
    assert find(parsed, "art20_decisions", matter="penalty").value == 14
    assert find(parsed, "art20_decisions", matter="coercion").value == 0


@pytest.mark.parametrize("header, format_code", [
    ("信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量", "F19"),
    ("信息内容 | 处理决定数量", "F19"),
    ("信息内容 | 本年处理决定数量", "F21"),
])
def test_format_from_a_lone_table2_block(header: str, format_code: str) -> None:
    body = f"第二十条第(六)项\n{header}\n行政处罚 | 3\n"
    assert parse(body, year=2021, organ="河口街道")[1].meta.format_code == format_code


def test_markdown_table4_with_blank_cells_keeps_their_places() -> None:
    body = (
        "本年制发件数\n## 四、政府信息公开行政复议、行政诉讼情况\n"
        "| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |\n"
        "| 3 |  |  | 1 | 4 |  |  |  |  | 0 | 1 |  |  |  | 1 |\n"
    )
    values = _appeals(parse(body, year=2022)[1])
    assert values == {
        ("admin_review", "upheld"): 3, ("admin_review", "pending"): 1, ("admin_review", "total"): 4,
        ("litigation_direct", "total"): 0,
        ("litigation_after_review", "upheld"): 1, ("litigation_after_review", "total"): 1,
    }


def test_table4_row_named_by_its_proceeding_with_a_blank_cell() -> None:
    body = (
        "本年制发件数\n四、政府信息公开行政复议、行政诉讼情况\n| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n"
        "| 行政复议 | 2 |  | 0 | 0 | 2 |\n| 未经复议直接起诉 | 0 | 0 | 0 | 0 | 0 |\n| 复议后起诉 | 0 | 0 | 0 | 0 | 0 |\n"
    )
    values = _appeals(parse(body, year=2022)[1])
    assert values[("admin_review", "upheld")] == 2 and values[("admin_review", "total")] == 2
    assert ("admin_review", "corrected") not in values
    assert values[("litigation_after_review", "total")] == 0 and len(values) == 14


def test_table4_header_glued_into_one_long_line() -> None:
    # no heading: the header opens the page, its words glued into one line
    body = (
        "本年制发件数\n\n行政复议 行政诉讼 未经复议直接起诉 复议后起诉 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 "
        "其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n"
        "0 0 0 0 0 0 0 0 0 0 1 0 0 0 1\n"
    )
    values = _appeals(parse(body, year=2022)[1])
    assert len(values) == 15 and values[("litigation_after_review", "upheld")] == 1
