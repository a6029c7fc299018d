"""The code location: every asset, check, job, schedule and sensor, with their resources.

`workspace.yaml` at the repository root points here, so `dagster dev` from the root loads it.
"""

import dagster as dg

from orchestration.ingestion.assets import quarantine, raw_inventory, resolved_organs, staged_reports
from orchestration.ingestion.automation import build_warehouse, daily_build, raw_folder_sensor
from orchestration.marts.assets import mart_assets
from orchestration.marts.checks import gate_checks
from orchestration.publishing.assets import html_report, parquet_exports, published_warehouse
from orchestration.resources import default_resources
from warehouse.settings import apply_defaults

# Unset OGI_* variables fall back to the project's defaults (the sample corpus, data/).
apply_defaults()

defs = dg.Definitions(
    assets=[raw_inventory, staged_reports, resolved_organs, quarantine, *mart_assets, published_warehouse, parquet_exports, html_report],
    asset_checks=gate_checks,
    jobs=[build_warehouse],
    schedules=[daily_build],
    sensors=[raw_folder_sensor],
    resources=default_resources(),
    # Steps share one DuckDB build file, which one process at a time may open for writing: they run
    # one after another in the run's process. The work that gains from cores (parsing) is spread
    # over a process pool inside its step.
    executor=dg.in_process_executor,
)
