"""Every quarantine reason, parser flag and matching method is a code of its seed, explained there;
the gate check refuses a build that uses another."""
from __future__ import annotations

import csv
import re

import duckdb

from ogi.orchestration.gate_checks import GATE_CHECKS
from ogi.transforms.decode import REASONS
from ogi.warehouse.connection import seed_path
from tests.paths import REPO_ROOT


def _codes(seed: str, column: str) -> set[str]:
    with open(seed_path(seed), encoding="utf-8", newline="") as handle:
        return {row[column] for row in csv.DictReader(handle)}


def test_every_reason_the_code_gives_is_in_the_seed():
    # The decoder's reasons, and those ingestion and staging.quarantine give themselves.
    given = set(REASONS) | {"too_large", "outside_raw_folder", "unreadable", "parse_error", "time_limit",
                            "duplicate_of"}
    assert given <= _codes("quarantine_reasons", "reason")


def test_the_readme_table_of_reasons_is_the_seed():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| reason | what it means | what to do |"):]
    table = table[:table.index("\n\n")]
    assert set(re.findall(r"^\| `(\w+)` \|", table, re.MULTILINE)) == _codes("quarantine_reasons", "reason")


def _check():
    (check,) = [check for check in GATE_CHECKS if check.name == "reasons_flags_methods_in_seeds"]
    return check


def _warehouse(reason: str, flag_code: str, method: str = "prose") -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("CREATE SCHEMA staging; CREATE SCHEMA marts")
    con.execute("CREATE TABLE staging.quarantine AS SELECT 'a.txt' AS source_file, $reason AS reason",
                {"reason": reason})
    con.execute("CREATE TABLE marts.dim_report AS "
                "SELECT 'k' AS report_key, [{'code': $code, 'detail': 'words'}] AS flags", {"code": flag_code})
    con.execute("CREATE TABLE marts.fct_observation AS SELECT $method AS method", {"method": method})
    return con


def test_every_method_of_the_extractors_is_in_the_seed():
    # Read from the extractors' source: every `method="…"` they pass.
    sources = (REPO_ROOT / "transforms" / "extract").glob("*.py")
    used = {code for path in sources for code in re.findall(r'method="(\w+)"', path.read_text(encoding="utf-8"))}
    assert used == _codes("methods", "method")


def test_the_gate_passes_known_codes():
    result = _check().evaluate(_warehouse("empty", "req_balance"))
    assert result.passed and _check().blocking


def test_the_gate_fails_an_unknown_reason_or_flag():
    assert not _check().evaluate(_warehouse("duplicate_of:b.txt", "req_balance")).passed
    result = _check().evaluate(_warehouse("empty", "conflicts"))
    assert not result.passed and result.metadata["violations"].value == 1
    assert not _check().evaluate(_warehouse("empty", "conflict", method="prose:req_received")).passed
