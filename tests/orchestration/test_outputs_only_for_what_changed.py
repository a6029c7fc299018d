"""A build writes the parquet exports and the HTML report only for what changed: a new 2023 report
leaves the files of the other years as they were, and a build that changed nothing rewrites none."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds

from synthetic.reports import generate_report
from ogi.warehouse.connection import connect_read_only

YEAR = ds.partitioning(pa.schema([("report_year", pa.int32())]), flavor="hive")


def _files(exports: Path) -> dict[str, tuple[int, int, str]]:
    """Each file the build wrote (parquet and the report): inode, modification time and checksum."""
    paths = [*sorted(exports.rglob("*.parquet")), exports / "report.html"]
    return {path.relative_to(exports).as_posix(): (path.stat().st_ino, path.stat().st_mtime_ns,
                                                    hashlib.sha256(path.read_bytes()).hexdigest())
            for path in paths}


def test_a_new_report_of_2023_rewrites_its_year_and_the_report_only(sample_raw, ogi_env, build):
    exports = ogi_env["OGI_EXPORT_DIR"]
    assert build(sample_raw).success
    first = _files(exports)
    years = {name.split("/")[1] for name in first if name.startswith("fct_observation/")}
    assert years == {"report_year=2017", "report_year=2018"}  # the sample's years

    assert build(sample_raw).success  # nothing changed
    assert _files(exports) == first

    added = generate_report(seed=5, index=8)
    assert added.report_year == 2023
    (sample_raw / "added_2023.txt").write_text(added.text, encoding="utf-8")
    assert build(sample_raw).success
    second = _files(exports)
    for table in ("fct_observation", "dim_report"):
        for year in years:
            kept = {name: facts for name, facts in first.items() if name.startswith(f"{table}/{year}/")}
            assert kept and {name: second[name] for name in kept} == kept, (table, year)
        assert any(name.startswith(f"{table}/report_year=2023/") for name in second), table
    assert second["report.html"][2] != first["report.html"][2]

    with connect_read_only(ogi_env["OGI_WAREHOUSE"]) as con:
        for table in ("fct_observation", "dim_report", "fct_town_year"):
            assert ds.dataset(exports / table, partitioning=YEAR).count_rows() == con.execute(
                f"SELECT count(*) FROM marts.{table}").fetchone()[0], table
