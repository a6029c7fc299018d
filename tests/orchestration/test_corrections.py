"""Corrections as data, through the real `ogi` command line and the real build job: a correction
survives a reparse by a new parser version, one that no longer matches anything is reported, and a
corrections file with a bad line stops the build with the line named and nothing published."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ogi.transforms.grammar import GRAMMAR_DIR
from ogi.warehouse.connection import connect_read_only

pytestmark = pytest.mark.slow  # `ogi build` in subprocesses

OGI = Path(sys.executable).parent / "ogi"
HEADER = "sha256,source_file,indicator,dims,value,who,when,why\n"
# 前卫镇's sample report (003_…): its website figure and its policy interpretations.
QIANWEI = "003_5848052d0453d0ed.txt"


def _env(tmp_path: Path, raw: Path, **extra: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith(("OGI_", "DAGSTER_"))}
    return {**env, "OGI_DATA_DIR": str(tmp_path / "data"), "OGI_RAW_DIR": str(raw), **extra}


def _ogi(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(OGI), *args], capture_output=True, text=True, env=env, timeout=300)


def _one(warehouse: Path, sql: str, **params) -> tuple | None:
    with connect_read_only(warehouse) as con:
        return con.execute(sql, params or None).fetchone()


def test_a_correction_survives_a_reparse_by_a_new_parser_version(sample_raw, tmp_path):
    env = _env(tmp_path, sample_raw)
    warehouse = tmp_path / "data" / "warehouse.duckdb"
    assert _ogi(env, "build").returncode == 0
    # Only an observation the warehouse has can be corrected, with catalog codes.
    missing = _ogi(env, "correct", QIANWEI, "staff_total", "--value", "3", "--who", "李明", "--why", "x")
    assert missing.returncode == 1  # the user's to fix (README, exit statuses)
    assert missing.stderr.startswith("ogi correct: report ae865ab6f2d737e8 (003_5848052d0453d0ed.txt) has no "
                                     "observation staff_total;")
    unknown = _ogi(env, "correct", QIANWEI, "pd_items_by_channel", "--dims", "channel=wechat", "--value", "3",
                   "--who", "李明", "--why", "x")
    assert (unknown.returncode, unknown.stderr) == (
        1, "ogi correct: 'wechat' is not a channel code of the catalog (docs/catalog.md)\n")
    assert not (sample_raw / "corrections.csv").exists()
    corrected = _ogi(env, "correct", QIANWEI, "pd_items_by_channel", "--dims", "channel=website",
                     "--value", "427", "--who", "李明", "--why", "438 counts the 11 items of a column twice",
                     "--when", "2026-11-30")
    assert corrected.returncode == 0, corrected.stderr
    assert corrected.stdout.splitlines()[0].startswith(f"line 2 of {sample_raw / 'corrections.csv'}: 前卫镇 2017 "
                                                       "pd_items_by_channel channel=website: parsed 438")
    sha = _one(warehouse, "SELECT sha256 FROM marts.dim_report WHERE source_file = $f", f=QIANWEI)[0]
    assert (sample_raw / "corrections.csv").read_text(encoding="utf-8") == HEADER + (
        f"{sha},{QIANWEI},pd_items_by_channel,channel=website,427,李明,2026-11-30,"
        "438 counts the 11 items of a column twice\n")

    built = _ogi(env, "build")
    assert built.returncode == 0, built.stderr
    assert "corrections:   1 line(s) — applied: 1" in built.stdout
    query = ("SELECT value, value_source, parsed_value, corrected_by, correction_reason, obs.parser_version "
             "FROM marts.fct_observation AS obs JOIN marts.dim_report USING (report_key) "
             "WHERE source_file = $f AND indicator_code = 'pd_items_by_channel' AND channel_code = 'website'")
    before = _one(warehouse, query, f=QIANWEI)
    assert before[:5] == (427.0, "corrected", 438.0, "李明", "438 counts the 11 items of a column twice")

    # A new parser version for real: a copy of the grammar with one more line changes its fingerprint.
    grammar = tmp_path / "grammar"
    shutil.copytree(GRAMMAR_DIR, grammar)
    with open(grammar / "words.tsv", "a", encoding="utf-8") as handle:
        handle.write("# one more line\n")
    reparsed = _ogi({**env, "OGI_GRAMMAR_DIR": str(grammar)}, "build")
    assert reparsed.returncode == 0, reparsed.stderr
    assert "parsed now:    5 " in reparsed.stdout
    after = _one(warehouse, query, f=QIANWEI)
    assert after[:5] == before[:5]
    assert after[5] != before[5]
    # The panel and the cross-year views use the value in force.
    assert _one(warehouse, "SELECT count(*) FROM marts.fct_observation WHERE value_source = 'corrected'") == (1,)


def test_corrections_that_no_longer_match_are_reported_and_change_nothing(sample_raw, ogi_env, build):
    warehouse = ogi_env["OGI_WAREHOUSE"]
    assert build(sample_raw).success
    with connect_read_only(warehouse) as con:
        shas = dict(con.execute("SELECT source_file, sha256 FROM marts.dim_report").fetchall())
    gone_sha = "0" * 64
    (sample_raw / "corrections.csv").write_text(
        HEADER
        # 前卫镇 states no staff count: the key matches no observation.
        + f"{shas[QIANWEI]},{QIANWEI},staff_total,,3,李明,2026-11-30,three staff\n"
        # A report no file holds any more.
        + f"{gone_sha},old/removed.txt,pd_items_total,,12,李明,2026-11-30,twelve\n"
        # 前卫镇's policy interpretations: the report does not state them (a not-stated correction).
        + f"{shas[QIANWEI]},{QIANWEI},resp_policy_interpretations,,not stated,王芳,2026-12-01,"
          "政策解读2条 counts items of a column\n",
        encoding="utf-8")
    observations = _one(warehouse, "SELECT count(*) FROM marts.fct_observation")[0]
    assert build(sample_raw).success
    with connect_read_only(warehouse) as con:
        statuses = con.execute("SELECT line, status, detail FROM marts.fct_correction ORDER BY line").fetchall()
        struck = con.execute(
            "SELECT value, value_source, parsed_value, evidence FROM marts.fct_observation "
            "WHERE report_key = $key AND indicator_code = 'resp_policy_interpretations'",
            {"key": shas[QIANWEI][:16]}).fetchall()
        panel = con.execute("SELECT resp_policy_interpretations FROM marts.fct_town_year "
                            "WHERE report_key = $key", {"key": shas[QIANWEI][:16]}).fetchone()
        count = con.execute("SELECT count(*) FROM marts.fct_observation").fetchone()[0]
        quarantined = con.execute("SELECT count(*) FROM staging.quarantine").fetchone()[0]
    parser = _one(warehouse, "SELECT parser_version FROM marts.dim_report LIMIT 1")[0]
    assert statuses == [
        (2, "observation_gone", f"parser {parser} reads no such figure in this report"),
        (3, "report_gone", "no file under the raw folder has this content any more"),
        (4, "applied", None),
    ]
    # Struck out, not deleted: the row keeps the parser's reading and its words.
    assert struck == [(None, "corrected", 2.0, "政策解读2条")]
    assert panel == (None,)
    assert count == observations
    # corrections.csv at the top of the raw folder is the team's record, not a report to quarantine.
    assert quarantined == 0

    # The file changes: the correction keyed by the old content is reported with the new report named.
    with open(sample_raw / QIANWEI, "a", encoding="utf-8") as handle:
        handle.write("\n（三）本报告由前卫镇党政办公室负责解释。\n")
    assert build(sample_raw).success
    with connect_read_only(warehouse) as con:
        new_key = con.execute("SELECT report_key FROM marts.dim_report WHERE source_file = $f",
                              {"f": QIANWEI}).fetchone()[0]
        line_4 = con.execute("SELECT status, detail FROM marts.fct_correction WHERE line = 4").fetchone()
        assert con.execute("SELECT count(*) FROM marts.fct_observation WHERE value_source = 'corrected'"
                           ).fetchone() == (0,)
    assert line_4 == ("report_gone", f"{QIANWEI} now holds report {new_key} (its content changed): check the "
                                     "figure there and correct that report")


def test_a_bad_line_stops_the_build_naming_the_line_and_nothing_is_published(sample_raw, tmp_path):
    env = _env(tmp_path, sample_raw)
    warehouse = tmp_path / "data" / "warehouse.duckdb"
    assert _ogi(env, "build").returncode == 0
    published = warehouse.stat().st_mtime_ns
    sha = _one(warehouse, "SELECT sha256 FROM marts.dim_report WHERE source_file = $f", f=QIANWEI)[0]
    good = f"{sha},{QIANWEI},resp_hot_topics,,5,李明,2026-11-30,舆情处置5起 in the table\n"
    bad = f"{sha},{QIANWEI},pd_items_totl,,12,李明,2026-11-30,a typo in the indicator\n"
    (sample_raw / "corrections.csv").write_text(HEADER + good + bad, encoding="utf-8")
    result = _ogi(env, "build")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"ogi build: {sample_raw / 'corrections.csv'} line 3: unknown indicator 'pd_items_totl' (docs/catalog.md); "
        "nothing was built"]
    assert warehouse.stat().st_mtime_ns == published
    # The good line before the bad one was not applied either.
    assert _one(warehouse, "SELECT count(*) FROM marts.fct_observation WHERE value_source = 'corrected'") == (0,)


def test_a_build_from_the_ui_with_a_bad_line_fails_before_any_mart_and_publishes_nothing(
        sample_raw, ogi_env, build):
    warehouse = ogi_env["OGI_WAREHOUSE"]
    assert build(sample_raw).success
    published = warehouse.stat().st_mtime_ns
    (sample_raw / "corrections.csv").write_text(HEADER + "abc,x.txt,pd_items_total,,12,李明,2026-11-30,short\n",
                                                encoding="utf-8")
    result = build(sample_raw, raise_on_error=False)
    assert not result.success
    [failure] = [event for event in result.all_events if event.is_step_failure]
    assert failure.step_key == "build_marts"
    assert (f"{sample_raw / 'corrections.csv'} line 2: sha256 'abc' is not 64 lowercase hex digits"
            in failure.event_specific_data.error.message)
    assert not result.asset_materializations_for_node("published_warehouse")
    assert warehouse.stat().st_mtime_ns == published
