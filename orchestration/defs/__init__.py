"""The definitions of the code location, one module per stage of the data's way, loaded by
Dagster's defs-folder loader (orchestration/definitions.py; `dg check defs`): ingestion (raw
folder → staging), marts, publishing (the published file, its parquet exports and HTML report),
automation (the build job, its sensor and schedule) and the resources they share. The executor is
not here: each code location (definitions.py, distributed.py) brings its own."""
