"""Numbers stated in sentences (narrative reports and T14-style rows written as prose).

One pass finds every number with a counting unit (``numbers.find_numbers``). For each, a short
context is built — the clause text before it (back to punctuation or the previous number) and a
little after it — as ``left + "#" + unit + right``; small anchored patterns on that context decide
the indicator. Zero statements (``未收到申请``) are read by ``zeros``. Every rule needs a label next
to the number, so a bare number is never taken.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from transforms.numbers import NumberToken, find_numbers

from . import Found
from .context import ReportContext, about_other_unit, about_other_year
from .vocabulary import (
    APPEAL_WORDS,
    CHANNEL_RE,
    CHANNEL_WORDS,
    CONSULTATION,
    OUTCOME_RE,
    OUTCOME_TAIL,
    OUTCOME_WORDS,
    PARENTHETICAL,
    PUBLISH_VERB,
    REQUEST_CHANNELS,
)
from .zeros import zero_statements

# A colon ends a clause ("…情况:政府网站公开…") unless a number follows it ("收到申请数:3件").
_CLAUSE_BREAK = re.compile(r"[。;!?\n,|]|:(?!\s*[\d〇零一二两三四五六七八九十])")
_SENTENCE_BREAK = "。!?\n"
_MAX_LEFT = 40
_MAX_RIGHT = 24

# Units each kind of count is written in.
_ITEMS = frozenset({"条", "件", "篇"})
_TIMES = frozenset({"次", "场", "场次", "期"})
_CASES = frozenset({"件", "宗", "条", "起", "个", "次"})
_PEOPLE = frozenset({"人", "名", "位"})
_PERSON_TIMES = frozenset({"人次", "人"})
_PLACES = frozenset({"个", "处"})
_MONEY = frozenset({"元"})


@dataclass(frozen=True)
class _Rule:
    name: str
    indicator: str
    units: frozenset[str]
    pattern: re.Pattern[str]
    dims: tuple[tuple[str, str], ...] = ()
    reject: re.Pattern[str] | None = None  # not when the clause says this
    needs: re.Pattern[str] | None = None  # only when the paragraph, sentence or section title says this


def _rule(
    name: str, indicator: str, units: frozenset[str], pattern: str, reject: str | None = None,
    needs: str | None = None, **dims: str,
) -> _Rule:
    return _Rule(
        name, indicator, units, re.compile(pattern), tuple(dims.items()),
        re.compile(reject) if reject else None, re.compile(needs) if needs else None,
    )


# Requests, fees and meetings of the organ's other work (法律援助申请, 党委会议) are not disclosure.
_DISCLOSURE = r"公开"
# Applications for the organ's other services (法律援助, 低保, 行政许可…), not for information.
_OTHER_APPLICATIONS = r"名义|法律援助|信访|许可|审批|救助|低保|补助|补贴|复议"
# A headcount of the whole organ (全局干部职工35人) is not the disclosure staff.
_HEADCOUNT = r"全局|全体|在编|编制|干部职工"
# 兼职(政府)(信息公开)(工作)(人员): what a 专职/兼职 staff member is named
_STAFF_OF = r"(?:的)?(?:政府|政务)?(?:信息公开|政务公开|公开)?(?:工作)?(?:人员|联络员|信息员)?"


# Rules over the context ``left#unit right``; the first that matches wins. ``#`` is the number.
_RULES: list[_Rule] = [
    _rule("pd_normdocs", "pd_normdocs_disclosed", _ITEMS, r"主动公开(?:的)?(?:行政)?规范性文件[^#]{0,6}#"),
    _rule("normdocs_issued", "normdocs_issued", _ITEMS, r"(?:制发|制定|印发|出台)(?:了)?(?:的)?(?:行政)?规范性文件(?:总)?(?:数)?[^#]{0,4}#"),
    _rule("press", "resp_press_conferences", _TIMES, r"(?:新闻发布会|发布会)[^#]{0,8}#"),
    _rule("interviews", "resp_online_interviews", _TIMES, r"(?:在线访谈|网上访谈|做客)[^#]{0,14}#"),
    _rule("policy", "resp_policy_interpretations", _ITEMS | _TIMES, r"(?:政策解读|解读政策|解读稿|解读材料|解读活动)[^#]{0,8}#"),
    _rule("concluded", "req_concluded", _CASES, r"(?:申请(?=办结))?(?:已答复|已经答复|答复|办结|办理完毕|办理完成)(?:的|数量|数)?(?:为)?:?#", reject=r"(?:延期|逾期)(?:答复|办结|办理)|(?:按时|按期)(?:答复|办结|办理完毕|办理完成)数", needs=_DISCLOSURE),
    _rule("received_label_first", "req_received", _CASES, r"(?:收到|受理|新收|接到|接收|提交|提出)[^#]{0,22}申请[^#]{0,8}#", reject=_OTHER_APPLICATIONS, needs=_DISCLOSURE),
    _rule("received_system", "req_received", _CASES, r"申请[^#]{0,12}(?:收到|受理)#", reject=_OTHER_APPLICATIONS, needs=_DISCLOSURE),
    _rule("received_bare", "req_received", _CASES, r"(?:^|共|年|年度|全年|[我本][镇乡局办委])依申请公开(?:政府信息)?(?:申请)?(?:数量|数|件数)?(?:为|共|有)?#"),
    _rule("carried_in", "req_carried_over_in", _CASES, r"(?:上年(?:度)?结转|结转上(?:一)?年(?:度)?)(?:的)?(?:政府信息公开|依申请公开)?(?:申请)?[^#]{0,6}#", needs=r"申请|公开"),
    _rule("carried_forward", "req_carried_forward", _CASES, r"结转下(?:一)?年(?:度)?(?:继续办理)?(?:的)?(?:政府信息公开|依申请公开)?(?:申请)?[^#]{0,8}#", needs=r"申请|公开"),
    _rule("info_fee", "info_processing_fee", _MONEY, r"信息处理费[^#]{0,10}#"),
    _rule("fee", "req_fee_collected", _MONEY, r"(?:收取|收费|费用)[^#]{0,24}#", needs=_DISCLOSURE),
    _rule("budget", "budget_special", _MONEY, r"专项经费[^#]{0,8}#"),
    _rule("org_units", "org_dedicated_units", frozenset({"个"}), r"(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:专门)?机构[^#]{0,3}#|专门机构[^#]{0,3}#"),
    _rule("reading_points", "reading_points", _PLACES, r"查阅(?:点|室|场所)[^#]{0,6}#|#[^,。]{0,14}查阅(?:点|室|场所)", reject=r"其中"),
    # 专兼职 (full- and part-time together) is everyone: a staff_total
    _rule("staff_both", "staff_total", _PEOPLE, r"专兼职(?:工作)?人员[^#]{0,4}#|#(?:名|人|位)?专兼职", reject=_HEADCOUNT),
    _rule("staff_fulltime", "staff_fulltime", _PEOPLE, rf"(?:专职|专业(?=(?:工作)?人员)){_STAFF_OF}[^#]{{0,4}}#|#(?:名|人|位)?专职", reject=_HEADCOUNT),
    _rule("staff_parttime", "staff_parttime", _PEOPLE, rf"兼职{_STAFF_OF}[^#]{{0,4}}#|#(?:名|人|位)?兼职", reject=_HEADCOUNT),
    _rule("staff_total", "staff_total", _PEOPLE, r"工作人员[^#]{0,4}#|#(?:名|人)?(?:工作人员|办公室人员)|专人#|#(?:名|人)?专门负责|配备(?:了)?#(?:名|人)?(?:工作人员)?", reject=_HEADCOUNT),
    # 由党政办2名同志负责政府信息公开工作 (a 分管领导 named alone is no staff count)
    _rule("staff_assigned", "staff_total", _PEOPLE, r"#(?:名|位)?(?:同志|干部)(?:专门|具体)?负责", reject=_HEADCOUNT, needs=_DISCLOSURE),
    _rule(
        "meetings", "meetings", _TIMES,
        r"(?:(?:政府信息|政务信息|信息|政务)?公开[^#]{0,12})?(?:工作会议|专题会议|专门会议|推进会|部署会)[^#]{0,4}#"
        r"|召开(?:了)?#[^,。]{0,16}会议",
        needs=_DISCLOSURE,
    ),
    _rule("training_sessions", "training_sessions", _TIMES, r"(?:培训|学习)(?:班|会)?[^#]{0,6}#|举办(?:了)?#[^,。]{0,14}培训"),
    _rule("training_attendees", "training_attendees", _PERSON_TIMES, r"(?:接受培训|参加培训|参训|培训人员|参加人数|培训人数)[^#]{0,6}#|#[^,。]{0,3}(?:接受|参加)(?:了)?培训|培训[^#]{0,10}#人次"),
]

_CARRIED_RULES = [r for r in _RULES if r.indicator in ("req_carried_over_in", "req_carried_forward")]
_OTHER_RULES = [r for r in _RULES if r not in _CARRIED_RULES]

_FREQUENCY = re.compile(r"每(?:月|季|周|年|半年)|平均|月均")
# Targets and plans are not what was done: 力争公开100条, 计划召开会议4次, 下一步将…
_PLAN = re.compile(r"力争|争取|计划(?!生育|类|单列|财务)|预计|拟(?!定|订)|目标(?:是|为)")  # in the clause
_FUTURE = re.compile(r"下一步|明年|下一年度?|今后")  # anywhere earlier in the sentence
_MULTI_YEAR = re.compile(r"(?<!今年)(?<!本年)(?<!年初)以来|历年|(?:自|从)(?:19|20)\d\d年")
_LAST_YEAR = re.compile(r"上年|去年|上一年|同比|比上")
_DELTA = re.compile(r"(?:增加|减少|增长|下降|提高|新增|增)(?:了)?#")
_T14_APPEAL_ROW = re.compile(r"(?:复议|诉讼|投诉)数量")
_COUNTING_RULE = re.compile(r"(?<![共合总累])计为?\Z")
_REQUEST_SECTION = re.compile(r"申请|答复")
# A total is "<trigger><generic object>N条": 主动公开政府信息数为62条, 共发布信息59条. A qualified
# object (主动公开人事信息5条, 财政预决算信息) is a category, not the total.
_PD_TRIGGER = re.compile(
    r"不同渠道和方式(?:主动)?(?:公开|发布)|(?:各种|多种|各类)(?:渠道|方式|途径)(?:主动)?(?:公开|发布)"
    r"|主动(?:向社会)?(?:公开|发布|公布)|共计?公开|共发布|累计公开|累计发布|全年发布|全年公开"
    r"|^(?:本年度?|全年)?公开(?=政府信息|信息)"  # a clause that starts with 公开: 公开政府信息数为62条
    # a channel list closed by 等 (网站、微信、公开栏等渠道公开…N条) is the total, never one channel;
    # 等政务新媒体 (a group of channels) is not in this list
    rf"|(?:{'|'.join(words for _, words in CHANNEL_WORDS)})(?:号|账号|平台)?等(?:多种|各类|各种)?"
    r"(?:渠道|方式|途径|载体|形式|平台|媒介|媒体)?(?:主动)?(?:公开|发布|公布)"
)
_PD_OBJECT = re.compile(r"(?:了)?(?:的)?(?:各类|各项)?(?:政府|政务)?(?:信息|文件)(?:公开信息)?(?:数|数量|条数|件数|总数|总量)?(?:为|有|共|共计|达到|达|总计|累计)*:?")


def _clause_start(text: str, pos: int, floor: int) -> int:
    start = max(floor, pos - _MAX_LEFT)
    for i in range(pos - 1, start - 1, -1):
        if _CLAUSE_BREAK.match(text, i):
            return i + 1
    return start


def _clause_end(text: str, pos: int) -> int:
    stop = min(len(text), pos + _MAX_RIGHT)
    m = _CLAUSE_BREAK.search(text, pos, stop)
    return m.start() if m else stop


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(ch, 0, pos) for ch in _SENTENCE_BREAK) + 1


def _sentence_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(ch, pos) for ch in _SENTENCE_BREAK) if i >= 0]
    return min(ends) if ends else len(text)


@dataclass(frozen=True)
class _Context:
    token: NumberToken
    left_start: int
    left: str
    right: str
    sentence_before: str
    paragraph_before: str
    sentence: str  # the whole sentence around the number

    @property
    def text(self) -> str:
        return f"{self.left}#{self.token.unit}{self.right}"

    def span(self, m: re.Match[str]) -> tuple[int, int]:
        """Normalised span of a rule match, always covering the number."""
        head = len(self.left) + 1 + len(self.token.unit)
        start = self.left_start + m.start() if m.start() < len(self.left) else self.token.start
        end = self.token.end + (m.end() - head) if m.end() > head else self.token.end
        return min(start, self.token.start), max(end, self.token.end)


def _contexts(text: str, tokens: list[NumberToken]) -> Iterator[_Context]:
    previous_end = 0
    for token in tokens:
        if _COUNTING_RULE.search(text, max(0, token.start - 4), token.start):
            # "(不同渠道和方式公开相同信息计1条)" explains how to count; it is no number and must
            # not cut the label before it from the value after it
            continue
        left_start = _clause_start(text, token.start, previous_end)
        previous_end = token.end
        yield _Context(
            token=token,
            left_start=left_start,
            left=text[left_start : token.start],
            right=text[token.end : _clause_end(text, token.end)],
            sentence_before=text[_sentence_start(text, token.start) : token.start],
            paragraph_before=text[text.rfind("\n", 0, token.start) + 1 : token.start],
            sentence=text[_sentence_start(text, token.start) : _sentence_end(text, token.end)],
        )


def _evidence_start(left: str, anchor: int) -> int:
    """Quote from a preceding 通过 ("通过县新闻网发布…") when there is one, else from the anchor."""
    via = left.rfind("通过", 0, anchor + 1)
    return via if via >= 0 else anchor


def _channels(left: str) -> list[tuple[str, re.Match[str]]]:
    return [(m.lastgroup, m) for m in CHANNEL_RE.finditer(left) if m.lastgroup]


def _channel_count(ctx: ReportContext, c: _Context, section_title: str) -> list[Found] | None:
    """pd_items_by_channel; [] when the clause names channels but no single one can be credited."""
    if c.token.unit not in _ITEMS or "不同渠道" in c.left or re.search(r"申请|解读|回应", c.left):
        return None
    found = _channels(c.left)
    if not found:
        return None
    codes = {code for code, _ in found}
    last = found[-1][1]
    tail = c.left[last.end() :]
    if "等" in tail or re.search(r"等(?:载体|形式|平台|渠道|方式|多种)", c.left):
        return None  # "通过网站、公开栏等载体公开N条": a total, not one channel
    if len(codes) != 1 or re.search(r"(?<!各)类", tail):
        return []  # several channels (a combined figure) or a category count
    if not (PUBLISH_VERB.search(tail) or len(PARENTHETICAL.sub("", tail)) <= 2):
        return []
    code = codes.pop()
    start = c.left_start + _evidence_start(c.left, found[0][1].start())
    return [ctx.found(
        "pd_items_by_channel", c.token.value, start, c.token.end, method="prose:pd_channel",
        unit=c.token.unit, is_approximate=c.token.is_approximate, channel=code,
    )]


def _hot_topics(ctx: ReportContext, c: _Context, section_title: str) -> list[Found] | None:
    if c.token.unit not in (_TIMES | {"件", "条", "起", "个"}) or not re.search(r"回应|舆情", c.left):
        return None
    if CONSULTATION.search(c.left):
        return []  # 回复网民留言: consultations
    codes = {code for code, _ in _channels(c.left)}
    dims: dict[str, str] = {}
    if "other" in codes:
        dims["channel"] = "other"
    elif len(codes) == 1:
        dims["channel"] = codes.pop()
    elif codes:
        return []  # 微博微信回应事件: a combined figure
    start = c.left_start + re.search(r"通过|回应|舆情", c.left).start()
    return [ctx.found(
        "resp_hot_topics", c.token.value, start, c.token.end, method="prose:hot_topics",
        unit=c.token.unit, is_approximate=c.token.is_approximate, **dims,
    )]


def _request_channel(ctx: ReportContext, c: _Context, section_title: str) -> list[Found] | None:
    if c.token.unit not in _CASES:
        return None
    probe = f"{c.left}#"
    for code, pattern in REQUEST_CHANNELS:
        m = pattern.search(probe)
        if m:
            return [ctx.found(
                "req_received", c.token.value, c.left_start + m.start(), c.token.end,
                method="prose:req_channel", unit=c.token.unit, channel=code,
            )]
    return None


def _outcome(ctx: ReportContext, c: _Context, section_title: str) -> list[Found] | None:
    if c.token.unit not in _CASES:
        return None
    matches = list(OUTCOME_RE.finditer(c.left))
    if not matches:
        return None
    last = matches[-1]
    if not OUTCOME_TAIL.match(c.left[last.end() :]):
        return None
    if len(matches) > 1 and re.search(r"[及和与、]", c.left[matches[-2].end() : last.start()]):
        return None  # 予以公开及部分公开245件: a merged figure
    if not (_REQUEST_SECTION.search(c.paragraph_before) or _REQUEST_SECTION.search(section_title)):
        return None
    old, new = next((o, n) for (w, o, n), g in zip(OUTCOME_WORDS, last.groups()) if g)
    code = new if ctx.regime == "R19" else old
    return [ctx.found(
        "req_outcome", c.token.value, c.left_start + last.start(), c.token.end,
        method="prose:outcome", unit=c.token.unit, outcome=code,
    )]


def _appeal(ctx: ReportContext, c: _Context, section_title: str) -> list[Found] | None:
    if c.token.unit not in _CASES or not APPEAL_WORDS.search(c.left):
        return None
    if CONSULTATION.search(c.left):
        return []
    proceedings = {m.lastgroup for m in APPEAL_WORDS.finditer(c.left) if m.lastgroup}
    if c.token.value != 0 and not (
        "信息公开" in c.sentence or "信息公开" in section_title or _T14_APPEAL_ROW.search(c.left)
    ):
        # a justice bureau's 行政复议案件25件, or 网上投诉: not about information disclosure
        return []
    tail = c.left[max(m.end() for m in APPEAL_WORDS.finditer(c.left)) :]
    if len(tail) > 6 or (len(proceedings) > 1 and c.token.value != 0):
        return []  # a combined count (复议和诉讼3件) cannot be split
    start = c.left_start + APPEAL_WORDS.search(c.left).start()
    return [
        ctx.found(
            "appeal_count", c.token.value, start, c.token.end, method="prose:appeal",
            unit=c.token.unit, proceeding=p, result="total",
        )
        for p in sorted(proceedings)
    ]


def _pd_total(ctx: ReportContext, c: _Context, section_title: str) -> list[Found] | None:
    if c.token.unit not in _ITEMS | {"份"}:
        return None
    left = PARENTHETICAL.sub("", c.left)  # 主动公开政府信息数(不同渠道…计1条):120条
    triggers = list(_PD_TRIGGER.finditer(left))
    if not triggers or not _PD_OBJECT.fullmatch(left[triggers[-1].end() :]):
        return None
    if re.search(r"规范性文件|申请|解读|村务(?!公开栏)|党务", c.left):  # 村务公开栏 is a channel
        return None
    anchor = c.left.find(triggers[-1].group())
    first_channel = CHANNEL_RE.search(c.left)
    if "等" in triggers[-1].group() and first_channel and first_channel.start() < anchor:
        anchor = first_channel.start()  # quote the whole channel list: 政务公开栏、村务公开栏等公开…
    return [ctx.found(
        "pd_items_total", c.token.value, c.left_start + _evidence_start(c.left, anchor), c.token.end,
        method="prose:pd_total", unit=c.token.unit, is_approximate=c.token.is_approximate,
    )]


def _by_rules(ctx: ReportContext, c: _Context, section_title: str, rules: list[_Rule]) -> list[Found] | None:
    probe = c.text
    for rule in rules:
        if c.token.unit not in rule.units:
            continue
        m = rule.pattern.search(probe)
        if (
            m
            and not (rule.reject and rule.reject.search(c.left))
            and not (rule.needs and not rule.needs.search(c.paragraph_before + c.sentence + section_title))
        ):
            if rule.indicator.startswith("req_") and CONSULTATION.search(c.sentence_before):
                return []
            start, end = c.span(m)
            return [ctx.found(
                rule.indicator, c.token.value, start, end, method=f"prose:{rule.name}",
                unit=c.token.unit, is_approximate=c.token.is_approximate, **dict(rule.dims),
            )]
    return None


def _guarded(ctx: ReportContext, c: _Context) -> bool:
    """Numbers about something else: frequencies, other years, deltas, wider areas."""
    return bool(
        _FREQUENCY.search(c.left)
        or _MULTI_YEAR.search(c.sentence_before)
        or _PLAN.search(c.left)
        or _FUTURE.search(c.sentence_before)
        or _LAST_YEAR.search(c.left)
        or _DELTA.search(c.text)
        or about_other_unit(ctx, c.left)
        or about_other_year(ctx, c.sentence_before)
        # 由十二个部分组成, 一次性告知, 30个工作日: not counts
        or c.right.startswith(("部分", "性", "工作日", "小时", "月", "天"))
    )


def _classify(ctx: ReportContext, c: _Context, section_title: str) -> list[Found]:
    # 上年结转 names last year on purpose: read it before the other-year guard
    carried = _by_rules(ctx, c, section_title, _CARRIED_RULES)
    if carried is not None:
        return carried
    if _guarded(ctx, c):
        return []
    for reader in (_request_channel, _channel_count, _hot_topics, _outcome, _appeal, _pd_total):
        found = reader(ctx, c, section_title)
        if found is not None:
            return found
    return _by_rules(ctx, c, section_title, _OTHER_RULES) or []


def extract_prose(ctx: ReportContext, section_title_at: Callable[[int], str]) -> list[Found]:
    """All prose observations; ``section_title_at(pos)`` names the section a position is in."""
    text = ctx.norm.text
    found: list[Found] = []
    for c in _contexts(text, find_numbers(text)):
        found.extend(_classify(ctx, c, section_title_at(c.token.start)))
    found.extend(zero_statements(ctx, section_title_at))
    return found
