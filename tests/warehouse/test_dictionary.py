"""The data dictionary documents every column, and the committed copy is the generated one."""
from __future__ import annotations

import pytest

from ogi.warehouse.connection import connect_read_only
from ogi.warehouse.dictionary import column_docs, render, table_columns
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
