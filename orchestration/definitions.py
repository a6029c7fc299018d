"""The code location: the definitions of the defs folder (orchestration/defs/) and the executor.

pyproject.toml's [tool.dg] names this module as the project's target (`dg dev`, `dg check defs`),
and `workspace.yaml` at the repository root points here too (`dagster dev`).
orchestration/distributed.py is the same code location with Celery workers as its executor.
"""

import warnings
from pathlib import Path

import dagster as dg

import ogi.orchestration.defs
from ogi.orchestration import STEP_SERVER_MODULE
from ogi.orchestration.executor import holding_the_build_lock
from ogi.orchestration.resources import BUILD_FILE_TAG
from ogi.warehouse.settings import apply_defaults

# Unset OGI_* variables fall back to the project's defaults (the sample corpus, data/).
apply_defaults()

# A run's steps either run one after the other in the run's own process (`in_process: true`: what
# `ogi build` asks for a build that fits one process, orchestration/cli.py) or, by default, each in
# a process of its own, forked from a server that imported the code location once
# (orchestration/step_server.py), so a step starts without importing Dagster, DuckDB and Polars
# again. Steps that write the DuckDB build file run one at a time (DuckDB allows one writing
# process); the parquet export and the HTML report read the published file side by side.
_MULTIPROCESS = {
    "start_method": {"forkserver": {"preload_modules": [STEP_SERVER_MODULE]}},
    "tag_concurrency_limits": [{"key": BUILD_FILE_TAG[0], "value": BUILD_FILE_TAG[1], "limit": 1}],
}
LOCAL_EXECUTOR = dg.multi_or_in_process_executor.configured(
    lambda config: {"in_process": {}} if config["in_process"] else {"multiprocess": _MULTIPROCESS},
    name="ogi_local",
    config_schema={"in_process": dg.Field(bool, default_value=False, description=(
        "Run every step in the run's own process, one after the other (small builds: no process "
        "starts); by default each step runs in a process of its own."))},
)


def code_location(executor: dg.ExecutorDefinition) -> dg.Definitions:
    """Every definition of the defs folder, run by `executor` holding the warehouse's build lock for
    the whole run. The folder is loaded from its module, not by looking for pyproject.toml's
    [tool.dg] (what `dg.load_from_defs_folder` does): an installed package has no pyproject.toml."""
    tree = dg.ComponentTree.from_module(
        defs_module=ogi.orchestration.defs, project_root=Path(ogi.orchestration.defs.__file__).parent.parent)
    with warnings.catch_warnings():
        # The loader calls module loaders that Dagster 1.13 marks as preview, and says so on every
        # import of the code location (each `ogi build`, each step process): not ours to act on.
        warnings.simplefilter("ignore", dg.PreviewWarning)
        found = tree.build_defs()
    return dg.Definitions.merge(found, dg.Definitions(executor=holding_the_build_lock(executor)))


defs = code_location(LOCAL_EXECUTOR)


def build_job() -> dg.JobDefinition:
    """The build job, for `dg.reconstructable`: each step process re-creates it from this module."""
    return defs.resolve_job_def("build_warehouse")
