"""The persistent Dagster instance: DAGSTER_HOME, by default `dagster_home/` beside the warehouse."""
from __future__ import annotations

import os
from pathlib import Path

# One writing run at a time (tag set by the build job), any number of other runs; no telemetry;
# the step processes' own start-up notices (DEBUG) stay in the event log instead of the terminal.
_INSTANCE_CONFIG = """\
python_logs:
  python_log_level: INFO
run_queue:
  max_concurrent_runs: 4
  tag_concurrency_limits:
    - key: "ogi/writer"
      limit: 1
telemetry:
  enabled: false
"""


def ensure_dagster_home(home: Path | None = None) -> Path:
    """Create `home` (default: DAGSTER_HOME) and its dagster.yaml if missing; return it."""
    home = home or Path(os.environ["DAGSTER_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text(_INSTANCE_CONFIG, encoding="utf-8")
    return home
