"""The team's records, kept under version control with the raw reports: corrections of numbers and
review marks. Plain CSV a person can read, diff and edit; `ogi correct` and `ogi review
--mark-reviewed` append to them, and every build applies them (warehouse/corrections.py).

A correction is keyed by the report's content (its sha256) and the observation's key (indicator
and catalog dimensions), never by row ids, so a reparse with a new parser version finds it again.
Its `value` is a number, or `not stated` for a figure the report does not state.

Reading is strict: a file with one bad line is refused whole, with a one-line message naming the
line, so that no build applies half of a team's corrections.
"""
from __future__ import annotations

import csv
import math
import os
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from ogi.transforms.model import DIMENSIONS
from ogi.warehouse.connection import SEED_DIR

CORRECTION_COLUMNS = ("sha256", "source_file", "indicator", "dims", "value", "who", "when", "why")
REVIEW_COLUMNS = ("sha256", "source_file", "state", "who", "when", "note")
NOT_STATED = "not stated"
REVIEW_STATES = ("reviewed", "unreviewed")
# At the top of a raw folder, version-controlled with the reports but never reports themselves: the
# build's walk does not list them (orchestration/ingestion/walk.py).
TEAM_RECORDS = ("corrections.csv", "reviews.csv")

# A dimension as the records write it (`channel`) → its column (`channel_code`) and catalog seed.
_DIM_SEEDS = {
    "channel": "channels", "applicant": "applicants", "outcome": "outcomes", "proceeding": "proceedings",
    "result": "results", "doc_type": "doc_types", "matter": "matters",
}
assert tuple(f"{name}_code" for name in _DIM_SEEDS) == DIMENSIONS
_SHA256 = re.compile(r"[0-9a-f]{64}")


class RecordsError(ValueError):
    """A record file that cannot be applied; the message names the file and line."""


@dataclass(frozen=True)
class Correction:
    line: int
    sha256: str
    source_file: str
    indicator: str
    dims: dict[str, str]  # dimension name (channel …) → code; only the dimensions that apply
    value: float | None  # None: the report does not state this figure
    who: str
    when: date
    why: str


@dataclass(frozen=True)
class Review:
    line: int
    sha256: str
    source_file: str
    state: str
    who: str
    when: date
    note: str


def records_paths(raw_dir: Path) -> tuple[Path, Path]:
    """(corrections, reviews): OGI_CORRECTIONS, else corrections.csv at the top of the raw folder;
    the reviews file sits beside the corrections file."""
    corrections = Path(os.environ.get("OGI_CORRECTIONS") or Path(raw_dir) / TEAM_RECORDS[0])
    return corrections, corrections.with_name(TEAM_RECORDS[1])


@cache
def _codes(seed: str) -> frozenset[str]:
    with open(SEED_DIR / f"{seed}.csv", encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        return frozenset(row[0] for row in reader)


def parse_dims(text: str) -> dict[str, str]:
    """`proceeding=admin_review,result=total` → {'proceeding': 'admin_review', 'result': 'total'};
    raises ValueError naming what is wrong."""
    dims: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, sep, code = (s.strip() for s in part.partition("="))
        if not sep or not code:
            raise ValueError(f"dimension {part!r} is not name=code")
        if name not in _DIM_SEEDS:
            raise ValueError(f"unknown dimension {name!r} (one of {', '.join(_DIM_SEEDS)})")
        if code not in _codes(_DIM_SEEDS[name]):
            raise ValueError(f"{code!r} is not a {name} code of the catalog (docs/catalog.md)")
        if name in dims:
            raise ValueError(f"dimension {name!r} given twice")
        dims[name] = code
    return dict(sorted(dims.items()))


def format_dims(dims: dict[str, str]) -> str:
    return ",".join(f"{name}={code}" for name, code in sorted(dims.items()))


def check_indicator(code: str) -> str:
    if code not in _codes("indicators"):
        raise ValueError(f"unknown indicator {code!r} (docs/catalog.md)")
    return code


def parse_value(text: str) -> float | None:
    if text.strip() == NOT_STATED:
        return None
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"value {text!r} is neither a number nor {NOT_STATED!r}") from None
    if not math.isfinite(value):
        raise ValueError(f"value {text!r} is not a finite number")
    return value


def format_value(value: float | None) -> str:
    if value is None:
        return NOT_STATED
    return str(int(value)) if value.is_integer() else repr(value)


def _sha(text: str) -> str:
    if not _SHA256.fullmatch(text):
        raise ValueError(f"sha256 {text!r} is not 64 lowercase hex digits")
    return text


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"when {text!r} is not a date (YYYY-MM-DD)") from None


def _required(row: dict[str, str], column: str) -> str:
    value = row[column].strip()
    if not value:
        raise ValueError(f"{column} is empty")
    return value


def _rows(path: Path, columns: tuple[str, ...]):
    """(line number, row) for each data line of a record file; [] when the file does not exist."""
    if not path.exists():
        return
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != columns:
            raise RecordsError(f"{path} line 1: the header must be {','.join(columns)}")
        for row in reader:
            if None in row or None in row.values():
                raise RecordsError(f"{path} line {reader.line_num}: expected {len(columns)} columns")
            if any(value.strip() for value in row.values()):
                yield reader.line_num, row


def read_corrections(path: Path) -> list[Correction]:
    corrections: list[Correction] = []
    seen: dict[tuple, int] = {}
    for line, row in _rows(path, CORRECTION_COLUMNS):
        try:
            correction = Correction(
                line=line,
                sha256=_sha(_required(row, "sha256")),
                source_file=row["source_file"].strip(),
                indicator=check_indicator(_required(row, "indicator")),
                dims=parse_dims(row["dims"]),
                value=parse_value(_required(row, "value")),
                who=_required(row, "who"),
                when=_date(_required(row, "when")),
                why=_required(row, "why"),
            )
        except ValueError as error:
            raise RecordsError(f"{path} line {line}: {error}") from None
        key = (correction.sha256, correction.indicator, format_dims(correction.dims))
        if key in seen:
            raise RecordsError(f"{path} line {line}: corrects the same observation as line {seen[key]}; keep one")
        seen[key] = line
        corrections.append(correction)
    return corrections


def read_reviews(path: Path) -> list[Review]:
    reviews = []
    for line, row in _rows(path, REVIEW_COLUMNS):
        try:
            state = _required(row, "state")
            if state not in REVIEW_STATES:
                raise ValueError(f"state {state!r} is not one of {', '.join(REVIEW_STATES)}")
            reviews.append(Review(line, _sha(_required(row, "sha256")), row["source_file"].strip(), state,
                                  _required(row, "who"), _date(_required(row, "when")), row["note"].strip()))
        except ValueError as error:
            raise RecordsError(f"{path} line {line}: {error}") from None
    return reviews


def _append(path: Path, columns: tuple[str, ...], row: dict[str, str]) -> int:
    """Append one row (writing the header first into a new file); return its line number."""
    new = not path.exists() or path.stat().st_size == 0
    lines = 0 if new else len(path.read_text(encoding="utf-8-sig").splitlines())
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        if new:
            writer.writeheader()
            lines = 1
        writer.writerow(row)
    return lines + 1


def append_correction(path: Path, correction: Correction) -> int:
    """Append a correction after checking the file as it stands would still be read with it."""
    existing = read_corrections(path)
    key = (correction.sha256, correction.indicator, format_dims(correction.dims))
    for other in existing:
        if (other.sha256, other.indicator, format_dims(other.dims)) == key:
            raise RecordsError(f"{path} line {other.line} already corrects this observation; edit that line")
    return _append(path, CORRECTION_COLUMNS, {
        "sha256": correction.sha256, "source_file": correction.source_file, "indicator": correction.indicator,
        "dims": format_dims(correction.dims),
        "value": format_value(correction.value),
        "who": correction.who, "when": correction.when.isoformat(), "why": correction.why,
    })


def append_review(path: Path, review: Review) -> int:
    read_reviews(path)
    return _append(path, REVIEW_COLUMNS, {
        "sha256": review.sha256, "source_file": review.source_file, "state": review.state,
        "who": review.who, "when": review.when.isoformat(), "note": review.note,
    })
