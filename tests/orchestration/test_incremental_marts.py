"""The facts rebuilt per report: a build that adds, changes, removes and corrects reports in a
warehouse gives the marts a build of the same folder from scratch gives, table by table, having
rewritten only the reports concerned."""
from __future__ import annotations

import math
from pathlib import Path

from synthetic.reports import generate_report
from ogi.warehouse import marts
from ogi.warehouse.connection import connect_read_only

# A correction of a sample report (README, "Correct a number"): its figure becomes "not stated".
_CORRECTION = (
    "sha256,source_file,indicator,dims,value,who,when,why\n"
    "5c9ca387d7fb0c925522eac9a933c092fef38265ce6253286014edff518c15f2,001_bd7fffdae03531a5.txt,"
    "staff_fulltime,,not stated,测试员,2026-12-01,专业人员不等于专职人员\n"
)


def _write(raw: Path, name: str, seed: int, index: int) -> None:
    (raw / name).write_text(generate_report(seed=seed, index=index).text, encoding="utf-8")


def _comparable(value: object) -> object:
    return "NaN" if isinstance(value, float) and math.isnan(value) else value  # NaN equals nothing, itself neither


def _marts(warehouse: Path) -> dict[str, list[tuple]]:
    """Every marts table's rows, sorted: the tables' contents whatever order the rows were written in."""
    with connect_read_only(warehouse) as con:
        return {table: [tuple(map(_comparable, row))
                        for row in con.execute(f"SELECT * FROM marts.{table} ORDER BY ALL").fetchall()]
                for table in marts.table_names(con)}


def _rewritten(result) -> dict[str, int]:
    assert result.success
    return {
        m.asset_key.to_user_string(): m.metadata["reports_rewritten"].value
        for m in result.asset_materializations_for_node("build_marts") if "reports_rewritten" in m.metadata
    }


def test_adding_changing_removing_and_correcting_reports_gives_the_marts_of_a_build_from_scratch(
        sample_raw, ogi_env, build, monkeypatch, tmp_path):
    for index in range(3):
        _write(sample_raw, f"gen_{index}.txt", seed=21, index=index)
    first = _rewritten(build(sample_raw))
    assert first == {"fct_observation": 8, "fct_report_completeness": 8}  # 5 sample + 3 generated reports

    for index in (3, 4):
        _write(sample_raw, f"gen_{index}.txt", seed=21, index=index)  # two new reports
    _write(sample_raw, "gen_1.txt", seed=22, index=9)  # a changed file: another content
    (sample_raw / "004_0583386d1529f02d.txt").unlink()  # a removed report
    (sample_raw / "corrections.csv").write_text(_CORRECTION, encoding="utf-8")  # a corrected report
    second = _rewritten(build(sample_raw))
    incremental = _marts(ogi_env["OGI_WAREHOUSE"])

    monkeypatch.setenv("OGI_WAREHOUSE", str(tmp_path / "scratch" / "warehouse.duckdb"))
    monkeypatch.setenv("OGI_EXPORT_DIR", str(tmp_path / "scratch" / "exports"))
    scratch_result = build(sample_raw)
    assert _rewritten(scratch_result) == {"fct_observation": 9, "fct_report_completeness": 9}
    scratch = _marts(tmp_path / "scratch" / "warehouse.duckdb")

    assert incremental.keys() == scratch.keys()
    for table, rows in scratch.items():
        assert incremental[table] == rows, table
    assert any(row for row in scratch["fct_observation"] if "corrected" in row)
    # 11 reports were or are in the warehouse (8 before, 9 now): rewritten are the 2 new ones, the
    # changed file's new content, its old one and the removed one (gone) and the corrected one; a
    # report whose organ-year gained or lost a rival may be too, the others are left as they were.
    for mart in ("fct_observation", "fct_report_completeness"):
        assert 6 <= second[mart] < 11, mart


def test_a_build_with_nothing_changed_rewrites_no_report(sample_raw, ogi_env, build):
    build(sample_raw)
    before = _marts(ogi_env["OGI_WAREHOUSE"])
    assert _rewritten(build(sample_raw)) == {"fct_observation": 0, "fct_report_completeness": 0}
    assert _marts(ogi_env["OGI_WAREHOUSE"]) == before
