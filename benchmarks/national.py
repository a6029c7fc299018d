"""`make bench-national`: the national corpus, measured end to end on this machine (not projected).

700,000 reports made from the real seed and dev texts by redrawing their figures
(../shared/bench/scale_corpus.py), built into a new warehouse with `ogi build` as a user runs it; prints
the wall time against the floor measured on the same files, the peak memory of the build's process tree,
the disk the warehouse and its outputs take, and how long each query of docs/cookbook.md takes on the
published marts. The corpus is kept between runs (OGI_NATIONAL_DIR, default /tmp/ogi-national: ~2 GB)
because writing 700,000 files takes minutes; the warehouse is built from scratch every run.

    python -m benchmarks.national [COUNT]
"""
from __future__ import annotations

import os
import re
import shutil
import sys
import time
from pathlib import Path

import duckdb

from benchmarks.bench import build, floor_seconds, scale_corpus

_COOKBOOK = Path(__file__).resolve().parents[1] / "docs" / "cookbook.md"
_QUERY = re.compile(r"^## (?P<heading>.+?)$|```sql\n(?P<sql>.*?)\n```", re.MULTILINE | re.DOTALL)


def _corpus(folder: Path, count: int) -> None:
    """The first `count` reports of scale_corpus, generated again only when the folder holds another count."""
    if folder.is_dir() and sum(1 for _ in os.scandir(folder)) == count:
        return
    shutil.rmtree(folder, ignore_errors=True)
    scale_corpus(folder, count)


def _size(folder: Path) -> int:
    return sum(entry.stat().st_size for entry in folder.rglob("*") if entry.is_file())


def _cookbook() -> list[tuple[str, str]]:
    """(heading #n, query) for every ```sql block of the cookbook."""
    queries, heading, number = [], "", 0
    for match in _QUERY.finditer(_COOKBOOK.read_text(encoding="utf-8")):
        if match["heading"]:
            heading, number = match["heading"], 0
        else:
            number += 1
            queries.append((f"{heading} #{number}", match["sql"]))
    return queries


def main(count: int) -> None:
    corpus = Path(os.environ.get("OGI_NATIONAL_DIR", "/tmp/ogi-national"))
    started = time.perf_counter()
    _corpus(corpus / "raw", count)
    print(f"cores: {os.cpu_count()}; {count:,} reports in {corpus / 'raw'} "
          f"({_size(corpus / 'raw') / 2**30:.2f} GiB; ready in {time.perf_counter() - started:.0f} s)")
    floor = floor_seconds(corpus / "raw")
    data = corpus / "data"
    shutil.rmtree(data, ignore_errors=True)
    wall, stages, peak = build(corpus / "raw", data)
    print(f"floor {floor:.1f} s; end-to-end {wall:.1f} s = {wall / 60:.1f} min = {wall / floor:.1f}× the floor")
    for stage, seconds in stages.items():
        print(f"  {stage:16}{seconds:>9.1f} s")
    print(f"peak memory (PSS of the process tree): {peak / 2**20:,.0f} MiB")
    warehouse = data / "w.duckdb"
    print(f"disk: warehouse {warehouse.stat().st_size / 2**30:.2f} GiB, exports {_size(data / 'x') / 2**30:.2f} GiB, "
          f"Dagster instance {_size(data / 'dagster_home') / 2**20:.0f} MiB")
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        print("cookbook queries on the published marts (read-only connection, first run, rows):")
        for name, sql in _cookbook():
            begun = time.perf_counter()
            try:
                rows = f"{len(con.execute(sql).fetchall()):>8,}"
            except duckdb.Error as error:  # printed, not hidden: a query that fails at scale is a finding
                rows = f"FAILED ({str(error).splitlines()[0]})"
            print(f"  {time.perf_counter() - begun:>7.2f} s  {rows}  {name}")
    finally:
        con.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if sys.argv[1:] else 700_000)
