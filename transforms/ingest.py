"""From a folder of raw files to staged rows: discover, hash, decode, parse.

Pure Python (no Dagster): the orchestration layer calls `discover` and `process_contents`, and loads
the Arrow batches the latter yields. A file's identity is its sha256, so a content seen before (with
the same parser version) is never decoded or parsed again, and identical copies are parsed once.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from transforms.decode import Rejected, check_is_report, decode_bytes
from transforms.frames import StagedBatch, batch_from_results
from transforms.parse import PARSER_VERSION, parse_report
from transforms.model import ParsedReport

_HASH_CHUNK = 1 << 20


@dataclass(frozen=True)
class RawFile:
    source_file: str  # relative to the raw folder, '/'-separated
    path: Path
    sha256: str | None  # None when the file was not read
    size_bytes: int
    skip_reason: str | None = None
    skip_detail: str | None = None


@dataclass(frozen=True)
class ContentResult:
    """What became of one distinct content: a parsed report, or a rejection with its reason."""

    sha256: str
    parser_version: str
    status: str  # 'parsed' | 'rejected'
    reason: str | None = None
    detail: str | None = None
    encoding: str | None = None
    source_format: str | None = None
    text: str | None = None
    parsed: ParsedReport | None = None


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except ValueError:
        return False
    return True


def discover(root: Path, max_file_bytes: int) -> list[RawFile]:
    """Every regular file under `root`, sorted by relative path, hashed by streaming.

    Links are not followed out of the folder: a linked file that resolves outside it is listed (so it
    is accounted for) but never read.
    """
    root = root.resolve()
    found: list[RawFile] = []
    for directory, subdirs, names in os.walk(root, followlinks=False):
        subdirs.sort()
        # os.walk lists links to folders among the folders and never descends into them; one that
        # leads out of the raw folder is still accounted for.
        linked_dirs = [name for name in subdirs if (Path(directory) / name).is_symlink()]
        for name in sorted(names) + linked_dirs:
            path = Path(directory) / name
            relative = path.relative_to(root).as_posix()
            if not _inside(path, root):
                found.append(
                    RawFile(relative, path, None, 0, "outside_raw_folder",
                            f"a link to {path.resolve()}, outside the raw folder; not read")
                )
                continue
            if not path.is_file():
                continue
            size = path.stat().st_size
            sha = _sha256_of(path)
            if size > max_file_bytes:
                found.append(
                    RawFile(relative, path, sha, size, "too_large",
                            f"{size} bytes is above the limit of {max_file_bytes} bytes (OGI_MAX_FILE_BYTES)")
                )
            else:
                found.append(RawFile(relative, path, sha, size))
    found.sort(key=lambda raw: raw.source_file)
    return found


def process_content(sha256: str, path: Path) -> ContentResult:
    """Decode and parse one file's content; every failure becomes a rejection with a reason."""
    try:
        decoded = decode_bytes(path.read_bytes())
        check_is_report(decoded.text)
    except Rejected as rejected:
        return ContentResult(sha256, PARSER_VERSION, "rejected", rejected.reason, rejected.detail)
    except OSError as error:
        return ContentResult(sha256, PARSER_VERSION, "rejected", "unreadable", f"could not read the file: {error}")
    try:
        parsed = parse_report(decoded.text)
    except Exception as error:  # a parser bug must quarantine one file, not stop the build
        return ContentResult(
            sha256, PARSER_VERSION, "rejected", "parse_error",
            f"the parser failed ({type(error).__name__}: {error}); please report this file",
            decoded.encoding, decoded.source_format, decoded.text,
        )
    return ContentResult(
        sha256, PARSER_VERSION, "parsed", None, None,
        decoded.encoding, decoded.source_format, decoded.text, parsed,
    )


def _process_chunk(items: list[tuple[str, Path]]) -> StagedBatch:
    return batch_from_results([process_content(sha, path) for sha, path in items])


def _chunks(items: list[tuple[str, Path]], size: int) -> Iterator[list[tuple[str, Path]]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def process_contents(
    items: Iterable[tuple[str, Path]], workers: int = 1, chunk_size: int = 200
) -> Iterator[StagedBatch]:
    """Staged Arrow batches for (sha256, path) pairs, `chunk_size` contents at a time.

    Memory stays bounded by the chunk, not the corpus. With `workers` > 1 the chunks are parsed in
    that many processes (parsing is CPU-bound pure Python).
    """
    chunks = list(_chunks(list(items), chunk_size))
    if workers <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield _process_chunk(chunk)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_process_chunk, chunks)
