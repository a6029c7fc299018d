"""Reporting organs → official units: Arrow tables for staging.stg_organ and staging.stg_division.

Each distinct organ question of the reports (name, level, stated parents, statistics year) is
resolved through the gazetteer once; every version of each resolved unit's lineage — and of every
township of the counties those units belong to, the organs expected to publish — becomes a row of
the division history, so a panel follows one organ across renames and re-parenting.
"""
from __future__ import annotations

from datetime import date

import pyarrow as pa

from ogi.transforms.gazetteer import load, resolve

QUESTION_COLUMNS = ("body_name", "body_level", "county", "prefecture", "province", "report_year")

ORGAN_SCHEMA = pa.schema([
    *((name, pa.int32() if name == "report_year" else pa.string()) for name in QUESTION_COLUMNS),
    ("status", pa.string()),
    ("reason", pa.string()),
    ("candidates", pa.int32()),
    ("lineage_key", pa.string()),
    ("division_code", pa.string()),
    ("official_name", pa.string()),
    ("official_level", pa.string()),
    ("official_county", pa.string()),
    ("official_prefecture", pa.string()),
    ("official_province", pa.string()),
    ("official_county_code", pa.string()),
])

DIVISION_SCHEMA = pa.schema([
    ("lineage_key", pa.string()),
    ("division_code", pa.string()),
    ("name", pa.string()),
    ("level", pa.string()),
    ("county", pa.string()),
    ("prefecture", pa.string()),
    ("province", pa.string()),
    # The statistics years this version answers for; null = open (before the earliest or after the
    # latest snapshot of the gazetteer).
    ("valid_from", pa.date32()),
    ("valid_to", pa.date32()),
])

# The gazetteer marks open interval ends with years far outside any report.
_OPEN = (-(10**4), 10**4)


def resolve_organs(questions: list[dict]) -> pa.Table:
    rows = []
    for question in questions:
        found = resolve(*(question[name] for name in QUESTION_COLUMNS))
        rows.append({
            **{name: question[name] for name in QUESTION_COLUMNS},
            "status": found.status,
            "reason": found.reason,
            "candidates": found.candidates,
            "lineage_key": found.lineage_key,
            "division_code": found.division_code,
            "official_name": found.name,
            "official_level": found.level,
            "official_county": found.county,
            "official_prefecture": found.prefecture,
            "official_province": found.province,
            "official_county_code": found.county_code,
        })
    return pa.Table.from_pylist(rows, schema=ORGAN_SCHEMA)


def county_townships(county_codes: set[str]) -> set[str]:
    """Lineages of every township that was ever under one of these county-level units: the organs
    expected to publish in the counties the corpus covers, whether or not they did."""
    return {row[5] for row in load().rows if row[3] == "town" and row[4] in county_codes}


def division_history(lineages: set[str]) -> pa.Table:
    gazetteer = load()
    rows = []
    for lineage in sorted(lineages):
        for unit in gazetteer.history(lineage):
            chain = gazetteer.chain(unit)
            rows.append({
                "lineage_key": lineage,
                "division_code": unit.code,
                "name": unit.name,
                "level": unit.level,
                "county": chain["county"].name if "county" in chain else None,
                "prefecture": chain["prefecture"].name if "prefecture" in chain else None,
                "province": chain["province"].name if "province" in chain else None,
                "valid_from": None if unit.from_year == _OPEN[0] else date(unit.from_year, 1, 1),
                "valid_to": None if unit.to_year == _OPEN[1] else date(unit.to_year, 12, 31),
            })
    return pa.Table.from_pylist(rows, schema=DIVISION_SCHEMA)
