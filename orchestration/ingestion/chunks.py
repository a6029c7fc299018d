"""How the contents a build must parse are split into parse steps, and where those steps leave their
rows for the one step that writes them into the DuckDB build file.

Each chunk is a Dagster step of its own (a dynamic output of the inventory step), so the multiprocess
executor runs as many at once as it has cores and Celery spreads them over its workers. A chunk's
folder, `<warehouse>.parts/<run id>/<chunk>/`, holds its list of contents (written by the inventory
step) and the step's parquet: beside the build file, so wherever a worker can write the build file it
can read and write its parts too, and only the folder's name travels through Dagster's IO manager
(whose files under DAGSTER_HOME are kept for every run).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

# Below this many contents one parse step does it all: a second step costs a process start and its
# imports (~1 s here), as much as it saves.
ONE_STEP_BELOW = 400
# Steps of a large build: at least this many, so that the last one to finish (its share of the work)
# keeps the others' cores idle for little; at most this many contents each, so that a retried step
# (a worker lost) redoes little, and a cluster of many workers has one for each.
_MIN_STEPS = 8
_MAX_CONTENTS = 5000
# The three staged tables a step writes, each one parquet file.
TABLES = ("contents", "reports", "observations")
_TO_PARSE = "to_parse.parquet"


@dataclass(frozen=True)
class Chunk:
    """One parse step's work: the contents listed in its folder."""

    key: str  # the step's mapping key: ingest.parse[<key>]
    folder: str  # its list of contents, and where the step writes its parquet
    size: int  # how many contents it lists
    of_run: int  # how many contents the whole run parses (for the progress it reports)

    def items(self) -> list[tuple[str, str]]:
        """The (sha256, path of one file of that content) pairs to parse."""
        table = pq.read_table(Path(self.folder) / _TO_PARSE)
        return list(zip(table["sha256"].to_pylist(), table["path"].to_pylist()))


@dataclass(frozen=True)
class ChunkParts:
    """What one parse step wrote: a parquet file per staged table, and its counts."""

    files: dict[str, str]  # TABLES → path
    parsed: int
    rejected: int
    observations: int
    seconds: float


def parts_folder(warehouse: Path) -> Path:
    """Where the parse steps of builds of `warehouse` write (one folder per run inside)."""
    return warehouse.with_name(warehouse.name + ".parts")


def split(items: list[tuple[str, str]], folder: Path) -> list[Chunk]:
    """`items` in contiguous chunks of near-equal size, each listed in a folder of its own in `folder`."""
    if not items:
        return []
    steps = 1 if len(items) < ONE_STEP_BELOW else max(_MIN_STEPS, math.ceil(len(items) / _MAX_CONTENTS))
    bounds = [len(items) * step // steps for step in range(steps + 1)]
    chunks = []
    for step, (start, end) in enumerate(zip(bounds, bounds[1:])):
        chunk = Chunk(f"{step:04d}", str(folder / f"{step:04d}"), end - start, len(items))
        Path(chunk.folder).mkdir(parents=True, exist_ok=True)
        shas, paths = zip(*items[start:end])
        pq.write_table(pa.table({"sha256": pa.array(shas, pa.string()), "path": pa.array(paths, pa.string())}),
                       Path(chunk.folder) / _TO_PARSE)
        chunks.append(chunk)
    return chunks
