"""The table grammar names only codes the catalog has (warehouse/seeds/*.csv is the one source of truth)."""
from __future__ import annotations

import csv
import re
from pathlib import Path

from ogi.transforms.grammar import rows

SEEDS = Path(__file__).resolve().parents[2] / "warehouse" / "seeds"
DIM_SEEDS = {
    "channel": "channels", "outcome": "outcomes", "proceeding": "proceedings", "result": "results",
    "doc_type": "doc_types", "matter": "matters",
}


def _codes(seed: str) -> set[str]:
    with open(SEEDS / f"{seed}.csv", encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        return {row[0] for row in reader}


def test_row_labels_name_catalog_codes() -> None:
    indicators = _codes("indicators")
    for row in rows("table_rows"):
        re.compile(row["label"])
        assert row["table"] in ("t2", "t3", "stat"), row
        assert row["indicator"] in indicators or (row["table"] == "t2" and not row["indicator"]), row
        for dim, seed in DIM_SEEDS.items():
            assert not row[dim] or row[dim] in _codes(seed), row


def test_column_headers_name_catalog_codes() -> None:
    indicators = _codes("indicators")
    for row in rows("table_columns"):
        if row["header"]:
            re.compile(row["header"])
        if row["table"] == "t2":
            for column in row["codes"].split(","):
                indicator, _, unit = column.partition(":")
                assert indicator in indicators and unit in ("", "元", "万元"), row
        else:
            assert row["codes"] in _codes({"proceeding": "proceedings", "heading": "proceedings", "result": "results"}[row["group"]]), row


def test_format_labels_name_formats() -> None:
    for row in rows("formats"):
        re.compile(row["label"])
        assert row["format"] in ("F19", "F21", "F19F21", "T14", "L08"), row
