"""The one walk of a raw folder, for the build's inventory (`discover`) and the sensor (`fingerprint`).

Both see the same entries: every regular file under the folder, sorted by relative path, and every
link that leads out of it, listed (so that it is accounted for) but never read or followed.
"""
from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from ogi.transforms.manifest import read_manifest
from ogi.warehouse.team_records import TEAM_RECORDS

_HASH_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Entry:
    """One file the walk found: a regular file with its size and modification time, or a link out of
    the folder (`outside` names where it leads; size and time are then 0)."""

    relative: str  # relative to the raw folder, '/'-separated
    size_bytes: int = 0
    mtime_ns: int = 0
    outside: str | None = None


@dataclass(frozen=True)
class RawFile:
    source_file: str  # relative to the raw folder, '/'-separated
    sha256: str | None  # None when the file was not read
    size_bytes: int
    mtime_ns: int = 0
    skip_reason: str | None = None
    skip_detail: str | None = None
    source_url: str | None = None  # from the manifest beside the raw folder (transforms.manifest)
    fetched_at: datetime | None = None


def _outside(link: str, root: str) -> bool:
    return os.path.commonpath([os.path.realpath(link), root]) != root


def walk(root: Path) -> list[Entry]:
    """Every entry under `root`, sorted by relative path."""
    top = str(root.resolve())
    prefix = os.path.join(top, "")  # with its trailing separator
    found: list[Entry] = []
    # Plain strings and os.path: Path objects and resolving every file took half of the listing's
    # time. os.walk never descends into a link to a folder, so only a link can lead outside.
    for directory, subdirs, names in os.walk(top, followlinks=False):
        subdirs.sort()
        # os.walk lists links to folders among the folders; one that leads out of the raw folder
        # is still accounted for.
        linked_dirs = [name for name in subdirs if os.path.islink(os.path.join(directory, name))]
        for name in names + linked_dirs:
            path = os.path.join(directory, name)
            relative = path[len(prefix):].replace(os.sep, "/")
            if os.path.islink(path) and _outside(path, top):
                found.append(Entry(relative, outside=os.path.realpath(path)))
                continue
            try:
                status = os.stat(path)
            except OSError:  # a dangling link, or a file removed while the walk went on
                continue
            if stat.S_ISREG(status.st_mode):
                found.append(Entry(relative, status.st_size, status.st_mtime_ns))
    found.sort(key=lambda entry: entry.relative)
    return found


def _sha256_of(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def discover(
    root: Path, max_file_bytes: int, known: dict[str, tuple[int, int, str]] | None = None
) -> list[RawFile]:
    """Every entry of the walk but the team's records at the top (warehouse/team_records.py),
    hashed by streaming.

    `known` maps a relative path to the (size, mtime_ns, sha256) of the previous listing: a file whose
    size and modification time did not change keeps its hash without being read again (as make and
    rsync decide). Each file gets its address and fetch time from the manifest beside the folder, if
    there is one (`transforms.manifest`).
    """
    known = known or {}
    top = root.resolve()
    found: list[RawFile] = []
    for entry in walk(root):
        if entry.relative in TEAM_RECORDS:
            continue
        if entry.outside is not None:
            found.append(RawFile(entry.relative, None, 0, 0, "outside_raw_folder",
                                 f"a link to {entry.outside}, outside the raw folder; not read"))
            continue
        size, mtime = entry.size_bytes, entry.mtime_ns
        previous = known.get(entry.relative)
        sha = previous[2] if previous and previous[:2] == (size, mtime) else _sha256_of(f"{top}/{entry.relative}")
        if size > max_file_bytes:
            found.append(RawFile(entry.relative, sha, size, mtime, "too_large",
                                 f"{size} bytes is above the limit of {max_file_bytes} bytes (OGI_MAX_FILE_BYTES)"))
        else:
            found.append(RawFile(entry.relative, sha, size, mtime))
    manifest = read_manifest(root)
    if manifest:
        found = [
            replace(raw, source_url=entry.source_url, fetched_at=entry.fetched_at)
            if (entry := manifest.get(raw.source_file)) else raw
            for raw in found
        ]
    return found


def fingerprint(root: Path) -> str:
    """A digest of every entry's relative path, size and modification time (no file is read). The
    team's records count: a build applies them, so a new correction is a change to build."""
    digest = hashlib.sha256()
    for entry in walk(root):
        digest.update(f"{entry.relative}\0{entry.size_bytes}\0{entry.mtime_ns}\0{entry.outside or ''}\n".encode())
    return digest.hexdigest()
