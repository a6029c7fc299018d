"""`make bench`: build warehouses of generated reports and print one table of stage timings, peak
memory and each figure as a multiple of the floor measured in the same run.

The floor is one core reading every file, decoding it, NFKC-normalising it and running one regex pass:
the least any extractor must do. Sizes: `python -m benchmarks.bench 1000 20000 100000` (the default).
"""
from __future__ import annotations

import os
import re
import sys
import tempfile
import threading
import time
import unicodedata
from pathlib import Path

import dagster as dg

_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*[条件次人个篇]")
_STAGES = {
    "discover": ("raw_inventory",),
    "marts": ("quarantine",),  # plus every mart asset and check, added below
    "publish+export": ("published_warehouse", "parquet_exports"),
}


def floor_seconds(folder: Path) -> float:
    started = time.perf_counter()
    for path in sorted(folder.iterdir()):
        text = path.read_bytes().decode("utf-8")
        _NUMBER.findall(unicodedata.normalize("NFKC", text))
    return time.perf_counter() - started


class PeakRss:
    """Samples the memory of this process and all its descendants (parse workers) as their summed
    proportional set size: forked workers share the parent's pages, which a sum of RSS would count
    once per process."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _tree_rss(pid: int) -> int:
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
        while not self._stop.wait(0.1):
            self.peak = max(self.peak, self._tree_rss(os.getpid()))

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def build(raw: Path, data: Path) -> tuple[float, dict[str, float], int]:
    """Build a warehouse of `raw` into `data`: wall seconds, seconds per stage, peak RSS in bytes."""
    os.environ.update(OGI_RAW_DIR=str(raw), OGI_WAREHOUSE=str(data / "w.duckdb"), OGI_EXPORT_DIR=str(data / "x"))
    from orchestration.definitions import defs

    job = defs.resolve_job_def("build_warehouse")
    with dg.instance_for_test() as instance, PeakRss() as rss:
        started = time.perf_counter()
        result = job.execute_in_process(
            instance=instance, run_config={"loggers": {"console": {"config": {"log_level": "ERROR"}}}}
        )
        wall = time.perf_counter() - started
    assert result.success
    steps = {
        event.step_key: event.event_specific_data.duration_ms / 1000
        for event in result.all_events
        if event.event_type_value == "STEP_SUCCESS"
    }
    staged = {k: v.value for k, v in result.asset_materializations_for_node("staged_reports")[0].metadata.items()}
    stages = {
        "discover": steps["raw_inventory"],
        "decode+parse": staged["decode_parse_seconds"],
        "load": staged["load_seconds"],
        "marts": sum(s for k, s in steps.items() if k not in ("raw_inventory", "staged_reports", *_STAGES["publish+export"])),
        "publish+export": sum(steps[k] for k in _STAGES["publish+export"]),
    }
    return wall, stages, rss.peak


def main(sizes: list[int]) -> None:
    from synthetic.reports import write_corpus

    print(f"cores: {os.cpu_count()}; python {sys.version.split()[0]}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="ogi-bench-") as tmp:
        for size in sizes:
            raw = Path(tmp) / f"raw{size}"
            write_corpus(raw, size, seed=1)
            megabytes = sum(p.stat().st_size for p in raw.iterdir()) / 2**20
            floor = floor_seconds(raw)
            wall, stages, peak = build(raw, Path(tmp) / f"data{size}")
            rows.append((size, megabytes, floor, wall, stages, peak))
            print(f"\n{size} reports ({megabytes:.1f} MB); floor {floor:.2f} s ({size / floor:,.0f} reports/s)")
            print(f"{'stage':16}{'seconds':>10}{'reports/s':>12}{'× floor':>9}")
            for stage, seconds in stages.items():
                rate = f"{size / seconds:,.0f}" if seconds else "-"
                print(f"{stage:16}{seconds:>10.2f}{rate:>12}{seconds / floor:>9.1f}")
            print(f"{'end-to-end':16}{wall:>10.2f}{size / wall:>12,.0f}{wall / floor:>9.1f}")
            print(f"peak memory (PSS of the process tree) {peak / 2**20:,.0f} MiB")
            if size == 20000:
                add = Path(tmp) / "add10"
                write_corpus(raw, 10, seed=2, start=size)  # 10 new reports in the 20k folder
                incremental, _, _ = build(raw, Path(tmp) / f"data{size}")
                write_corpus(add, 10, seed=2, start=size)
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
