"""What a saved page states about itself: its address and its publication date."""
from __future__ import annotations

from datetime import date

import pytest

from ogi.transforms.saved_page import page_address, page_date


@pytest.mark.parametrize(("page", "address"), [
    ('<html><head><link href="http://www.example.gov.cn/zwgk/2024/a.html" rel="canonical"></head>',
     "http://www.example.gov.cn/zwgk/2024/a.html"),
    ("<head><meta content='https://x.gov.cn/n/1.shtml?id=3&amp;p=2' property='og:url'>",
     "https://x.gov.cn/n/1.shtml?id=3&p=2"),
    ("<!DOCTYPE html>\n<!-- saved from url=(0034)http://www.example.gov.cn/b.htm -->\n<html>",
     "http://www.example.gov.cn/b.htm"),
    ("<!--\n Page saved with SingleFile \n url: https://gk.example.gov.cn/c.html \n saved date: Thu Feb 01 2024\n-->",
     "https://gk.example.gov.cn/c.html"),
    # canonical first, even after og:url; a relative canonical is no address
    ('<meta property="og:url" content="http://a.gov.cn/og"><link rel="canonical" href="http://a.gov.cn/c">',
     "http://a.gov.cn/c"),
    ('<link rel="canonical" href="/zwgk/c.html"><meta property="og:url" content="http://a.gov.cn/og">',
     "http://a.gov.cn/og"),
    ('<link rel="stylesheet" href="http://a.gov.cn/s.css"><p>年度报告</p>', None),
])
def test_the_address_a_page_states(page: str, address: str | None) -> None:
    assert page_address(page) == address


@pytest.mark.parametrize(("page", "stated"), [
    # in a footer that rendering drops, and before a later 成文日期
    ('<body><p>正文</p><footer>成文日期：2024-01-05 发布日期：<span>2024年1月18日</span></footer></body>', date(2024, 1, 18)),
    ("<table><tr><td>公开日期：</td><td>&nbsp;</td><td>2023/02/09</td></tr></table>", date(2023, 2, 9)),
    ('<head><meta name="PubDate" content="2022-03-28 17:06"></head><body>成文日期：2022-03-20</body>', date(2022, 3, 28)),
    ('<meta property="article:published_time" content="2021-01-30T08:00:00+08:00">', date(2021, 1, 30)),
    ("<div>成文日期：2020年12月31日</div>", date(2020, 12, 31)),
    ("<p>发布日期：2024-02-30</p>", None),  # no such day
    ("<p>2023年1月1日至2023年12月31日</p>", None),  # a date with no label
])
def test_the_publication_date_a_page_states(page: str, stated: date | None) -> None:
    assert page_date(page) == stated
