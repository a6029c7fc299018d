"""What a saved HTML page states about itself in its markup and chrome, which the rendered text
drops: its address and its publication date.

The address, for reports with no manifest entry: browsers and crawlers leave it in the page as
`<link rel="canonical" href=…>`, `<meta property="og:url" content=…>`, Internet Explorer's and
Chrome's "saved from url=(0042)http://…" comment, or SingleFile's "url: …" comment. The first of
these, in that order, that holds an http(s) address.

The date: a site's info bar (发布日期：2024-01-20, often in a header or footer that rendering drops
as page furniture), else the CMS's `<meta name="PubDate">` or `article:published_time`, else a
成文日期 (the date the document was signed, which precedes publication).
"""
from __future__ import annotations

import html
import re
from datetime import date

_ATTRS = re.compile(r"""([a-zA-Z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_TAG = re.compile(r"<(link|meta)\b([^>]*)>", re.I)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)
_SINGLE_FILE = re.compile(r"<!--\s*Page saved with SingleFile.*?^\s*url:\s*(\S+)", re.I | re.S | re.M)
_HTTP = re.compile(r"https?://[^\s<>\"']+\Z", re.I)
# The head holds these; a long page is not scanned to its end.
_HEAD_CHARS = 20_000


def _attributes(text: str) -> dict[str, str]:
    return {m[1].lower(): html.unescape(m[2] or m[3] or m[4] or "") for m in _ATTRS.finditer(text)}


def page_address(page: str) -> str | None:
    head = page[:_HEAD_CHARS]
    canonical = og_url = None
    for tag in _TAG.finditer(head):
        attrs = _attributes(tag[2])
        if tag[1].lower() == "link" and "canonical" in attrs.get("rel", "").lower().split():
            canonical = canonical or attrs.get("href")
        elif tag[1].lower() == "meta" and attrs.get("property", attrs.get("name", "")).lower() == "og:url":
            og_url = og_url or attrs.get("content")
    comments = [m[1] for pattern in (_SAVED_FROM, _SINGLE_FILE) if (m := pattern.search(head))]
    for candidate in (canonical, og_url, *comments):
        if candidate and _HTTP.match(candidate.strip()):
            return candidate.strip()
    return None


# The label, then tags or spaces between it and the date (an info bar may put them in cells).
_DATE = r"(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})"
_BETWEEN = r"\s*[:：]?\s*(?:(?:<[^<>]{0,300}>|&nbsp;)\s*){0,8}[:：]?\s*"
_PUBLISHED_LINE = re.compile(rf"(?:发布|公开|发文)(?:日期|时间){_BETWEEN}{_DATE}")
_SIGNED_LINE = re.compile(rf"成文(?:日期|时间){_BETWEEN}{_DATE}")
_DATE_META = frozenset({"pubdate", "article:published_time", "publishdate"})
_ISO_DATE = re.compile(_DATE)


def _date(match: re.Match | None) -> date | None:
    if not match:
        return None
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:  # 2024-02-30
        return None


def page_date(page: str) -> date | None:
    """The publication date the page states in its chrome or its meta tags, or None."""
    stated = _date(_PUBLISHED_LINE.search(page))
    if stated:
        return stated
    for tag in _TAG.finditer(page[:_HEAD_CHARS]):
        attrs = _attributes(tag[2])
        if tag[1].lower() == "meta" and attrs.get("name", attrs.get("property", "")).lower() in _DATE_META:
            if found := _date(_ISO_DATE.match(attrs.get("content", "").strip())):
                return found
    return _date(_SIGNED_LINE.search(page))
