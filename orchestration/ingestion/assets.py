"""Ingestion: the raw folder → staged documents, reports and observations, the quarantine and the
organs resolved to official units.

Four assets, materialised by one step: they are one writer's work on the DuckDB build file, done in
sequence, and each step of the multiprocess executor costs a process start."""

import os
import time
from datetime import datetime, timezone
from pathlib import Path

import dagster as dg
import pyarrow as pa

from orchestration.progress import PARSE_DONE, PARSE_PROGRESS_ASSET, PARSE_TOTAL
from orchestration.resources import BUILD_FILE_TAGS, RawFolder, Warehouse, user_errors_as_failures
from transforms.frames import inventory_table
from transforms.ingest import discover, process_contents
from transforms.organs import ORGAN_SCHEMA, QUESTION_COLUMNS, county_townships, division_history, resolve_organs
from transforms.parse import PARSER_VERSION
from warehouse.connection import run_sql
from warehouse.publish import LOAD_MEMORY_LIMIT
from warehouse.staging import (
    check_removals,
    forget_contents,
    prune_contents,
    replace_table,
    staged_contents,
    staged_of_years,
    write_batch,
)

GROUP = "staging"
# Below this many new contents the process pool costs more than it saves.
_PARALLEL_FROM = 400
# Contents per batch: large enough that each DuckDB append (one transaction) is cheap per row,
# small enough that a batch of decoded texts stays a few tens of MB.
_CHUNK = 2000
# Organ questions resolved per batch.
_ORGAN_BATCH = 5000


def _counts_md(rows: list[tuple[str, int]]) -> dg.MetadataValue:
    """(reason, count) rows as a markdown list for the UI."""
    return dg.MetadataValue.md("\n".join(f"- `{reason}`: {count}" for reason, count in rows) or "none")


def _previous_inventory(con) -> dict[str, tuple[int, int, str | None]]:
    rows = con.execute("SELECT source_file, size_bytes, mtime_ns, sha256 FROM staging.stg_file").fetchall()
    return {name: (size, mtime, sha) for name, size, mtime, sha in rows}


def _inventory(context: dg.AssetExecutionContext, con, root: Path, max_bytes: int,
               allow_removals: bool) -> dg.MaterializeResult:
    """Every file under the raw folder with its sha256 and size; starts a new warehouse version."""
    known = _previous_inventory(con)
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
    return dg.MaterializeResult(
        asset_key="raw_inventory",
        metadata={
            "raw_folder": str(root),
            "files": len(files),
            "bytes": sum(raw.size_bytes for raw in files),
            "new_files": len(new),
            "changed_files": len(changed),
            "unchanged_files": len(now) - len(new) - len(changed),
            "removed_files": len(removed),
            "seconds": round(time.perf_counter() - started, 3),
        },
    )


def _parse_progress(context: dg.AssetExecutionContext, done: int, total: int) -> None:
    """How far parsing is, as an event of the run: `ogi build` follows the run's events and draws it
    (orchestration/progress.py), and the UI shows it on staged_reports. An event, not a bar on
    stderr: Dagster sends a step's stderr to a log file."""
    context.log_event(dg.AssetObservation(asset_key=PARSE_PROGRESS_ASSET, metadata={
        PARSE_DONE: done, PARSE_TOTAL: total}))


def _stage(context: dg.AssetExecutionContext, con, root: Path, reparse_years: list[int]) -> dg.MaterializeResult:
    """Decode and parse every content not yet staged by this parser version; reuse the rest."""
    done = staged_contents(con, PARSER_VERSION) - staged_of_years(con, reparse_years)
    pending = con.execute(
        "SELECT sha256, min(source_file) FROM staging.stg_file "
        "WHERE skip_reason IS NULL GROUP BY sha256 ORDER BY 2"
    ).fetchall()
    # strings, not Paths: at 100k files, Path objects would hold some 30 MB more
    todo = [(sha, f"{root}/{name}") for sha, name in pending if sha not in done]
    forget_contents(con, [sha for sha, _ in todo])
    workers = (os.cpu_count() or 1) if len(todo) >= _PARALLEL_FROM else 1
    parsed = rejected = observations = 0
    staged_at = datetime.now(timezone.utc)
    started, load_seconds = time.perf_counter(), 0.0
    _parse_progress(context, 0, len(todo))
    for batch in process_contents(todo, workers=workers, chunk_size=_CHUNK):
        load_started = time.perf_counter()
        write_batch(con, batch, staged_at)
        load_seconds += time.perf_counter() - load_started
        # A content is either parsed (it has a report row) or rejected.
        parsed += batch.reports.num_rows
        rejected += batch.contents.num_rows - batch.reports.num_rows
        observations += batch.observations.num_rows
        _parse_progress(context, parsed + rejected, len(todo))
    parse_seconds = time.perf_counter() - started - load_seconds
    pruned = prune_contents(con)
    staged_total = con.execute("SELECT count(*) FROM staging.stg_observation").fetchone()[0]
    context.log.info(
        f"parsed {parsed} new content(s), rejected {rejected}, reused {len(pending) - len(todo)}, pruned {pruned}"
    )
    return dg.MaterializeResult(
        asset_key="staged_reports",
        metadata={
            "parser_version": PARSER_VERSION,
            "parsed_now": parsed,
            "rejected_now": rejected,
            "reused_unchanged": len(pending) - len(todo),
            "pruned": pruned,
            "observations_now": observations,
            "observations_staged": staged_total,
            "workers": workers,
            # Wall time waiting for decoded and parsed batches vs. writing them to DuckDB.
            "decode_parse_seconds": round(parse_seconds, 3),
            "load_seconds": round(load_seconds, 3),
        },
    )


def _quarantine(con) -> dg.MaterializeResult:
    """staging.quarantine: every file that did not become a report, with a reason a person can act on."""
    run_sql(con, "stg_quarantine")
    reasons = con.execute(
        "SELECT reason, count(*) AS files "
        "FROM staging.quarantine GROUP BY 1 ORDER BY 2 DESC, 1"
    ).fetchall()
    return dg.MaterializeResult(
        asset_key="quarantine",
        metadata={
            "quarantined_files": sum(count for _, count in reasons),
            "top_reasons": _counts_md(reasons),
        },
    )


def _resolve_organs(con, expect_county_townships: bool) -> dg.MaterializeResult:
    """Each reporting organ attached to its official unit through the shipped gazetteer (with the
    unit's whole history), or left unresolved with a reason — never guessed; plus every township of
    the counties the corpus covers, the organs expected to publish (marts.fct_publication)."""
    # The questions (one per distinct organ as the reports name it; ~10 MB of Arrow for 100k organs)
    # are resolved in batches, so that neither they nor their answers sit in memory as Python objects.
    questions = con.execute(
        f"SELECT DISTINCT {', '.join(QUESTION_COLUMNS)} FROM staging.stg_report"
    ).to_arrow_table()
    answers = (
        answer
        for batch in questions.to_batches(max_chunksize=_ORGAN_BATCH)
        for answer in resolve_organs(batch.to_pylist()).to_batches()
    )
    replace_table(con, "staging.stg_organ", pa.RecordBatchReader.from_batches(ORGAN_SCHEMA, answers))
    reporting = {key for (key,) in con.execute(
        "SELECT DISTINCT lineage_key FROM staging.stg_organ WHERE lineage_key IS NOT NULL").fetchall()}
    counties = {code for (code,) in con.execute(
        "SELECT DISTINCT official_county_code FROM staging.stg_organ WHERE official_county_code IS NOT NULL"
    ).fetchall()}
    expected = county_townships(counties) if expect_county_townships else set()
    divisions = division_history(reporting | expected)
    replace_table(con, "staging.stg_division", divisions)
    reasons = con.execute(
        "SELECT coalesce(split_part(reason, ':', 1), status), count(*) FROM staging.stg_organ "
        "GROUP BY 1 ORDER BY 2 DESC, 1"
    ).fetchall()
    return dg.MaterializeResult(
        asset_key="resolved_organs",
        metadata={
            "organ_questions": sum(count for _, count in reasons),
            "division_versions": divisions.num_rows,
            "outcomes": _counts_md(reasons),
        },
    )


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


@dg.multi_asset(
    name="ingest",
    specs=[
        dg.AssetSpec("raw_inventory", group_name=GROUP, kinds={"duckdb"}, description=_inventory.__doc__),
        dg.AssetSpec("staged_reports", deps=["raw_inventory"], group_name=GROUP, kinds={"python", "duckdb"},
                     description=_stage.__doc__),
        dg.AssetSpec("quarantine", deps=["staged_reports"], group_name=GROUP, kinds={"duckdb"},
                     description=_quarantine.__doc__),
        dg.AssetSpec("resolved_organs", deps=["staged_reports"], group_name=GROUP, kinds={"python", "duckdb"},
                     description=_resolve_organs.__doc__),
    ],
    op_tags=BUILD_FILE_TAGS,
)
def ingest(context: dg.AssetExecutionContext, config: IngestConfig, raw_folder: RawFolder, warehouse: Warehouse):
    """Start a new warehouse version from the raw folder: inventory, staging, quarantine, organs."""
    with user_errors_as_failures():
        root = raw_folder.root_for(warehouse.file)
        max_bytes = raw_folder.max_bytes
        with warehouse.writing(context.op_execution_context.run_id, str(root)):
            warehouse.start_build()
            with warehouse.build(LOAD_MEMORY_LIMIT) as con:
                yield _naming(_inventory(context, con, root, max_bytes, config.allow_removals), warehouse)
                yield _naming(_stage(context, con, root, config.reparse_years), warehouse)
                yield _naming(_quarantine(con), warehouse)
                yield _naming(_resolve_organs(con, config.expect_county_townships), warehouse)


def _naming(result: dg.MaterializeResult, warehouse: Warehouse) -> dg.MaterializeResult:
    """The result with the warehouse it belongs to in its metadata (one instance may show several)."""
    return dg.MaterializeResult(
        asset_key=result.asset_key,
        metadata={**result.metadata, "warehouse": dg.MetadataValue.path(str(warehouse.file))},
    )
