"""Versioned builds on a real DuckDB file: readers never see a half-written version."""
from __future__ import annotations

import duckdb
import pytest

from ogi.warehouse import publish
from ogi.warehouse.connection import WarehouseMissing, connect_read_only


def _write_version(path, value: int) -> None:
    publish.start_build(path)
    with publish.open_build(path) as con:
        con.execute("CREATE OR REPLACE TABLE marts.version AS SELECT $v AS v", {"v": value})
    publish.publish(path)


def test_publish_makes_the_build_visible_and_removes_the_build_file(tmp_path):
    path = tmp_path / "w.duckdb"
    _write_version(path, 1)
    assert not publish.build_path(path).exists()
    with connect_read_only(path) as con:
        assert con.execute("SELECT v FROM marts.version").fetchone() == (1,)


def test_a_reader_keeps_its_version_while_a_new_one_is_published(tmp_path):
    path = tmp_path / "w.duckdb"
    _write_version(path, 1)
    reader = connect_read_only(path)
    _write_version(path, 2)  # would fail with a lock error if the build opened the published file
    assert reader.execute("SELECT v FROM marts.version").fetchone() == (1,)
    reader.close()
    with connect_read_only(path) as con:
        assert con.execute("SELECT v FROM marts.version").fetchone() == (2,)


def test_an_abandoned_build_changes_nothing_and_the_next_build_starts_from_the_published_file(tmp_path):
    path = tmp_path / "w.duckdb"
    _write_version(path, 1)
    publish.start_build(path)
    with publish.open_build(path) as con:
        con.execute("CREATE OR REPLACE TABLE marts.version AS SELECT 99 AS v")
    # No publish: as if the build had been killed here.
    with connect_read_only(path) as con:
        assert con.execute("SELECT v FROM marts.version").fetchone() == (1,)
    publish.start_build(path)
    with publish.open_build(path) as con:
        assert con.execute("SELECT v FROM marts.version").fetchone() == (1,)


def test_read_only_connections_refuse_writes(tmp_path):
    path = tmp_path / "w.duckdb"
    _write_version(path, 1)
    with connect_read_only(path) as con, pytest.raises(duckdb.Error, match="read-only"):
        con.execute("DELETE FROM marts.version")


def test_a_missing_warehouse_says_how_to_make_one(tmp_path):
    with pytest.raises(WarehouseMissing, match="ogi build"):
        connect_read_only(tmp_path / "nothing.duckdb")
