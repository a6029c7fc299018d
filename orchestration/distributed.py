"""The same code location, its steps run by Celery workers (dagster-celery) through a Redis broker.

    dagster job execute -m ogi.orchestration.distributed -j build_warehouse

with workers started from the repository root, with the same OGI_* variables and DAGSTER_HOME:

    celery -A ogi.orchestration.celery_app worker -Q ogi_build_file --pool solo   # the DuckDB writer
    celery -A ogi.orchestration.celery_app worker -Q dagster                      # parse, exports, report

Steps that write the DuckDB build file go to the `ogi_build_file` queue, which one worker serves in
its own process (`--pool solo`: one task at a time); the others — the parse steps, one per chunk of
new contents, the export and the report — go to Dagster's default queue, on any of its workers. OGI_CELERY_REDIS names the broker and result backend
(default redis://127.0.0.1:6379/0). Workers on other machines need the same paths and instance,
e.g. a shared volume and a PostgreSQL-backed DAGSTER_HOME (docs/scale-out.md).
"""
from __future__ import annotations

import dagster as dg
from dagster_celery import celery_executor

from ogi.orchestration.definitions import code_location

# Set, or defaulted by warehouse.settings when orchestration.definitions is imported.
REDIS_URL_VARIABLE = "OGI_CELERY_REDIS"

# One task at a time per worker process; a task is acknowledged when its step ended, so a worker
# that dies mid-step leaves it to be run again rather than lost.
CELERY_SETTINGS = {"worker_prefetch_multiplier": 1, "task_acks_late": True, "broker_connection_retry_on_startup": True}

CELERY_EXECUTOR = celery_executor.configured(
    {
        "broker": {"env": REDIS_URL_VARIABLE},
        "backend": {"env": REDIS_URL_VARIABLE},
        "config_source": CELERY_SETTINGS,
    },
    name="ogi_celery",
)

defs = code_location(CELERY_EXECUTOR)


def build_job() -> dg.JobDefinition:
    """The build job, for `dg.reconstructable`: each worker re-creates it from this module."""
    return defs.resolve_job_def("build_warehouse")
