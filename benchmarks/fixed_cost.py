"""`make bench-fixed`: what every user pays on every build, whatever its size — the whole `ogi build`
command timed from outside, the median of several runs:

- the five sample reports into a new warehouse (a new Dagster instance too);
- the same build again with nothing changed (a fingerprint check, orchestration/fingerprint.py);
- 10 reports of ../shared/bench/scale_corpus.py into a new warehouse (should cost about the sample);
- with `--executors N`: a new warehouse of N generated reports built in-process and with the
  multiprocess executor, the figures behind `IN_PROCESS_UP_TO` in orchestration/cli.py.

    python -m benchmarks.fixed_cost [--runs 5] [--executors 2000]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench import scale_corpus
from ogi.warehouse.settings import SAMPLE_CORPUS

# The build as `ogi build` runs it, with the in-process threshold set for the executor comparison.
_BUILD_WITH_THRESHOLD = (
    "import sys, ogi.orchestration.cli as cli; cli.IN_PROCESS_UP_TO = int(sys.argv[1]); sys.exit(cli.main(sys.argv[2:]))"
)


def _ogi_build(raw: Path, data: Path, in_process_up_to: int | None = None) -> float:
    """Wall seconds of one `ogi build` of `raw` into `data` in a process of its own."""
    env = {name: value for name, value in os.environ.items() if not name.startswith(("OGI_", "DAGSTER_"))}
    env["OGI_DATA_DIR"] = str(data)
    args = ["build", "--raw", str(raw)]
    if in_process_up_to is None:
        command = [str(Path(sys.executable).parent / "ogi"), *args]
    else:
        command = [sys.executable, "-c", _BUILD_WITH_THRESHOLD, str(in_process_up_to), *args]
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def _row(label: str, seconds: list[float]) -> None:
    print(f"{label:44}{statistics.median(seconds):>8.2f} s   (min {min(seconds):.2f}, max {max(seconds):.2f}, "
          f"{len(seconds)} runs)")


def main(runs: int, executors: int | None) -> None:
    print(f"cores: {os.cpu_count()}; python {sys.version.split()[0]}; load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="ogi-fixed-") as tmp:
        root = Path(tmp)
        ten = root / "raw10"
        scale_corpus(ten, 10)
        _row("5 sample reports, new warehouse", [_ogi_build(SAMPLE_CORPUS, root / f"s{i}") for i in range(runs)])
        _row("the same, nothing changed", [_ogi_build(SAMPLE_CORPUS, root / "s0") for _ in range(runs)])
        _row("10 generated reports, new warehouse", [_ogi_build(ten, root / f"t{i}") for i in range(runs)])
        if executors:
            many = root / f"raw{executors}"
            scale_corpus(many, executors)
            for label, threshold in (("in-process", executors), ("multiprocess", 0)):
                _row(f"{executors} reports, new warehouse, {label}",
                     [_ogi_build(many, root / f"{label}{i}", threshold) for i in range(runs)])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--executors", type=int, metavar="N", help="also compare the executors on N reports")
    arguments = parser.parse_args()
    main(arguments.runs, arguments.executors)
