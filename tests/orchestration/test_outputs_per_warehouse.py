"""What a build writes belongs to its warehouse: exports, report and Dagster instance beside it by
default, the warehouse named in the asset metadata, and no file of another warehouse touched."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from ogi.warehouse.connection import connect_read_only
from ogi.warehouse.settings import SAMPLE_CORPUS

pytestmark = pytest.mark.slow  # builds in subprocesses

OGI = Path(sys.executable).parent / "ogi"


def _ogi(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([str(OGI), *args], capture_output=True, text=True, env=env, timeout=300)


def _tree(folder: Path) -> dict[str, str]:
    """Every file under `folder` with its sha256."""
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def _raw(folder: Path, names: list[str]) -> Path:
    folder.mkdir()
    for name in names:
        shutil.copy(SAMPLE_CORPUS / name, folder / name)
    return folder


def test_two_warehouses_keep_their_own_exports_report_and_runs(tmp_path):
    samples = sorted(path.name for path in SAMPLE_CORPUS.glob("*.txt"))
    env = {**os.environ, "OGI_DATA_DIR": str(tmp_path / "unused")}
    for name in ("OGI_RAW_DIR", "OGI_WAREHOUSE", "OGI_EXPORT_DIR", "DAGSTER_HOME"):
        env.pop(name, None)
    a, b = tmp_path / "a" / "w.duckdb", tmp_path / "b" / "w.duckdb"
    built_a = _ogi("build", "--raw", str(_raw(tmp_path / "raw_a", samples)), "--warehouse", str(a),
                   env={**env, "OGI_MAX_FILE_BYTES": "50 MB"})
    assert built_a.returncode == 0, built_a.stderr
    assert f"exports:       {a.parent / 'exports'}" in built_a.stdout
    before = _tree(a.parent)
    assert "exports/report.html" in before and "dagster_home/dagster.yaml" in before

    built_b = _ogi("build", "--raw", str(_raw(tmp_path / "raw_b", samples[:2])), "--warehouse", str(b),
                   env={**env, "OGI_MAX_FILE_BYTES": "50MB"})
    assert built_b.returncode == 0, built_b.stderr
    assert _tree(a.parent) == before  # not one file of warehouse A changed
    assert not (tmp_path / "unused").exists()
    with connect_read_only(b) as con:
        assert con.execute("SELECT count(*) FROM marts.dim_report").fetchone() == (2,)
    counts = _ogi("sql", "select count(*) as n from read_parquet('" + str(b.parent / "exports" / "dim_report")
                  + "/**/*.parquet')", "--warehouse", str(b), "--allow-files", str(b.parent), "--format", "csv",
                  env=env)
    assert counts.stdout.split() == ["n", "2"], counts.stderr

    with dg.DagsterInstance.from_config(str(b.parent / "dagster_home")) as instance:
        for asset in ("raw_inventory", "dim_report", "parquet_exports", "html_report"):
            event = instance.get_latest_materialization_event(dg.AssetKey(asset))
            assert event.asset_materialization.metadata["warehouse"].value == str(b), asset

    # Another warehouse's exports folder is refused, whichever command would write there.
    for command in (["build", "--export-dir"], ["export", "--out"], ["report", "--out"]):
        refused = _ogi(*command, str(a.parent / "exports"), "--warehouse", str(b), env=env)
        assert refused.returncode == 1, refused.stderr
        assert "Traceback" not in refused.stderr
        [line] = refused.stderr.splitlines()
        assert f"holds the exports of {a}" in line
    assert _tree(a.parent) == before
