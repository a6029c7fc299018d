"""Arrow tables of staged rows, with the same columns as warehouse/sql/stg_*.sql.

Parsed results travel to DuckDB as Arrow batches (no row-at-a-time inserts).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyarrow as pa

from transforms.model import DIMENSIONS

if TYPE_CHECKING:
    from transforms.ingest import ContentResult

CONTENT_SCHEMA = pa.schema([
    ("sha256", pa.string()),
    ("parser_version", pa.string()),
    ("status", pa.string()),
    ("reason", pa.string()),
    ("detail", pa.string()),
    ("encoding", pa.string()),
    ("source_format", pa.string()),
    ("text", pa.string()),
])

REPORT_SCHEMA = pa.schema([
    ("sha256", pa.string()),
    ("parser_version", pa.string()),
    ("body_name", pa.string()),
    ("body_level", pa.string()),
    ("county", pa.string()),
    ("prefecture", pa.string()),
    ("province", pa.string()),
    ("report_year", pa.int32()),
    ("format_code", pa.string()),
    ("regime", pa.string()),
    ("publish_date", pa.date32()),
    ("is_truncated", pa.bool_()),
    ("n_observations", pa.int32()),
    ("flags", pa.list_(pa.string())),
    ("sections", pa.list_(pa.string())),
    ("period_start", pa.date32()),
    ("period_end", pa.date32()),
    ("table_rows", pa.list_(pa.string())),
])

OBSERVATION_SCHEMA = pa.schema([
    ("sha256", pa.string()),
    ("obs_seq", pa.int32()),
    ("indicator_code", pa.string()),
    *((dim, pa.string()) for dim in DIMENSIONS),
    ("value", pa.float64()),
    ("unit", pa.string()),
    ("is_approximate", pa.bool_()),
    ("evidence", pa.string()),
    ("span_start", pa.int32()),
    ("span_end", pa.int32()),
    ("confidence", pa.float64()),
    ("method", pa.string()),
    ("raw_label", pa.string()),
    ("parser_version", pa.string()),
])


@dataclass(frozen=True)
class StagedBatch:
    contents: pa.Table
    reports: pa.Table
    observations: pa.Table


def batch_from_results(results: list[ContentResult]) -> StagedBatch:
    contents, reports, observations = [], [], []
    for result in results:
        contents.append({name: getattr(result, name) for name in CONTENT_SCHEMA.names})
        if result.parsed is None:
            continue
        meta, structure = result.parsed.meta, result.parsed.structure
        reports.append({
            "sha256": result.sha256,
            "parser_version": result.parser_version,
            "body_name": meta.body_name,
            "body_level": meta.body_level,
            "county": meta.county,
            "prefecture": meta.prefecture,
            "province": meta.province,
            "report_year": meta.report_year,
            "format_code": meta.format_code,
            "regime": meta.regime,
            "publish_date": meta.publish_date,
            "is_truncated": meta.is_truncated,
            "n_observations": len(result.parsed.observations),
            "flags": list(result.parsed.flags),
            "sections": list(structure.sections),
            "period_start": structure.period_start,
            "period_end": structure.period_end,
            "table_rows": list(structure.table_rows),
        })
        for seq, obs in enumerate(result.parsed.observations):
            row = {name: getattr(obs, name) for name in OBSERVATION_SCHEMA.names if hasattr(obs, name)}
            row.update(sha256=result.sha256, obs_seq=seq, parser_version=result.parser_version)
            observations.append(row)
    return StagedBatch(
        pa.Table.from_pylist(contents, schema=CONTENT_SCHEMA),
        pa.Table.from_pylist(reports, schema=REPORT_SCHEMA),
        pa.Table.from_pylist(observations, schema=OBSERVATION_SCHEMA),
    )


INVENTORY_SCHEMA = pa.schema([
    ("source_file", pa.string()),
    ("sha256", pa.string()),
    ("size_bytes", pa.int64()),
    ("mtime_ns", pa.int64()),
    ("skip_reason", pa.string()),
    ("skip_detail", pa.string()),
])


def inventory_table(files: list) -> pa.Table:
    """The raw folder listing (a list of `transforms.ingest.RawFile`) as rows of staging.stg_file."""
    return pa.Table.from_pylist(
        [{name: getattr(raw, name) for name in INVENTORY_SCHEMA.names} for raw in files],
        schema=INVENTORY_SCHEMA,
    )
