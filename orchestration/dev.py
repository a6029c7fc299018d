"""`make dev`: the Dagster UI on this code location, with the persistent instance under data/."""
from __future__ import annotations

import os
import sys

from ogi.orchestration.instance import ensure_dagster_home
from ogi.warehouse.settings import REPO_ROOT, apply_defaults


def main() -> None:
    apply_defaults()
    ensure_dagster_home()
    os.chdir(REPO_ROOT)  # workspace.yaml sits at the root
    dagster = os.path.join(os.path.dirname(sys.executable), "dagster")
    host, port = os.environ.get("OGI_UI_HOST", "127.0.0.1"), os.environ.get("OGI_UI_PORT", "3000")
    os.execv(dagster, [dagster, "dev", "-w", "workspace.yaml", "-h", host, "-p", port])


if __name__ == "__main__":
    main()
