"""A report-template generator: narrative (2008-era prose, T14 wording) and the 2019/2021 tables in
several flattened layouts, each with the observations a correct extraction returns.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

_SYLLABLES = "安宝北长城大东丰福高古桂和河红华吉金靖康乐黎龙马梅南宁平前青清三沙石双水太桃天田王五西祥新兴阳永玉云张"
_COUNTIES = ("梅河口市", "永吉县", "江川区", "即墨区", "沙洋县", "将乐县", "石狮市", "伊宁县", "宁乡市", "嘉县")
_FILLER = (
    "我镇高度重视政府信息公开工作，坚持以公开为常态、不公开为例外，不断健全工作机制。",
    "进一步完善政府信息公开指南和公开目录，规范信息发布审核流程，确保信息准确、及时、全面。",
    "加强对工作人员的业务指导，提升依法公开意识，推进决策、执行、管理、服务、结果公开。",
    "围绕群众关心关注的重点领域，持续加大财政预决算、重大建设项目、社会救助等信息公开力度。",
    "严格落实保密审查制度，做到先审查、后公开，一事一审、全面审查，杜绝泄密事件发生。",
    "下一步，我镇将继续拓宽公开渠道，创新公开形式，不断提升政府信息公开工作水平。",
)


@dataclass(frozen=True)
class Expected:
    indicator: str
    value: float
    # The words stating the figure: the clause in prose (a correct span lies within it), the row
    # label in a table.
    words: str
    dims: dict[str, str] = field(default_factory=dict)
    # The number as written ("0.5" for 5000 yuan in 万元); "" when a zero is stated in words (未收到).
    shown: str = ""
    in_table: bool = False


@dataclass(frozen=True)
class SyntheticReport:
    file_name: str
    text: str
    body_name: str
    county: str
    report_year: int
    format_code: str
    expected: tuple[Expected, ...]


class _Writer:
    """Accumulates the text and the observations it states, in order."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.expected: list[Expected] = []

    def add(self, text: str) -> None:
        self.parts.append(text)

    def state(self, template: str, indicator: str, value: float, shown: str | None = None, **dims: str) -> None:
        """Write `template` with `{}` replaced by the value and record the observation."""
        written = shown if shown is not None else _count(value)
        words = template.format(written)
        self.parts.append(words)
        self.expected.append(Expected(indicator, value, words, dims, written))


def _count(value: float) -> str:
    return str(int(value))


def _organ(rng: random.Random, index: int) -> tuple[str, str]:
    first, second = _SYLLABLES[index % len(_SYLLABLES)], _SYLLABLES[(index // len(_SYLLABLES)) % len(_SYLLABLES)]
    suffix = ("镇", "乡", "街道")[(index // len(_SYLLABLES) ** 2) % 3]
    return f"{first}{second}{rng.choice(_SYLLABLES)}{suffix}", rng.choice(_COUNTIES)


def _filler(rng: random.Random, writer: _Writer, sentences: int) -> None:
    writer.add("".join(rng.choice(_FILLER) for _ in range(sentences)) + "\n")


def _narrative(rng: random.Random, writer: _Writer, name: str, year: int) -> None:
    writer.add("一、概述\n")
    _filler(rng, writer, rng.randint(3, 8))
    writer.add("二、主动公开政府信息情况\n")
    channels = {"website": rng.randint(1, 400), "weixin": rng.randint(0, 200), "weibo": rng.randint(0, 50)}
    total = sum(channels.values()) + rng.randint(0, 30)
    writer.add(f"{year}年，{name}")
    writer.state(rng.choice(("通过不同渠道和方式主动公开政府信息{}条", "累计主动公开政府信息{}条",
                             "主动公开政府信息数为{}条")), "pd_items_total", total)
    writer.add("，其中")
    writer.state("政府网站公开政府信息{}条", "pd_items_by_channel", channels["website"], channel="website")
    writer.add("，")
    writer.state("政务微信公开{}条", "pd_items_by_channel", channels["weixin"], channel="weixin")
    writer.add("，")
    writer.state("政务微博公开{}条", "pd_items_by_channel", channels["weibo"], channel="weibo")
    writer.add("。\n")
    writer.state("全年发布政策解读{}篇", "resp_policy_interpretations", rng.randint(0, 40))
    writer.add("。\n")
    _filler(rng, writer, rng.randint(2, 6))
    writer.add("三、依申请公开政府信息情况\n")
    if rng.random() < 0.5:
        writer.state(f"{year}年，我镇未收到政府信息公开申请", "req_received", 0, shown="")
        writer.add("。\n")
    else:
        received = rng.randint(1, 30)
        writer.state("全年共受理政府信息公开申请{}件", "req_received", received)
        writer.add("，")
        writer.state("已全部答复，答复数量为{}件", "req_concluded", received)
        writer.add("。\n")
    writer.add("四、政府信息公开的收费及减免情况\n")
    writer.state("本年度未收取任何费用", "req_fee_collected", 0, shown="")
    writer.add("。\n五、因政府信息公开申请行政复议、提起行政诉讼的情况\n")
    words = "本年度未发生因政府信息公开申请行政复议、提起行政诉讼的情况"
    writer.add(words)
    writer.expected.append(Expected("appeal_count", 0, words, {"proceeding": "admin_review", "result": "total"}))
    writer.expected.append(Expected("appeal_count", 0, words, {"proceeding": "litigation_all", "result": "total"}))
    writer.add("。\n六、机构建设和保障经费情况\n")
    writer.state("从事政府信息公开工作人员{}人", "staff_total", rng.randint(1, 9))
    writer.add("，")
    budget = rng.randint(1, 50) / 10
    writer.state("政府信息公开专项经费{}万元", "budget_special", budget * 10000, shown=f"{budget:g}")
    writer.add("。")
    writer.state("全年召开政府信息公开工作会议{}次", "meetings", rng.randint(1, 12))
    writer.add("，")
    writer.state("举办培训班{}次", "training_sessions", rng.randint(1, 6))
    writer.add("，")
    writer.state("接受培训人员{}人次", "training_attendees", rng.randint(5, 200))
    writer.add("。\n七、存在的主要问题及改进情况\n")
    _filler(rng, writer, rng.randint(3, 8))


def _cells(layout: str, rows: list[list[str]]) -> str:
    """A table flattened as real pages flatten it."""
    if layout == "cell_per_line":
        return "".join(f"{cell}\n|\n" for row in rows for cell in row)
    if layout == "row_per_line":
        return "".join(" | ".join(row) + "\n" for row in rows)
    return "".join("".join(row) + "\n" for row in rows)  # glued: no separator at all


def _table_2019(rng: random.Random, writer: _Writer, layout: str, fmt: str) -> None:
    # Glued cells ("规章000") can only be read back when every cell is one digit.
    top = 3 if layout == "glued" else 40

    def draw(high: int) -> int:
        return rng.randint(0, min(high, top))

    def row(label: str, cells: list[tuple[str, float, dict[str, str]]], shown: list[str] | None = None) -> None:
        """One table row: its label, then its cells, each an (indicator, value, dims) observation."""
        texts = shown or [_count(value) for _, value, _ in cells]
        writer.add(_cells(layout, [[label, *texts]]))
        for (indicator, value, dims), text in zip(cells, texts):
            writer.expected.append(Expected(indicator, value, label, dims, text, in_table=True))

    writer.add("二、主动公开政府信息情况\n")
    if fmt == "F21":
        writer.add(_cells(layout, [["第二十条第（一）项"], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]]))
        for doc_type, label in (("rule", "规章"), ("normdoc", "行政规范性文件")):
            made = draw(20)
            row(label, [("art20_made", made, {"doc_type": doc_type}), ("art20_repealed", 0, {"doc_type": doc_type}),
                        ("art20_in_force", made + draw(30), {"doc_type": doc_type})])
        for item, matters in (("（五）", (("licensing", "行政许可"),)),
                              ("（六）", (("penalty", "行政处罚"), ("coercion", "行政强制")))):
            writer.add(_cells(layout, [[f"第二十条第{item}项"], ["信息内容", "本年处理决定数量"]]))
            for matter, label in matters:
                row(label, [("art20_decisions", draw(40), {"matter": matter})])
        writer.add(_cells(layout, [["第二十条第（八）项"], ["信息内容", "本年收费金额（单位：万元）"]]))
        fee = rng.choice((0, 0.5, 1.2)) if layout != "glued" else 0
        row("行政事业性收费", [("art20_fee_amount", fee * 10000, {"matter": "fees"})], shown=[f"{fee:g}"])
    else:
        writer.add(_cells(layout, [["第二十条第（一）项"], ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]]))
        for doc_type, label in (("rule", "规章"), ("normdoc", "规范性文件")):
            made = draw(20)
            row(label, [("art20_made", made, {"doc_type": doc_type}),
                        ("art20_published_new", made, {"doc_type": doc_type}),
                        ("art20_public_total", made + draw(30), {"doc_type": doc_type})])
        for item, matters in (("（五）", (("licensing", "行政许可"), ("other_mgmt_service", "其他对外管理服务事项"))),
                              ("（六）", (("penalty", "行政处罚"), ("coercion", "行政强制")))):
            writer.add(_cells(layout, [[f"第二十条第{item}项"], ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]]))
            for matter, label in matters:
                row(label, [("art20_items_prev_year", draw(30), {"matter": matter}),
                            ("art20_items_change", 0, {"matter": matter}),
                            ("art20_decisions", draw(40), {"matter": matter})])
    writer.add("三、收到和处理政府信息公开申请情况\n")
    writer.add(_cells(layout, [["申请人情况", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
                                "其他", "总计"]]))
    received, carried_in = draw(40), draw(2)
    granted = draw(received + carried_in)
    forward = received + carried_in - granted
    for label, indicator, value, dims in (
        ("一、本年新收政府信息公开申请数量", "req_received", received, {}),
        ("二、上年结转政府信息公开申请数量", "req_carried_over_in", carried_in, {}),
        ("（一）予以公开", "req_outcome", granted, {"outcome": "out_granted"}),
        ("（七）总计", "req_outcome_total", granted, {}),
        ("四、结转下年度继续办理", "req_carried_forward", forward, {}),
    ):
        # Natural persons file them all here; the last number of a row is its total (labelled alone).
        writer.add(_cells(layout, [[label, _count(value), "0", "0", "0", "0", "0", _count(value)]]))
        writer.expected.append(Expected(indicator, value, label, dims, _count(value), in_table=True))
    writer.add("四、政府信息公开行政复议、行政诉讼情况\n")
    results = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    writer.add(_cells(layout, [["行政复议", "行政诉讼"], ["未经复议直接起诉", "复议后起诉"], [*results * 3]]))
    values: list[str] = []
    for proceeding in ("admin_review", "litigation_direct", "litigation_after_review"):
        upheld, corrected = draw(2), draw(1)
        for result, value in zip(("upheld", "corrected", "other", "pending", "total"),
                                 (upheld, corrected, 0, 0, upheld + corrected)):
            values.append(_count(value))
            writer.expected.append(Expected("appeal_count", value, "行政复议",
                                            {"proceeding": proceeding, "result": result}, _count(value), True))
    writer.add(_cells(layout, [values]))


def generate_report(seed: int, index: int) -> SyntheticReport:
    """Report number `index` of a corpus drawn with `seed`: same arguments, same report."""
    rng = random.Random(seed * 1_000_003 + index)
    name, county = _organ(rng, index)
    fmt = rng.choice(("N", "N", "F19", "F21"))
    year = {"N": rng.randint(2009, 2018), "F19": rng.randint(2019, 2020), "F21": rng.randint(2021, 2025)}[fmt]
    writer = _Writer()
    writer.add(f"{county}{name}{year}年政府信息公开工作年度报告\n")
    if fmt == "N":
        _narrative(rng, writer, name, year)
    else:
        writer.add("一、总体情况\n")
        _filler(rng, writer, rng.randint(3, 8))
        _table_2019(rng, writer, rng.choice(("cell_per_line", "row_per_line", "glued")), fmt)
        writer.add("五、存在的主要问题及改进情况\n")
        _filler(rng, writer, rng.randint(2, 6))
    writer.add(f"{name}人民政府\n")
    return SyntheticReport(
        f"{index:07d}.txt", "".join(writer.parts), name, county, year, fmt, tuple(writer.expected)
    )


def write_corpus(folder: Path, count: int, seed: int = 0, start: int = 0) -> None:
    """Write reports `start` … `start + count - 1` as UTF-8 files into `folder`, one at a time (a
    100k corpus is never held in memory)."""
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(start, start + count):
        report = generate_report(seed, index)
        (folder / report.file_name).write_text(report.text, encoding="utf-8")
