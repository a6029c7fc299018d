"""Arrow tables of staged rows, with the columns transforms/staged.py declares.

Parsed results travel to DuckDB as Arrow batches (no row-at-a-time inserts).
"""
from __future__ import annotations

import dataclasses
from bisect import bisect_right
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING

import pyarrow as pa

from ogi.transforms import staged
from ogi.transforms.model import Observation

if TYPE_CHECKING:
    from ogi.transforms.content import ContentResult

CONTENT_SCHEMA = staged.CONTENT.schema
REPORT_SCHEMA = staged.REPORT.schema
OBSERVATION_SCHEMA = staged.OBSERVATION.schema


@dataclass(frozen=True)
class StagedBatch:
    contents: pa.Table
    reports: pa.Table
    observations: pa.Table


# The observation columns an Observation carries (the others are the content's: sha256, obs_seq,
# parser_version), read with one C-level attrgetter per observation.
_OBSERVATION_FIELDS = tuple(name for name in OBSERVATION_SCHEMA.names if name in Observation.__dataclass_fields__)
_observation_values = attrgetter(*_OBSERVATION_FIELDS)
_content_values = attrgetter(*CONTENT_SCHEMA.names)


def _columns(rows: list[tuple], names: tuple[str, ...]) -> dict[str, list]:
    """Row tuples as one list per column (empty lists when there are no rows)."""
    return dict(zip(names, map(list, zip(*rows)))) if rows else {name: [] for name in names}


def batch_from_results(results: list[ContentResult]) -> StagedBatch:
    contents = [_content_values(result) for result in results]
    reports, observations, keys, pages = [], [], [], []
    for result in results:
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
            "flags": [dataclasses.asdict(flag) for flag in result.parsed.flags],
            "sections": list(structure.sections),
            "period_start": structure.period_start,
            "period_end": structure.period_end,
            "table_rows": list(structure.table_rows),
        })
        observations.extend(map(_observation_values, result.parsed.observations))
        keys.extend((result.sha256, seq, result.parser_version) for seq in range(len(result.parsed.observations)))
        # The page (1-based) where the evidence starts; null for formats without pages.
        starts = result.page_starts
        pages.extend(
            (bisect_right(starts, obs.span_start) if starts else None,) for obs in result.parsed.observations)
    observation_columns = {
        **_columns(observations, _OBSERVATION_FIELDS),
        **_columns(keys, ("sha256", "obs_seq", "parser_version")),
        **_columns(pages, ("page",)),
    }
    return StagedBatch(
        pa.Table.from_pydict(_columns(contents, tuple(CONTENT_SCHEMA.names)), schema=CONTENT_SCHEMA),
        pa.Table.from_pylist(reports, schema=REPORT_SCHEMA),
        pa.Table.from_pydict(observation_columns, schema=OBSERVATION_SCHEMA),
    )


INVENTORY_SCHEMA = staged.FILE.schema


def inventory_table(files: list) -> pa.Table:
    """The raw folder listing (a list of `ogi.orchestration.ingestion.walk.RawFile`) as rows of staging.stg_file."""
    return pa.Table.from_pylist(
        [{name: getattr(raw, name) for name in INVENTORY_SCHEMA.names} for raw in files],
        schema=INVENTORY_SCHEMA,
    )
