"""`datapackage.json` at the root of the parquet exports: a Frictionless Data Package (v2) listing
each table as a resource with its files, its description and its fields' types and descriptions,
for tools that read one (frictionless-py, R's `frictionless`) and for people.

At the root, not in each table's folder: polars refuses a folder that holds other files than its
parquet, and each parquet file carries the same descriptions in its own field metadata anyway.
"""
from __future__ import annotations

import json
from pathlib import Path

from ogi.warehouse.dictionary import Described

FILE = "datapackage.json"
_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
_RESOURCE_PROFILE = "https://datapackage.org/profiles/2.0/dataresource.json"


def field_type(duckdb_type: str) -> str:
    """The Table Schema type of a DuckDB column type."""
    kind = duckdb_type.upper()
    if kind.endswith("[]") or kind.startswith("LIST"):
        return "array"
    if kind.startswith(("STRUCT", "MAP")):
        return "object"
    if kind in {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
                "UBIGINT"}:
        return "integer"
    if kind in {"FLOAT", "DOUBLE", "REAL"} or kind.startswith("DECIMAL"):
        return "number"
    if kind == "BOOLEAN":
        return "boolean"
    if kind == "DATE":
        return "date"
    if kind.startswith("TIMESTAMP"):
        return "datetime"
    if kind == "VARCHAR":
        return "string"
    return "any"


def resource(table: str, described: Described, files: list[str], partition: str | None) -> dict:
    fields = []
    for name, data_type in described.columns:
        meaning = described.column_descriptions.get(name, "")
        field = {"name": name, "type": field_type(data_type), "description": meaning}
        if name == partition:
            field["description"] += f" (the Hive partition key: in the folder names, {name}=YYYY, not in the files)"
        fields.append(field)
    return {
        "$schema": _RESOURCE_PROFILE,
        "name": table,
        "type": "table",
        "path": files,
        "format": "parquet",
        "mediatype": "application/vnd.apache.parquet",
        "description": described.description,
        "schema": {"fields": fields},
    }


def write(out_dir: Path, warehouse: Path, resources: list[dict]) -> None:
    package = {
        "$schema": _PROFILE,
        "name": "ogi-warehouse",
        "title": "Government information disclosure annual reports: the marts of one ogi warehouse",
        "description": f"Exported from {warehouse}; data-dictionary.md beside this file lists the codes.",
        "resources": resources,
    }
    (out_dir / FILE).write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
