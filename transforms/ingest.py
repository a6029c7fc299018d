"""From a folder of raw files to staged rows: discover, hash, decode, parse.

Pure Python (no Dagster): the orchestration layer calls `discover` and `process_contents`, and loads
the Arrow batches the latter yields. A file's identity is its sha256, so a content seen before (with
the same parser version) is never decoded or parsed again, and identical copies are parsed once.
"""
from __future__ import annotations

import ctypes
import gc
import hashlib
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from transforms import gazetteer
from transforms.decode import Rejected, check_is_report, decode_bytes
from transforms.frames import StagedBatch, batch_from_results
from transforms.manifest import read_manifest
from transforms.parse import PARSER_VERSION, parse_report
from transforms.model import ParsedReport

_HASH_CHUNK = 1 << 20
# The team's own records at the top of a raw folder (warehouse/team_records.py): version-controlled
# with the reports, but never reports themselves, so the walk does not list them.
TEAM_RECORDS = ("corrections.csv", "reviews.csv")
_PR_SET_PDEATHSIG = 1


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
    page_starts: tuple[int, ...] = ()  # where each page starts in `text` (PDFs and scans)
    source_url: str | None = None  # the address a saved HTML page states for itself
    page_date: date | None = None  # the publication date it states in its chrome
    ocr_confidence: float | None = None  # mean character confidence (0–1) when OCR read the text


def _sha256_of(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _outside(link: str, root: str) -> bool:
    return os.path.commonpath([os.path.realpath(link), root]) != root


def discover(
    root: Path, max_file_bytes: int, known: dict[str, tuple[int, int, str]] | None = None
) -> list[RawFile]:
    """Every regular file under `root` but the TEAM_RECORDS at its top, sorted by relative path,
    hashed by streaming.

    `known` maps a relative path to the (size, mtime_ns, sha256) of the previous listing: a file whose
    size and modification time did not change keeps its hash without being read again (as make and
    rsync decide). Each file gets its address and fetch time from the manifest beside the folder, if
    there is one (`transforms.manifest`). Links are not followed out of the folder: a linked file that resolves outside it is
    listed (so it is accounted for) but never read.
    """
    known = known or {}
    top = str(root.resolve())
    prefix = os.path.join(top, "")  # with its trailing separator
    found: list[RawFile] = []
    # Plain strings and os.path: Path objects and resolving every file took half of the listing's
    # time. os.walk never descends into a link to a folder, so only a link can lead outside.
    for directory, subdirs, names in os.walk(top, followlinks=False):
        subdirs.sort()
        # os.walk lists links to folders among the folders; one that leads out of the raw folder
        # is still accounted for.
        linked_dirs = [name for name in subdirs if os.path.islink(os.path.join(directory, name))]
        for name in sorted(names) + linked_dirs:
            if directory == top and name in TEAM_RECORDS:
                continue
            path = os.path.join(directory, name)
            relative = path[len(prefix):].replace(os.sep, "/")
            if os.path.islink(path) and _outside(path, top):
                found.append(
                    RawFile(relative, None, 0, 0, "outside_raw_folder",
                            f"a link to {os.path.realpath(path)}, outside the raw folder; not read")
                )
                continue
            if not os.path.isfile(path):
                continue
            stat = os.stat(path)
            size, mtime = stat.st_size, stat.st_mtime_ns
            previous = known.get(relative)
            sha = previous[2] if previous and previous[:2] == (size, mtime) else _sha256_of(path)
            if size > max_file_bytes:
                found.append(
                    RawFile(relative, sha, size, mtime, "too_large",
                            f"{size} bytes is above the limit of {max_file_bytes} bytes (OGI_MAX_FILE_BYTES)")
                )
            else:
                found.append(RawFile(relative, sha, size, mtime))
    found.sort(key=lambda raw: raw.source_file)
    manifest = read_manifest(root)
    if manifest:
        found = [
            replace(raw, source_url=entry.source_url, fetched_at=entry.fetched_at)
            if (entry := manifest.get(raw.source_file)) else raw
            for raw in found
        ]
    return found


# A text report takes well under a second to decode and parse, a scan some 2 s a page of OCR; a file
# that holds a worker for this long is pathological (a PDF whose pages PDFium grinds through, junk
# that makes a pattern backtrack, a 300-page scan) and is quarantined instead of stalling the build.
FILE_SECONDS = 600.0


class _OverTime(BaseException):
    """Raised by the timer; a BaseException, so that the parser's `except Exception` lets it through."""


def _over_time(signum: int, frame: object) -> None:
    raise _OverTime


def process_content(sha256: str, path: str) -> ContentResult:
    """Decode and parse one file's content; every failure becomes a rejection with a reason, and so
    does taking more than FILE_SECONDS (timed where a timer signal can be had: the main thread of a
    process on a POSIX system, as in parse workers and step processes)."""
    timed = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not timed:
        return _process_content(sha256, path)
    previous = signal.signal(signal.SIGALRM, _over_time)
    signal.setitimer(signal.ITIMER_REAL, FILE_SECONDS)
    try:
        return _process_content(sha256, path)
    except _OverTime:
        return ContentResult(
            sha256, PARSER_VERSION, "rejected", "time_limit",
            f"decoding and parsing it took more than {FILE_SECONDS:g} s; please report this file",
        )
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _process_content(sha256: str, path: str) -> ContentResult:
    try:
        with open(path, "rb") as handle:
            decoded = decode_bytes(handle.read())
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
        decoded.encoding, decoded.source_format, decoded.text, parsed, decoded.page_starts,
        decoded.source_url, decoded.page_date, decoded.ocr_confidence,
    )


def die_with_parent() -> None:
    """This process ends when its parent does, even on `kill -9` (Linux; elsewhere a no-op): parse
    workers with their step, steps with the run that started them."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _process_chunk(items: list[tuple[str, str]]) -> StagedBatch:
    return batch_from_results([process_content(sha, path) for sha, path in items])


def _chunks(items: list[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def process_contents(
    items: Iterable[tuple[str, str]], workers: int = 1, chunk_size: int = 200
) -> Iterator[StagedBatch]:
    """Staged Arrow batches for (sha256, file path) pairs, `chunk_size` contents at a time.

    Memory stays bounded by the chunk, not the corpus. With `workers` > 1 the chunks are parsed in
    that many processes (parsing is CPU-bound pure Python), with at most one chunk per worker waiting
    beyond those being parsed: results are handed on in order, and a slow consumer does not make
    finished batches pile up.
    """
    chunks = list(_chunks(list(items), chunk_size))
    if workers <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield _process_chunk(chunk)
        return
    # Workers are forked: they share this process's memory until they write to it, and the garbage
    # collector writes to every object it visits. Frozen objects are never visited, so a worker does
    # not copy the caller's heap (which grows with the corpus: the file listing, the work list).
    # The organ recogniser (the gazetteer and its automaton, ~0.4 s) is built once here, shared.
    gazetteer.load().mentions("")
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent) as pool:
            in_flight: deque[Future[StagedBatch]] = deque()
            for chunk in chunks:
                in_flight.append(pool.submit(_process_chunk, chunk))
                if len(in_flight) > 2 * workers:
                    yield in_flight.popleft().result()
            while in_flight:
                yield in_flight.popleft().result()
    finally:
        gc.unfreeze()
