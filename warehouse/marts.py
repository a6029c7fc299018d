"""The marts: which SQL file builds which table, in what order, and from what."""
from __future__ import annotations

from dataclasses import dataclass

import duckdb

from warehouse.connection import leading_comment, read_sql, run_sql, seed_path


@dataclass(frozen=True)
class Mart:
    name: str  # table marts.<name>, built by warehouse/sql/<name>.sql
    upstream: tuple[str, ...] = ()  # other marts (or staging assets) it reads
    seed: str | None = None  # catalog seed CSV, for the code dimensions

    def description(self) -> str:
        return leading_comment(self.name)

    def build(self, con: duckdb.DuckDBPyConnection) -> None:
        if self.seed:
            run_sql(con, self.name, seed=seed_path(self.seed))
        else:
            run_sql(con, self.name)


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

# `resolved_organs` and `quarantine` are staging assets (orchestration/ingestion); `corrections` is the
# team's records, loaded by the marts step before any mart (orchestration/marts/assets.py).
MODEL = (
    Mart("dim_town", ("resolved_organs",)),
    Mart("dim_report", ("resolved_organs", "quarantine", "corrections")),
    Mart("dim_year", ("dim_report",)),
    Mart("fct_observation", ("dim_report", "corrections")),
    Mart("fct_correction", ("fct_observation",)),
    Mart("fct_cross_year_check", ("fct_observation", "dim_indicator")),
    Mart("fct_town_year", ("fct_observation", "fct_cross_year_check")),
    Mart("fct_publication", ("fct_town_year", "dim_year", "dim_town")),
    Mart("fct_town_year_change", ("fct_town_year",)),
    Mart("fct_outcome_shares", ("fct_observation", "dim_request_outcome", "dim_year")),
    Mart("fct_publication_coverage", ("fct_publication",)),
    Mart("fct_report_completeness", ("fct_observation", "dim_indicator")),
)

ALL = CATALOG + MODEL


def table_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(read_sql("queries/mart_tables")).fetchall()
    return [name for (name,) in rows]
