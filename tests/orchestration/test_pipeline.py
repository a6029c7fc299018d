"""In-process materialisation of every asset (the real job, executor and DuckDB file) on the seeds.

Expected figures were read off the sample reports by hand (sample_corpus/*.txt).
"""
from __future__ import annotations

import shutil

import pyarrow.dataset as ds
import pytest

from ogi.warehouse.connection import connect_read_only


def _query(path, sql, params=None):
    with connect_read_only(path) as con:
        return con.execute(sql, params).fetchall()


@pytest.fixture
def built(sample_raw, ogi_env, build):
    # Bad input beside the reports: each must end up in the quarantine with its reason.
    (sample_raw / "empty.txt").write_bytes(b"")
    (sample_raw / "nested").mkdir()
    shutil.copy(sample_raw / "000_2ed911f94c529722.txt", sample_raw / "nested" / "copy.txt")
    result = build(sample_raw)
    assert result.success
    return ogi_env["OGI_WAREHOUSE"], result


def test_the_seeds_become_five_reports_with_their_organs_and_years(built):
    warehouse, _ = built
    rows = _query(warehouse, "SELECT source_file, body_name, county, report_year, format_code, regime "
                             "FROM marts.dim_report ORDER BY source_file")
    assert rows == [
        ("000_2ed911f94c529722.txt", "康大营镇", "梅河口市", 2017, "N", "R07"),
        ("001_bd7fffdae03531a5.txt", "新合镇", "梅河口市", 2017, "N", "R07"),
        ("002_bfaacea65ec70e8f.txt", "北大湖镇", "永吉县", 2017, "N", "R07"),
        ("003_5848052d0453d0ed.txt", "前卫镇", "江川区", 2017, "N", "R07"),
        ("004_0583386d1529f02d.txt", "大信镇", "即墨区", 2018, "N", "R07"),
    ]


def test_the_seeds_resolve_to_their_official_units_valid_in_the_report_year(built):
    warehouse, _ = built
    rows = _query(warehouse, "SELECT body_name, division_code, official_county, official_prefecture, "
                             "resolution_status FROM marts.dim_report ORDER BY source_file")
    # Codes looked up by hand in the Ministry of Civil Affairs / NBS tables the gazetteer ships.
    assert rows == [
        ("康大营镇", "220581111000", "梅河口市", "通化市", "resolved"),
        ("新合镇", "220581103000", "梅河口市", "通化市", "resolved"),
        ("北大湖镇", "220221105000", "永吉县", "吉林市", "resolved"),
        ("前卫镇", "530403102000", "江川区", "玉溪市", "resolved"),
        ("大信镇", "370215106000", "即墨区", "青岛市", "resolved"),  # the 2018 unit, before 大信街道
    ]


def test_a_renamed_unit_keeps_one_town_key_across_its_versions(built):
    warehouse, _ = built
    versions = _query(warehouse, """
        SELECT town.name, town.county, town.division_code, year(town.valid_from), year(town.valid_to)
        FROM marts.dim_town AS town
        JOIN marts.dim_report AS report USING (town_key)
        WHERE report.body_name = '大信镇'
        ORDER BY town.valid_from NULLS FIRST""")
    assert versions == [
        ("大信镇", "即墨市", "370282119000", None, 2016),
        ("大信镇", "即墨区", "370215106000", 2017, 2019),
        ("大信街道", "即墨区", "370215011000", 2020, None),
    ]


def test_every_input_file_is_a_report_or_quarantined_with_its_reason(built):
    warehouse, _ = built
    assert _query(warehouse, "SELECT source_file, reason, duplicate_of FROM staging.quarantine ORDER BY 1") == [
        ("empty.txt", "empty", None),
        ("nested/copy.txt", "duplicate_of", "000_2ed911f94c529722.txt"),
    ]


def test_the_panel_holds_stated_figures_and_explicit_zeros_but_never_invents_them(built):
    warehouse, _ = built
    rows = _query(warehouse, """
        SELECT town.name, panel.report_year, panel.pd_items_total, panel.req_received,
               panel.appeal_admin_review, panel.budget_special, panel.staff_total
        FROM marts.fct_town_year AS panel
        JOIN marts.dim_town AS town
            ON town.town_key = panel.town_key
           AND panel.report_year BETWEEN coalesce(year(town.valid_from), panel.report_year)
                                     AND coalesce(year(town.valid_to), panel.report_year)
        ORDER BY town.name""")
    assert rows == [
        # 前卫镇 states no budget and no staff count: null, not 0.
        ("前卫镇", 2017, 438.0, 0.0, 0.0, None, None),
        ("北大湖镇", 2017, 48.0, 0.0, 0.0, 5000.0, 1.0),  # 专项经费为0.5万元 → 5000 yuan
        ("大信镇", 2018, 318.0, 0.0, 0.0, None, None),
        ("康大营镇", 2017, 62.0, 0.0, 0.0, None, 2.0),
        ("新合镇", 2017, 44.0, 22.0, 0.0, None, None),
    ]


def test_observations_point_at_their_words(built):
    warehouse, _ = built
    rows = _query(warehouse, """
        SELECT obs.indicator_code, obs.channel_code, obs.value, obs.evidence,
               substring(content.text, obs.span_start + 1, obs.span_end - obs.span_start)
        FROM marts.fct_observation AS obs
        JOIN marts.dim_report AS report USING (report_key)
        JOIN staging.stg_content AS content ON content.sha256 = report.sha256
        WHERE report.body_name = '大信镇' AND obs.indicator_code = 'pd_items_by_channel'
        ORDER BY obs.value""")
    assert [(code, channel, value) for code, channel, value, _, _ in rows] == [
        ("pd_items_by_channel", "weibo", 3.0),
        ("pd_items_by_channel", "other", 6.0),
        ("pd_items_by_channel", "weixin", 15.0),
        ("pd_items_by_channel", "website", 294.0),
    ]
    for _, _, value, evidence, cut in rows:
        assert cut == evidence
        assert str(int(value)) in evidence


def test_the_gate_checks_ran_and_passed(built):
    _, result = built
    evaluations = {e.check_name: e.passed for e in result.get_asset_check_evaluations()}
    assert evaluations["every_file_accounted_for"]
    assert evaluations["spans_match_evidence"]
    assert evaluations["codes_in_catalog"]
    assert evaluations["values_in_range"]
    assert evaluations["one_row_per_organ_year"]


def test_parquet_exports_hold_the_marts_rows(built, ogi_env):
    warehouse, _ = built
    for table in ("fct_observation", "dim_report", "fct_town_year", "dim_indicator"):
        (count,) = _query(warehouse, f"SELECT count(*) FROM marts.{table}")[0]
        exported = ds.dataset(ogi_env["OGI_EXPORT_DIR"] / table, format="parquet", partitioning="hive")
        assert exported.count_rows() == count > 0


def test_a_rebuild_of_the_same_folder_parses_nothing_and_changes_nothing(built, sample_raw, build):
    warehouse, _ = built
    before = _query(warehouse, "SELECT * FROM marts.fct_observation ORDER BY ALL")
    result = build(sample_raw)
    staged = next(m for m in result.asset_materializations_for_node("ingest") if m.asset_key.to_user_string() == "staged_reports").metadata
    assert staged["parsed_now"].value == 0
    assert staged["reused_unchanged"].value == 6  # five reports and the empty file; the copy shares a sha256
    assert _query(warehouse, "SELECT * FROM marts.fct_observation ORDER BY ALL") == before
