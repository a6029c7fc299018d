"""`ogi`: build, query, export and inspect the warehouse (see docs/ and the README)."""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import unicodedata
from pathlib import Path

from orchestration.review_cli import add_commands, build_summary, check_records
from warehouse import settings
from warehouse.settings import REPORT_FILE


def _set_paths(args: argparse.Namespace) -> None:
    """Flags stand for the OGI_* variables; unset ones take the project's defaults."""
    for flag, variable in (("raw", "OGI_RAW_DIR"), ("warehouse", "OGI_WAREHOUSE"), ("out", "OGI_EXPORT_DIR"),
                           ("corrections", "OGI_CORRECTIONS")):
        value = getattr(args, flag, None)
        if value:
            os.environ[variable] = str(Path(value).resolve())
    settings.apply_defaults()


def _summary(warehouse: Path, export_dir: Path) -> str:
    from warehouse.connection import connect_read_only

    con = connect_read_only(warehouse)
    try:
        reports = con.execute("SELECT count(*) FROM marts.dim_report").fetchone()[0]
        observations = con.execute("SELECT count(*) FROM marts.fct_observation").fetchone()[0]
        reasons = con.execute(
            "SELECT reason, count(*) FROM staging.quarantine GROUP BY 1 ORDER BY 2 DESC, 1"
        ).fetchall()
        corrections = build_summary(con)
    finally:
        con.close()
    quarantined = sum(count for _, count in reasons)
    lines = [
        f"reports:       {reports}",
        f"observations:  {observations}",
        f"quarantined:   {quarantined} file(s)"
        + (" — " + ", ".join(f"{reason}: {count}" for reason, count in reasons[:5]) if reasons else ""),
        f"warehouse:     {warehouse}",
        f"exports:       {export_dir}",
        f"report:        {export_dir / REPORT_FILE}",
        corrections,
    ]
    if quarantined:
        lines.append("see why: ogi sql \"select * from staging.quarantine\"")
    return "\n".join(lines)


def _start_step_server() -> None:
    """Start the server that Dagster's multiprocess executor forks step processes from now, with the
    modules definitions.py has it preload, so that it imports the code location while this process
    imports it too (2 cores: the first step starts ~2 s sooner). The executor finds it running.
    The instance must exist by then: the server opens it, and two processes creating a new
    instance's storage at once collide."""
    import multiprocessing
    from multiprocessing import forkserver

    from orchestration import STEP_SERVER_MODULE

    # Dagster puts its own executor module first in the list.
    multiprocessing.set_forkserver_preload(["dagster._core.executor.multiprocess", STEP_SERVER_MODULE])
    forkserver.ensure_running()


def cmd_build(args: argparse.Namespace) -> int:
    _set_paths(args)
    from orchestration.instance import ensure_dagster_home

    raw = Path(os.environ["OGI_RAW_DIR"])
    if not raw.is_dir():
        print(f"ogi build: no folder {raw} (pass --raw DIR or set OGI_RAW_DIR)", file=sys.stderr)
        return 2
    if problem := check_records(raw):
        print(f"ogi build: {problem}; nothing was built", file=sys.stderr)
        return 2
    ensure_dagster_home()
    import dagster as dg

    instance = dg.DagsterInstance.get()  # on first use, this creates its storage
    _start_step_server()
    from orchestration.definitions import build_job

    print(f"building the warehouse from {raw} …", file=sys.stderr)
    with instance:
        result = dg.execute_job(
            dg.reconstructable(build_job),
            instance,
            run_config={
                "loggers": {"console": {"config": {"log_level": "WARNING"}}},
                "ops": {"ingest": {"config": {"reparse_years": args.reparse_year or []}}},
            },
        )
        failed_checks = [
            evaluation.check_name
            for evaluation in result.get_asset_check_evaluations()
            if not evaluation.passed and evaluation.severity == dg.AssetCheckSeverity.ERROR
        ]
    if not result.success:
        print(f"ogi build: the build failed (run {result.run_id}); the previous warehouse version is still "
              "the published one.", file=sys.stderr)
        if failed_checks:
            print(f"failed checks: {', '.join(failed_checks)} — see the run in the Dagster UI (make dev)",
                  file=sys.stderr)
        return 1
    inventory = _metadata(result, "raw_inventory")
    staged = _metadata(result, "staged_reports")
    print(f"files:         {inventory['files']} — {inventory['new_files']} new, {inventory['changed_files']} changed, "
          f"{inventory['unchanged_files']} unchanged, {inventory['removed_files']} removed")
    print(f"parsed now:    {staged['parsed_now']} (rejected {staged['rejected_now']}; "
          f"{staged['reused_unchanged']} unchanged contents reused)")
    print(_summary(Path(os.environ["OGI_WAREHOUSE"]), Path(os.environ["OGI_EXPORT_DIR"])))
    return 0


def _metadata(result, asset: str) -> dict:
    """One staging asset's materialisation metadata (they are all materialised by the `ingest` step)."""
    [materialization] = [
        materialization for materialization in result.asset_materializations_for_node("ingest")
        if materialization.asset_key.to_user_string() == asset
    ]
    return {name: value.value for name, value in materialization.metadata.items()}


def _width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _print_rows(columns: list[str], rows: list[tuple], fmt: str) -> None:
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    elif fmt == "json":
        for row in rows:
            print(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str))
    else:
        cells = [[("" if v is None else str(v)) for v in row] for row in rows]
        widths = [max([_width(c)] + [_width(r[i]) for r in cells]) for i, c in enumerate(columns)]
        print(" | ".join(_pad(c, w) for c, w in zip(columns, widths)))
        print("-+-".join("-" * w for w in widths))
        for row in cells:
            print(" | ".join(_pad(v, w) for v, w in zip(row, widths)))
        print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


def _open_published(command: str):
    """A read-only connection to the published warehouse, or None after saying why there is none."""
    from warehouse.connection import WarehouseMissing, connect_read_only

    try:
        return connect_read_only(os.environ["OGI_WAREHOUSE"])
    except WarehouseMissing as missing:
        print(f"ogi {command}: {missing}", file=sys.stderr)
        return None


def cmd_sql(args: argparse.Namespace) -> int:
    _set_paths(args)
    import duckdb

    con = _open_published("sql")
    if con is None:
        return 2
    try:
        cursor = con.execute(args.query)
        columns = [d[0] for d in cursor.description] if cursor.description else []
        rows = cursor.fetchall() if columns else []
    except duckdb.Error as error:
        message = str(error)
        if "read-only" in message:
            message = "the warehouse is read-only through `ogi sql`; builds change it (ogi build). " + message
        print(f"ogi sql: {message}", file=sys.stderr)
        return 2
    finally:
        con.close()
    _print_rows(columns, rows, args.format)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    _set_paths(args)
    from warehouse.export import export_marts

    out_dir = Path(os.environ["OGI_EXPORT_DIR"])
    con = _open_published("export")
    if con is None:
        return 2
    try:
        written = export_marts(con, out_dir)
    finally:
        con.close()
    for table, rows in written.items():
        print(f"{table:22} {rows:>9} rows")
    print(f"parquet written under {out_dir}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    _set_paths(args)
    from warehouse.report import write_report  # plotly: imported only when a report is asked for

    con = _open_published("report")
    if con is None:
        return 2
    try:
        out = write_report(con, Path(os.environ["OGI_EXPORT_DIR"]) / REPORT_FILE)
    finally:
        con.close()
    print(f"report written to {out} (one file, opens offline)")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from transforms.decode import Rejected, check_is_report, decode_bytes
    from transforms.model import DIMENSIONS
    from transforms.parse import PARSER_VERSION, parse_report

    status = 0
    for name in args.files:
        path = Path(name)
        try:
            decoded = decode_bytes(path.read_bytes())
            check_is_report(decoded.text)
        except (OSError, Rejected) as error:
            reason = getattr(error, "reason", "unreadable")
            print(f"ogi extract: {name}: {reason}: {getattr(error, 'detail', error)}", file=sys.stderr)
            status = 1
            continue
        parsed = parse_report(decoded.text)
        if not args.json:
            meta = parsed.meta
            print(f"# {name}: {meta.body_name} {meta.report_year} ({meta.format_code}, {meta.body_level}, "
                  f"county {meta.county})")
        for obs in parsed.observations:
            dims = {d.removesuffix("_code"): getattr(obs, d) for d in DIMENSIONS if getattr(obs, d)}
            if args.json:
                print(json.dumps({
                    "file": name, "indicator": obs.indicator_code, "dims": dims, "value": obs.value,
                    "unit": obs.unit, "approximate": obs.is_approximate, "evidence": obs.evidence,
                    "span": [obs.span_start, obs.span_end], "confidence": obs.confidence,
                    "method": obs.method, "parser_version": PARSER_VERSION,
                }, ensure_ascii=False))
            else:
                dim_text = ",".join(f"{k}={v}" for k, v in dims.items())
                print(f"{obs.indicator_code:28} {dim_text:40} {obs.value:>12g}  「{obs.evidence}」"
                      f" [{obs.span_start},{obs.span_end})")
        for flag in parsed.flags:
            if not args.json:
                print(f"  flag: {flag}")
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ogi", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="materialise every asset through Dagster")
    build.add_argument("--raw", help="folder of report files (default: the bundled sample corpus)")
    build.add_argument("--warehouse", help="DuckDB file to publish (default: data/warehouse.duckdb)")
    build.add_argument("--reparse-year", type=int, action="append", metavar="YEAR",
                       help="parse the reports of this statistics year again even if unchanged (repeatable)")
    build.add_argument("--corrections", help="the team's corrections file (default: RAW/corrections.csv)")
    build.set_defaults(run=cmd_build)

    sql = commands.add_parser("sql", help="ad hoc SQL over a read-only connection")
    sql.add_argument("query")
    sql.add_argument("--warehouse")
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table")
    sql.set_defaults(run=cmd_sql)

    export = commands.add_parser("export", help="parquet exports of the marts")
    export.add_argument("--out", help="folder (default: data/exports)")
    export.add_argument("--warehouse")
    export.set_defaults(run=cmd_export)

    report = commands.add_parser("report", help="the HTML report with charts, viewable offline")
    report.add_argument("--out", help=f"folder for {REPORT_FILE} (default: the exports folder, data/exports)")
    report.add_argument("--warehouse")
    report.set_defaults(run=cmd_report)

    extract = commands.add_parser("extract", help="parse files only: the observations with their evidence")
    extract.add_argument("files", nargs="+")
    extract.add_argument("--json", action="store_true", help="one JSON object per observation")
    extract.set_defaults(run=cmd_extract)

    add_commands(commands)

    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
