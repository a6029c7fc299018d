"""Normalisation keeps an exact map back to the source text."""
from __future__ import annotations

import pytest

from ogi.transforms.normalize import normalize


def _find(source: str, needle: str) -> str:
    """The source text behind the first occurrence of ``needle`` in the normalised text."""
    norm = normalize(source)
    i = norm.text.index(needle)
    start, end = norm.source_span(i, i + len(needle))
    return source[start:end]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("全年發佈資訊３０條。", "全年发布资讯30条。"),  # traditional + full-width digits
        ("鄉(xiāng)人民政府數(shù)據(jù)", "乡人民政府数据"),  # pinyin glosses after characters
        ("政府（公報）：無", "政府(公报):无"),  # full-width brackets and colon become ASCII
        ("设立专栏 1 个", "设立专栏1个"),  # spaces next to CJK disappear
        ("本年新\n制作数量", "本年新制作数量"),  # a label split over two lines
        ("商业\n企业", "商业企业"),
        ("a  b", "a b"),  # other runs shrink to one space
    ],
)
def test_normalised_text(source: str, expected: str) -> None:
    assert normalize(source).text == expected


# Traditional-form report phrases whose simplified form depends on the word, not the character alone
# (written by hand for these tests): a character table maps 覆, 藉, 傢, 乾 and 瞭 the same way everywhere.
@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("反覆核對申請內容", "反复核对申请内容"),  # 覆 → 复 in 反覆 …
        ("公開範圍覆蓋全縣", "公开范围覆盖全县"),  # … but stays in 覆蓋
        ("依申請公開答覆12件，回覆諮詢3次", "依申请公开答复12件,回复咨询3次"),
        ("不得以任何藉口拒絕公開", "不得以任何借口拒绝公开"),
        ("辦公傢俱採購資訊", "办公家具采购资讯"),
        ("保持環境乾淨，清理乾隆年間檔案", "保持环境干净,清理乾隆年间档案"),
        ("臺灣省政府於2020年發佈行政複議決定", "台湾省政府于2020年发布行政复议决定"),
        ("取得顯著成效，著力推進", "取得显著成效,著力推进"),
    ],
)
def test_traditional_phrases_become_simplified(source: str, expected: str) -> None:
    norm = normalize(source)
    assert norm.text == expected
    assert norm.offsets == [i for i, character in enumerate(source) if character != " "]


@pytest.mark.parametrize(
    "source",
    [
        "三、依申请公开情况：无\n四、行政复议数量：无",  # heading lines stay apart
        "某某镇人民政府2019年政府信息公开工作年度报告\n根据《条例》规定编制本报告",  # title + paragraph
        "规章\n\n0\n\n0",  # table cells: blank lines stay
    ],
)
def test_line_breaks_that_separate_things_stay(source: str) -> None:
    assert normalize(source).text.count("\n") >= 1


def test_gambling_spam_is_removed() -> None:
    source = "本镇政府 澳门皇冠_皇冠国际线上娱乐-体育*投注:工作运行正常"
    assert normalize(source).text == "本镇政府工作运行正常"


def test_seo_title_stuffed_twice_is_removed() -> None:
    source = "工作持续开展2019年政府信息公开年度报告2019年政府信息公开年度报告。"
    assert normalize(source).text == "工作持续开展。"


@pytest.mark.parametrize(
    ("source", "needle", "expected_source"),
    [
        ("我鎮(zhèn)共受理申請１２件。", "受理申请12件", "受理申請１２件"),
        ("设立专栏 1 个，公开信息 30 条", "公开信息30条", "公开信息 30 条"),
        ("本年新\n制作数量", "本年新制作数量", "本年新\n制作数量"),
    ],
)
def test_spans_map_back_to_the_source(source: str, needle: str, expected_source: str) -> None:
    assert _find(source, needle) == expected_source


def test_offsets_are_increasing_and_inside_the_source() -> None:
    source = "二、主動公開(zhǔ)情況 \n  網站(wǎng)公開  15 條\n\n"
    norm = normalize(source)
    assert len(norm.offsets) == len(norm.text)
    assert all(0 <= a < b < len(source) for a, b in zip(norm.offsets, norm.offsets[1:]))
