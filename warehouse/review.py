"""The review queue (warehouse/sql/review_queue.sql) and the commands that clear it: what a person
should look at, in order, each item with the exact `ogi` command that records the fix."""
from __future__ import annotations

import shlex

import duckdb

from ogi.warehouse.connection import read_sql

# Below this confidence a reading is worth a look (the parser's own scale, 0–1).
LOW_CONFIDENCE = 0.8

QUEUE_COLUMNS = ("rank", "kind", "report_key", "source_file", "body_name", "report_year", "indicator_code",
                 "dims", "value", "evidence", "detail", "fix")


def correct_command(report_key: str, indicator: str, dims: str | None) -> str:
    """The `ogi correct` line for one observation; the value, name and reason are the person's to fill in."""
    words = ["ogi", "correct", report_key, indicator, *(["--dims", dims] if dims else [])]
    return shlex.join(words) + ' --value VALUE --who NAME --why "what the report says"'


def mark_command(report_key: str) -> str:
    return shlex.join(["ogi", "review", "--mark-reviewed", report_key]) + ' --who NAME --note "why it stays"'


def queue(con: duckdb.DuckDBPyConnection, include_reviewed: bool = False) -> list[dict]:
    """The ranked items, each with its `fix`: the command to run (or the line of the corrections
    file to edit)."""
    cursor = con.execute(read_sql("review_queue"),
                         {"low_confidence": LOW_CONFIDENCE, "include_reviewed": include_reviewed})
    items = [dict(zip(QUEUE_COLUMNS, row)) for row in cursor.fetchall()]
    for item in items:
        if item["fix"] == "correct":
            item["fix"] = correct_command(item["report_key"], item["indicator_code"], item["dims"])
        elif item["fix"] is None:
            # Nothing a correction can change (an organ's name, a flag on no single figure): once a
            # person has looked, the mark takes it off the queue.
            item["fix"] = mark_command(item["report_key"])
    return items


def correction_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Lines of the corrections file by status (marts.fct_correction)."""
    return dict(con.execute(read_sql("queries/correction_counts")).fetchall())
