"""Resources: where the raw reports are and where the warehouse lives, configured by EnvVar."""

import contextlib
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import duckdb

from ogi.warehouse import build_lock, publish, raw_folder, settings
from ogi.warehouse.connection import connect_read_only
from ogi.warehouse.errors import UserError

# The op tags of every step that opens the DuckDB build file, which one process at a time may open
# for writing. Dagster's multiprocess executor runs one such step at a time (a tag concurrency limit,
# definitions.py); under Celery they go to one queue that one single-process worker serves
# (distributed.py).
BUILD_FILE_TAG = ("ogi/build_file", "write")
BUILD_FILE_QUEUE = "ogi_build_file"
BUILD_FILE_TAGS = {BUILD_FILE_TAG[0]: BUILD_FILE_TAG[1], "dagster-celery/queue": BUILD_FILE_QUEUE}

# The metadata key of a step's failure that is the user's to fix: `ogi build` prints its one line.
USER_ERROR_KEY = "ogi/user_error"


@contextlib.contextmanager
def user_errors_as_failures() -> Iterator[None]:
    """A UserError raised in a step fails it as a dg.Failure: its one line, no retry, no traceback
    for the user to read (the UI still shows the cause)."""
    try:
        yield
    except UserError as error:
        raise dg.Failure(description=str(error), metadata={USER_ERROR_KEY: True}, allow_retries=False) from error


class RawFolder(dg.ConfigurableResource):
    """The folder of report files to ingest (recursive). Empty: the folder the warehouse was last
    built from, or the bundled sample for a new warehouse."""

    path: str = ""
    # A size: 50000000, 50MB, 50 MB, 50 MiB.
    max_file_bytes: str = str(settings.DEFAULT_MAX_FILE_BYTES)

    def root_for(self, warehouse: Path) -> Path:
        return raw_folder.resolve(warehouse, self.path)

    @property
    def max_bytes(self) -> int:
        return settings.parse_size(self.max_file_bytes)


class ExportFolder(dg.ConfigurableResource):
    """Where the parquet exports and the HTML report go (by default beside the warehouse)."""

    path: str


class Warehouse(dg.ConfigurableResource):
    """The DuckDB warehouse file. Assets write only the build file; `publish` swaps it in."""

    path: str

    @property
    def file(self) -> Path:
        return Path(self.path)

    @contextlib.contextmanager
    def writing(self, run_id: str, raw: str = "") -> Iterator[None]:
        """For a step that writes the build file: go on only while the build lock is held for its
        run (warehouse/build_lock.py)."""
        with build_lock.hold_for_step(self.file, run_id, raw):
            yield

    def start_build(self) -> None:
        publish.start_build(self.file)

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
        "raw_folder": RawFolder(path=dg.EnvVar("OGI_RAW_DIR"), max_file_bytes=dg.EnvVar("OGI_MAX_FILE_BYTES")),
        "warehouse": Warehouse(path=dg.EnvVar("OGI_WAREHOUSE")),
        "exports": ExportFolder(path=dg.EnvVar("OGI_EXPORT_DIR")),
    }
