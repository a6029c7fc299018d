"""`ogi`: build, query, export and inspect the warehouse (see docs/ and the README).

Exit status: 0 done; 1 the user's to fix (bad input, a refused operation, a build whose checks
failed) — one line on stderr says what and what to do; 2 an internal error (a bug).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from pathlib import Path

from ogi.orchestration.review_cli import add_commands, build_summary, check_records
from ogi.warehouse import settings
from ogi.warehouse.errors import UserError
from ogi.warehouse.settings import REPORT_FILE

OK, USER_ERROR, INTERNAL_ERROR = 0, 1, 2


def _set_paths(args: argparse.Namespace) -> None:
    """Flags stand for the OGI_* variables; unset ones take the project's defaults."""
    for flag, variable in (
        ("raw", "OGI_RAW_DIR"), ("warehouse", "OGI_WAREHOUSE"), ("out", "OGI_EXPORT_DIR"),
        ("export_dir", "OGI_EXPORT_DIR"), ("corrections", "OGI_CORRECTIONS"),
    ):
        value = getattr(args, flag, None)
        if value:
            os.environ[variable] = str(Path(value).resolve())
    settings.apply_defaults()


def _summary(warehouse: Path, export_dir: Path) -> str:
    from ogi.warehouse.connection import connect_read_only

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
    module definitions.py has it preload, so that it imports the code location while this process
    imports it too (2 cores: the first step starts ~2 s sooner). The executor finds it running and
    keeps it (a running forkserver is not restarted for another preload list; the executor module
    Dagster adds to its list is then imported by each step, a few milliseconds once Dagster is in).
    The instance must exist by then: the server opens it, and two processes creating a new
    instance's storage at once collide."""
    from multiprocessing import forkserver, set_forkserver_preload

    from ogi.orchestration import STEP_SERVER_MODULE

    set_forkserver_preload([STEP_SERVER_MODULE])
    forkserver.ensure_running()


def cmd_build(args: argparse.Namespace) -> int:
    _set_paths(args)
    from ogi.orchestration import fingerprint
    from ogi.warehouse import build_lock, raw_folder
    from ogi.warehouse.export import check_export_dir

    max_bytes = settings.parse_size(os.environ["OGI_MAX_FILE_BYTES"])
    warehouse = Path(os.environ["OGI_WAREHOUSE"])
    if warehouse.is_dir():
        raise UserError(f"{warehouse} is a folder; the warehouse is a file: pass --warehouse FILE")
    raw = raw_folder.resolve(warehouse, os.environ["OGI_RAW_DIR"])
    os.environ["OGI_RAW_DIR"] = str(raw)  # what the run reads: the folder just resolved
    if problem := check_records(raw):
        raise UserError(f"{problem}; nothing was built")
    export_dir = Path(os.environ["OGI_EXPORT_DIR"])
    check_export_dir(export_dir, warehouse)
    # Held from here to the end; the run's executor takes it again, in this process (build_lock.py).
    with build_lock.hold(warehouse, str(raw)):
        inputs = fingerprint.current(warehouse, raw, export_dir, max_bytes)
        if not args.reparse_year and fingerprint.unchanged(warehouse, export_dir, inputs):
            print(f"{warehouse} from {raw} is up to date: nothing changed since its last build", file=sys.stderr)
            fingerprint.save(warehouse, export_dir, inputs)  # the times of files touched since
            print(f"files:         {len(inputs.files)} — 0 new, 0 changed, {len(inputs.files)} unchanged, 0 removed")
            print(f"parsed now:    0 (rejected 0; {inputs.contents} unchanged contents reused)")
            print(_summary(warehouse, export_dir))
            return OK
        print(f"building {warehouse} from {raw} …", file=sys.stderr)
        result, failed_checks = _run_build(args, in_process=len(inputs.files) <= IN_PROCESS_UP_TO)
        if result.success:
            fingerprint.save(warehouse, export_dir, inputs)
    if not result.success:
        refusal = _user_error(result)
        if refusal:
            raise UserError(refusal)
        if failed_checks:
            print(f"ogi build: blocking checks failed: {', '.join(failed_checks)} (run {result.run_id}); "
                  "the previous warehouse version is still the published one — see the run in the Dagster UI "
                  "(make dev)", file=sys.stderr)
            return USER_ERROR
        print(f"ogi build: the build failed ({_first_error(result)}; run {result.run_id}, see it in the Dagster "
              "UI: make dev); the previous warehouse version is still the published one", file=sys.stderr)
        return INTERNAL_ERROR
    inventory = _metadata(result, "raw_inventory")
    staged = _metadata(result, "staged_reports")
    print(f"files:         {inventory['files']} — {inventory['new_files']} new, {inventory['changed_files']} changed, "
          f"{inventory['unchanged_files']} unchanged, {inventory['removed_files']} removed")
    print(f"parsed now:    {staged['parsed_now']} (rejected {staged['rejected_now']}; "
          f"{staged['reused_unchanged']} unchanged contents reused)")
    print(_summary(warehouse, export_dir))
    return OK


# Builds of up to this many files run every step in this process (no step processes to start);
# larger ones run each step in a process of its own, so that the export and the report run side
# by side and each step's memory goes back when it ends. Measured (benchmarks/fixed_cost.py, 2 cores
# shared with other work): the sample 24.2 s in-process vs 28.5 s multiprocess, 10 reports 19.2 vs
# 26.9 s, 2,000 reports 19.3 vs 19.2 s — the break-even.
IN_PROCESS_UP_TO = 2000


def _run_build(args: argparse.Namespace, in_process: bool):
    """The build job through Dagster, on the persistent instance: its result and failed blocking checks."""
    from ogi.orchestration.instance import ensure_dagster_home

    try:
        ensure_dagster_home()
    except OSError as error:
        raise UserError(f"cannot create the Dagster instance in {os.environ['DAGSTER_HOME']} ({error.strerror}): "
                        "set DAGSTER_HOME to a folder you can write") from error
    import dagster as dg

    instance = dg.DagsterInstance.get()  # on first use, this creates its storage
    if not in_process:
        _start_step_server()
    from ogi.orchestration.definitions import build_job

    from ogi.orchestration.progress import RunFollower

    with instance, RunFollower(build_job().name, sys.stderr, sys.stderr.isatty()):
        result = dg.execute_job(
            dg.reconstructable(build_job),
            instance,
            run_config={
                "execution": {"config": {"in_process": in_process}},
                # The run's own log stays in the instance (the UI shows it); the terminal gets the
                # progress that RunFollower draws from the run's events.
                "loggers": {"console": {"config": {"log_level": "CRITICAL"}}},
                "ops": {"ingest": {"config": {
                    "reparse_years": args.reparse_year or [], "allow_removals": args.allow_removals,
                }}},
            },
        )
        failed_checks = [
            evaluation.check_name
            for evaluation in result.get_asset_check_evaluations()
            if not evaluation.passed and evaluation.severity == dg.AssetCheckSeverity.ERROR
        ]
    return result, failed_checks


def _first_error(result) -> str:
    """The first line of the error of the first step that failed."""
    for event in result.get_step_failure_events():
        error = event.step_failure_data.error
        while error and error.cause:
            error = error.cause
        if error:
            return f"{error.cls_name}: {error.message.strip().splitlines()[0] if error.message.strip() else ''}"
    return "no step failed"


def _user_error(result) -> str | None:
    """The one line of a step that failed on the user's error (orchestration/resources.py), if any."""
    from ogi.orchestration.resources import USER_ERROR_KEY

    for event in result.get_step_failure_events():
        failure = event.step_failure_data.user_failure_data
        if failure and USER_ERROR_KEY in failure.metadata:
            return failure.description
    return None


def _metadata(result, asset: str) -> dict:
    """One staging asset's materialisation metadata (they are all materialised by the `ingest` step)."""
    [materialization] = [
        materialization for materialization in result.asset_materializations_for_node("ingest")
        if materialization.asset_key.to_user_string() == asset
    ]
    return {name: value.value for name, value in materialization.metadata.items()}


def cmd_sql(args: argparse.Namespace) -> int:
    _set_paths(args)
    from ogi.orchestration import sql_output
    from ogi.warehouse.connection import connect_for_queries, run_statements

    sql_output.check_options(args.format, args.out_file)
    allowed = [Path(folder) for folder in args.allow_files or []]
    for folder in allowed:
        if not folder.is_dir():
            raise UserError(f"--allow-files {folder}: no such folder")
    warehouse = os.environ["OGI_WAREHOUSE"]
    con = connect_for_queries(warehouse, allowed)
    try:
        results = run_statements(con, args.query, sql_output.one_only(args.format))
        sql_output.write_results(results, args.format, args.max_rows, args.out_file, warehouse)
    finally:
        con.close()
    return OK


def cmd_export(args: argparse.Namespace) -> int:
    _set_paths(args)
    from ogi.warehouse.connection import connect_read_only
    from ogi.warehouse.export import export_marts

    out_dir = Path(os.environ["OGI_EXPORT_DIR"])
    warehouse = Path(os.environ["OGI_WAREHOUSE"])
    con = connect_read_only(warehouse)
    try:
        written = export_marts(con, out_dir, warehouse)
    finally:
        con.close()
    for table, rows in written.items():
        print(f"{table:22} {rows:>9} rows")
    print(f"parquet written under {out_dir}")
    return OK


def cmd_report(args: argparse.Namespace) -> int:
    _set_paths(args)
    from ogi.warehouse.connection import connect_read_only
    from ogi.warehouse.export import claim_export_dir
    from ogi.warehouse.report import write_report  # plotly: imported only when a report is asked for

    out_dir = Path(os.environ["OGI_EXPORT_DIR"])
    warehouse = Path(os.environ["OGI_WAREHOUSE"])
    con = connect_read_only(warehouse)
    try:
        claim_export_dir(out_dir, warehouse)
        out = write_report(con, out_dir / REPORT_FILE)
    finally:
        con.close()
    print(f"report written to {out} (one file, opens offline)")
    return OK


def cmd_extract(args: argparse.Namespace) -> int:
    from ogi.transforms.decode import Rejected, check_is_report, decode_bytes
    from ogi.transforms.model import DIMENSIONS
    from ogi.transforms.parse import PARSER_VERSION, parse_report

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
                    "method": obs.method, "method_rule": obs.method_rule, "parser_version": PARSER_VERSION,
                }, ensure_ascii=False))
            else:
                dim_text = ",".join(f"{k}={v}" for k, v in dims.items())
                print(f"{obs.indicator_code:28} {dim_text:40} {obs.value:>12g}  「{obs.evidence}」"
                      f" [{obs.span_start},{obs.span_end})")
        for flag in parsed.flags:
            if not args.json:
                print(f"  flag: {flag.detail}")
    return status


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a count of rows (0, 1, 2 …)")
    return int(text)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        """A usage error is the user's: one line and status 1 (argparse's own: the usage and 2)."""
        self.exit(USER_ERROR, f"{self.prog}: {message} (see {self.prog} --help)\n")


class _Version(argparse.Action):
    """`ogi --version`: the package's version and the parser's, which the warehouse records per
    observation. Computed only when asked: the parser's version imports the parser."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, help="print the package and parser versions and exit")

    def __call__(self, parser, namespace, values, option_string=None):
        from importlib.metadata import version

        from ogi.transforms.parse import PARSER_VERSION

        print(f"ogi {version('ogi-warehouse')} (parser {PARSER_VERSION})")
        parser.exit(OK)


# The help of the flags that stand for OGI_* variables (_set_paths): what each moves, its variable, its default.
_WAREHOUSE_HELP = ("DuckDB file of the warehouse (env OGI_WAREHOUSE; default: warehouse.duckdb in OGI_DATA_DIR, "
                   "itself data/ in the repository by default)")
_EXPORTS_HELP = "(env OGI_EXPORT_DIR; default: exports/ beside the warehouse)"


def _parser() -> argparse.ArgumentParser:
    from ogi.orchestration.sql_output import DEFAULT_MAX_ROWS, FORMATS

    parser = _Parser(prog="ogi", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action=_Version)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    build = commands.add_parser("build", help="materialise every asset through Dagster")
    build.add_argument("--raw", help="folder of report files (env OGI_RAW_DIR; default: the folder this warehouse "
                                     "was built from; the bundled sample corpus for a new warehouse)")
    build.add_argument("--warehouse", help=_WAREHOUSE_HELP + "; the build publishes it")
    build.add_argument("--export-dir", help="folder of the parquet exports and the report " + _EXPORTS_HELP)
    build.add_argument("--reparse-year", type=int, action="append", metavar="YEAR",
                       help="parse the reports of this statistics year again even if unchanged (repeatable; "
                            "default: none)")
    build.add_argument("--allow-removals", action="store_true",
                       help="let the build remove more than half of the warehouse's reports (default: refused)")
    build.add_argument("--corrections", help="the team's corrections file (env OGI_CORRECTIONS; default: "
                                             "corrections.csv at the top of the raw folder)")
    build.set_defaults(run=cmd_build)

    sql = commands.add_parser("sql", help="ad hoc SQL that only reads")
    sql.add_argument("query", help="one or more statements separated by ';' (each one's result is shown)")
    sql.add_argument("--warehouse", help=_WAREHOUSE_HELP)
    sql.add_argument("--format", choices=FORMATS, default="table",
                     help="table for people (default); csv, json (one array), jsonl (one object a line) or "
                          "parquet for programs")
    sql.add_argument("--max-rows", type=_count, default=DEFAULT_MAX_ROWS, metavar="N",
                     help=f"rows the table shows; it counts the rest (default: {DEFAULT_MAX_ROWS}; the other "
                          "formats write every row)")
    sql.add_argument("--out", dest="out_file", metavar="FILE",
                     help="the parquet file to write (default: stdout, when it is not a terminal)")
    sql.add_argument("--allow-files", action="append", metavar="DIR",
                     help="let queries read the files under DIR, e.g. read_csv('DIR/x.csv') (repeatable; never "
                          "writes; default: none)")
    sql.set_defaults(run=cmd_sql)

    export = commands.add_parser("export", help="parquet exports of the marts")
    export.add_argument("--out", help="folder " + _EXPORTS_HELP)
    export.add_argument("--warehouse", help=_WAREHOUSE_HELP)
    export.set_defaults(run=cmd_export)

    report = commands.add_parser("report", help="the HTML report with charts, viewable offline")
    report.add_argument("--out", help=f"folder for {REPORT_FILE} {_EXPORTS_HELP}")
    report.add_argument("--warehouse", help=_WAREHOUSE_HELP)
    report.set_defaults(run=cmd_report)

    extract = commands.add_parser("extract", help="parse files only: the observations with their evidence")
    extract.add_argument("files", nargs="+", help="report files to parse (any encoding the build reads)")
    extract.add_argument("--json", action="store_true", help="one JSON object per observation")
    extract.set_defaults(run=cmd_extract)
    add_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        status = args.run(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return status
    except UserError as error:
        print(f"ogi {args.command}: {error}", file=sys.stderr)
        return USER_ERROR
    except BrokenPipeError:
        # The reader stopped reading (`ogi sql … | head`): nothing left to say. Output still
        # buffered goes nowhere rather than failing again at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK
    except Exception:
        traceback.print_exc()
        print(f"ogi {args.command}: internal error (a bug): please report it with the lines above",
              file=sys.stderr)
        return INTERNAL_ERROR


if __name__ == "__main__":
    sys.exit(main())
