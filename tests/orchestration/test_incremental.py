"""Incremental builds: a new file is the only one parsed, a changed file replaces its old rows,
and a rerun of the same input changes nothing."""
from __future__ import annotations

from synthetic.reports import generate_report
from ogi.transforms.parse import parse_report
from ogi.warehouse.connection import connect_read_only


def _staged(result) -> dict:
    """What the staging step did: parsed_now, reused_unchanged, pruned …"""
    assert result.success
    metadata = next(m for m in result.asset_materializations_for_node("ingest") if m.asset_key.to_user_string() == "staged_reports").metadata
    return {name: value.value for name, value in metadata.items()}


def _rows(warehouse, table: str) -> list:
    with connect_read_only(warehouse) as con:
        return con.execute(f"SELECT * FROM marts.{table} ORDER BY ALL").fetchall()


def test_only_new_and_changed_files_are_parsed_and_reruns_change_nothing(sample_raw, ogi_env, build):
    warehouse = ogi_env["OGI_WAREHOUSE"]
    first = _staged(build(sample_raw))
    assert first["parsed_now"] == 5
    observations = _rows(warehouse, "fct_observation")

    added = generate_report(seed=7, index=3)
    (sample_raw / "added.txt").write_text(added.text, encoding="utf-8")
    second = _staged(build(sample_raw))
    assert (second["parsed_now"], second["reused_unchanged"]) == (1, 5)
    with_added = _rows(warehouse, "fct_observation")
    assert len(with_added) == len(observations) + len(parse_report(added.text).observations)
    assert set(observations) <= set(with_added)

    reports = _rows(warehouse, "dim_report")
    third = _staged(build(sample_raw))
    assert (third["parsed_now"], third["reused_unchanged"]) == (0, 6)
    assert _rows(warehouse, "fct_observation") == with_added
    assert _rows(warehouse, "dim_report") == reports

    changed = generate_report(seed=8, index=4)
    (sample_raw / "added.txt").write_text(changed.text, encoding="utf-8")
    fourth = _staged(build(sample_raw))
    assert (fourth["parsed_now"], fourth["pruned"]) == (1, 1)
    after_change = _rows(warehouse, "fct_observation")
    assert len(after_change) == len(observations) + len(parse_report(changed.text).observations)
    with connect_read_only(warehouse) as con:
        assert con.execute("SELECT count(*) FROM marts.dim_report WHERE source_file = 'added.txt'").fetchone() == (1,)
        assert con.execute("SELECT count(*) FROM staging.stg_content").fetchone() == (6,)


def test_a_backfill_by_year_parses_again_only_that_years_reports(sample_raw, ogi_env, build):
    _staged(build(sample_raw))
    staged = _staged(build(sample_raw, {"ops": {"ingest": {"config": {"reparse_years": [2018]}}}}))
    # Of the five sample reports only 大信镇's is about 2018.
    assert (staged["parsed_now"], staged["reused_unchanged"]) == (1, 4)
