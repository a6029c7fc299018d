"""What `ogi build` shows while the run goes on: it follows the run's events in the Dagster instance
and prints each step's start and end with its elapsed time and the assets it materialised, and
the parse stage's progress — a live bar with rate and ETA on a terminal (rich), plain lines at most
every PLAIN_EVERY_SECONDS otherwise (a log file, CI).

The ingestion's steps report parsing as observations of PARSE_PROGRESS_ASSET with these two
counts: the files a step has parsed so far, and how many the whole run parses. The parse steps run
side by side, so the run's progress is the sum over its steps.
"""
from __future__ import annotations

import threading
import time
from datetime import datetime
from typing import IO

PARSE_PROGRESS_ASSET = "staged_reports"
PARSE_DONE, PARSE_TOTAL = "files_parsed_so_far", "files_to_parse"
PLAIN_EVERY_SECONDS = 10.0
_POLL_SECONDS = 0.5


class _Plain:
    """Lines for a reader that is not a terminal."""

    def __init__(self, out: IO[str]):
        self.out, self.last_parse_line = out, float("-inf")

    def line(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def parsing(self, done: int, total: int, elapsed: float) -> None:
        # The first and last counts always, and between them one line a period.
        now = time.monotonic()
        if done in (0, total) or now - self.last_parse_line >= PLAIN_EVERY_SECONDS:
            self.last_parse_line = now
            share = f" ({done / total:.0%})" if total else ""
            self.line(f"  parsing: {done:,} of {total:,} files{share}, {elapsed:.0f} s")

    def close(self) -> None:
        pass


class _Bar:
    """A live bar on a terminal."""

    def __init__(self, out: IO[str]):
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn,
                                   TextColumn, TimeElapsedColumn, TimeRemainingColumn)

        self.progress = Progress(
            TextColumn("  parsing"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=Console(file=out, force_terminal=True), transient=False,
        )
        self.task = None
        self.progress.start()

    def line(self, text: str) -> None:
        self.progress.console.print(text, highlight=False, markup=False)

    def parsing(self, done: int, total: int, elapsed: float) -> None:
        rate = f"{done / elapsed:,.0f} files/s" if elapsed > 0 and done else ""
        if self.task is None:
            self.task = self.progress.add_task("parsing", total=total, rate=rate)
        self.progress.update(self.task, completed=done, total=total, rate=rate)
        # Drawn now, not at rich's next refresh: the step's end may come in the same poll.
        self.progress.refresh()

    def close(self) -> None:
        self.progress.stop()


class RunFollower:
    """Follows the newest run of `job_name` created after it starts, in a thread, until `stop`."""

    def __init__(self, job_name: str, out: IO[str], terminal: bool):
        self.job_name, self.started = job_name, datetime.now().astimezone()
        self.view = _Bar(out) if terminal else _Plain(out)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._follow, name="ogi-progress", daemon=True)
        self._run_id = None
        self._cursor = None
        self._step_started: dict[str, float] = {}
        self._step_assets: dict[str, int] = {}
        self._parse_started: float | None = None
        self._parsed: dict[str, int] = {}  # step → files it has parsed so far

    def __enter__(self) -> RunFollower:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.view.close()

    def _follow(self) -> None:
        import dagster as dg

        # An instance of its own: the build's is used by the thread that runs the job.
        with dg.DagsterInstance.get() as instance:
            while True:
                stopping = self._stop.is_set()
                self._poll(instance)
                if stopping:
                    return  # one last poll after the run returned: its final events
                self._stop.wait(_POLL_SECONDS)

    def _poll(self, instance) -> None:
        import dagster as dg

        if self._run_id is None:
            runs = instance.get_runs(dg.RunsFilter(job_name=self.job_name, created_after=self.started), limit=1)
            if not runs:
                return
            self._run_id = runs[0].run_id
        while True:
            connection = instance.get_records_for_run(self._run_id, cursor=self._cursor, limit=1000)
            for record in connection.records:
                self._show(record.event_log_entry)
            self._cursor = connection.cursor
            if not connection.has_more:
                return

    def _show(self, entry) -> None:
        import dagster as dg

        event = entry.dagster_event
        if event is None:
            return
        step, at = event.step_key, entry.timestamp
        kind = event.event_type
        if kind == dg.DagsterEventType.STEP_START:
            self._step_started[step] = at
            self.view.line(f"{step}: started")
        elif kind == dg.DagsterEventType.ASSET_MATERIALIZATION:
            self._step_assets[step] = self._step_assets.get(step, 0) + 1
        elif kind == dg.DagsterEventType.ASSET_OBSERVATION:
            metadata = event.asset_observation_data.asset_observation.metadata
            if PARSE_DONE in metadata:
                if self._parse_started is None:
                    self._parse_started = at
                self._parsed[step] = metadata[PARSE_DONE].value
                self.view.parsing(sum(self._parsed.values()), metadata[PARSE_TOTAL].value, at - self._parse_started)
        elif kind in (dg.DagsterEventType.STEP_SUCCESS, dg.DagsterEventType.STEP_FAILURE):
            elapsed = at - self._step_started.get(step, at)
            assets = self._step_assets.get(step, 0)
            what = "done" if kind == dg.DagsterEventType.STEP_SUCCESS else "failed"
            self.view.line(f"{step}: {what} in {elapsed:.1f} s"
                           + (f", {assets} asset{'s' if assets != 1 else ''} materialised" if assets else ""))
