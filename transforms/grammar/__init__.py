"""The language of the reports as data: words and phrasings keyed by catalog codes.

Each ``*.tsv`` file beside this module is a table a domain expert can read and extend without
reading Python: tab-separated, one header line, ``#`` lines are comments, blank lines are skipped.
The readers in ``transforms.extract`` and ``transforms.metadata`` compile these tables once, so a
new phrasing or channel word is one line here (plus a test sentence), never a code change.
"""
from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

GRAMMAR_DIR = Path(__file__).parent


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``<name>.tsv`` as dicts keyed by its header (empty cells are '')."""
    with open(GRAMMAR_DIR / f"{name}.tsv", encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "").strip() for k, v in row.items()} for row in reader)
