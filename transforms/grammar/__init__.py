"""The language of the reports as data: words and phrasings keyed by catalog codes.

Each ``*.tsv`` file beside this module is a table a domain expert can read and extend without
reading Python: tab-separated, one header line, ``#`` lines are comments, blank lines are skipped.
The readers in ``transforms.extract`` and ``transforms.metadata`` compile these tables once, so a
new phrasing or channel word is one line here (plus a test sentence), never a code change.

``OGI_GRAMMAR_DIR`` points the readers at another copy of this folder, to try a grammar before
committing it. The parser version carries a fingerprint of the tables (``fingerprint``), so a
warehouse built with a changed grammar re-parses its reports once, like after a code change.
"""
from __future__ import annotations

import csv
import hashlib
import os
import re
from functools import cache
from pathlib import Path

GRAMMAR_DIR = Path(os.environ.get("OGI_GRAMMAR_DIR") or Path(__file__).parent)


def fingerprint() -> str:
    """sha256 over every table of the grammar, by name and content."""
    digest = hashlib.sha256()
    for path in sorted(GRAMMAR_DIR.glob("*.tsv")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``<name>.tsv`` as dicts keyed by its header (empty cells are '')."""
    with open(GRAMMAR_DIR / f"{name}.tsv", encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "").strip() for k, v in row.items()} for row in reader)


@cache
def word_classes() -> dict[str, tuple[str, ...]]:
    """Every word class: those of words.tsv, CHANNEL (the proactive channel words of channels.tsv)
    and APPEAL (the words of appeals.tsv)."""
    classes: dict[str, list[str]] = {}
    for row in rows("words"):
        classes.setdefault(row["class"], []).append(row["word"])
    classes["CHANNEL"] = [r["word"] for r in rows("channels") if r["kind"] == "proactive"]
    classes["APPEAL"] = [r["word"] for r in rows("appeals")]
    return {name: tuple(words) for name, words in classes.items()}


def alternation(words) -> str:
    """One regex alternative per literal word, longest first: at any place the longest word wins."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"


_PLACEHOLDER = re.compile(r"\{([A-Z][A-Za-z0-9_]*)\}")


@cache
def expand(template: str) -> str:
    """The regex a grammar template stands for: each {NAME} becomes its word class (as an
    alternation of literal words) or its phrase (phrases.tsv, expanded in turn)."""
    phrases = {row["name"]: row["pattern"] for row in rows("phrases")}
    classes = word_classes()

    def one(m: re.Match[str]) -> str:
        name = m[1]
        if name in classes:
            return alternation(classes[name])
        if name in phrases:
            return f"(?:{expand(phrases[name])})"
        raise KeyError(f"grammar: {{{name}}} is neither a word class nor a phrase")

    return _PLACEHOLDER.sub(one, template)


@cache
def pattern(template: str) -> re.Pattern[str]:
    return re.compile(expand(template))


def phrase(name: str) -> re.Pattern[str]:
    """A named phrase of phrases.tsv, compiled."""
    return pattern("{" + name + "}")


def units(spec: str) -> frozenset[str]:
    """Units named by a rule: word classes (U_*) or literal units, separated by spaces."""
    classes = word_classes()
    return frozenset(u for token in spec.split() for u in classes.get(token, (token,)))
