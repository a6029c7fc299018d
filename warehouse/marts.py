"""The marts: which SQL file builds which table, in what order, and from what.

The facts keyed by report (`by_report`) are not rebuilt whole: their SQL file defines the view of
their rows, and a build rewrites only the rows of the reports whose inputs changed (new, changed,
removed, reparsed or corrected reports, or an organ-year whose panel choice moved), so a build
that adds 10 reports to 100k writes 10 reports' rows. What a mart last read for each report is
a fingerprint in staging.stg_mart_input (warehouse/sql/report_inputs.sql says what goes in it);
the result is the one a build from scratch gives (tests/orchestration/test_incremental_marts.py).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

import duckdb

from ogi.warehouse.connection import SEED_DIR, leading_comment, read_sql, run_sql, seed_path


@dataclass(frozen=True)
class Mart:
    name: str  # table marts.<name>, built by warehouse/sql/<name>.sql
    upstream: tuple[str, ...] = ()  # other marts (or staging assets) it reads
    seed: str | None = None  # catalog seed CSV, for the code dimensions
    by_report: bool = False  # its SQL is the view <name>_rows, keyed by report_key: rebuilt per report

    def description(self) -> str:
        return leading_comment(self.name)

    def build(self, con: duckdb.DuckDBPyConnection) -> int | None:
        """Build the table; for a by-report mart, return how many reports' rows it rewrote."""
        if self.by_report:
            return _build_by_report(con, self.name)
        if self.seed:
            run_sql(con, self.name, seed=seed_path(self.seed))
        else:
            run_sql(con, self.name)
        return None


def _definition(name: str) -> str:
    """What a by-report mart's rows depend on besides each report's inputs: its SQL, the
    fingerprint's, and the catalog. When it changes every report's fingerprint changes."""
    digest = hashlib.sha256(read_sql(name).encode() + read_sql("report_inputs").encode())
    for seed in sorted(SEED_DIR.glob("*.csv")):
        digest.update(seed.read_bytes())
    return digest.hexdigest()


def _columns(con: duckdb.DuckDBPyConnection, relation: str) -> list[tuple]:
    return [(column, data_type) for column, data_type, *_ in con.execute(f"DESCRIBE {relation}").fetchall()]


def _exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
                            "AND schema_name = 'marts' AND table_name = $name", {"name": name}).fetchone()[0])


def _build_by_report(con: duckdb.DuckDBPyConnection, name: str) -> int:
    """Rewrite the rows of marts.`name` of the reports whose inputs changed since its last build, in
    one transaction; the whole table when it is new or its columns changed. Return how many reports'
    rows were rewritten. `name` is one of MODEL's own names, never user input."""
    # The mart's view gives the rows of the reports in report_scope: all, or those whose inputs changed.
    con.execute("CREATE OR REPLACE TEMP TABLE report_scope (report_key VARCHAR)")
    run_sql(con, name)
    run_sql(con, "report_inputs")
    rows = f"{name}_rows"
    con.execute("BEGIN TRANSACTION")
    con.execute("CREATE OR REPLACE TEMP TABLE inputs_now AS "
                "SELECT report_key, hash(fingerprint, $definition) AS fingerprint FROM report_inputs",
                {"definition": _definition(name)})
    if not _exists(con, name) or _columns(con, f"marts.{name}") != _columns(con, rows):
        con.execute("INSERT INTO report_scope SELECT report_key FROM inputs_now")
        con.execute(f"CREATE OR REPLACE TABLE marts.{name} AS SELECT * FROM {rows}")
        con.execute("DELETE FROM staging.stg_mart_input WHERE mart = $mart", {"mart": name})
        con.execute("INSERT INTO staging.stg_mart_input SELECT $mart, report_key, fingerprint FROM inputs_now",
                    {"mart": name})
        rewritten = con.execute("SELECT count(*) FROM inputs_now").fetchone()[0]
    else:
        # The reports whose fingerprint is new, different (on both sides) or gone.
        con.execute("""
            CREATE OR REPLACE TEMP TABLE changed AS
            SELECT DISTINCT report_key FROM (
                (SELECT report_key, fingerprint FROM inputs_now
                 EXCEPT SELECT report_key, fingerprint FROM staging.stg_mart_input WHERE mart = $mart)
                UNION
                (SELECT report_key, fingerprint FROM staging.stg_mart_input WHERE mart = $mart
                 EXCEPT SELECT report_key, fingerprint FROM inputs_now)
            )""", {"mart": name})
        con.execute("INSERT INTO report_scope SELECT report_key FROM changed")
        con.execute(f"DELETE FROM marts.{name} WHERE report_key IN (SELECT report_key FROM changed)")
        con.execute(f"INSERT INTO marts.{name} SELECT * FROM {rows}")
        con.execute("DELETE FROM staging.stg_mart_input WHERE mart = $mart "
                    "AND report_key IN (SELECT report_key FROM changed)", {"mart": name})
        con.execute("INSERT INTO staging.stg_mart_input SELECT $mart, report_key, fingerprint FROM inputs_now "
                    "WHERE report_key IN (SELECT report_key FROM changed)", {"mart": name})
        rewritten = con.execute("SELECT count(*) FROM changed").fetchone()[0]
    con.execute("COMMIT")
    return rewritten


CATALOG = (
    Mart("dim_indicator", seed="indicators"),
    Mart("dim_channel", seed="channels"),
    Mart("dim_applicant", seed="applicants"),
    Mart("dim_request_outcome", seed="outcomes"),
    Mart("dim_proceeding", seed="proceedings"),
    Mart("dim_result", seed="results"),
    Mart("dim_doc_type", seed="doc_types"),
    Mart("dim_matter", seed="matters"),
)

# `resolved_organs` and `quarantine` are staging assets (orchestration/defs/ingestion.py); `corrections` is the
# team's records, loaded by the marts step before any mart (orchestration/defs/marts.py).
MODEL = (
    Mart("dim_town", ("resolved_organs",)),
    Mart("dim_report", ("resolved_organs", "quarantine", "corrections")),
    Mart("dim_year", ("dim_report",)),
    Mart("fct_observation", ("dim_report", "corrections"), by_report=True),
    Mart("fct_correction", ("fct_observation",)),
    Mart("fct_cross_year_check", ("fct_observation", "dim_indicator")),
    Mart("fct_town_year", ("fct_observation", "fct_cross_year_check")),
    Mart("fct_publication", ("fct_town_year", "dim_year", "dim_town")),
    Mart("fct_town_year_change", ("fct_town_year",)),
    Mart("fct_outcome_shares", ("fct_observation", "dim_request_outcome", "dim_year")),
    Mart("fct_publication_coverage", ("fct_publication",)),
    Mart("fct_report_completeness", ("fct_observation", "dim_indicator"), by_report=True),
)

ALL = CATALOG + MODEL


def table_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(read_sql("queries/mart_tables")).fetchall()
    return [name for (name,) in rows]
