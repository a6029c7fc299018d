"""Regex scans tried only where a match can begin.

Python's regex engine jumps ahead to a pattern's first character only when the pattern opens with a
literal, a character class or an alternation of literals. A pattern that opens with an optional
prefix, a look-behind or an alternation of groups is tried at every position of the text, and on
report text that is most of the time the parser spends in such a pattern. `Anchored` pairs a
pattern with the class of characters its matches begin with, finds those with the fast class scan
and tries the pattern only there: the same matches as ``pattern.finditer``, 2–4× faster.

The class is derived from the pattern's own parse tree (``first_class``), never written by hand, so
a word added to the grammar is always among the characters a scan stops at.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from re import _constants as sre  # the parse tree's opcodes (Python 3.11+)
from re import _parser as sre_parse

_CATEGORY_CLASS = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))


class _Unanchorable(Exception):
    """A match can begin with any character (., a negated class): no class helps."""


def _char(code: int) -> str:
    return re.escape(chr(code))


def _first(items) -> tuple[set[str], bool]:
    """(class parts the sequence's matches can begin with, whether it can match empty)."""
    parts: set[str] = set()
    for op, arg in items:
        if op in _ZERO_WIDTH:
            continue  # look-arounds and anchors consume nothing: the next item begins the match
        if op == sre.LITERAL:
            return parts | {_char(arg)}, False
        if op == sre.IN:
            if any(o == sre.NEGATE for o, _ in arg):
                raise _Unanchorable
            for o, a in arg:
                if o == sre.LITERAL:
                    parts.add(_char(a))
                elif o == sre.RANGE:
                    parts.add(f"{_char(a[0])}-{_char(a[1])}")
                elif o == sre.CATEGORY:
                    parts.add(_CATEGORY_CLASS[a])
                else:
                    raise _Unanchorable
            return parts, False
        if op == sre.BRANCH:
            nullable = False
            for branch in arg[1]:
                sub, empty = _first(branch)
                parts |= sub
                nullable |= empty
            if not nullable:
                return parts, False
            continue
        if op == sre.SUBPATTERN:
            sub, empty = _first(arg[-1])
        elif op == getattr(sre, "ATOMIC_GROUP", None):
            sub, empty = _first(arg)
        elif op in _REPEATS:
            sub, empty = _first(arg[2])
            empty = empty or arg[0] == 0
        else:  # ANY, NOT_LITERAL, back-references…
            raise _Unanchorable
        parts |= sub
        if not empty:
            return parts, False
    return parts, True


def first_class(pattern: str) -> str | None:
    """A character class of every character a match of ``pattern`` can begin with, or None when
    a match can begin anywhere (or be empty)."""
    try:
        parts, nullable = _first(sre_parse.parse(pattern))
    except _Unanchorable:
        return None
    return None if nullable or not parts else "[" + "".join(sorted(parts)) + "]"


@dataclass(frozen=True)
class Anchored:
    pattern: re.Pattern[str]  # never matches the empty string
    first: re.Pattern[str] | None  # one character class: every character a match can begin with

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.first is None:
            yield from self.pattern.finditer(text)
            return
        pos = 0
        while start := self.first.search(text, pos):
            # match() at a position still lets look-behinds see the text before it
            m = self.pattern.match(text, start.start())
            if m:
                yield m
                pos = m.end()
            else:
                pos = start.start() + 1

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)


def anchored(pattern: str) -> Anchored:
    first = first_class(pattern)
    return Anchored(re.compile(pattern), None if first is None else re.compile(first))
