"""What a build was made of, so that `ogi build` with nothing changed is a check, not a build.

After a build that succeeded, `ogi build` writes ``<warehouse>.inputs.json`` beside the warehouse: a
digest of everything the published version was made from — each raw file (path, sha256, size, the
day of its modification time, its manifest address), the parser version (the code's and the
grammar's fingerprint, `ogi.transforms.parse.PARSER_VERSION`), the team's corrections.csv and
reviews.csv, the project's own code and data (its files' sizes and modification times), the size
limit and the folders — together with the identity of the published file it describes. The next
`ogi build` computes the same digest before it imports Dagster; if it is equal and the published
file is the one the record names, nothing is built.

What keeps this safe:
- The record names the published file by inode, size and modification time: any other writer of
  the warehouse (a run from the UI, a schedule, the sensor, with whatever config it was given)
  replaces that file, so the record no longer applies and the next `ogi build` builds.
- The digest is computed before the build and written after it: a file that changes while the
  build runs makes the next digest differ, so that build is redone rather than skipped.
- A file touched without a change of content is hashed again (its size or time changed) and found
  equal; only the day of its modification time counts, as dim_report.sql uses that day as the
  publication date of a report that states none.
- Exports and the HTML report must still be where the build left them.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ogi.orchestration.ingestion.walk import RawFile, discover
from ogi.transforms.parse import PARSER_VERSION
from ogi.warehouse.settings import REPORT_FILE
from ogi.warehouse.team_records import records_paths

# Bumped when the record's layout or what the digest covers changes: older records then never match.
_FORMAT = 1
# The project's code and data, whose change can change any table: the folders of the three
# packages, wherever they are installed.
_CODE = tuple(Path(__file__).resolve().parent.parent / package for package in ("transforms", "warehouse", "orchestration"))
# Files of the exports folder a build writes last; a record is stale without them.
_OUTPUTS = (REPORT_FILE, "datapackage.json")


def record_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".inputs.json")


@dataclass(frozen=True)
class Inputs:
    """The inputs of a build as they are now."""

    digest: str
    files: list[RawFile]

    @property
    def contents(self) -> int:
        """Distinct contents the build parses or reuses (files not skipped, copies counted once)."""
        return len({raw.sha256 for raw in self.files if raw.skip_reason is None})


def _stat_key(path: Path) -> list[int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns]


def _file_sha(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def _code_listing() -> list[tuple[str, int, int]]:
    listing = []
    for top in _CODE:
        for directory, subdirs, names in os.walk(top):
            subdirs[:] = sorted(name for name in subdirs if name != "__pycache__")
            for name in sorted(names):
                stat = os.stat(os.path.join(directory, name))
                listing.append((os.path.join(directory, name), stat.st_size, stat.st_mtime_ns))
    return listing


def _mtime_day(mtime_ns: int) -> str:
    return datetime.fromtimestamp(mtime_ns / 1e9, timezone.utc).date().isoformat()


def _known(warehouse: Path) -> dict[str, tuple[int, int, str]]:
    """The hashes of the last record, so that unchanged files are not read again (as discover does)."""
    try:
        record = json.loads(record_path(warehouse).read_text(encoding="utf-8"))
        return {name: tuple(entry) for name, entry in record["known"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def current(warehouse: Path, raw: Path, export_dir: Path, max_file_bytes: int) -> Inputs:
    """The digest of a build's inputs now; reads only the raw files whose size or time changed."""
    files = discover(raw, max_file_bytes, _known(warehouse))
    corrections, reviews = records_paths(raw)
    described = {
        "format": _FORMAT,
        "parser_version": PARSER_VERSION,
        "code": _code_listing(),
        "raw_folder": str(raw),
        "export_dir": str(export_dir),
        "max_file_bytes": max_file_bytes,
        "corrections": [str(corrections), _file_sha(corrections)],
        "reviews": [str(reviews), _file_sha(reviews)],
        "files": [
            [raw_file.source_file, raw_file.sha256, raw_file.size_bytes, _mtime_day(raw_file.mtime_ns),
             raw_file.skip_reason, raw_file.skip_detail, raw_file.source_url, str(raw_file.fetched_at)]
            for raw_file in files
        ],
    }
    digest = hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()
    return Inputs(digest, files)


def _identity(warehouse: Path, export_dir: Path) -> dict:
    return {
        "warehouse": _stat_key(warehouse),
        "outputs": {name: _stat_key(export_dir / name) for name in _OUTPUTS},
    }


def unchanged(warehouse: Path, export_dir: Path, inputs: Inputs) -> bool:
    """Whether the published warehouse was built from exactly these inputs, its outputs in place."""
    try:
        record = json.loads(record_path(warehouse).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    identity = _identity(warehouse, export_dir)
    return (
        record.get("digest") == inputs.digest
        and identity["warehouse"] is not None
        and None not in identity["outputs"].values()
        and record.get("identity") == identity
    )


def save(warehouse: Path, export_dir: Path, inputs: Inputs) -> None:
    """Record `inputs` as those of the published warehouse as it is now (after a build, or after a
    check that found them unchanged: the files' times then are today's). Written whole, then renamed."""
    record = {
        "digest": inputs.digest,
        "identity": _identity(warehouse, export_dir),
        "known": {raw.source_file: [raw.size_bytes, raw.mtime_ns, raw.sha256] for raw in inputs.files
                  if raw.sha256 is not None},
    }
    path = record_path(warehouse)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(record), encoding="utf-8")
    os.replace(partial, path)

