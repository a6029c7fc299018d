"""The ingestion's assets materialised on their own, in process: a plain function of their config and
resources, whose staging assets say what they did."""
from __future__ import annotations

import dagster as dg
import pytest

from ogi.orchestration.defs.ingestion import ingest
from ogi.orchestration.resources import RawFolder, Warehouse
from ogi.warehouse import publish

pytestmark = pytest.mark.slow  # the ingest asset on the sample reports, with its Dagster context


def _ingest(raw, warehouse: Warehouse, max_file_bytes: str) -> dict[str, dict]:
    """Run the ingestion's steps; each staging asset's metadata by asset name."""
    with dg.instance_for_test() as instance:
        result = dg.materialize([ingest], instance=instance, resources={
            "raw_folder": RawFolder(path=str(raw), max_file_bytes=max_file_bytes), "warehouse": warehouse})
    return {
        materialization.asset_key.to_user_string(): {name: value.value for name, value in materialization.metadata.items()}
        for materialization in result.asset_materializations_for_node("ingest")
    }


def test_raw_inventory_lists_every_file_and_counts_new_ones(sample_raw, tmp_path):
    (sample_raw / "big.txt").write_bytes(b"x" * 20_000)  # the sample reports are 5–8 KB
    warehouse = Warehouse(path=str(tmp_path / "w.duckdb"))
    metadata = _ingest(sample_raw, warehouse, max_file_bytes="10000")
    assert list(metadata) == ["raw_inventory", "staged_reports", "quarantine", "resolved_organs"]
    assert metadata["raw_inventory"]["files"] == 6
    assert metadata["raw_inventory"]["new_files"] == 6
    assert metadata["staged_reports"]["parsed_now"] == 5
    with publish.open_build(warehouse.file) as con:
        rows = con.execute(
            "SELECT source_file, skip_reason FROM staging.stg_file WHERE skip_reason IS NOT NULL"
        ).fetchall()
    assert rows == [("big.txt", "too_large")]


def test_quarantine_lists_skipped_files_with_their_detail(sample_raw, tmp_path):
    warehouse = Warehouse(path=str(tmp_path / "w.duckdb"))
    metadata = _ingest(sample_raw, warehouse, max_file_bytes="100")
    assert metadata["quarantine"]["quarantined_files"] == 5
    assert metadata["staged_reports"]["parsed_now"] == 0
    with publish.open_build(warehouse.file) as con:
        details = con.execute("SELECT DISTINCT reason FROM staging.quarantine").fetchall()
    assert details == [("too_large",)]
