"""The parquet exports describe themselves and read the same in pyarrow, pandas and polars."""
from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from tests.paths import REPO_ROOT

pytestmark = pytest.mark.slow  # a build in a subprocess

OGI = Path(sys.executable).parent / "ogi"
SEEDS = REPO_ROOT / "warehouse" / "seeds"


def _seed(name: str) -> list[dict[str, str]]:
    with open(SEEDS / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A folder holding data/warehouse.duckdb built from the sample, and its exports in data/exports."""
    root = tmp_path_factory.mktemp("export")
    env = {**os.environ, "OGI_DATA_DIR": str(root / "data")}
    for name in ("OGI_RAW_DIR", "OGI_WAREHOUSE", "OGI_EXPORT_DIR", "DAGSTER_HOME"):
        env.pop(name, None)
    result = subprocess.run([str(OGI), "build"], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    return root


def _meanings() -> dict[str, dict[str, str]]:
    meanings: dict[str, dict[str, str]] = {}
    for row in _seed("columns"):
        meanings.setdefault(row["table_name"], {})[row["column_name"]] = row["description"]
    return meanings


def test_every_exported_column_carries_its_meaning_in_the_parquet_field_metadata(built):
    meanings = _meanings()
    exports = built / "data" / "exports"
    tables = sorted(p.name for p in exports.iterdir() if p.is_dir() and not p.name.startswith("."))
    assert "fct_observation" in tables and "fct_town_year" in tables
    for table in tables:
        files = sorted((exports / table).rglob("*.parquet"))
        assert files, table
        for file in files:
            schema = pq.read_schema(file)
            assert schema.metadata[b"description"], file
            for field in schema:
                assert field.metadata[b"description"].decode() == meanings[table][field.name], (file, field.name)


def test_the_data_package_lists_each_table_with_its_files_and_fields(built):
    exports = built / "data" / "exports"
    package = json.loads((exports / "datapackage.json").read_text(encoding="utf-8"))
    resources = {resource["name"]: resource for resource in package["resources"]}
    tables = {p.name for p in exports.iterdir() if p.is_dir() and not p.name.startswith(".")}
    assert set(resources) == tables
    panel = resources["fct_town_year"]
    assert sorted(panel["path"]) == sorted(p.relative_to(exports).as_posix()
                                           for p in (exports / "fct_town_year").rglob("*.parquet"))
    assert panel["format"] == "parquet"
    fields = {field["name"]: field for field in panel["schema"]["fields"]}
    assert set(fields) == set(_meanings()["fct_town_year"])
    assert fields["req_received"] == {"name": "req_received", "type": "integer",
                                      "description": _meanings()["fct_town_year"]["req_received"]}
    assert fields["budget_special"]["type"] == "number"
    assert fields["town_key"]["type"] == "string"
    # The partition key is in no file, only in the folder names: its description says so.
    assert fields["report_year"]["type"] == "integer"
    assert "report_year=YYYY" in fields["report_year"]["description"]


def test_the_warehouse_itself_holds_the_meanings_as_comments(built):
    con = duckdb.connect(str(built / "data" / "warehouse.duckdb"), read_only=True)
    try:
        comments = con.execute("SELECT table_name, column_name, comment FROM duckdb_columns() "
                               "WHERE schema_name = 'marts'").fetchall()
        [(table_comment,)] = con.execute(
            "SELECT comment FROM duckdb_tables() WHERE schema_name = 'marts' AND table_name = 'dim_report'"
        ).fetchall()
    finally:
        con.close()
    meanings = _meanings()
    assert comments
    for table, column, comment in comments:
        assert comment == meanings[table][column], (table, column)
    assert table_comment.startswith("One row per distinct report content in the raw folder")


# The catalog's units of counts, and of money.
COUNT_UNITS = {"条", "件", "次", "个", "人", "人次", "篇", "项"}
MONEY_UNITS = {"元"}


def _indicator_of(column: str) -> str:
    # The three appeal columns are appeal_count split by proceeding; every other column is named
    # after its indicator.
    return "appeal_count" if column.startswith("appeal_") else column


def test_the_panel_holds_counts_as_integers_and_money_as_doubles_as_the_catalog_says(built):
    units = {row["indicator_code"]: row["unit"] for row in _seed("indicators")}
    files = sorted((built / "data" / "exports" / "fct_town_year").rglob("*.parquet"))
    schema = pq.read_schema(files[0])
    keys = {"town_key", "report_key", "candidate_reports"}
    flags = {"breaks_carried_link", "breaks_in_force_link", "breaks_level"}  # cross-year checks (issue 17)
    assert all(str(schema.field(flag).type) == "bool" for flag in flags)
    measures = [field for field in schema if field.name not in keys | flags]
    assert len(measures) == 19
    for field in measures:
        unit = units[_indicator_of(field.name)]
        if unit in COUNT_UNITS:
            assert str(field.type) == "int64", field.name
        else:
            assert unit in MONEY_UNITS and str(field.type) == "double", field.name
    assert pq.read_table(files[0]).column("req_received").to_pylist() != []


def _readme_python() -> str:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    export = readme[readme.index("## Export"):]
    return re.search(r"```python\n(.*?)```", export, re.DOTALL).group(1)


def test_the_readme_examples_run_as_written_and_agree_on_report_year(built):
    check = (_readme_python() + "\n"
             "print(observations['report_year'].dtype, panel.schema['report_year'], "
             "table.schema.field('report_year').type, len(observations), panel.height, table.num_rows)\n")
    result = subprocess.run([sys.executable, "-c", check], cwd=built, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    pandas_type, polars_type, arrow_type, observations, panel_rows, arrow_rows = result.stdout.split()
    assert (pandas_type, polars_type, arrow_type) == ("int32", "Int32", "int32")
    con = duckdb.connect(str(built / "data" / "warehouse.duckdb"), read_only=True)
    try:
        expected = con.execute("SELECT (SELECT count(*) FROM marts.fct_observation), "
                               "(SELECT count(*) FROM marts.fct_town_year)").fetchone()
    finally:
        con.close()
    assert (int(observations), int(panel_rows), int(arrow_rows)) == (expected[0], expected[1], expected[0])
