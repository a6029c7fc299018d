"""The address a saved HTML page states for itself, for reports with no manifest entry.

Browsers and crawlers leave it in the page: `<link rel="canonical" href=…>`, `<meta property="og:url"
content=…>`, Internet Explorer's and Chrome's "saved from url=(0042)http://…" comment, or
SingleFile's "url: …" comment. The first of these, in that order, that holds an http(s) address.
"""
from __future__ import annotations

import html
import re

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
