"""The staged tables' columns, declared once.

The parse results' columns come from the dataclasses that carry them (transforms.model), plus the few
columns that staging adds (the content's key, the parser version); the Arrow schemas that parse
workers fill (transforms.frames) and the DDL of the staging tables (warehouse.staging) are both
derived from these declarations, so a field added to a dataclass reaches both.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from datetime import date, datetime

import pyarrow as pa

from ogi.transforms.model import DIMENSIONS, Observation, ParsedReport, ReportMeta, Structure

# Python annotations → Arrow types. Counts and offsets fit 32 bits; file sizes and times are
# declared as BIGINT where they are used (`Column(..., pa.int64())`).
_ARROW_TYPES: dict[object, pa.DataType] = {
    str: pa.string(),
    int: pa.int32(),
    float: pa.float64(),
    bool: pa.bool_(),
    date: pa.date32(),
    datetime: pa.timestamp("us", tz="UTC"),
}


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    nullable: bool = True

    def field(self) -> pa.Field:
        return pa.field(self.name, self.type, nullable=self.nullable)


@dataclass(frozen=True)
class StagedTable:
    name: str  # staging.<name>
    columns: tuple[Column, ...]  # what the rows handed to the loader carry
    loaded: tuple[Column, ...] = ()  # columns the loader sets (the table has them, the batches not)

    @property
    def schema(self) -> pa.Schema:
        """The Arrow schema of the batches handed to the loader."""
        return pa.schema([column.field() for column in self.columns])

    @property
    def table_columns(self) -> tuple[Column, ...]:
        """The columns of the table itself."""
        return self.columns + self.loaded


def _arrow_type(annotation: object) -> tuple[pa.DataType, bool]:
    """The Arrow type of an annotation, and whether it admits None."""
    args = typing.get_args(annotation)
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        (inner,) = [arg for arg in args if arg is not type(None)]
        return _arrow_type(inner)[0], True
    if typing.get_origin(annotation) in (tuple, list):
        return pa.list_(_arrow_type(args[0])[0]), False
    if dataclasses.is_dataclass(annotation):
        return pa.struct([column.field() for column in columns_of(annotation)]), False
    return _ARROW_TYPES[annotation], False


def columns_of(record: type, only: tuple[str, ...] | None = None) -> tuple[Column, ...]:
    """The columns of a dataclass's fields (or of the fields named in `only`, in that order), typed by
    their annotations: `str | None` is a nullable VARCHAR, `tuple[str, ...]` a VARCHAR[], a dataclass
    a STRUCT."""
    hints = typing.get_type_hints(record)
    names = only if only is not None else tuple(f.name for f in dataclasses.fields(record))
    return tuple(Column(name, *_arrow_type(hints[name])) for name in names)


# An observation's key (indicator and catalog dimensions): the staged observations and the team's
# corrections (warehouse/corrections.py) are keyed by it.
OBSERVATION_KEY = ("indicator_code", *DIMENSIONS)
KEY_COLUMNS = columns_of(Observation, OBSERVATION_KEY)

_SHA256 = Column("sha256", pa.string(), nullable=False)
_PARSER_VERSION = Column("parser_version", pa.string(), nullable=False)

# One row per distinct file content (sha256) decoded, kept across builds so that unchanged
# documents are not decoded or parsed again; `text` is what every observation's span points into.
CONTENT = StagedTable("stg_content", (
    _SHA256,
    _PARSER_VERSION,
    Column("status", pa.string(), nullable=False),  # 'parsed' | 'rejected'
    Column("reason", pa.string()),  # quarantine reason when rejected (warehouse/seeds/quarantine_reasons.csv)
    Column("detail", pa.string()),
    Column("encoding", pa.string()),
    Column("source_format", pa.string()),  # 'text' | 'html' | 'pdf' | 'ocr' | 'docx'
    Column("text", pa.string()),
    Column("source_url", pa.string()),  # the address a saved HTML page states (canonical, og:url …)
    Column("page_date", pa.date32()),  # the publication date it states (发布日期 in its chrome, PubDate)
    Column("ocr_confidence", pa.float64()),  # mean character confidence (0–1) of a scan read by OCR
), loaded=(
    # When the staging run that decoded it started (all contents of one run share it): the gate
    # check of spans reads only the last run's contents; earlier ones were checked when staged.
    Column("staged_at", pa.timestamp("us", tz="UTC")),
))

# Report metadata resolved by the parser, one row per parsed content.
REPORT = StagedTable("stg_report", (
    _SHA256,
    _PARSER_VERSION,
    *columns_of(ReportMeta),
    Column("n_observations", pa.int32(), nullable=False),
    *columns_of(ParsedReport, ("flags",)),
    *columns_of(Structure),
))

# Every number the parser extracted, with its span into stg_content.text.
OBSERVATION = StagedTable("stg_observation", (
    _SHA256,
    Column("obs_seq", pa.int32(), nullable=False),
    *KEY_COLUMNS,
    *(column for column in columns_of(Observation) if column.name not in OBSERVATION_KEY),
    _PARSER_VERSION,
    Column("page", pa.int32()),  # page of the evidence's start (1-based); null without pages
))

# The raw folder as last seen: one row per file, replaced by every build. `skip_reason` is set
# when the file is not decoded at all ('too_large', 'outside_raw_folder').
FILE = StagedTable("stg_file", (
    Column("source_file", pa.string(), nullable=False),  # relative to the raw folder, '/'-separated
    Column("sha256", pa.string()),  # null when the file was not read (skip_reason)
    Column("size_bytes", pa.int64(), nullable=False),
    Column("mtime_ns", pa.int64(), nullable=False),  # unchanged size and mtime: not hashed again
    Column("skip_reason", pa.string()),
    Column("skip_detail", pa.string()),
    Column("source_url", pa.string()),  # from the manifest beside the raw folder, if any
    Column("fetched_at", pa.timestamp("us", tz="UTC")),
))

PARSE_RESULTS = (CONTENT, REPORT, OBSERVATION)
