"""The staged tables are declared once (transforms/staged.py): the Arrow schema the parse workers fill
and the DDL of the build file both follow the dataclasses, on a real DuckDB file."""
from __future__ import annotations

import dataclasses
from datetime import date

import pyarrow as pa

from ogi.transforms import staged
from ogi.transforms.model import Flag, Observation, ReportMeta, Structure
from ogi.transforms.staged import Column, StagedTable, columns_of
from ogi.warehouse import publish, staging
from ogi.warehouse.corrections import CORRECTION
from ogi.warehouse.corrections import create_tables as create_record_tables


def _table_columns(con, name: str) -> dict[str, tuple[str, bool]]:
    rows = con.execute(
        "SELECT column_name, data_type, is_nullable FROM duckdb_columns() "
        "WHERE database_name = current_database() AND schema_name = 'staging' AND table_name = $name",
        {"name": name},
    ).fetchall()
    return {column: (kind, nullable) for column, kind, nullable in rows}


@dataclasses.dataclass(frozen=True)
class _Reading:
    indicator_code: str
    value: float


@dataclasses.dataclass(frozen=True)
class _ReadingWithDate(_Reading):
    checked_on: date | None = None  # the field added


@dataclasses.dataclass(frozen=True)
class _ReadingWithTags(_ReadingWithDate):
    tags: tuple[str, ...] = ()  # another, that may not be null


def test_a_field_added_to_a_declaration_reaches_the_arrow_schema_and_the_ddl(tmp_path):
    before = StagedTable("stg_reading", columns_of(_Reading))
    after = StagedTable("stg_reading", columns_of(_ReadingWithDate))
    assert before.schema.names == ["indicator_code", "value"]
    assert after.schema.field("checked_on").type == pa.date32() and after.schema.field("checked_on").nullable
    assert not after.schema.field("value").nullable

    with publish.open_build(tmp_path / "w.duckdb") as con:
        staging.create_tables(con, (before,))
        con.execute("INSERT INTO staging.stg_reading VALUES ('req_received', 3)")
        # An existing table of the older declaration gains the new nullable column; its rows stay.
        staging.create_tables(con, (after,))
        assert _table_columns(con, "stg_reading") == {
            "indicator_code": ("VARCHAR", False),
            "value": ("DOUBLE", False),
            "checked_on": ("DATE", True),
        }
        assert con.execute("SELECT * FROM staging.stg_reading").fetchall() == [("req_received", 3.0, None)]


def test_a_field_that_may_not_be_null_makes_a_new_table(tmp_path):
    tagged = StagedTable("stg_reading", columns_of(_ReadingWithTags))
    assert tagged.schema.field("tags").type == pa.list_(pa.string()) and not tagged.schema.field("tags").nullable
    with publish.open_build(tmp_path / "w.duckdb") as con:
        staging.create_tables(con, (StagedTable("stg_reading", columns_of(_ReadingWithDate)),))
        con.execute("INSERT INTO staging.stg_reading VALUES ('req_received', 3, NULL)")
        staging.create_tables(con, (tagged,))
        assert _table_columns(con, "stg_reading")["tags"] == ("VARCHAR[]", False)
        assert con.execute("SELECT count(*) FROM staging.stg_reading").fetchone() == (0,)


def test_the_build_file_has_every_field_of_the_parse_records_with_its_type(tmp_path):
    with publish.open_build(tmp_path / "w.duckdb") as con:
        create_record_tables(con)
        observation = _table_columns(con, "stg_observation")
        report = _table_columns(con, "stg_report")
        correction = _table_columns(con, "stg_correction")
    for field in dataclasses.fields(Observation):
        assert field.name in observation, field.name
    for record in (ReportMeta, Structure):
        for field in dataclasses.fields(record):
            assert field.name in report, field.name
    # Written by hand from the dataclasses' annotations, not from the code under test.
    assert observation["value"] == ("DOUBLE", False)
    assert observation["unit"] == ("VARCHAR", True)
    assert observation["is_approximate"] == ("BOOLEAN", False)
    assert observation["span_start"] == ("INTEGER", False)
    assert report["report_year"] == ("INTEGER", True)
    assert report["publish_date"] == ("DATE", True)
    assert report["sections"] == ("VARCHAR[]", False)
    flag_fields = ", ".join(f"{field.name} VARCHAR" for field in dataclasses.fields(Flag))
    assert report["flags"] == (f"STRUCT({flag_fields})[]", False)
    # The corrections are keyed exactly like the observations they correct.
    for key in staged.OBSERVATION_KEY:
        assert correction[key] == observation[key], key


def test_the_arrow_batches_are_what_the_tables_take():
    for table in staged.PARSE_RESULTS:
        assert table.schema.names == [column.name for column in table.columns]
    assert CORRECTION.schema.field("indicator_code") == staged.OBSERVATION.schema.field("indicator_code")


def test_a_table_whose_column_changed_type_is_dropped_with_the_other_parse_results(tmp_path):
    path = tmp_path / "w.duckdb"
    with publish.open_build(path) as con:
        con.execute("INSERT INTO staging.stg_content (sha256, parser_version, status) VALUES ('a', 'v', 'parsed')")
        # A warehouse staged when flags were strings.
        con.execute("DROP TABLE staging.stg_report")
        con.execute("CREATE TABLE staging.stg_report (sha256 VARCHAR, flags VARCHAR[])")
        con.execute("INSERT INTO staging.stg_report VALUES ('a', ['req_balance: 3 != 2'])")
    with publish.open_build(path) as con:
        # Gone together, so that no content is taken for parsed without its report.
        assert con.execute("SELECT count(*) FROM staging.stg_content").fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM staging.stg_report").fetchone() == (0,)
        assert _table_columns(con, "stg_report")["flags"][0].startswith("STRUCT(code VARCHAR")


def test_an_unchanged_declaration_keeps_the_staged_rows(tmp_path):
    path = tmp_path / "w.duckdb"
    with publish.open_build(path) as con:
        con.execute("INSERT INTO staging.stg_content (sha256, parser_version, status) VALUES ('a', 'v', 'parsed')")
    with publish.open_build(path) as con:
        assert con.execute("SELECT sha256 FROM staging.stg_content").fetchall() == [("a",)]


def test_columns_of_types_optional_fields_as_nullable():
    assert columns_of(Flag, ("code", "indicator_code")) == (
        Column("code", pa.string(), nullable=False),
        Column("indicator_code", pa.string(), nullable=True),
    )
