"""Direct asset calls: each asset is a plain function of its resources."""
from __future__ import annotations

import dagster as dg

from orchestration.ingestion.assets import quarantine, raw_inventory
from orchestration.resources import RawFolder, Warehouse
from warehouse import publish


def test_raw_inventory_lists_every_file_and_counts_new_ones(sample_raw, tmp_path):
    (sample_raw / "big.txt").write_bytes(b"x" * 20_000)  # the sample reports are 5–8 KB
    warehouse = Warehouse(path=str(tmp_path / "w.duckdb"))
    result = raw_inventory(
        context=dg.build_asset_context(),
        raw_folder=RawFolder(path=str(sample_raw), max_file_bytes=10_000),
        warehouse=warehouse,
    )
    assert result.metadata["files"] == 6
    assert result.metadata["new_files"] == 6
    with publish.open_build(warehouse.file) as con:
        rows = con.execute(
            "SELECT source_file, skip_reason FROM staging.stg_file WHERE skip_reason IS NOT NULL"
        ).fetchall()
    assert rows == [("big.txt", "too_large")]


def test_quarantine_lists_skipped_files_with_their_detail(sample_raw, tmp_path):
    warehouse = Warehouse(path=str(tmp_path / "w.duckdb"))
    raw_inventory(
        context=dg.build_asset_context(),
        raw_folder=RawFolder(path=str(sample_raw), max_file_bytes=100),
        warehouse=warehouse,
    )
    result = quarantine(warehouse=warehouse)
    assert result.metadata["quarantined_files"] == 5
    with publish.open_build(warehouse.file) as con:
        details = con.execute("SELECT DISTINCT reason FROM staging.quarantine").fetchall()
    assert details == [("too_large",)]
