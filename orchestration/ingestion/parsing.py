"""What a parse step does: read, decode and parse each content of its chunk, and write the staged rows
as parquet. It never opens the DuckDB file; the load step does (orchestration/defs/ingestion.py).
"""
from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq

from ogi.orchestration.ingestion.chunks import TABLES, Chunk, ChunkParts
from ogi.transforms.content import ContentResult, rejected, result_of
from ogi.transforms.frames import CONTENT_SCHEMA, OBSERVATION_SCHEMA, REPORT_SCHEMA, batch_from_results

# A text report takes well under a second to decode and parse, a scan some 2 s a page of OCR; a file
# that holds a worker for this long is pathological (a PDF whose pages PDFium grinds through, junk
# that makes a pattern backtrack, a 300-page scan) and is quarantined instead of stalling the build.
FILE_SECONDS = 600.0
# Contents per batch (one row group of each file): a batch of decoded texts stays a few tens of MB.
_BATCH = 2000
_SCHEMAS = dict(zip(TABLES, (CONTENT_SCHEMA, REPORT_SCHEMA, OBSERVATION_SCHEMA)))


class _OverTime(BaseException):
    """Raised by the timer; a BaseException, so that the parser's `except Exception` lets it through."""


def _over_time(signum: int, frame: object) -> None:
    raise _OverTime


def _read_and_parse(sha256: str, path: str) -> ContentResult:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        return rejected(sha256, "unreadable", f"could not read the file: {error}")
    return result_of(sha256, data)


def process_content(sha256: str, path: str) -> ContentResult:
    """One file's content decoded and parsed; taking more than FILE_SECONDS is a rejection too (timed
    where a timer signal can be had: the main thread of a process on a POSIX system, as in step
    processes and Celery workers)."""
    timed = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not timed:
        return _read_and_parse(sha256, path)
    previous = signal.signal(signal.SIGALRM, _over_time)
    signal.setitimer(signal.ITIMER_REAL, FILE_SECONDS)
    try:
        return _read_and_parse(sha256, path)
    except _OverTime:
        return rejected(sha256, "time_limit",
                        f"decoding and parsing it took more than {FILE_SECONDS:g} s; please report this file")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def parse_chunk(chunk: Chunk, progress: Callable[[int], None] = lambda done: None) -> ChunkParts:
    """Parse the chunk's contents `_BATCH` at a time into its folder (what was there is replaced: a
    retried step starts again), calling `progress` with the contents done after each batch."""
    started = time.perf_counter()
    folder = Path(chunk.folder)
    files = {table: str(folder / f"{table}.parquet") for table in TABLES}
    writers = {table: pq.ParquetWriter(files[table], _SCHEMAS[table]) for table in TABLES}
    items = chunk.items()
    parsed = rejected_count = observations = 0
    try:
        for start in range(0, len(items), _BATCH):
            batch = batch_from_results([process_content(sha, path) for sha, path in items[start:start + _BATCH]])
            for table, rows in zip(TABLES, (batch.contents, batch.reports, batch.observations)):
                writers[table].write_table(rows)
            # A content is either parsed (it has a report row) or rejected.
            parsed += batch.reports.num_rows
            rejected_count += batch.contents.num_rows - batch.reports.num_rows
            observations += batch.observations.num_rows
            progress(parsed + rejected_count)
    finally:
        for writer in writers.values():
            writer.close()
    return ChunkParts(files, parsed, rejected_count, observations, round(time.perf_counter() - started, 3))
