"""Grammar coverage: numbers next to the catalog's words that produced no observation.

A counted number (``numbers.find_numbers``) whose clause names a catalog subject (the TOPIC words
of transforms/grammar/words.tsv, or any channel, outcome or appeal word) and that no observation's
span covers is "unexplained": either a phrasing the grammar does not know yet, or a number the rules
rightly decline (another year, a plan, a subordinate unit). Listing them shows a reader's misses
without gold labels.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ogi.transforms.grammar import alternation, rows, word_classes
from ogi.transforms.model import ParsedReport
from ogi.transforms.normalize import normalize
from ogi.transforms.numbers import find_numbers

_SUBJECT = re.compile(alternation(
    [*word_classes()["TOPIC"], *word_classes()["CHANNEL"], *word_classes()["APPEAL"], *(r["word"] for r in rows("outcomes"))]
))
_CLAUSE_BREAK = re.compile(r"[。;!?\n]")
_REACH = 30  # characters before a number that may name its subject


@dataclass(frozen=True)
class Unexplained:
    span_start: int  # source offsets of the number
    span_end: int
    number: str  # as written
    context: str  # the clause before it, as written


def unexplained_numbers(text: str, parsed: ParsedReport) -> list[Unexplained]:
    norm = normalize(text)
    covered = [(o.span_start, o.span_end) for o in parsed.observations]
    found = []
    previous_end = 0
    for token in find_numbers(norm.text):
        # the clause of a number reaches back to the previous number at most (its own label)
        left = norm.text[max(previous_end, token.start - _REACH) : token.start]
        previous_end = token.end
        start, end = norm.source_span(token.start, token.end)
        if any(s <= start and end <= e for s, e in covered):
            continue
        breaks = list(_CLAUSE_BREAK.finditer(left))
        clause = left[breaks[-1].end() :] if breaks else left
        if not _SUBJECT.search(clause):
            continue
        context_start, _ = norm.source_span(token.start - len(clause), token.start)
        found.append(Unexplained(start, end, text[start:end], text[context_start:start]))
    return found
