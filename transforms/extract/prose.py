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

from ogi.transforms.grammar import phrase, pattern, rows, units
from ogi.transforms.numbers import NumberToken, find_numbers

from . import Found
from .context import ReportContext, about_other_unit, about_other_year
from .sections import Heading
from .vocabulary import (
    APPEAL_RESULT,
    APPEAL_WORDS,
    CHANNEL_CODE,
    CHANNEL_RE,
    CONSULTATION,
    OUTCOME_CODES,
    OUTCOME_RE,
    OUTCOME_TAIL,
    PARENTHETICAL,
    PROCEEDING_OF,
    PUBLISH_VERB,
    REQUEST_CHANNELS,
    REQUEST_CODE,
    REQUEST_WORDS,
    RESULT_OF,
)
from .zeros import zero_statements

# A colon ends a clause ("…情况:政府网站公开…") unless a number follows it ("收到申请数:3件").
_CLAUSE_BREAK = re.compile(r"[。;!?\n,|]|:(?!\s*[\d〇零一二两三四五六七八九十])")
_SENTENCE_BREAK = "。!?\n"
_MAX_LEFT = 40
_MAX_RIGHT = 24

_ITEMS = units("U_ITEMS")
_TIMES = units("U_TIMES")
_CASES = units("U_CASES")


@dataclass(frozen=True)
class _Rule:
    name: str
    indicator: str
    units: frozenset[str]
    pattern: re.Pattern[str]
    reject: re.Pattern[str] | None  # not when the clause says this
    needs: re.Pattern[str] | None  # only when the paragraph, sentence or section title says this
    unguarded: bool  # tried before the guards of other years (上年结转 names last year on purpose)


# The rules of transforms/grammar/prose_rules.tsv, in order: the first that matches wins.
_RULES = [
    _Rule(
        r["rule"], r["indicator"], units(r["units"]), pattern(r["pattern"]),
        pattern(r["reject"]) if r["reject"] else None, pattern(r["needs"]) if r["needs"] else None,
        r["stage"] == "unguarded",
    )
    for r in rows("prose_rules")
]
_UNGUARDED_RULES = [r for r in _RULES if r.unguarded]
_OTHER_RULES = [r for r in _RULES if not r.unguarded]

_FREQUENCY = phrase("FREQUENCY")
_PLAN = phrase("PLAN")  # in the clause
_FUTURE = phrase("FUTURE")  # anywhere earlier in the sentence
_MULTI_YEAR = phrase("MULTI_YEAR")
_LAST_YEAR = phrase("LAST_YEAR")
_DELTA = phrase("DELTA")
_NOT_A_COUNT_AFTER = phrase("NOT_A_COUNT_AFTER")
_DISCLOSURE_SUBJECT = phrase("DISCLOSURE_SUBJECT")
_RESPECTIVELY = phrase("RESPECTIVELY")
_VIA = phrase("VIA")
_ACROSS_CHANNELS = phrase("ACROSS_CHANNELS")
_ETC = phrase("ETC")
_LIST_AND = phrase("LIST_AND")
_T14_APPEAL_ROW = phrase("T14_APPEAL_ROW")
_COUNTING_RULE = phrase("COUNTING_RULE")
_REQUEST_SECTION = phrase("REQUEST_SECTION")
_NOT_PD_SUBJECT = phrase("NOT_PD_SUBJECT")
_HOT_TOPIC = phrase("HOT_TOPIC")
_CHANNEL_LIST_CLOSE = phrase("CHANNEL_LIST_CLOSE")
_SAME_CHANNEL_LIST_END = phrase("SAME_CHANNEL_LIST_END")
_CHANNEL_PART = phrase("CHANNEL_PART")
_CHANNEL_CATEGORY = phrase("CHANNEL_CATEGORY")
_SUBJECTLESS_COUNT = phrase("SUBJECTLESS_COUNT")
_CHANNEL_SUBJECT = phrase("CHANNEL_SUBJECT")
_COLUMN_LIST_END = phrase("COLUMN_LIST_END")
_CATEGORY = phrase("CATEGORY")
_PD_TOTAL_REJECT = phrase("PD_TOTAL_REJECT")
_PD_TRIGGER = phrase("PD_TRIGGER")
_PD_OBJECT = phrase("PD_OBJECT")
_PD_OBJECT_AFTER = phrase("PD_OBJECT_AFTER")
_PD_PROACTIVE = phrase("PD_PROACTIVE")
_RESULT_LEAD = phrase("RESULT_LEAD")


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


def _last(phrase: re.Pattern[str], text: str, end: int | None = None) -> int:
    """Where the last match of `phrase` in `text[:end]` starts, or -1."""
    return max((m.start() for m in phrase.finditer(text, 0, len(text) if end is None else end)), default=-1)


def _evidence_start(left: str, anchor: int) -> int:
    """Quote from a preceding 通过 ("通过县新闻网发布…") when there is one, else from the anchor."""
    via = _last(_VIA, left, anchor + 1)
    return via if via >= 0 else anchor


def _channels(left: str) -> list[tuple[str, re.Match[str]]]:
    return [(CHANNEL_CODE[m.group()], m) for m in CHANNEL_RE.finditer(left)]


def _channel_count(ctx: ReportContext, c: _Context, section_title: str) -> list[Found] | None:
    """pd_items_by_channel; [] when the clause names channels but no single one can be credited."""
    if c.token.unit not in _ITEMS or _ACROSS_CHANNELS.search(c.left) or _NOT_PD_SUBJECT.search(c.left):
        return None
    found = _channels(c.left)
    if not found:
        return _subject_channel(ctx, c)
    codes = {code for code, _ in found}
    last = found[-1][1]
    tail = c.left[last.end() :]
    verb = PUBLISH_VERB.search(tail)
    # 等 before the verb closes a list of channels (网站、微信等…公开); after it, a list of topics
    # (发布政策法规、工作动态等内容N条) — the channel's own count
    before_verb = tail[: verb.start() if verb else len(tail)]
    if _ETC.search(before_verb) or _CHANNEL_LIST_CLOSE.search(c.left):
        if len(codes) == 1 and _SAME_CHANNEL_LIST_END.match(tail):
            tail = tail[_SAME_CHANNEL_LIST_END.match(tail).end() :]  # 电视、报纸等其他媒体: one channel
        elif len(codes) == 1 and _COLUMN_LIST_END.search(before_verb):
            pass  # 在门户网站通过工作动态、财政等栏目公开…: the columns of one channel
        else:
            return None  # "通过网站、公开栏等载体公开N条": a total, not one channel
    if len(codes) != 1 or _CATEGORY.search(tail) or _CHANNEL_PART.match(tail):
        return []  # several channels (a combined figure), a category or one column of the channel
    verbs = list(PUBLISH_VERB.finditer(tail))
    if not (verbs or len(PARENTHETICAL.sub("", tail)) <= 2):
        return []
    if verbs and _CHANNEL_CATEGORY.fullmatch(PARENTHETICAL.sub("", tail[verbs[-1].end() :])):
        return []  # 通过网站公开工作信息33条: one category through the channel, not its count
    code = codes.pop()
    start = c.left_start + _evidence_start(c.left, found[0][1].start())
    return [ctx.found(
        "pd_items_by_channel", c.token.value, start, c.token.end, method="prose", method_rule="pd_channel",
        unit=c.token.unit, is_approximate=c.token.is_approximate, channel=code,
    )]


def _subject_channel(ctx: ReportContext, c: _Context) -> list[Found] | None:
    """A count without a subject of its own in a sentence whose subject is one channel:
    "某镇公众号公开内容涵盖…，全年累计发布信息331篇" is that channel's count."""
    if not _SUBJECTLESS_COUNT.match(c.left):
        return None
    opening = c.sentence_before[: c.sentence_before.find(",")] if "," in c.sentence_before else ""
    subject = _CHANNEL_SUBJECT.match(opening)
    if not subject or len({code for code, _ in _channels(opening)}) != 1:
        return None
    start = c.left_start - len(c.sentence_before) + len(c.left) + subject.start("channel")
    return [ctx.found(
        "pd_items_by_channel", c.token.value, start, c.token.end, method="prose", method_rule="pd_subject_channel",
        unit=c.token.unit, is_approximate=c.token.is_approximate, channel=CHANNEL_CODE[subject["channel"]],
    )]


def _hot_topics(ctx: ReportContext, c: _Context, section_title: str) -> list[Found] | None:
    if c.token.unit not in (_TIMES | {"件", "条", "起", "个"}) or not _HOT_TOPIC.search(c.left):
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
    start = c.left_start + min(m.start() for m in (_VIA.search(c.left), _HOT_TOPIC.search(c.left)) if m)
    return [ctx.found(
        "resp_hot_topics", c.token.value, start, c.token.end, method="prose", method_rule="hot_topics",
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
                method="prose", method_rule="req_channel", unit=c.token.unit, channel=code,
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
    if len(matches) > 1 and _LIST_AND.search(c.left[matches[-2].end() : last.start()]):
        return None  # 予以公开及部分公开245件: a merged figure
    if not (_REQUEST_SECTION.search(c.paragraph_before) or _REQUEST_SECTION.search(section_title)):
        return None
    code = _outcome_code(ctx, last)
    if len(matches) > 1 and _outcome_code(ctx, matches[-2]).startswith(code + "_"):
        last = matches[-2]  # 因涉及国家秘密不予公开3件: the reason, a part of its group, is the finer code
        code = _outcome_code(ctx, last)
    return [ctx.found(
        "req_outcome", c.token.value, c.left_start + last.start(), c.token.end,
        method="prose", method_rule="outcome", unit=c.token.unit, outcome=code,
    )]


def _outcome_code(ctx: ReportContext, word: re.Match[str]) -> str:
    old, new = OUTCOME_CODES[word.group()]
    return new if ctx.regime == "R19" else old


def _appeal_result(ctx: ReportContext, c: _Context, section_title: str) -> list[Found] | None:
    """行政复议4起，其中1起尚未审结: a result of the one proceeding counted earlier in the sentence."""
    result = APPEAL_RESULT.match(c.right) if c.token.unit in _CASES else None
    if not result or not _RESULT_LEAD.fullmatch(c.left):
        return None
    proceedings = {PROCEEDING_OF[m.group()] for m in APPEAL_WORDS.finditer(c.sentence_before)}
    if len(proceedings) != 1 or not (_DISCLOSURE_SUBJECT.search(c.sentence) or _DISCLOSURE_SUBJECT.search(section_title)):
        return []
    return [ctx.found(
        "appeal_count", c.token.value, c.left_start, c.token.end + result.end(), method="prose", method_rule="appeal_result",
        unit=c.token.unit, proceeding=proceedings.pop(), result=RESULT_OF[result.group()],
    )]


def _appeal(ctx: ReportContext, c: _Context, section_title: str) -> list[Found] | None:
    if c.token.unit not in _CASES or not APPEAL_WORDS.search(c.left):
        return None
    if CONSULTATION.search(c.left):
        return []
    proceedings = {PROCEEDING_OF[m.group()] for m in APPEAL_WORDS.finditer(c.left)}
    if c.token.value != 0 and not (
        _DISCLOSURE_SUBJECT.search(c.sentence) or _DISCLOSURE_SUBJECT.search(section_title)
        or _T14_APPEAL_ROW.search(c.left)
    ):
        # a justice bureau's 行政复议案件25件, or 网上投诉: not about information disclosure
        return []
    tail = c.left[max(m.end() for m in APPEAL_WORDS.finditer(c.left)) :]
    if len(tail) > 6 or (len(proceedings) > 1 and c.token.value != 0):
        return []  # a combined count (复议和诉讼3件) cannot be split
    start = c.left_start + APPEAL_WORDS.search(c.left).start()
    return [
        ctx.found(
            "appeal_count", c.token.value, start, c.token.end, method="prose", method_rule="appeal",
            unit=c.token.unit, proceeding=p, result="total",
        )
        for p in sorted(proceedings)
    ]


def _pd_total(ctx: ReportContext, c: _Context, section_title: str) -> list[Found] | None:
    if c.token.unit not in _ITEMS | {"份"}:
        return None
    left = PARENTHETICAL.sub("", c.left)  # 主动公开政府信息数(不同渠道…计1条):120条
    triggers = list(_PD_TRIGGER.finditer(left))
    if not triggers:
        return None
    between = left[triggers[-1].end() :]
    # what is disclosed "主动" is government information: 共计主动公开123条 needs no object, unless
    # the sentence named another one before (制定规范性文件5件，主动公开5件)
    bare = not between and _PD_PROACTIVE.search(triggers[-1].group()) and not _PD_TOTAL_REJECT.search(c.sentence_before)
    if not (_PD_OBJECT.fullmatch(between) or (not between and _PD_OBJECT_AFTER.match(c.right)) or bare):
        return None
    if _PD_TOTAL_REJECT.search(c.left):  # 村务公开栏 is a channel, 村务 not
        return None
    anchor = c.left.find(triggers[-1].group())
    first_channel = CHANNEL_RE.search(c.left)
    if _ETC.search(triggers[-1].group()) and first_channel and first_channel.start() < anchor:
        anchor = first_channel.start()  # quote the whole channel list: 政务公开栏、村务公开栏等公开…
    return [ctx.found(
        "pd_items_total", c.token.value, c.left_start + _evidence_start(c.left, anchor), c.token.end,
        method="prose", method_rule="pd_total", unit=c.token.unit, is_approximate=c.token.is_approximate,
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
                rule.indicator, c.token.value, start, end, method="prose", method_rule=rule.name,
                unit=c.token.unit, is_approximate=c.token.is_approximate,
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
        or _NOT_A_COUNT_AFTER.search(c.right)
    )


def _classify(ctx: ReportContext, c: _Context, section_title: str) -> list[Found]:
    # 上年结转 names last year on purpose: read it before the other-year guard
    carried = _by_rules(ctx, c, section_title, _UNGUARDED_RULES)
    if carried is not None:
        return carried
    if _guarded(ctx, c):
        return []
    for reader in (_request_channel, _channel_count, _hot_topics, _outcome, _appeal_result, _appeal, _pd_total):
        found = reader(ctx, c, section_title)
        if found is not None:
            return found
    return _by_rules(ctx, c, section_title, _OTHER_RULES) or []


# "A、B分别…N1、N2": the words of one vocabulary listed before 分别, then as many counts in a row.
# (vocabulary words → code, indicator, the dimension the code fills, extra dims)
_RESPECTIVE = [
    (CHANNEL_RE, CHANNEL_CODE, "pd_items_by_channel", "channel", {}),
    (REQUEST_WORDS, REQUEST_CODE, "req_received", "channel", {}),
    (APPEAL_WORDS, PROCEEDING_OF, "appeal_count", "proceeding", {"result": "total"}),
]
_BETWEEN_COUNTS = phrase("BETWEEN_COUNTS")


def _respective(ctx: ReportContext, c: _Context, following: list[NumberToken]) -> tuple[list[Found], int] | None:
    """The counts of a respective list, and how many of the following numbers they used; None when
    the clause has no 分别 after a list of one vocabulary's words."""
    at = _last(_RESPECTIVELY, c.left)
    if at < 0:
        return None
    text = ctx.norm.text
    run = [c.token]
    for token in following:
        if not _BETWEEN_COUNTS.fullmatch(text, run[-1].end, token.start):
            break
        run.append(token)
    for words, code_of, indicator, dim, dims in _RESPECTIVE:
        listed = [code_of[m.group()] for m in words.finditer(c.left[:at])]
        if len(listed) < 2:
            continue
        if (
            len(listed) != len(run) or len(set(listed)) != len(listed) or _guarded(ctx, c)
            or (indicator == "appeal_count" and not _DISCLOSURE_SUBJECT.search(c.sentence))  # a court's own cases
        ):
            return [], len(run) - 1  # the counts cannot be told apart: none is taken
        start = c.left_start + next(words.finditer(c.left[:at])).start()
        return [
            ctx.found(
                indicator, token.value, start, token.end, method="prose", method_rule="respective", unit=token.unit,
                is_approximate=token.is_approximate, **{dim: code}, **dims,
            )
            for code, token in zip(listed, run)
        ], len(run) - 1
    return None


def extract_prose(ctx: ReportContext, heading_at: Callable[[int], Heading | None]) -> list[Found]:
    """All prose observations; ``heading_at(pos)`` is the heading of the section a position is in."""
    text = ctx.norm.text

    def title_at(pos: int) -> str:
        heading = heading_at(pos)
        return heading.title if heading else ""

    found: list[Found] = []
    tokens = find_numbers(text)
    skip = 0
    for c in _contexts(text, tokens):
        if skip:
            skip -= 1
            continue
        respective = _respective(ctx, c, tokens[tokens.index(c.token) + 1 :] if _RESPECTIVELY.search(c.left) else [])
        if respective is not None:
            found.extend(respective[0])
            skip = respective[1]
            continue
        found.extend(_classify(ctx, c, title_at(c.token.start)))
    found.extend(zero_statements(ctx, title_at))
    return found
