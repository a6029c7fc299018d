"""Rows of the 2008-regime statistics tables: the national T14 table and local L08 tables.

A row is a label, often a unit cell (条/件/次/万元…), and one number: '(一)收到申请数 | 件 | 5'.
Rows with several numbers (tables split by level: 区政府/区直单位/乡镇) cannot be attributed to
the organ and give nothing. The sub-rows 维持/纠错/其他情形 belong to the last 行政复议 or 行政诉讼
row before them.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from transforms.numbers import to_yuan

from . import Found
from .cells import Row, label_start, plain, read_cells, read_rows, rightmost
from .context import ReportContext

# (label pattern, indicator, dims); more specific labels first where one contains another.
_ROWS: list[tuple[str, str, dict[str, str]]] = [
    (r"主动公开规范性文件数", "pd_normdocs_disclosed", {}),
    (r"制发规范性文件总数|新增的行政规范性文件数", "normdocs_issued", {}),
    (r"政府公报公开政府信息数", "pd_items_by_channel", {"channel": "gazette"}),
    (r"政府网站公开政府信息数", "pd_items_by_channel", {"channel": "website"}),
    (r"政务微博公开政府信息数", "pd_items_by_channel", {"channel": "weibo"}),
    (r"政务微信公开政府信息数", "pd_items_by_channel", {"channel": "weixin"}),
    (r"其他方式公开政府信息数", "pd_items_by_channel", {"channel": "other"}),
    (r"主动公开政府信息数|(?<!全文电子化的)主动公开信息数", "pd_items_total", {}),
    (r"回应公众关注热点或重大舆情数", "resp_hot_topics", {}),
    (r"其他方式回应事件数", "resp_hot_topics", {"channel": "other"}),
    (r"(?<!主要负责同志)参加或举办新闻发布会总次数|举办新闻发布会次数", "resp_press_conferences", {}),
    (r"(?<!主要负责同志参加)政府网站在线访谈次数", "resp_online_interviews", {}),
    (r"政策解读稿件发布数", "resp_policy_interpretations", {}),
    (r"当面申请数", "req_received", {"channel": "in_person"}),
    (r"传真申请数", "req_received", {"channel": "fax"}),
    (r"网络申请数|网上申请数", "req_received", {"channel": "online"}),
    (r"信函申请数", "req_received", {"channel": "letter"}),
    (r"电子邮件申请数", "req_received", {"channel": "email"}),
    (r"收到申请数|申请总数", "req_received", {}),
    (r"申请办结数", "req_concluded", {}),
    (r"属于已主动公开范围数", "req_outcome", {"outcome": "old_already_public"}),
    (r"同意部分公开(?:答复)?数", "req_outcome", {"outcome": "old_partial"}),
    (r"不同意公开(?:答复)?数|否决公开答复总数", "req_outcome", {"outcome": "old_denied"}),
    (r"(?<!部分)(?<!不)同意公开(?:答复)?数", "req_outcome", {"outcome": "old_granted"}),
    (r"涉及国家秘密", "req_outcome", {"outcome": "old_denied_state_secret"}),
    (r"涉及商业秘密", "req_outcome", {"outcome": "old_denied_trade_secret"}),
    (r"涉及个人隐私", "req_outcome", {"outcome": "old_denied_privacy"}),
    (r"危及国家安全", "req_outcome", {"outcome": "old_denied_security_stability"}),
    (r"不是《条例》所指政府信息", "req_outcome", {"outcome": "old_denied_not_gov_info"}),
    (r"法律法规规定的其他情形", "req_outcome", {"outcome": "old_denied_other_law"}),
    (r"不属于本行政机关公开数|非本部门掌握", "req_outcome", {"outcome": "old_not_this_agency"}),
    (r"申请信息不存在数|信息不存在[”\"]?数", "req_outcome", {"outcome": "old_not_exist"}),
    (r"告知作出更改补充数|申请内容不明确[”\"]?数", "req_outcome", {"outcome": "old_told_amend"}),
    (r"告知通过其他途径办理数", "req_outcome", {"outcome": "old_told_other_route"}),
    (r"行政复议数量|行政复议数", "appeal_count", {"proceeding": "admin_review", "result": "total"}),
    (r"行政诉讼数量|行政诉讼数", "appeal_count", {"proceeding": "litigation_all", "result": "total"}),
    (r"举报投诉数量|行政申诉数", "appeal_count", {"proceeding": "complaint", "result": "total"}),
    (r"维持具体行政行为", "appeal_count", {"result": "upheld"}),
    (r"被依法纠错数", "appeal_count", {"result": "corrected"}),
    (r"其他情形数", "appeal_count", {"result": "other"}),
    (r"依申请公开信息收取的费用|收取的费用", "req_fee_collected", {}),
    (r"政府信息公开工作专门机构数|专门机构数", "org_dedicated_units", {}),
    (r"查阅点数", "reading_points", {}),
    (r"从事政府信息公开工作人员数", "staff_total", {}),
    (r"专职人员数", "staff_fulltime", {}),
    (r"兼职人员数", "staff_parttime", {}),
    (r"政府信息公开专项经费", "budget_special", {}),
    (r"召开政府信息公开工作会议或专题会议数|工作会议或专题会议数", "meetings", {}),
    (r"举办各类培训班数", "training_sessions", {}),
    (r"接受培训人员数", "training_attendees", {}),
]
_PATTERNS = [(re.compile(p), str(i)) for i, (p, _, _) in enumerate(_ROWS)]
_MONEY_ROWS = {"req_fee_collected", "budget_special"}
# "代码" as a column header cell (not 统一社会信用代码 in the page chrome)
_CODE_HEADER = re.compile(r"(?:^|[|\n])代码(?:[|\n]|$)")
_PROCEEDING_PATTERNS = [
    (re.compile(p), dims["proceeding"]) for p, indicator, dims in _ROWS if "proceeding" in dims
]
# "专项经费(元)", "收取的费用(单位:万元)": the unit written in the label
_MONEY_IN_LABEL = re.compile(r"\((?:单位:)?(万元|元)\)")
_UNIT_CELL = re.compile(r"(?:条|件|次|篇|个|人|人次|万元|元|宗)$")


# A label cell that starts a row of its own: numbered ("1.", "(二)", "三、"), a 其中 sub-row, or a
# complete count label ("…回应事件数").
_MAX_LABEL = 40
_ROW_LABEL = re.compile(r"^(?:\(?[一二三四五六七八九十\d]{1,3}[)、.]|其中)|数(?:量)?$")


def _named_by_a_paragraph(row: Row, key_pattern: re.Pattern[str]) -> bool:
    """A row label is short; a paragraph that mentions a label ('…举办各类培训班数2次…') followed by
    a bare number line (a page number) is no row."""
    cell = next((c for c in reversed(row.labels) if key_pattern.search(plain(c.label or ""))), None)
    return cell is not None and len(plain(cell.label or "")) > _MAX_LABEL


def _label_of_a_later_row(row: Row, key_pattern: re.Pattern[str]) -> bool:
    """The row's value belongs to a later label: the matched row's own value cell was blank and
    vanished, so its label was gathered with the next row's ('1.参加或举办新闻发布会总次数 | 次 |'
    then '其中:主要负责同志参加新闻发布会次数 | 次 | 1')."""
    labels = [plain(c.label or "") for c in row.labels]
    matched = max((i for i, lab in enumerate(labels) if key_pattern.search(lab)), default=None)
    if matched is None:
        return False
    return any(_ROW_LABEL.search(lab) and not _UNIT_CELL.fullmatch(lab) for lab in labels[matched + 1 :])


def extract_stat_rows(ctx: ReportContext) -> Iterator[Found]:
    text = ctx.norm.text
    # Local tables number their rows in a 代码 column ("主动公开信息数 | 条 | 01 | 86")
    has_code_column = bool(_CODE_HEADER.search(text))
    proceeding: str | None = None
    # one value column: a value glued to its label ("收到申请数件5" after space folding) is read too
    for row in read_rows(read_cells(text, 0, len(text), 1)):
        cells = row.cells
        if has_code_column and re.fullmatch(r"\d\d", text[cells[0].start : cells[0].end]):
            # every row has its code; a row with the code alone had its value cell blank
            cells = cells[1:] if len(cells) == 2 else ()
        label = plain(row.label)
        hit = rightmost(_PATTERNS, label)
        if hit is None:
            continue
        pattern_index = int(hit)
        _, indicator, dims = _ROWS[pattern_index]
        dims = dict(dims)
        # a 行政诉讼 row whose value cell is blank still opens its block: its label is gathered
        # into the next row's ("五、行政诉讼数量件(一)维持…")
        opened = rightmost(_PROCEEDING_PATTERNS, label)
        if opened is not None:
            proceeding = opened
        if "proceeding" in dims:
            proceeding = dims["proceeding"]
        elif indicator == "appeal_count":
            if proceeding is None:
                continue
            dims["proceeding"] = proceeding
        key_pattern = _PATTERNS[pattern_index][0]
        if (
            len(cells) != 1
            or cells[0].value is None
            or _label_of_a_later_row(row, key_pattern)
            or _named_by_a_paragraph(row, key_pattern)
        ):
            continue
        value = cells[0].value
        if indicator in _MONEY_ROWS:
            # T14 states money in 万元; a unit cell or a unit in the value cell says otherwise
            unit_cell = next((c.label for c in reversed(row.labels) if c.label and _UNIT_CELL.search(c.label)), "万元")
            in_label = _MONEY_IN_LABEL.findall(row.label)
            unit = cells[0].unit or (in_label[-1] if in_label else ("万元" if unit_cell.endswith("万元") else "元"))
            value = to_yuan(value, unit)
        yield ctx.found(
            indicator, value, label_start(row, _PATTERNS[pattern_index][0]), row.end,
            method="table:stat_row", unit="元" if indicator in _MONEY_ROWS else None, confidence=0.9,
            from_table=True, raw_label=row.raw_label, **dims,
        )
