"""When builds run on their own: a sensor on the raw folder and a daily catch-up schedule.

Both are off until turned on (in the UI, or `dagster sensor start` / `dagster schedule start`).
A build is incremental, so a run with nothing new costs a folder walk and no parsing.
"""

import hashlib
import os
from pathlib import Path

import dagster as dg

from warehouse import raw_folder, settings

# Runs write one warehouse: the instance's run queue allows one run with this tag at a time.
WRITER_TAGS = {"ogi/writer": "warehouse"}

build_warehouse = dg.define_asset_job(
    "build_warehouse",
    selection=dg.AssetSelection.all(),
    description="Ingest the raw folder and publish a new warehouse version with its parquet exports.",
    tags=WRITER_TAGS,
)


def folder_fingerprint(root: Path) -> str:
    """A digest of every file's relative path, size and modification time (no file is read)."""
    digest = hashlib.sha256()
    for directory, subdirs, names in os.walk(root, followlinks=False):
        subdirs.sort()
        for name in sorted(names):
            path = Path(directory) / name
            try:
                stat = path.stat()
            except OSError:
                continue
            digest.update(f"{path.relative_to(root).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


@dg.sensor(job=build_warehouse, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.STOPPED)
def raw_folder_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult:
    """Requests one build when files under the raw folder (OGI_RAW_DIR, else the one the warehouse
    was built from) were added, changed or removed."""
    root = raw_folder.resolve(Path(settings.get("OGI_WAREHOUSE")), os.environ.get("OGI_RAW_DIR"))
    fingerprint = folder_fingerprint(root)
    if fingerprint == context.cursor:
        return dg.SensorResult(skip_reason="no file added, changed or removed since the last run")
    return dg.SensorResult(run_requests=[dg.RunRequest(run_key=fingerprint)], cursor=fingerprint)


daily_build = dg.ScheduleDefinition(
    name="daily_build",
    job=build_warehouse,
    cron_schedule=os.environ.get("OGI_SCHEDULE_CRON", "0 3 * * *"),
    default_status=dg.DefaultScheduleStatus.STOPPED,
    description="Catches anything the sensor missed (set OGI_SCHEDULE_CRON to change when).",
)
