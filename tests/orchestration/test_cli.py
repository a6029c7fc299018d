"""The `ogi` command line as users run it: the installed script, in a subprocess."""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from ogi.transforms.parse import PARSER_VERSION

pytestmark = pytest.mark.slow  # the installed `ogi` script in subprocesses, on a warehouse it builds

# The script installed beside the interpreter running the tests (.venv/bin/ogi).
OGI = Path(sys.executable).parent / "ogi"


def _ogi(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([str(OGI), *args], capture_output=True, text=True, env=env, timeout=300)


def _fresh_env(**variables: str) -> dict[str, str]:
    """This process's environment without the paths other tests' in-process builds may have set
    (settings.apply_defaults writes them into os.environ), plus `variables`."""
    env = {k: v for k, v in os.environ.items() if k not in ("OGI_RAW_DIR", "OGI_WAREHOUSE", "OGI_EXPORT_DIR", "DAGSTER_HOME")}
    return {**env, **variables}


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory) -> dict[str, str]:
    data = tmp_path_factory.mktemp("cli") / "data"
    env = _fresh_env(OGI_DATA_DIR=str(data))
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
    assert csv_out.stdout.split() == ["pd_items_total", "44", "48", "62", "318", "438"]
    json_out = _ogi("sql", "select body_name from marts.dim_report order by source_file limit 1",
                    "--format", "json", env=cli_env)
    assert json.loads(json_out.stdout) == [{"body_name": "康大营镇"}]


def test_csv_ends_lines_with_lf_and_heads_count_star_as_written(cli_env):
    result = _ogi("sql", "select count(*), count(*) + 1 as more from marts.dim_report", "--format", "csv",
                  env=cli_env)
    assert result.stdout == "count(*),more\n5,6\n"


def test_json_is_one_array_and_jsonl_one_object_a_line(cli_env):
    query = "select report_year, count(*) as n from marts.dim_report group by 1 order by 1"
    expected = [{"report_year": 2017, "n": 4}, {"report_year": 2018, "n": 1}]
    assert json.loads(_ogi("sql", query, "--format", "json", env=cli_env).stdout) == expected
    lines = _ogi("sql", query, "--format", "jsonl", env=cli_env).stdout.splitlines()
    assert [json.loads(line) for line in lines] == expected
    # A DECIMAL is a JSON number, NaN (no JSON value) null.
    odd = _ogi("sql", "select 1.25::decimal(5,2) as d, 'nan'::double as n", "--format", "json", env=cli_env)
    assert json.loads(odd.stdout) == [{"d": 1.25, "n": None}]


def test_the_table_shows_each_statement_and_at_most_max_rows(cli_env):
    result = _ogi("sql", "select 7 as seven; select source_file from marts.dim_report order by 1",
                  "--max-rows", "2", env=cli_env)
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.split("\n\n")
    assert first.splitlines() == ["seven", "-----", "7", "(1 row)"]
    lines = second.splitlines()
    assert lines[0] == "source_file"
    assert len(lines) == 2 + 2 + 1
    assert lines[-1].startswith("(5 rows; 3 not shown")


def test_a_long_cell_is_cut_in_the_table_and_whole_in_csv(cli_env):
    query = "select repeat('长', 60) as text"
    table = _ogi("sql", query, env=cli_env).stdout.splitlines()
    # 40 terminal columns at most: 19 wide characters, a space (a 20th would take columns 39–40) and the ellipsis.
    assert table[2] == "长" * 19 + " …"
    assert _ogi("sql", query, "--format", "csv", env=cli_env).stdout == "text\n" + "长" * 60 + "\n"


def test_one_result_formats_refuse_several_statements_before_running_any(cli_env):
    for fmt in ("csv", "json", "parquet"):
        result = _ogi("sql", "select 1; select 2", "--format", fmt, env=cli_env)
        assert "2 statements" in _one_error_line(result, "sql")
        assert result.stdout == ""


def test_parquet_goes_to_a_file_or_to_a_pipe(cli_env, tmp_path):
    query = "select source_file, report_year from marts.dim_report order by 1"
    out = tmp_path / "reports.parquet"
    written = _ogi("sql", query, "--format", "parquet", "--out", str(out), env=cli_env)
    assert written.returncode == 0, written.stderr
    table = pq.read_table(out)
    assert table.num_rows == 5
    assert table.column_names == ["source_file", "report_year"]
    piped = subprocess.run([str(OGI), "sql", query, "--format", "parquet"], capture_output=True, env=cli_env,
                           timeout=120)
    assert pq.read_table(pa.BufferReader(piped.stdout)).equals(table)
    warehouse = Path(cli_env["OGI_DATA_DIR"]) / "warehouse.duckdb"
    before = _digest(warehouse)
    refused = _ogi("sql", query, "--format", "parquet", "--out", str(warehouse), env=cli_env)
    assert "warehouse itself" in _one_error_line(refused, "sql")
    assert _digest(warehouse) == before
    assert "--format parquet" in _one_error_line(_ogi("sql", query, "--out", str(out), env=cli_env), "sql")


def test_version_names_the_package_and_the_parser():
    result = subprocess.run([str(OGI), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout == f"ogi {version('ogi-warehouse')} (parser {PARSER_VERSION})\n"


def test_every_argument_has_help_and_path_flags_name_their_variable():
    from ogi.orchestration.cli import _parser

    commands = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    variables = {"--warehouse": "OGI_WAREHOUSE", "--raw": "OGI_RAW_DIR", "--export-dir": "OGI_EXPORT_DIR"}
    for name, command in commands.choices.items():
        for action in command._actions:
            assert action.help, (name, action.dest)
            for flag in action.option_strings:
                if flag in variables:
                    assert variables[flag] in action.help and "default" in action.help, (name, flag)
    export_out = next(a for a in commands.choices["export"]._actions if "--out" in a.option_strings)
    assert "OGI_EXPORT_DIR" in export_out.help


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_error_line(result: subprocess.CompletedProcess, command: str) -> str:
    """The single line a user error prints (status 1, no traceback)."""
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"ogi {command}: ")
    return line


def _write_attempts(folder: Path, warehouse: Path) -> dict[str, str]:
    """Statements that would write something somewhere (or read outside the allowed folder), and a
    word the refusal must contain."""
    return {
        f"copy (select 1 as a) to '{warehouse}' (format csv)": "COPY",
        f"copy (select 1 as a) to '{folder / 'elsewhere.csv'}' (format csv)": "COPY",
        f"copy (select 1 as a) to '{folder / 'allowed' / 'inside.csv'}' (format csv)": "COPY",
        f"export database '{folder / 'allowed' / 'dump'}'": "EXPORT",
        f"explain analyze copy (select 1 as a) to '{folder / 'allowed' / 'explained.csv'}'": "COPY",
        f"attach '{folder / 'other.duckdb'}' as other": "ATTACH",
        "install httpfs": "LOAD",
        "load json": "LOAD",
        "create temp table t as select 1 as a": "CREATE",
        "delete from marts.dim_report": "DELETE",
        "set enable_external_access = true": "SET",
        f"select * from read_csv('{folder / 'outside.csv'}')": "--allow-files",
        f"select * from read_csv('{folder / 'allowed' / '..' / 'outside.csv'}')": "--allow-files",
    }


def test_sql_refuses_every_write_and_leaves_the_warehouse_byte_identical(cli_env, tmp_path):
    warehouse = Path(cli_env["OGI_DATA_DIR"]) / "warehouse.duckdb"
    (tmp_path / "allowed").mkdir()
    (tmp_path / "outside.csv").write_text("a\n1\n", encoding="utf-8")
    before = _digest(warehouse)
    for statement, word in _write_attempts(tmp_path, warehouse).items():
        result = _ogi("sql", statement, "--allow-files", str(tmp_path / "allowed"), env=cli_env)
        assert word in _one_error_line(result, "sql"), statement
        assert _digest(warehouse) == before, statement
    assert sorted(p.name for p in tmp_path.iterdir()) == ["allowed", "outside.csv"]
    assert list((tmp_path / "allowed").iterdir()) == []
    assert _ogi("sql", "select count(*) as n from marts.dim_report", "--format", "csv",
                env=cli_env).stdout.split() == ["n", "5"]


def test_sql_reads_a_csv_in_an_allowed_folder_and_only_there(cli_env, tmp_path):
    (tmp_path / "codes.csv").write_text("report_year,label\n2017,first\n2018,second\n", encoding="utf-8")
    query = (f"select c.label, count(*) as n from marts.dim_report r "
             f"join read_csv('{tmp_path / 'codes.csv'}') c using (report_year) group by 1 order by 1")
    refused = _ogi("sql", query, env=cli_env)
    assert "--allow-files" in _one_error_line(refused, "sql")
    allowed = _ogi("sql", query, "--allow-files", str(tmp_path), "--format", "csv", env=cli_env)
    assert allowed.returncode == 0, allowed.stderr
    counts = dict(line.split(",") for line in allowed.stdout.split()[1:])
    assert set(counts) == {"first", "second"}
    assert sum(int(n) for n in counts.values()) == 5


def test_sql_into_a_closed_pipe_ends_quietly(cli_env):
    # `head -1` reads one line and closes the pipe while ogi is still writing 69 observations.
    result = subprocess.run(f"'{OGI}' sql 'select * from marts.fct_observation, range(200)' | head -1",
                            shell=True, capture_output=True, text=True, env=cli_env, timeout=120)
    assert result.stdout.startswith("report_key")
    assert result.stderr == ""


def test_sql_errors_are_one_line(cli_env):
    assert "syntax error" in _one_error_line(_ogi("sql", "selec 1", env=cli_env), "sql")
    assert "nope" in _one_error_line(_ogi("sql", "select * from marts.nope", env=cli_env), "sql")


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
    env = _fresh_env(OGI_WAREHOUSE=str(tmp_path / "none.duckdb"))
    assert "ogi build" in _one_error_line(_ogi("sql", "select 1", env=env), "sql")


def test_a_file_that_is_not_a_warehouse_is_one_line(tmp_path):
    (tmp_path / "notes.txt").write_text("not a database", encoding="utf-8")
    env = _fresh_env(OGI_WAREHOUSE=str(tmp_path / "notes.txt"))
    assert "--warehouse" in _one_error_line(_ogi("sql", "select 1", env=env), "sql")


def test_export_to_a_folder_it_cannot_make_or_to_a_file_is_one_line(cli_env, tmp_path):
    assert "/proc/nope" in _one_error_line(_ogi("export", "--out", "/proc/nope", env=cli_env), "export")
    (tmp_path / "README.md").write_text("# notes", encoding="utf-8")
    line = _one_error_line(_ogi("export", "--out", str(tmp_path / "README.md"), env=cli_env), "export")
    assert "is a file" in line
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "# notes"


def test_a_build_into_a_folder_it_cannot_write_is_one_line(tmp_path):
    env = _fresh_env(OGI_DATA_DIR=str(tmp_path))
    line = _one_error_line(_ogi("build", "--warehouse", "/proc/nope/w.duckdb", env=env), "build")
    assert "/proc/nope" in line and "--warehouse" in line


def test_a_size_that_is_not_one_is_one_line(tmp_path):
    env = _fresh_env(OGI_DATA_DIR=str(tmp_path), OGI_MAX_FILE_BYTES="50 furlongs")
    assert "50MB" in _one_error_line(_ogi("build", env=env), "build")
    assert not (tmp_path / "warehouse.duckdb").exists()


def test_a_usage_error_is_one_line_with_status_1():
    result = subprocess.run([str(OGI), "build", "--no-such-flag"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert "--no-such-flag" in line
