"""The Dagster code location of the warehouse (see definitions.py) and the `ogi` command line."""

# The module the step processes' server preloads (definitions.py); `ogi build` starts that server early.
STEP_SERVER_MODULE = "ogi.orchestration.step_server"
