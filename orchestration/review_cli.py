"""`ogi correct` and `ogi review`: a person fixes a number once, with a reason, and tracks what is
left to look at. Both write the team's records beside the raw reports (warehouse/team_records.py);
the next `ogi build` applies them."""
from __future__ import annotations

import argparse
import json
import os
from datetime import date, datetime, timezone
from pathlib import Path

from ogi.warehouse.errors import UserError

_LIST_LIMIT = 30


def _set_paths(args: argparse.Namespace) -> None:
    from ogi.orchestration.cli import _set_paths as set_paths  # the same flags and variables as every command

    set_paths(args)


def _records_paths() -> tuple[Path, Path]:
    """The team's records of the warehouse's raw folder (the one asked for, else the remembered one)."""
    from ogi.warehouse import raw_folder
    from ogi.warehouse.team_records import records_paths

    return records_paths(raw_folder.resolve(Path(os.environ["OGI_WAREHOUSE"]), os.environ["OGI_RAW_DIR"]))


def _connect():
    from ogi.warehouse.connection import WarehouseMissing, connect_read_only

    try:
        return connect_read_only(os.environ["OGI_WAREHOUSE"])
    except WarehouseMissing as missing:
        raise UserError(str(missing)) from None


def _today() -> date:
    return datetime.now(timezone.utc).date()


def _report(con, wanted: str) -> tuple:
    """(report_key, sha256, source_file, body_name, report_year) of a report named by its
    report_key, sha256 or source file."""
    row = con.execute(
        "SELECT report_key, sha256, source_file, body_name, report_year FROM marts.dim_report "
        "WHERE $wanted IN (report_key, sha256, source_file)", {"wanted": wanted}).fetchone()
    if row is None:
        raise UserError(f"no report {wanted!r} in the warehouse (give its report_key, sha256 or source "
                        "file: ogi sql \"select report_key, source_file from marts.dim_report\")")
    return row


def check_records(raw: Path) -> str | None:
    """The one-line reason the raw folder's records cannot be applied, or None (`ogi build` checks
    before it starts, so a bad line costs no build)."""
    from ogi.warehouse.team_records import RecordsError, read_corrections, read_reviews, records_paths

    corrections, reviews = records_paths(raw)
    try:
        read_corrections(corrections)
        read_reviews(reviews)
    except RecordsError as error:
        return str(error)
    return None


def build_summary(con) -> str:
    """The corrections line of `ogi build`'s summary."""
    from ogi.warehouse.review import correction_counts

    counts = correction_counts(con)
    if not counts:
        return "corrections:   none"
    line = f"corrections:   {sum(counts.values())} line(s) — " + ", ".join(f"{s}: {n}" for s, n in counts.items())
    if counts.keys() & {"report_gone", "observation_gone"}:
        line += "\nsome corrections no longer apply: see ogi review"
    return line


def cmd_correct(args: argparse.Namespace) -> int:
    _set_paths(args)
    from ogi.transforms.model import DIMENSIONS
    from ogi.warehouse.team_records import (
        Correction,
        RecordsError,
        append_correction,
        check_indicator,
        format_dims,
        format_value,
        parse_dims,
        parse_value,
    )

    try:
        indicator = check_indicator(args.indicator)
        dims = parse_dims(args.dims or "")
        value = parse_value("not stated" if args.not_stated else args.value)
        when = date.fromisoformat(args.when) if args.when else _today()
    except ValueError as error:
        raise UserError(str(error)) from None
    con = _connect()
    try:
        report = _report(con, args.report)
        report_key, sha256, source_file, body_name, report_year = report
        columns = {column: dims.get(column.removesuffix("_code")) for column in DIMENSIONS}
        observed = con.execute(
            "SELECT parsed_value, evidence FROM marts.fct_observation WHERE report_key = $report "
            "AND indicator_code = $indicator AND "
            + " AND ".join(f"{column} IS NOT DISTINCT FROM ${column}" for column in columns),
            {"report": report_key, "indicator": indicator, **columns}).fetchone()
    finally:
        con.close()
    key = f"{indicator}" + (f" {format_dims(dims)}" if dims else "")
    if observed is None:
        raise UserError(f"report {report_key} ({source_file}) has no observation {key}; list its observations "
                        f"with: ogi sql \"select * from marts.fct_observation where report_key = '{report_key}'\"")
    parsed, evidence = observed
    path, _ = _records_paths()
    try:
        line = append_correction(path, Correction(0, sha256, source_file, indicator, dims, value, args.who,
                                                  when, args.why))
    except RecordsError as error:
        raise UserError(str(error)) from None
    print(f"line {line} of {path}: {body_name} {report_year} {key}: parsed {format_value(parsed)} "
          f"(「{evidence}」) → {format_value(value)}")
    print("run `ogi build` to apply it")
    return 0


def _mark(args: argparse.Namespace, wanted: str, state: str) -> int:
    from ogi.warehouse.team_records import RecordsError, Review, append_review

    if not args.who:
        raise UserError("--who NAME is required to mark a report")
    con = _connect()
    try:
        report = _report(con, wanted)
    finally:
        con.close()
    report_key, sha256, source_file, body_name, report_year = report
    _, path = _records_paths()
    try:
        line = append_review(path, Review(0, sha256, source_file, state, args.who, _today(), args.note or ""))
    except RecordsError as error:
        raise UserError(str(error)) from None
    print(f"line {line} of {path}: {body_name} {report_year} (report {report_key}) is {state}")
    print("run `ogi build` to apply it")
    return 0


def _print_item(item: dict) -> None:
    organ = " ".join(str(part) for part in (item["body_name"], item["report_year"]) if part is not None)
    print(f"{item['rank']}. {item['kind']} — " + (f"{organ} " if organ else "") + f"(report {item['report_key']}"
          + (f", {item['source_file']})" if item["source_file"] else ")"))
    if item["indicator_code"]:
        figure = f"{item['indicator_code']}" + (f" {item['dims']}" if item["dims"] else "")
        value = "" if item["value"] is None else f" = {item['value']:g}"
        print(f"   {figure}{value}")
    if item["evidence"]:
        print(f"   evidence: {item['evidence']}")
    if item["detail"]:
        print(f"   why: {item['detail']}")
    print(f"   fix: {item['fix']}")


def cmd_review(args: argparse.Namespace) -> int:
    _set_paths(args)
    if args.mark_reviewed:
        return _mark(args, args.mark_reviewed, "reviewed")
    if args.mark_unreviewed:
        return _mark(args, args.mark_unreviewed, "unreviewed")
    from ogi.warehouse.review import queue

    con = _connect()
    try:
        items = queue(con, include_reviewed=args.all)
        reviewed, reports = con.execute(
            "SELECT count(*) FILTER (WHERE review_state = 'reviewed'), count(*) FROM marts.dim_report").fetchone()
    finally:
        con.close()
    if args.kind:
        items = [item for item in items if item["kind"] == args.kind]
    if args.format == "json":
        for item in items:
            print(json.dumps(item, ensure_ascii=False, default=str))
        return 0
    kinds: dict[str, int] = {}
    for item in items:
        kinds[item["kind"]] = kinds.get(item["kind"], 0) + 1
    print(f"{len(items)} item(s) to review" + (": " + ", ".join(f"{k} {n}" for k, n in kinds.items()) if kinds else "")
          + f" — {reviewed} of {reports} report(s) marked reviewed")
    for item in items[: args.limit]:
        _print_item(item)
    if len(items) > args.limit:
        print(f"… {len(items) - args.limit} more (--limit N, --kind KIND, --format json)")
    return 0


def _records_flags(command: argparse.ArgumentParser, written: str) -> None:
    """Where a command finds the warehouse and writes the team's records."""
    command.add_argument("--raw", help=f"the raw folder whose {written} to write (env OGI_RAW_DIR; default: "
                                       "the folder the warehouse was built from)")
    command.add_argument("--corrections", help="the corrections file; reviews.csv sits beside it (env "
                                               "OGI_CORRECTIONS; default: corrections.csv at the top of the raw folder)")
    command.add_argument("--warehouse", help="DuckDB file of the warehouse (env OGI_WAREHOUSE; default: "
                                             "data/warehouse.duckdb)")


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Register `ogi correct` and `ogi review` on the `ogi` parser."""
    correct = commands.add_parser("correct", help="record a person's correction of one observation")
    correct.add_argument("report", help="the report: its report_key, sha256 or source file")
    correct.add_argument("indicator", help="indicator code (docs/catalog.md)")
    correct.add_argument("--dims", help="the observation's dimensions, e.g. proceeding=admin_review,result=total")
    value = correct.add_mutually_exclusive_group(required=True)
    value.add_argument("--value", help="the figure the report states")
    value.add_argument("--not-stated", action="store_true", help="the report does not state this figure")
    correct.add_argument("--who", required=True, help="who corrects (kept with the line)")
    correct.add_argument("--why", required=True, help="what the report says, and where")
    correct.add_argument("--when", help="date of the correction, YYYY-MM-DD (default: today, UTC)")
    _records_flags(correct, "corrections.csv")
    correct.set_defaults(run=cmd_correct)

    review = commands.add_parser("review", help="what needs a person, ranked, with the command to fix each")
    review.add_argument("--all", action="store_true", help="include reports marked reviewed")
    review.add_argument("--kind", choices=("correction_issue", "contradiction", "cross_year_break", "outlier",
                                           "low_confidence", "unresolved_organ"), help="only items of this kind (default: all)")
    review.add_argument("--limit", type=int, default=_LIST_LIMIT, help=f"items shown (default: {_LIST_LIMIT})")
    review.add_argument("--format", choices=("text", "json"), default="text", help="text, or json: one object a line (default: text)")
    review.add_argument("--mark-reviewed", metavar="REPORT", help="mark a report reviewed (key, sha256 or file)")
    review.add_argument("--mark-unreviewed", metavar="REPORT", help="put a report back on the queue")
    review.add_argument("--who", help="who reviewed (with --mark-reviewed)")
    review.add_argument("--note", help="a note kept with the mark")
    _records_flags(review, "reviews.csv")
    review.set_defaults(run=cmd_review)
