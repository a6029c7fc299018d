"""The marts, one asset per SQL file (warehouse/marts.py says which and in what order)."""

import dagster as dg

from orchestration.resources import Warehouse
from warehouse import marts
from warehouse.dictionary import column_docs, markdown_table, table_columns

GROUP = "marts"
_PREVIEW_ROWS = 5


def _preview(con, table: str) -> tuple[int, str]:
    rows = con.execute(f"SELECT count(*) FROM marts.{table}").fetchone()[0]
    frame = con.sql(f"SELECT * FROM marts.{table} LIMIT {_PREVIEW_ROWS}").pl()
    return rows, "\n".join(markdown_table(frame.columns, list(frame.iter_rows())))


def _mart_asset(mart: marts.Mart) -> dg.AssetsDefinition:
    # Every build starts with raw_inventory (it opens the new version), so marts with no other
    # upstream still come after it.
    deps = list(mart.upstream) or ["raw_inventory"]

    @dg.asset(name=mart.name, group_name=GROUP, deps=deps, description=mart.description(), kinds={"duckdb"})
    def _build(warehouse: Warehouse) -> dg.MaterializeResult:
        with warehouse.build() as con:
            mart.build(con)
            rows, preview = _preview(con, mart.name)
            columns = table_columns(con, "marts", mart.name)
        docs = column_docs().get(mart.name, {})
        schema = dg.TableSchema(
            columns=[dg.TableColumn(name, data_type, description=docs.get(name)) for name, data_type in columns]
        )
        return dg.MaterializeResult(
            metadata={
                "dagster/row_count": rows,
                "dagster/column_schema": schema,
                "preview": dg.MetadataValue.md(preview),
            }
        )

    return _build


mart_assets = [_mart_asset(mart) for mart in marts.ALL]
