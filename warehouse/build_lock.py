"""One build of a warehouse at a time: an OS file lock beside it, held for the whole build.

The lock is `flock` on ``<warehouse>.build.lock``: the kernel releases it when its holder ends,
however it ends (a crash, `kill -9`), and no other process can take it while the holder lives. The
holder writes who it is into the same file (pid, start time, raw folder, run id), so that a second
build can say at once whom it waits for.

The process that runs a build holds the lock from before its first step to after its last: `ogi
build` takes it before it starts Dagster, and the code location's executor (orchestration/executor.py)
takes it in the run's own process for a run launched from the UI or `dagster job execute`. Within one
process the lock is re-entrant: `ogi build` runs the executor in its own process. Each step that
writes the build file then checks that the lock is held for its run (`hold_for_step`).
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from ogi.warehouse.errors import UserError


class BuildInProgress(UserError):
    """Another live process is building this warehouse."""


# The locks this process holds: lock file → (open descriptor, what it wrote as holder).
_HELD: dict[Path, tuple[int, dict]] = {}


def lock_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".build.lock")


def _read_holder(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}  # the holder has opened the file and not yet written itself into it


def _describe(holder: dict) -> str:
    if not holder:
        return "another process (it is just starting)"
    return (f"process {holder.get('pid')} (started {holder.get('started')}, raw folder "
            f"{holder.get('raw_folder')}{', run ' + holder['run_id'] if holder.get('run_id') else ''})")


def _write_holder(fd: int, holder: dict) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps(holder).encode(), 0)


def _open(path: Path) -> int:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise UserError(
            f"cannot write beside the warehouse ({path.parent}: {error.strerror}); "
            "choose a --warehouse (OGI_WAREHOUSE) in a folder you can write"
        ) from error


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
            return False
        raise
    return True


def _refusal(warehouse: Path, holder: dict) -> BuildInProgress:
    return BuildInProgress(
        f"{warehouse} is being built by {_describe(holder)}; wait for that build to end "
        "(readers keep the published version meanwhile)"
    )


@contextlib.contextmanager
def _holding(path: Path, fd: int, raw_folder: str, run_id: str | None) -> Iterator[None]:
    """Hold the lock just taken on `fd` for the block, written down as its holder."""
    holder = {
        "pid": os.getpid(),
        "started": datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds"),
        "raw_folder": raw_folder,
        "run_id": run_id,
    }
    _write_holder(fd, holder)
    _HELD[path] = (fd, holder)
    try:
        yield
    finally:
        del _HELD[path]
        os.ftruncate(fd, 0)  # no holder: nothing stale for the next reader
        os.close(fd)  # releases the lock


@contextlib.contextmanager
def hold(warehouse: Path, raw_folder: str, run_id: str | None = None) -> Iterator[None]:
    """Hold the build lock of `warehouse` for the block, or raise BuildInProgress at once.

    Re-entrant within a process: an inner `hold` (the executor inside `ogi build`) adds its run id
    to the holder and leaves the release to the outer one.
    """
    path = lock_path(warehouse)
    if path in _HELD:
        fd, holder = _HELD[path]
        if run_id:
            holder["run_id"] = run_id
            _write_holder(fd, holder)
        yield
        return
    fd = _open(path)
    if not _try_lock(fd):
        os.close(fd)
        raise _refusal(warehouse, _read_holder(path))
    with _holding(path, fd, raw_folder, run_id):
        yield


@contextlib.contextmanager
def hold_for_step(warehouse: Path, run_id: str, raw_folder: str = "") -> Iterator[None]:
    """Go on only if the build lock is held for run `run_id`; raise BuildInProgress otherwise.

    A step run without its run's process holding the lock (a test's in-process run, a direct call
    of an asset) takes the lock itself for the step.
    """
    path = lock_path(warehouse)
    if path in _HELD:
        holder = _HELD[path][1]
        if holder.get("run_id") not in (None, run_id):
            raise _refusal(warehouse, holder)
        yield
        return
    fd = _open(path)
    if _try_lock(fd):
        with _holding(path, fd, raw_folder, run_id):
            yield
        return
    os.close(fd)
    holder = _read_holder(path)
    if holder.get("run_id") != run_id:
        raise _refusal(warehouse, holder)
    yield
