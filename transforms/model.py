"""The records that parsing produces: one report's metadata and its observations.

Offsets are character offsets into the *decoded source text* (the text after byte decoding, before
any normalisation), end exclusive, so that ``source[span_start:span_end] == evidence`` always holds.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter

# Dimension columns of an observation, in the order of marts.fct_observation.
DIMENSIONS = (
    "channel_code",
    "applicant_code",
    "outcome_code",
    "proceeding_code",
    "result_code",
    "doc_type_code",
    "matter_code",
)


@dataclass(frozen=True, slots=True)
class Observation:
    indicator_code: str
    value: float
    span_start: int
    span_end: int
    evidence: str
    unit: str | None = None
    is_approximate: bool = False
    confidence: float = 1.0
    # How it was matched, provenance for audits: a code of warehouse/seeds/methods.csv (prose, zero,
    # table, stat_row), and which rule of that method (e.g. "req_received", "F19:t3"; "" for none).
    method: str = ""
    method_rule: str = ""
    channel_code: str | None = None
    applicant_code: str | None = None
    outcome_code: str | None = None
    proceeding_code: str | None = None
    result_code: str | None = None
    doc_type_code: str | None = None
    matter_code: str | None = None
    # The row label as written, for `local_extension` observations and table cells.
    raw_label: str | None = None

    def key(self) -> tuple:
        """One value per key (labeling rule 3): indicator plus every dimension."""
        return _key_of(self)


_key_of = attrgetter("indicator_code", *DIMENSIONS)


@dataclass(frozen=True, slots=True)
class Flag:
    """A contradiction or doubt found while parsing; kept, never "fixed". `code` is one of
    warehouse/seeds/flags.csv; a flag about one figure names its observation key."""

    code: str  # conflict | req_balance | pd_channels
    detail: str  # what a person reads, e.g. "conflict pd_items_total []: stated [3.0, 4.0], kept 3"
    indicator_code: str | None = None
    channel_code: str | None = None
    applicant_code: str | None = None
    outcome_code: str | None = None
    proceeding_code: str | None = None
    result_code: str | None = None
    doc_type_code: str | None = None
    matter_code: str | None = None


@dataclass(frozen=True)
class ReportMeta:
    body_name: str | None
    body_level: str | None  # town | county | city | province | department
    county: str | None
    prefecture: str | None
    province: str | None
    report_year: int | None  # the statistics year
    format_code: str  # F21 | F19 | T14 | L08 | N
    regime: str | None  # R07 (data years <= 2018) | R19 (>= 2019)
    publish_date: date | None
    is_truncated: bool


@dataclass(frozen=True)
class Structure:
    """What a report covers (ogi.transforms.completeness)."""

    sections: tuple[str, ...]  # section codes whose headings the text has
    period_start: date | None  # the statistics period as stated; None when not stated or garbled
    period_end: date | None
    table_rows: tuple[str, ...]  # headline indicators whose table-3 row label the text has


@dataclass(frozen=True)
class ParsedReport:
    meta: ReportMeta
    observations: list[Observation]
    structure: Structure
    # Contradictions and doubts found while parsing; kept, never "fixed".
    flags: list[Flag] = field(default_factory=list)
