"""The marts: one step builds every mart (warehouse/marts.py says which and in what order) and runs
the gate checks, while the UI still shows one asset per mart table with its own lineage.

One step rather than one per table: each step of the multiprocess executor is a process of its own
that opens the DuckDB build file, and the marts are one writer's work done in sequence anyway.
"""

from pathlib import Path

import dagster as dg

from ogi.orchestration.gate_checks import GATE_CHECKS
from ogi.orchestration.resources import BUILD_FILE_TAGS, RawFolder, Warehouse, user_errors_as_failures
from ogi.warehouse import marts
from ogi.warehouse.corrections import create_tables, load_records
from ogi.warehouse.dictionary import column_docs, describe_in_warehouse, markdown_table, table_columns
from ogi.warehouse.team_records import RecordsError

GROUP = "marts"
_PREVIEW_ROWS = 5


def _spec(mart: marts.Mart) -> dg.AssetSpec:
    # Every build starts with raw_inventory (it opens the new version), so marts with no other
    # upstream still come after it.
    return dg.AssetSpec(
        mart.name,
        deps=list(mart.upstream) or ["raw_inventory"],
        description=mart.description(),
        group_name=GROUP,
        kinds={"duckdb"},
    )


def _materialization(con, mart: marts.Mart, columns: list[tuple[str, str]], warehouse: Warehouse,
                     rewritten: int | None) -> dg.MaterializeResult:
    # A relation on the mart, table or view (con.table() finds tables only); its name is the catalog's.
    table = con.sql(f"FROM marts.{mart.name}")
    (rows,) = table.count("*").fetchone()
    frame = table.limit(_PREVIEW_ROWS).pl()
    docs = column_docs().get(mart.name, {})
    schema = dg.TableSchema(
        columns=[
            dg.TableColumn(name, data_type, description=docs.get(name))
            for name, data_type in columns
        ]
    )
    return dg.MaterializeResult(
        asset_key=mart.name,
        metadata={
            "warehouse": dg.MetadataValue.path(str(warehouse.file)),
            "dagster/row_count": rows,
            "dagster/column_schema": schema,
            "preview": dg.MetadataValue.md("\n".join(markdown_table(frame.columns, list(frame.iter_rows())))),
            # A fact rebuilt per report: the reports whose rows this build wrote (warehouse/marts.py).
            **({"reports_rewritten": rewritten} if rewritten is not None else {}),
        },
    )


def _corrections(con, raw: Path) -> dg.MaterializeResult:
    """The team's corrections and review marks (corrections.csv and reviews.csv at the top of the raw
    folder, or OGI_CORRECTIONS), checked whole: a bad line fails the build before any mart changes."""
    try:
        loaded = load_records(con, raw)
    except RecordsError as error:
        raise dg.Failure(description=str(error)) from None
    return dg.MaterializeResult(asset_key="corrections", metadata=loaded)


@dg.multi_asset(
    name="build_marts",
    # (A spec kept in a module variable would be loaded by the defs folder as an asset of its own.)
    specs=[
        dg.AssetSpec("corrections", deps=["raw_inventory"], group_name="staging", kinds={"duckdb"},
                     description=_corrections.__doc__),
        *(_spec(mart) for mart in marts.ALL),
    ],
    check_specs=[check.spec() for check in GATE_CHECKS],
    can_subset=True,
    op_tags=BUILD_FILE_TAGS,
)
def build_marts(context: dg.AssetExecutionContext, warehouse: Warehouse, raw_folder: RawFolder):
    """Load the team's records, build the selected marts in dependency order, then run the selected
    gate checks."""
    selected = {key.to_user_string() for key in context.selected_asset_keys}
    selected_checks = {key.name for key in context.selected_asset_check_keys}
    with user_errors_as_failures(), warehouse.writing(context.op_execution_context.run_id), warehouse.build() as con:
        create_tables(con)
        if "corrections" in selected:
            yield _corrections(con, raw_folder.root_for(warehouse.file))
        for mart in marts.ALL:
            if mart.name in selected:
                rewritten = mart.build(con)
                columns = table_columns(con, "marts", mart.name)
                describe_in_warehouse(con, mart.name, mart.description(), columns)
                yield _materialization(con, mart, columns, warehouse, rewritten)
        for check in GATE_CHECKS:
            if check.name in selected_checks:
                yield check.evaluate(con)
