"""The `ogi` command line as users run it: the installed script, in a subprocess."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.dataset as ds
import pytest

# The script installed beside the interpreter running the tests (.venv/bin/ogi).
OGI = Path(sys.executable).parent / "ogi"


def _ogi(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([str(OGI), *args], capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory) -> dict[str, str]:
    data = tmp_path_factory.mktemp("cli") / "data"
    env = {**os.environ, "OGI_DATA_DIR": str(data)}
    for name in ("OGI_RAW_DIR", "OGI_WAREHOUSE", "OGI_EXPORT_DIR", "DAGSTER_HOME"):
        env.pop(name, None)
    built = _ogi("build", env=env)
    assert built.returncode == 0, built.stderr
    assert "reports:       5" in built.stdout
    return env


def test_build_uses_a_persistent_dagster_home_under_the_data_folder(cli_env):
    home = os.path.join(cli_env["OGI_DATA_DIR"], "dagster_home")
    assert os.path.exists(os.path.join(home, "dagster.yaml"))
    assert os.path.isdir(os.path.join(home, "storage"))


def test_sql_prints_the_panel_as_a_table_csv_and_json(cli_env):
    table = _ogi("sql", "select town_key, report_year, pd_items_total from marts.fct_town_year "
                 "order by pd_items_total", env=cli_env)
    assert table.returncode == 0
    assert "(5 rows)" in table.stdout
    csv_out = _ogi("sql", "select pd_items_total from marts.fct_town_year order by 1", "--format", "csv", env=cli_env)
    assert csv_out.stdout.split() == ["pd_items_total", "44.0", "48.0", "62.0", "318.0", "438.0"]
    json_out = _ogi("sql", "select body_name from marts.dim_report order by source_file limit 1",
                    "--format", "json", env=cli_env)
    assert json.loads(json_out.stdout) == {"body_name": "康大营镇"}


def test_sql_refuses_to_write(cli_env):
    result = _ogi("sql", "delete from marts.dim_report", env=cli_env)
    assert result.returncode == 2
    assert "read-only" in result.stderr
    assert _ogi("sql", "select count(*) as n from marts.dim_report", "--format", "csv",
                env=cli_env).stdout.split() == ["n", "5"]


def test_export_writes_parquet_that_pyarrow_reads_back(cli_env, tmp_path):
    result = _ogi("export", "--out", str(tmp_path / "out"), env=cli_env)
    assert result.returncode == 0, result.stderr
    observations = _ogi("sql", "select count(*) as n from marts.fct_observation", "--format", "csv", env=cli_env)
    expected = int(observations.stdout.split()[1])
    dataset = ds.dataset(tmp_path / "out" / "fct_observation", format="parquet", partitioning="hive")
    assert dataset.count_rows() == expected
    assert sorted(p.name for p in (tmp_path / "out" / "fct_observation").iterdir()) == [
        "report_year=2017", "report_year=2018",
    ]


def test_extract_prints_one_json_object_per_observation_with_its_evidence(sample_raw):
    report = sample_raw / "002_bfaacea65ec70e8f.txt"
    result = subprocess.run([str(OGI), "extract", str(report), "--json"], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    text = report.read_text(encoding="utf-8")
    budget = [row for row in rows if row["indicator"] == "budget_special"]
    assert [row["value"] for row in budget] == [5000.0]
    for row in rows:
        start, end = row["span"]
        assert text[start:end] == row["evidence"]


def test_sql_on_a_missing_warehouse_says_how_to_build_one(tmp_path):
    env = {**os.environ, "OGI_WAREHOUSE": str(tmp_path / "none.duckdb")}
    result = _ogi("sql", "select 1", env=env)
    assert result.returncode == 2
    assert "ogi build" in result.stderr
