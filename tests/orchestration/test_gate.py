"""The gate: a failing blocking check stops the run before publication, and the published version
stays the one analysts had."""
from __future__ import annotations

import duckdb

from ogi.warehouse.connection import connect_read_only


def test_a_span_that_misses_its_evidence_blocks_publication(sample_raw, ogi_env, build):
    warehouse = ogi_env["OGI_WAREHOUSE"]
    assert build(sample_raw).success
    # Shift one staged span by a character, as a parser bug would: the spans no longer cut the evidence.
    con = duckdb.connect(str(warehouse))
    con.execute("UPDATE staging.stg_observation SET span_start = span_start + 1 WHERE obs_seq = 0")
    con.execute("CHECKPOINT")
    con.close()
    published = warehouse.stat().st_mtime_ns

    result = build(sample_raw, raise_on_error=False)
    assert not result.success
    evaluation = next(e for e in result.get_asset_check_evaluations() if e.check_name == "spans_match_evidence")
    assert not evaluation.passed
    assert evaluation.metadata["violations"].value == 5  # obs_seq 0 of each of the five reports
    assert not result.asset_materializations_for_node("published_warehouse")
    assert warehouse.stat().st_mtime_ns == published
    with connect_read_only(warehouse) as reader:
        assert reader.execute("SELECT count(*) FROM marts.dim_report").fetchone() == (5,)
