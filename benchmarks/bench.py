"""`make bench`: build warehouses of generated reports and print one table of stage timings, peak
memory and each figure as a multiple of the floor measured in the same run.

The corpus and the floor are the ones the project's speed is judged by (../shared/bench): N distinct
reports made from the real seed and dev texts by redrawing their figures (`scale_corpus.py`), and one
core reading, decoding, NFKC-normalising and running one regex pass over them (`floor.py`): the least
any extractor must do. Sizes: `python -m benchmarks.bench 1000 20000 100000` (the default).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import dagster as dg

_PUBLISH_EXPORT = ("published_warehouse", "parquet_exports", "html_report")
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
_SOURCES = (SHARED / "corpus" / "seeds" / "texts", SHARED / "corpus" / "dev" / "texts")


def scale_corpus(out: Path, count: int) -> None:
    """`count` reports r0…r(count-1) in `out`: the same files for the same count, every run."""
    subprocess.run([sys.executable, str(SHARED / "bench" / "scale_corpus.py"), str(out), str(count), *map(str, _SOURCES)],
                   check=True)


def floor_seconds(folder: Path) -> float:
    done = subprocess.run([sys.executable, str(SHARED / "bench" / "floor.py"), str(folder)],
                          check=True, capture_output=True, text=True)
    return float(done.stdout)


class PeakPss:
    """Samples the memory of a process and all its descendants (step processes) as
    their summed proportional set size: forked processes share their parent's pages, which a sum of
    RSS would count once per process."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _tree_pss(pid: int) -> int:
        total, stack = 0, [pid]
        while stack:
            current = stack.pop()
            try:
                with open(f"/proc/{current}/smaps_rollup") as rollup:
                    for line in rollup:
                        if line.startswith("Pss:"):
                            total += int(line.split()[1]) * 1024
                for task in os.listdir(f"/proc/{current}/task"):
                    with open(f"/proc/{current}/task/{task}/children") as children:
                        stack.extend(int(child) for child in children.read().split())
            except OSError:
                continue
        return total

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            self.peak = max(self.peak, self._tree_pss(self.pid))

    def __enter__(self) -> PeakPss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def build(raw: Path, data: Path) -> tuple[float, dict[str, float], int]:
    """Build a warehouse of `raw` into `data` as a user does (`ogi build` in a process of its own, so
    with the multiprocess executor and a persistent instance): wall seconds, seconds per stage (read
    back from the run's events in the instance), peak PSS of the process tree in bytes."""
    env = {**os.environ, "DAGSTER_HOME": str(data / "dagster_home"), "OGI_EXPORT_DIR": str(data / "x")}
    command = [sys.executable, "-m", "ogi.orchestration.cli", "build", "--raw", str(raw), "--warehouse", str(data / "w.duckdb")]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with PeakPss(process.pid) as pss:
        if process.wait():
            raise RuntimeError(f"{' '.join(command)} failed with exit code {process.returncode}")
    wall = time.perf_counter() - started
    with dg.DagsterInstance.from_config(env["DAGSTER_HOME"]) as instance:
        [run] = instance.get_runs(limit=1)
        records = instance.all_logs(run.run_id)
    events = [record.dagster_event for record in records if record.dagster_event]
    steps = {
        event.step_key: event.event_specific_data.duration_ms / 1000
        for event in events
        if event.event_type_value == "STEP_SUCCESS"
    }
    # The export and the report run side by side: their stage is the wall time from the start of
    # publishing to the end of the last of them.
    stamps = {
        (record.step_key, record.dagster_event.event_type_value): record.timestamp
        for record in records
        if record.dagster_event and record.step_key in _PUBLISH_EXPORT
    }
    publish_export = max(stamps[step, "STEP_SUCCESS"] for step in _PUBLISH_EXPORT) - stamps[
        "published_warehouse", "STEP_START"]
    metadata = {
        event.event_specific_data.materialization.asset_key.to_user_string(): {
            name: value.value for name, value in event.event_specific_data.materialization.metadata.items()
        }
        for event in events
        if event.event_type_value == "ASSET_MATERIALIZATION"
    }
    inventory, staged = metadata["raw_inventory"], metadata["staged_reports"]
    # The parse steps run side by side: their stage is the wall time from the first one's start to
    # the last one's end.
    parse_stamps = [record.timestamp for record in records if record.dagster_event and (record.step_key or "")
                    .startswith("ingest.parse[") and record.dagster_event.event_type_value in ("STEP_START", "STEP_SUCCESS")]
    stages = {
        "discover": inventory["seconds"],
        "decode+parse": max(parse_stamps) - min(parse_stamps) if parse_stamps else 0.0,
        "load": staged["load_seconds"],
        # The rest of the ingestion's writing steps (the build file's copy, quarantine, organs), the
        # marts and their checks.
        "marts": steps["ingest.inventory"] - inventory["seconds"] + steps["ingest.load"] - staged["load_seconds"]
        + steps["build_marts"],
        "publish+export": publish_export,
    }
    return wall, stages, pss.peak


def document_rates(raw: Path, count: int = 100) -> None:
    """Text extraction on one core: the first `count` generated reports printed to PDF and .docx;
    OCR of the first lines of five as scanned pages. Each rate by the wall clock and by this
    process's CPU time (on a shared machine the wall clock also counts the other processes' turns)."""
    from synthetic.documents import as_docx, as_pdf
    from ogi.transforms.decode import decode_bytes

    texts = [path.read_text(encoding="utf-8") for path in sorted(raw.iterdir())[:count]]
    blocks = [[line for line in text.split("\n") if line.strip()] for text in texts]
    for name, write in (("pdf", as_pdf), ("docx", as_docx)):
        files = [write(report) for report in blocks]
        start, cpu = time.perf_counter(), time.process_time()
        pages = sum(len(decode_bytes(data).page_starts) for data in files)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        per_page = f", {pages / seconds:,.0f} pages/s" if pages else ""
        print(f"{name} text extraction on one core: {len(files) / seconds:,.0f} files/s{per_page} "
              f"({len(files) / cpu:,.0f} files/s of CPU time)")
    from synthetic.documents import scanned_report
    from ogi.transforms.documents import ocr

    if ocr.available():
        scans = [scanned_report(report[:20]) for report in blocks[:5]]
        decode_bytes(scans[0])  # loads the models once, as a parse worker does
        start, cpu = time.perf_counter(), time.process_time()
        for scan in scans:
            decode_bytes(scan)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(f"OCR (RapidOCR, one thread, 200 dpi) on one core: {len(scans) / seconds:.2f} pages/s "
              f"({len(scans) / cpu:.2f} pages/s of CPU time)")


def main(sizes: list[int]) -> None:
    print(f"cores: {os.cpu_count()}; python {sys.version.split()[0]}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="ogi-bench-") as tmp:
        for size in sizes:
            raw = Path(tmp) / f"raw{size}"
            scale_corpus(raw, size)
            megabytes = sum(p.stat().st_size for p in raw.iterdir()) / 2**20
            floor = floor_seconds(raw)
            wall, stages, peak = build(raw, Path(tmp) / f"data{size}")
            rows.append((size, megabytes, floor, wall, stages, peak))
            print(f"\n{size} reports ({megabytes:.1f} MB); floor {floor:.2f} s ({size / floor:,.0f} reports/s)")
            print(f"{'stage':16}{'seconds':>10}{'reports/s':>12}{'× floor':>9}")
            for stage, seconds in stages.items():
                rate = f"{size / seconds:,.0f}" if seconds else "-"
                print(f"{stage:16}{seconds:>10.2f}{rate:>12}{seconds / floor:>9.1f}")
            other = wall - sum(stages.values())
            print(f"{'process starts':16}{other:>10.2f}{'':>12}{other / floor:>9.1f}  (the rest: imports, step processes)")
            print(f"{'end-to-end':16}{wall:>10.2f}{size / wall:>12,.0f}{wall / floor:>9.1f}")
            print(f"peak memory (PSS of the process tree) {peak / 2**20:,.0f} MiB")
            if size == sizes[0]:
                document_rates(raw)
            if size == 20000:
                # 10 new reports: the last 10 of a corpus of size + 10 (its first `size` are this one's)
                more, add = Path(tmp) / "more", Path(tmp) / "add10"
                scale_corpus(more, size + 10)
                add.mkdir()
                for path in sorted(more.iterdir())[size:]:
                    shutil.copy(path, raw / path.name)
                    shutil.copy(path, add / path.name)
                shutil.rmtree(more)
                incremental, _, _ = build(raw, Path(tmp) / f"data{size}")
                scratch, _, _ = build(add, Path(tmp) / "data10")
                print(f"adding 10 reports: {incremental:.2f} s; a 10-report warehouse from scratch: {scratch:.2f} s "
                      f"({incremental / scratch:.1f}×)")
    if len(rows) >= 2:
        (n1, _, _, w1, _, _), (n2, _, _, w2, _, _) = rows[-2], rows[-1]
        slope = (w2 - w1) / (n2 - n1)
        print(f"\nslope {slope * 1000:.2f} ms/report → projection for 700,000 reports: "
              f"{(w2 + slope * (700_000 - n2)) / 60:.0f} min")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 20000, 100000])
