"""When builds run on their own: a sensor on the raw folder and a daily catch-up schedule.

Both are off until turned on (in the UI, or `dagster sensor start` / `dagster schedule start`).
A build is incremental, so a run with nothing new costs a folder walk and no parsing.
"""

import os

import dagster as dg

from ogi.orchestration.ingestion.walk import fingerprint
from ogi.orchestration.resources import RawFolder, Warehouse

# Runs write one warehouse: the instance's run queue allows one run with this tag at a time.
WRITER_TAGS = {"ogi/writer": "warehouse"}

build_warehouse = dg.define_asset_job(
    "build_warehouse",
    selection=dg.AssetSelection.all(),
    description="Ingest the raw folder and publish a new warehouse version with its parquet exports.",
    tags=WRITER_TAGS,
)


@dg.sensor(job=build_warehouse, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.STOPPED)
def raw_folder_sensor(context: dg.SensorEvaluationContext, raw_folder: RawFolder,
                      warehouse: Warehouse) -> dg.SensorResult:
    """Requests one build when files under the raw folder (the resource's, else the one the warehouse
    was built from) were added, changed or removed: the build's own walk, without reading a file."""
    current = fingerprint(raw_folder.root_for(warehouse.file))
    if current == context.cursor:
        return dg.SensorResult(skip_reason="no file added, changed or removed since the last run")
    return dg.SensorResult(run_requests=[dg.RunRequest(run_key=current)], cursor=current)


daily_build = dg.ScheduleDefinition(
    name="daily_build",
    job=build_warehouse,
    cron_schedule=os.environ.get("OGI_SCHEDULE_CRON", "0 3 * * *"),
    default_status=dg.DefaultScheduleStatus.STOPPED,
    description="Catches anything the sensor missed (set OGI_SCHEDULE_CRON to change when).",
)
