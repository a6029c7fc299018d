"""`dagster dev` from the repository root loads the code location and serves its assets."""
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


def test_dagster_dev_serves_every_asset_of_the_code_location(tmp_path):
    port = _free_port()
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path / "home"), "OGI_DATA_DIR": str(tmp_path / "data")}
    (tmp_path / "home").mkdir()
    dagster = Path(sys.executable).parent / "dagster"
    # Its own session, so that the whole process group (webserver, daemon, code server) can be stopped.
    server = subprocess.Popen(
        [str(dagster), "dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
        cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
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
