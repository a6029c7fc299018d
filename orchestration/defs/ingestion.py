"""Ingestion: the raw folder → staged documents, reports and observations, the quarantine and the
organs resolved to official units.

Four assets made by one graph of steps, `ingest`:

    inventory ──► parse[0000], parse[0001], … ──► load
    (raw_inventory)  (parquet under <warehouse>.parts)   (staged_reports, quarantine, resolved_organs)

`inventory` and `load` write the DuckDB build file (one at a time: the BUILD_FILE tags); the parse
steps, one per chunk of new contents (orchestration/ingestion/chunks.py), only read the raw files
and write parquet, as many at once as the executor has cores or workers. Dynamic outputs rather than
partitions: the chunks are a run's own work, decided by what is new, not a set of keys to track in
the UI, and one run keeps the build one transaction of the build lock.
"""

import shutil
import time
from datetime import datetime, timezone
from pathlib import Path

import dagster as dg
import pyarrow as pa

from ogi.orchestration.ingestion import chunks
from ogi.orchestration.ingestion.parsing import parse_chunk
from ogi.orchestration.ingestion.walk import discover
from ogi.orchestration.progress import PARSE_DONE, PARSE_PROGRESS_ASSET, PARSE_TOTAL
from ogi.orchestration.resources import BUILD_FILE_TAGS, RawFolder, Warehouse, user_errors_as_failures
from ogi.transforms.frames import inventory_table
from ogi.transforms.organs import ORGAN_SCHEMA, QUESTION_COLUMNS, county_townships, division_history, resolve_organs
from ogi.transforms.parse import PARSER_VERSION
from ogi.warehouse.connection import run_sql
from ogi.warehouse.publish import LOAD_MEMORY_LIMIT
from ogi.warehouse.staging import check_removals, prune_contents, replace_contents, replace_table

GROUP = "staging"
# Organ questions resolved per batch.
_ORGAN_BATCH = 5000


class IngestConfig(dg.Config):
    # A backfill by year: parse again the reports of these statistics years even if unchanged
    # (e.g. after a parser fix), instead of partitioning the assets per document or per year.
    reparse_years: list[int] = []
    # Which organs marts.fct_publication expects a report from: the organs that reported and every
    # township of the counties they belong to (the default), or only the organs that reported.
    expect_county_townships: bool = True
    # Let the build remove more than half of the warehouse's reports (their files are gone from the
    # raw folder); without it such a build is refused (warehouse/staging.py, check_removals).
    allow_removals: bool = False


def _counts_md(rows: list[tuple[str, int]]) -> dg.MetadataValue:
    """(reason, count) rows as a markdown list for the UI."""
    return dg.MetadataValue.md("\n".join(f"- `{reason}`: {count}" for reason, count in rows) or "none")


def _output(name: str, metadata: dict, warehouse: Warehouse) -> dg.Output:
    """An asset's output, with the warehouse it belongs to in its metadata (one instance may show several)."""
    return dg.Output(None, name, metadata={**metadata, "warehouse": dg.MetadataValue.path(str(warehouse.file))})


def _parse_progress(context: dg.OpExecutionContext, done: int, total: int) -> None:
    """How far a step of the parse is, as an event of the run: `ogi build` follows the run's events
    and draws the sum over the steps (orchestration/progress.py), and the UI shows it on
    staged_reports. An event, not a bar on stderr: Dagster sends a step's stderr to a log file."""
    context.log_event(dg.AssetObservation(asset_key=PARSE_PROGRESS_ASSET, metadata={
        PARSE_DONE: done, PARSE_TOTAL: total}))


def _run_parts(warehouse: Warehouse, run_id: str) -> Path:
    return chunks.parts_folder(warehouse.file) / run_id


def _inventory(context: dg.OpExecutionContext, con, root: Path, max_bytes: int, allow_removals: bool) -> dict:
    """Every file under the raw folder with its sha256 and size; starts a new warehouse version."""
    known = {name: (size, mtime, sha) for name, size, mtime, sha in run_sql(con, "ingestion/previous_inventory").fetchall()}
    started = time.perf_counter()
    files = discover(root, max_bytes, known)
    check_removals(con, {raw.source_file for raw in files}, allow_removals)
    replace_table(con, "staging.stg_file", inventory_table(files))
    replace_table(con, "staging.stg_build", pa.table({
        "raw_folder": [str(root)], "built_at": pa.array([datetime.now(timezone.utc)], pa.timestamp("us", "UTC")),
    }))
    before = {name: sha for name, (_, _, sha) in known.items()}
    now = {raw.source_file: raw.sha256 for raw in files}
    new = sorted(set(now) - set(before))
    changed = sorted(name for name in now.keys() & before.keys() if now[name] != before[name])
    removed = sorted(set(before) - set(now))
    for label, names in (("new", new), ("changed", changed), ("removed", removed)):
        if names:
            context.log.info(f"{len(names)} {label} file(s): {', '.join(names[:20])}")
    return {
        "raw_folder": str(root),
        "files": len(files),
        "bytes": sum(raw.size_bytes for raw in files),
        "new_files": len(new),
        "changed_files": len(changed),
        "unchanged_files": len(now) - len(new) - len(changed),
        "removed_files": len(removed),
        "seconds": round(time.perf_counter() - started, 3),
    }


@dg.op(
    out={"raw_inventory": dg.Out(dg.Nothing), "chunks": dg.DynamicOut(chunks.Chunk)},
    tags=BUILD_FILE_TAGS,
)
def inventory(context: dg.OpExecutionContext, config: IngestConfig, raw_folder: RawFolder, warehouse: Warehouse):
    """List and hash the raw folder into a new build file; hand on the new contents in chunks."""
    with user_errors_as_failures():
        root = raw_folder.root_for(warehouse.file)
        with warehouse.writing(context.run_id, str(root)):
            warehouse.start_build()
            # Parts left by a build that was stopped (the build lock makes this the only build).
            shutil.rmtree(chunks.parts_folder(warehouse.file), ignore_errors=True)
            with warehouse.build(LOAD_MEMORY_LIMIT) as con:
                metadata = _inventory(context, con, root, raw_folder.max_bytes, config.allow_removals)
                # strings, not Paths: at 100k files, Path objects would hold some 30 MB more
                todo = [(sha, f"{root}/{name}") for sha, name in run_sql(
                    con, "ingestion/contents_to_parse",
                    parser_version=PARSER_VERSION, reparse_years=config.reparse_years).fetchall()]
    yield _output("raw_inventory", metadata, warehouse)
    _parse_progress(context, 0, len(todo))
    for chunk in chunks.split(todo, _run_parts(warehouse, context.run_id)):
        yield dg.DynamicOutput(chunk, mapping_key=chunk.key, output_name="chunks")


@dg.op
def parse(context: dg.OpExecutionContext, chunk: chunks.Chunk) -> chunks.ChunkParts:
    """Decode and parse one chunk of new contents into parquet (no DuckDB file is opened)."""
    return parse_chunk(chunk, lambda done: _parse_progress(context, done, chunk.of_run))


def _stage(context: dg.OpExecutionContext, con, parts: list[chunks.ChunkParts]) -> dict:
    """Decode and parse every content not yet staged by this parser version; reuse the rest."""
    started = time.perf_counter()
    if parts:
        replace_contents(con, {table: [part.files[table] for part in parts] for table in chunks.TABLES},
                         datetime.now(timezone.utc))
    load_seconds = time.perf_counter() - started
    pruned = prune_contents(con)
    contents, staged_total = run_sql(con, "ingestion/staged_contents").fetchone()
    parsed = sum(part.parsed for part in parts)
    rejected = sum(part.rejected for part in parts)
    reused = contents - parsed - rejected
    context.log.info(f"parsed {parsed} new content(s), rejected {rejected}, reused {reused}, pruned {pruned}")
    return {
        "parser_version": PARSER_VERSION,
        "parsed_now": parsed,
        "rejected_now": rejected,
        "reused_unchanged": reused,
        "pruned": pruned,
        "observations_now": sum(part.observations for part in parts),
        "observations_staged": staged_total,
        "parse_steps": len(parts),
        # Seconds the parse steps took, summed (they run side by side), and the load of their parquet.
        "parse_step_seconds": round(sum(part.seconds for part in parts), 3),
        "load_seconds": round(load_seconds, 3),
    }


def _quarantine(con) -> dict:
    """staging.quarantine: every file that did not become a report, with a reason a person can act on."""
    run_sql(con, "stg_quarantine")
    reasons = run_sql(con, "ingestion/quarantine_reasons").fetchall()
    return {"quarantined_files": sum(count for _, count in reasons), "top_reasons": _counts_md(reasons)}


def _resolve_organs(con, expect_county_townships: bool) -> dict:
    """Each reporting organ attached to its official unit through the shipped gazetteer (with the
    unit's whole history), or left unresolved with a reason — never guessed; plus every township of
    the counties the corpus covers, the organs expected to publish (marts.fct_publication)."""
    # The questions (one per distinct organ as the reports name it; ~10 MB of Arrow for 100k organs)
    # are resolved in batches, so that neither they nor their answers sit in memory as Python objects.
    questions = run_sql(con, "ingestion/organ_questions", columns=list(QUESTION_COLUMNS)).to_arrow_table()
    answers = (
        answer
        for batch in questions.to_batches(max_chunksize=_ORGAN_BATCH)
        for answer in resolve_organs(batch.to_pylist()).to_batches()
    )
    replace_table(con, "staging.stg_organ", pa.RecordBatchReader.from_batches(ORGAN_SCHEMA, answers))
    reporting = {key for (key,) in run_sql(con, "ingestion/reporting_lineages").fetchall()}
    counties = {code for (code,) in run_sql(con, "ingestion/covered_counties").fetchall()}
    expected = county_townships(counties) if expect_county_townships else set()
    divisions = division_history(reporting | expected)
    replace_table(con, "staging.stg_division", divisions)
    outcomes = run_sql(con, "ingestion/organ_outcomes").fetchall()
    return {
        "organ_questions": sum(count for _, count in outcomes),
        "division_versions": divisions.num_rows,
        "outcomes": _counts_md(outcomes),
    }


@dg.op(
    ins={"raw_inventory": dg.In(dg.Nothing)},
    out={name: dg.Out(dg.Nothing) for name in ("staged_reports", "quarantine", "resolved_organs")},
    tags=BUILD_FILE_TAGS,
)
def load(context: dg.OpExecutionContext, config: IngestConfig, parts: list[chunks.ChunkParts], warehouse: Warehouse):
    """Load the parse steps' parquet into the build file; the quarantine; the organs."""
    with user_errors_as_failures(), warehouse.writing(context.run_id):
        with warehouse.build(LOAD_MEMORY_LIMIT) as con:
            yield _output("staged_reports", _stage(context, con, parts), warehouse)
            yield _output("quarantine", _quarantine(con), warehouse)
            yield _output("resolved_organs", _resolve_organs(con, config.expect_county_townships), warehouse)
        shutil.rmtree(_run_parts(warehouse, context.run_id), ignore_errors=True)


@dg.config_mapping
def _ingest_config(config: IngestConfig) -> dict:
    """The graph's one config (`ops: {ingest: {config: …}}`), handed to the steps that read it."""
    return {name: {"config": config.model_dump()} for name in ("inventory", "load")}


@dg.graph_multi_asset(
    name="ingest",
    outs={
        "raw_inventory": dg.AssetOut(dagster_type=dg.Nothing, group_name=GROUP, kinds={"duckdb"},
                                     description=_inventory.__doc__),
        "staged_reports": dg.AssetOut(dagster_type=dg.Nothing, group_name=GROUP, kinds={"python", "duckdb"},
                                      description=_stage.__doc__),
        "quarantine": dg.AssetOut(dagster_type=dg.Nothing, group_name=GROUP, kinds={"duckdb"},
                                  description=_quarantine.__doc__),
        "resolved_organs": dg.AssetOut(dagster_type=dg.Nothing, group_name=GROUP, kinds={"python", "duckdb"},
                                       description=_resolve_organs.__doc__),
    },
    config=_ingest_config,
)
def ingest():
    """Start a new warehouse version from the raw folder: inventory, staging, quarantine, organs."""
    raw_inventory, new_contents = inventory()
    staged_reports, quarantine, resolved_organs = load(raw_inventory=raw_inventory,
                                                       parts=new_contents.map(parse).collect())
    return {"raw_inventory": raw_inventory, "staged_reports": staged_reports,
            "quarantine": quarantine, "resolved_organs": resolved_organs}
