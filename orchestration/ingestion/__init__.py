"""Ingestion's plain code, outside the defs folder: the folder walker, the chunks of new contents
and what a parse step does. The assets that run them are in orchestration/defs/ingestion.py."""
