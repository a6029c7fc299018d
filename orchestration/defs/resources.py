"""The resources every asset, check and sensor of the code location uses (orchestration/resources.py)."""
import dagster as dg

from ogi.orchestration.resources import default_resources


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(resources=default_resources())
