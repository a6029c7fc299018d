"""`make dev`: the Dagster UI on this code location (`dg dev`, reading [tool.dg] in pyproject.toml),
with the persistent instance beside the warehouse (data/dagster_home by default)."""
from __future__ import annotations

import os
import sys

from ogi.orchestration.instance import ensure_dagster_home
from ogi.warehouse.settings import apply_defaults


def main() -> None:
    apply_defaults()
    ensure_dagster_home()
    bin_dir = os.path.dirname(sys.executable)
    # dg compares the active virtual environment with the project's: this one is.
    os.environ["VIRTUAL_ENV"] = os.path.dirname(bin_dir)
    host, port = os.environ.get("OGI_UI_HOST", "127.0.0.1"), os.environ.get("OGI_UI_PORT", "3000")
    dg_command = os.path.join(bin_dir, "dg")
    os.execv(dg_command, [dg_command, "dev", "--host", host, "--port", port])


if __name__ == "__main__":
    main()
