"""The Dagster UI loads the code location and serves its assets: `make dev` (`dg dev`, reading
[tool.dg] in pyproject.toml) and `dagster dev` on workspace.yaml, both from the repository root;
and `dg check defs` validates the defs folder."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ogi.warehouse import marts
from tests.paths import REPO_ROOT

pytestmark = pytest.mark.slow  # the Dagster webserver

_QUERY = """
{ assetNodes { assetKey { path } }
  workspaceOrError { ... on Workspace { locationEntries { name
      locationOrLoadError { __typename ... on PythonError { message } } } } } }
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _graphql(port: int) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=json.dumps({"query": _QUERY}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())["data"]


BIN = Path(sys.executable).parent


def _make_dev(port: int) -> list[str]:
    return [sys.executable, "-m", "ogi.orchestration.dev"]


def _dagster_dev(port: int) -> list[str]:
    return [str(BIN / "dagster"), "dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)]


@pytest.mark.parametrize("command", [_make_dev, _dagster_dev], ids=["make dev (dg dev)", "dagster dev -w workspace.yaml"])
def test_the_ui_serves_every_asset_of_the_code_location(tmp_path, command):
    port = _free_port()
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path / "home"), "OGI_DATA_DIR": str(tmp_path / "data"),
           "OGI_UI_PORT": str(port)}
    (tmp_path / "home").mkdir()
    # Its own session, so that the whole process group (webserver, daemon, code server) can be stopped.
    server = subprocess.Popen(
        command(port), cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        data = None
        while time.monotonic() < deadline:
            try:
                data = _graphql(port)
                if data["assetNodes"]:
                    break
            except OSError:
                pass
            time.sleep(1)
        assert data is not None, "the webserver did not answer within 120 s"
        [location] = data["workspaceOrError"]["locationEntries"]
        assert location["locationOrLoadError"]["__typename"] == "RepositoryLocation"
        served = {"/".join(node["assetKey"]["path"]) for node in data["assetNodes"]}
        assert {mart.name for mart in marts.ALL} | {"raw_inventory", "published_warehouse"} <= served
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def test_dg_check_defs_loads_the_defs_folder(tmp_path):
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path / "home"), "OGI_DATA_DIR": str(tmp_path / "data"),
           "VIRTUAL_ENV": str(BIN.parent)}
    done = subprocess.run([str(BIN / "dg"), "check", "defs"], cwd=REPO_ROOT, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "All definitions loaded successfully" in done.stdout + done.stderr
