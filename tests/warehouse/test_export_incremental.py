"""An export into a folder that already holds the warehouse's previous export rewrites only the
report-year partitions whose rows changed, on a real DuckDB file and real parquet folders."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from ogi.warehouse import marts, publish
from ogi.warehouse.connection import connect_read_only
from ogi.warehouse.export import export_marts

YEAR = ds.partitioning(pa.schema([("report_year", pa.int32())]), flavor="hive")


def _version(path: Path, *statements: str) -> None:
    publish.start_build(path)
    with publish.open_build(path) as con:
        for mart in marts.CATALOG:  # the codes the data dictionary beside the exports lists
            mart.build(con)
        for statement in statements:
            con.execute(statement)
    publish.publish(path)


def _export(path: Path, out: Path) -> None:
    with connect_read_only(path) as con:
        export_marts(con, out, path)


def _files(folder: Path) -> dict[str, tuple[int, int, str]]:
    """Each parquet file under `folder`: its inode, modification time and checksum (a rewrite, even of
    the same bytes, makes a new file with a new inode and time)."""
    return {
        path.relative_to(folder).as_posix(): (path.stat().st_ino, path.stat().st_mtime_ns,
                                               hashlib.sha256(path.read_bytes()).hexdigest())
        for path in sorted(folder.rglob("*.parquet"))
    }


def _rows(out: Path, table: str, partitioned: bool = True) -> list[tuple]:
    data = ds.dataset(out / table, partitioning=YEAR if partitioned else None).to_table()
    return sorted(tuple(row.values()) for row in data.select(sorted(data.column_names)).to_pylist())


def _table(path: Path, table: str) -> list[tuple]:
    with connect_read_only(path) as con:
        names = sorted(name for (name,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'marts' AND table_name = $t", {"t": table}
        ).fetchall())
        return sorted(con.execute(f"SELECT {', '.join(names)} FROM marts.{table}").fetchall())


def test_only_the_partitions_whose_rows_changed_are_rewritten(tmp_path):
    path, out = tmp_path / "w.duckdb", tmp_path / "exports"
    _version(path,
             "CREATE TABLE marts.fct_x (report_key VARCHAR, report_year INTEGER, value DOUBLE)",
             "INSERT INTO marts.fct_x VALUES ('a', 2019, 1), ('b', 2019, 2), ('c', 2020, 3), ('d', NULL, 4)",
             "CREATE TABLE marts.dim_x (code VARCHAR)",
             "INSERT INTO marts.dim_x VALUES ('one'), ('two')")
    _export(path, out)
    first = _files(out)
    assert {name.rsplit("/", 1)[0] for name in first} >= {
        "fct_x/report_year=2019", "fct_x/report_year=2020", "fct_x/report_year=__HIVE_DEFAULT_PARTITION__", "dim_x"}

    # A report of 2023 comes in: only its partition is written.
    _version(path, "INSERT INTO marts.fct_x VALUES ('e', 2023, 5)")
    _export(path, out)
    second = _files(out)
    assert {name: facts for name, facts in second.items() if "2023" not in name} == first
    assert [name for name in second if "2023" in name] == ["fct_x/report_year=2023/fct_x-0.parquet"]
    assert _rows(out, "fct_x") == _table(path, "fct_x")
    assert len(_rows(out, "fct_x")) == 5

    # A 2019 figure changes and the 2020 report goes: 2019 is rewritten, 2020's folder removed, the
    # others (and the table without a year) left as they were.
    _version(path, "UPDATE marts.fct_x SET value = 20 WHERE report_key = 'b'",
             "DELETE FROM marts.fct_x WHERE report_year = 2020")
    _export(path, out)
    third = _files(out)
    assert not (out / "fct_x" / "report_year=2020").exists()
    assert third["fct_x/report_year=2019/fct_x-0.parquet"] != second["fct_x/report_year=2019/fct_x-0.parquet"]
    assert {name: facts for name, facts in third.items() if "2019" not in name} == {
        name: facts for name, facts in second.items() if "2019" not in name and "2020" not in name}
    assert _rows(out, "fct_x") == _table(path, "fct_x")
    assert ("b", 2019, 20.0) in _rows(out, "fct_x")  # columns in name order: report_key, report_year, value
    assert _rows(out, "dim_x", partitioned=False) == [("one",), ("two",)]


def test_a_partition_folder_removed_by_hand_is_written_again(tmp_path):
    path, out = tmp_path / "w.duckdb", tmp_path / "exports"
    _version(path,
             "CREATE TABLE marts.fct_x (report_key VARCHAR, report_year INTEGER, value DOUBLE)",
             "INSERT INTO marts.fct_x VALUES ('a', 2019, 1), ('c', 2020, 3)")
    _export(path, out)
    shutil.rmtree(out / "fct_x" / "report_year=2019")
    _export(path, out)
    assert _rows(out, "fct_x") == _table(path, "fct_x")


def test_a_table_whose_columns_change_is_written_whole(tmp_path):
    path, out = tmp_path / "w.duckdb", tmp_path / "exports"
    _version(path,
             "CREATE TABLE marts.fct_x (report_key VARCHAR, report_year INTEGER, value DOUBLE)",
             "INSERT INTO marts.fct_x VALUES ('a', 2019, 1), ('c', 2020, 3)")
    _export(path, out)
    _version(path, "ALTER TABLE marts.fct_x ADD COLUMN unit VARCHAR DEFAULT '件'")
    _export(path, out)
    for file in (out / "fct_x").rglob("*.parquet"):
        assert "unit" in pq.read_schema(file).names
    assert _rows(out, "fct_x") == _table(path, "fct_x")
