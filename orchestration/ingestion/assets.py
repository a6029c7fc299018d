"""Ingestion: the raw folder → staged documents, reports and observations, and the quarantine."""

import os
import sys

import dagster as dg
from tqdm import tqdm

from orchestration.resources import RawFolder, Warehouse
from transforms.frames import inventory_table
from transforms.ingest import discover, process_contents
from transforms.parse import PARSER_VERSION
from warehouse.connection import run_sql
from warehouse.staging import prune_contents, replace_inventory, staged_contents, write_batch

GROUP = "staging"
# Below this many new contents the process pool costs more than it saves.
_PARALLEL_FROM = 400


def _previous_inventory(con) -> dict[str, str | None]:
    return dict(con.execute("SELECT source_file, sha256 FROM staging.stg_file").fetchall())


@dg.asset(group_name=GROUP, kinds={"duckdb"})
def raw_inventory(context: dg.AssetExecutionContext, raw_folder: RawFolder, warehouse: Warehouse):
    """Every file under the raw folder with its sha256 and size; starts a new warehouse version."""
    warehouse.start_build()
    files = discover(raw_folder.root, raw_folder.max_file_bytes)
    with warehouse.build() as con:
        before = _previous_inventory(con)
        replace_inventory(con, inventory_table(files))
    now = {raw.source_file: raw.sha256 for raw in files}
    new = sorted(set(now) - set(before))
    changed = sorted(name for name in now.keys() & before.keys() if now[name] != before[name])
    removed = sorted(set(before) - set(now))
    for label, names in (("new", new), ("changed", changed), ("removed", removed)):
        if names:
            context.log.info(f"{len(names)} {label} file(s): {', '.join(names[:20])}")
    return dg.MaterializeResult(
        metadata={
            "raw_folder": str(raw_folder.root),
            "files": len(files),
            "bytes": sum(raw.size_bytes for raw in files),
            "new_files": len(new),
            "changed_files": len(changed),
            "unchanged_files": len(now) - len(new) - len(changed),
            "removed_files": len(removed),
        }
    )


@dg.asset(group_name=GROUP, deps=[raw_inventory], kinds={"python", "duckdb"})
def staged_reports(context: dg.AssetExecutionContext, raw_folder: RawFolder, warehouse: Warehouse):
    """Decode and parse every content not yet staged by this parser version; reuse the rest."""
    with warehouse.build() as con:
        done = staged_contents(con, PARSER_VERSION)
        pending = con.execute(
            "SELECT sha256, min(source_file) FROM staging.stg_file "
            "WHERE skip_reason IS NULL GROUP BY sha256 ORDER BY 2"
        ).fetchall()
        todo = [(sha, raw_folder.root / name) for sha, name in pending if sha not in done]
        workers = (os.cpu_count() or 1) if len(todo) >= _PARALLEL_FROM else 1
        parsed = rejected = observations = 0
        with tqdm(total=len(todo), unit="file", desc="parsing", file=sys.stderr, disable=None) as bar:
            for batch in process_contents(todo, workers=workers):
                write_batch(con, batch)
                # A content is either parsed (it has a report row) or rejected.
                parsed += batch.reports.num_rows
                rejected += batch.contents.num_rows - batch.reports.num_rows
                observations += batch.observations.num_rows
                bar.update(batch.contents.num_rows)
        pruned = prune_contents(con)
        staged_total = con.execute("SELECT count(*) FROM staging.stg_observation").fetchone()[0]
    context.log.info(
        f"parsed {parsed} new content(s), rejected {rejected}, reused {len(pending) - len(todo)}, pruned {pruned}"
    )
    return dg.MaterializeResult(
        metadata={
            "parser_version": PARSER_VERSION,
            "parsed_now": parsed,
            "rejected_now": rejected,
            "reused_unchanged": len(pending) - len(todo),
            "pruned": pruned,
            "observations_now": observations,
            "observations_staged": staged_total,
            "workers": workers,
        }
    )


@dg.asset(group_name=GROUP, deps=[staged_reports], kinds={"duckdb"})
def quarantine(warehouse: Warehouse):
    """staging.quarantine: every file that did not become a report, with a reason a person can act on."""
    with warehouse.build() as con:
        run_sql(con, "stg_quarantine")
        reasons = con.execute(
            "SELECT split_part(reason, ':', 1) AS reason, count(*) AS files "
            "FROM staging.quarantine GROUP BY 1 ORDER BY 2 DESC, 1"
        ).fetchall()
    return dg.MaterializeResult(
        metadata={
            "quarantined_files": sum(count for _, count in reasons),
            "top_reasons": dg.MetadataValue.md(
                "\n".join(f"- `{reason}`: {count}" for reason, count in reasons) or "none"
            ),
        }
    )
