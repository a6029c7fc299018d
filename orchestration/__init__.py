"""The Dagster code location of the warehouse (see definitions.py) and the `ogi` command line."""
