"""The code location loads, with every asset, check, job, schedule and sensor."""
from __future__ import annotations

import dagster as dg

from ogi.orchestration.definitions import defs
from ogi.warehouse import marts


def test_definitions_load_with_every_asset_and_check():
    keys = {key.to_user_string() for key in defs.resolve_all_asset_keys()}
    expected = {"raw_inventory", "staged_reports", "resolved_organs", "quarantine", "corrections", "published_warehouse",
                "parquet_exports", "html_report"}
    expected |= {mart.name for mart in marts.ALL}
    assert keys == expected
    checks = {key.name for key in defs.resolve_asset_graph().asset_check_keys}
    assert {"every_file_accounted_for", "spans_match_evidence", "codes_in_catalog", "values_in_range",
            "one_row_per_organ_year", "request_balance"} <= checks


def test_the_build_job_selects_everything_and_carries_the_writer_tag():
    job = defs.resolve_job_def("build_warehouse")
    assert job.tags["ogi/writer"] == "warehouse"
    assert len(job.asset_layer.executable_asset_keys) == len(list(defs.resolve_all_asset_keys()))


def test_automations_exist_and_are_off_by_default():
    sensor = defs.resolve_sensor_def("raw_folder_sensor")
    schedule = defs.resolve_schedule_def("daily_build")
    assert sensor.default_status == dg.DefaultSensorStatus.STOPPED
    assert schedule.default_status == dg.DefaultScheduleStatus.STOPPED
    assert schedule.job_name == "build_warehouse"
