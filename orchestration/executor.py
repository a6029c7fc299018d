"""The code location's executors hold the warehouse's build lock for the whole run.

The executor's `execute` runs in the run's own process — `ogi build`'s, the run worker that the UI or
`dagster job execute` starts — from before the first step to after the last, so that is where the
lock (warehouse/build_lock.py) is taken: a second build is refused however it was launched, and the
lock is never free between two steps of a live run. Each writing step then checks that the lock is
held for its run. The same holds whether the steps run in that process (the in-process executor of
small `ogi build`s), in processes of their own (multiprocess) or on Celery workers.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import dagster as dg

from ogi.warehouse import build_lock, raw_folder, settings


def _configured_path(run_config: dict, resource: str, variable: str) -> str | None:
    """A resource's `path` as the run's config sets it (a launchpad may), else its variable."""
    config = (run_config.get("resources") or {}).get(resource, {}).get("config", {})
    path = config.get("path")
    return path if isinstance(path, str) else os.environ.get(variable)


class _HoldingTheBuildLock(dg.Executor):
    def __init__(self, inner: dg.Executor):
        self._inner = inner

    def __getattr__(self, name: str):
        # An executor's loop reads its settings back from the run's executor, which is this one
        # (dagster-celery: `app_args()`).
        if name == "_inner":
            raise AttributeError(name)
        return getattr(self._inner, name)

    @property
    def retries(self):
        return self._inner.retries

    @property
    def step_dependency_config(self):
        return self._inner.step_dependency_config

    def execute(self, plan_context, execution_plan) -> Iterator[dg.DagsterEvent]:
        run_config = plan_context.run_config
        warehouse = Path(_configured_path(run_config, "warehouse", "OGI_WAREHOUSE") or settings.get("OGI_WAREHOUSE"))
        raw = raw_folder.resolve(warehouse, _configured_path(run_config, "raw_folder", "OGI_RAW_DIR"))
        with build_lock.hold(warehouse, str(raw), plan_context.run_id):
            yield from self._inner.execute(plan_context, execution_plan)


def holding_the_build_lock(definition: dg.ExecutorDefinition) -> dg.ExecutorDefinition:
    """`definition`, its executor wrapped so that it holds the build lock while it runs a plan."""
    create = definition.executor_creation_fn
    return dg.ExecutorDefinition(
        name=definition.name,
        config_schema=definition.config_schema,
        requirements=definition.get_requirements,
        executor_creation_fn=lambda init_context: _HoldingTheBuildLock(create(init_context)),
        description=definition.description,
    )
