"""The optional manifest of a raw folder: where each file came from and when it was fetched.

A crawler or a researcher can put `manifest.csv` or `manifest.jsonl` beside the raw folder (in its
parent folder). Each row (a CSV row under a header, or a JSON object per line) names a file by
`path`, relative to the raw folder and '/'-separated, with its `source_url` and `fetched_at` (ISO
8601; a time without an offset is taken as UTC). Other columns are ignored; rows naming no file
in the folder are ignored, since a crawl log lists more than was kept; of two rows for one path
the later (a re-fetch) wins.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

NAMES = ("manifest.csv", "manifest.jsonl")


class ManifestError(ValueError):
    """A manifest that cannot be read, with the line to fix."""


@dataclass(frozen=True)
class Provenance:
    source_url: str | None
    fetched_at: datetime | None


def manifest_path(root: Path) -> Path | None:
    found = [root.parent / name for name in NAMES if (root.parent / name).is_file()]
    if len(found) > 1:
        raise ManifestError(f"both {found[0]} and {found[1]} exist beside the raw folder; keep one")
    return found[0] if found else None


def _timestamp(value: str, where: str) -> datetime | None:
    if not value.strip():
        return None
    try:
        stamp = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ManifestError(f"{where}: fetched_at {value!r} is not an ISO 8601 date or time") from None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=timezone.utc)


def _rows(path: Path) -> list[tuple[str, dict]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        if path.suffix == ".csv":
            reader = csv.DictReader(handle)
            if not reader.fieldnames or "path" not in reader.fieldnames:
                raise ManifestError(f"{path}: the header must name a 'path' column")
            return [(f"{path}, line {reader.line_num}", row) for row in reader]
        rows = []
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise ManifestError(f"{path}, line {number}: not JSON ({error.msg})") from None
            if not isinstance(row, dict) or not isinstance(row.get("path"), str):
                raise ManifestError(f"{path}, line {number}: an object with a 'path' string is expected")
            rows.append((f"{path}, line {number}", row))
        return rows


def read_manifest(root: Path) -> dict[str, Provenance]:
    """Provenance by source_file (relative path); empty when there is no manifest."""
    path = manifest_path(root)
    if path is None:
        return {}
    found: dict[str, Provenance] = {}
    for where, row in _rows(path):
        relative = str(row.get("path") or "").strip().replace("\\", "/").removeprefix("./")
        if not relative:
            raise ManifestError(f"{where}: the path is empty")
        url = str(row.get("source_url") or "").strip() or None
        found[relative] = Provenance(url, _timestamp(str(row.get("fetched_at") or ""), where))
    return found
