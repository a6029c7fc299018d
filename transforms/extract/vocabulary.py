"""The grammar's words compiled for the prose readers: channels, request outcomes, appeals.

The words themselves live in transforms/grammar/ (channels.tsv, outcomes.tsv, appeals.tsv,
words.tsv); this module only turns them into the patterns and look-ups the readers use.
"""
from __future__ import annotations

import re

from ogi.transforms.grammar import alternation, pattern, phrase, rows

_CHANNELS = rows("channels")

# Proactive channels: one scan, the longest word at a place wins (新闻网 is mass_media, not 网).
CHANNEL_CODE = {r["word"]: r["code"] for r in _CHANNELS if r["kind"] == "proactive"}
CHANNEL_RE = re.compile(alternation(CHANNEL_CODE))
PUBLISH_VERB = pattern("{PUBLISH_VERB}")
PARENTHETICAL = re.compile(r"\([^)]*\)|“[^”]*”")


# A request channel word needs an application verb after it (当面申请); a medium may stand alone (信函3件).
_REQUEST_VERB = {"request": "{APPLY_VERB}", "request_medium": "(?:{APPLY_VERB}|方式)?"}


def _request_channels() -> list[tuple[str, re.Pattern[str]]]:
    """(code, pattern over ``<clause>#``): 当面申请3件, 信函3件; the number ends the probe."""
    words: dict[tuple[str, str], list[str]] = {}
    for r in _CHANNELS:
        if r["kind"] in _REQUEST_VERB:
            words.setdefault((r["code"], r["kind"]), []).append(r["word"])
    return [
        (code, pattern(alternation(ws) + _REQUEST_VERB[kind] + "[^#]{0,3}#$")) for (code, kind), ws in words.items()
    ]


# Request channels, as patterns over the prose context (``#`` stands for the number).
REQUEST_CHANNELS = _request_channels()
REQUEST_CODE = {r["word"]: r["code"] for r in _CHANNELS if r["kind"] in _REQUEST_VERB}
REQUEST_WORDS = re.compile(alternation(REQUEST_CODE))

# Outcome words: (code in R07 reports, code in R19 reports) by word.
OUTCOME_CODES = {r["word"]: (r["r07"], r["r19"]) for r in rows("outcomes")}
OUTCOME_RE = re.compile(alternation(OUTCOME_CODES))
OUTCOME_TAIL = phrase("OUTCOME_TAIL")

PROCEEDING_OF = {r["word"]: r["proceeding"] for r in rows("appeals")}
APPEAL_WORDS = re.compile(alternation(PROCEEDING_OF))

# What became of an appeal, right after its count: 其中1起尚未审结.
RESULT_OF = {r["word"]: r["result"] for r in rows("appeal_results")}
APPEAL_RESULT = re.compile("^" + alternation(RESULT_OF))

CONSULTATION = pattern("{CONSULTATION}")
