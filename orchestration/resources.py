"""Resources: where the raw reports are and where the warehouse lives, configured by EnvVar."""

import contextlib
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import duckdb

from warehouse import publish
from warehouse.connection import connect_read_only

# The op tags of every step that opens the DuckDB build file, which one process at a time may open
# for writing. Dagster's multiprocess executor runs one such step at a time (a tag concurrency limit,
# definitions.py); under Celery they go to one queue that one single-process worker serves
# (distributed.py).
BUILD_FILE_TAG = ("ogi/build_file", "write")
BUILD_FILE_QUEUE = "ogi_build_file"
BUILD_FILE_TAGS = {BUILD_FILE_TAG[0]: BUILD_FILE_TAG[1], "dagster-celery/queue": BUILD_FILE_QUEUE}


class RawFolder(dg.ConfigurableResource):
    """The folder of report files to ingest (recursive)."""

    path: str
    max_file_bytes: int

    @property
    def root(self) -> Path:
        return Path(self.path)


class ExportFolder(dg.ConfigurableResource):
    """Where the parquet exports go."""

    path: str


class Warehouse(dg.ConfigurableResource):
    """The DuckDB warehouse file. Assets write only the build file; `publish` swaps it in."""

    path: str

    @property
    def file(self) -> Path:
        return Path(self.path)

    def start_build(self, owner: str) -> None:
        publish.start_build(self.file, owner)

    @contextlib.contextmanager
    def build(self, memory_limit: str = publish.BUILD_MEMORY_LIMIT) -> Iterator[duckdb.DuckDBPyConnection]:
        with publish.open_build(self.file, memory_limit) as con:
            yield con

    def publish(self) -> None:
        publish.publish(self.file)

    @contextlib.contextmanager
    def read_only(self) -> Iterator[duckdb.DuckDBPyConnection]:
        # The export and the report read side by side; each keeps to the limit of a build step.
        con = connect_read_only(self.file, publish.BUILD_MEMORY_LIMIT)
        try:
            yield con
        finally:
            con.close()


def default_resources() -> dict[str, dg.ConfigurableResource]:
    return {
        "raw_folder": RawFolder(
            path=dg.EnvVar("OGI_RAW_DIR"), max_file_bytes=dg.EnvVar.int("OGI_MAX_FILE_BYTES")
        ),
        "warehouse": Warehouse(path=dg.EnvVar("OGI_WAREHOUSE")),
        "exports": ExportFolder(path=dg.EnvVar("OGI_EXPORT_DIR")),
    }
