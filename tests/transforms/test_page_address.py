"""A saved page's own address."""
from __future__ import annotations

import pytest

from transforms.page_address import page_address


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
