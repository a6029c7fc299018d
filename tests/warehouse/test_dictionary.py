"""The data dictionary documents every column, and the committed copy is the generated one."""
from __future__ import annotations

import duckdb
import pytest

from ogi.warehouse.connection import connect_read_only
from ogi.warehouse.dictionary import Described, column_docs, described_tables, render, table_columns
from tests.paths import REPO_ROOT


@pytest.fixture
def sample_warehouse(sample_raw, ogi_env, build):
    assert build(sample_raw).success
    con = connect_read_only(ogi_env["OGI_WAREHOUSE"])
    yield con
    con.close()


def test_every_marts_column_has_a_meaning(sample_warehouse):
    tables = [name for (name,) in sample_warehouse.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'marts'").fetchall()]
    undocumented = [
        f"{table}.{column}"
        for table in tables
        for column, _ in table_columns(sample_warehouse, "marts", table)
        if not column_docs().get(table, {}).get(column)
    ]
    assert undocumented == []


def test_the_committed_dictionary_is_up_to_date(sample_warehouse):
    committed = (REPO_ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert committed == render(sample_warehouse), "regenerate: python -m ogi.warehouse.dictionary WAREHOUSE docs/data-dictionary.md"


def test_described_tables_reads_one_schema_of_this_database_with_its_comments(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute("CREATE SCHEMA marts")
    con.execute("CREATE TABLE marts.t (b INTEGER, a VARCHAR)")  # column order is the table's, not the name's
    con.execute("COMMENT ON TABLE marts.t IS 'the t table'")
    con.execute("COMMENT ON COLUMN marts.t.a IS 'the a column'")
    con.execute("CREATE VIEW marts.v AS SELECT a FROM marts.t")
    con.execute("COMMENT ON VIEW marts.v IS 'the v view'")
    con.execute("CREATE TABLE main.elsewhere (x INTEGER)")
    con.execute(f"ATTACH '{tmp_path / 'other.duckdb'}' AS other")
    con.execute("CREATE SCHEMA other.marts")
    con.execute("CREATE TABLE other.marts.t (z DOUBLE)")

    described = described_tables(con, "marts")

    assert described == {
        "t": Described(columns=(("b", "INTEGER"), ("a", "VARCHAR")), description="the t table",
                       column_descriptions={"a": "the a column"}),
        "v": Described(columns=(("a", "VARCHAR"),), description="the v view", column_descriptions={}),
    }
    assert list(described["t"].columns) == table_columns(con, "marts", "t")
