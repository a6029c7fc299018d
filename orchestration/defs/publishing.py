"""Publishing: swap the checked build in as the warehouse analysts read, then export parquet."""

from pathlib import Path

import dagster as dg

from ogi.orchestration.resources import BUILD_FILE_TAGS, ExportFolder, Warehouse, user_errors_as_failures
from ogi.warehouse import marts
from ogi.warehouse.connection import read_sql
from ogi.warehouse.export import claim_export_dir, export_marts
from ogi.warehouse.report import write_report
from ogi.warehouse.settings import REPORT_FILE

GROUP = "publishing"


@dg.asset(group_name=GROUP, deps=[mart.name for mart in marts.ALL], kinds={"duckdb"}, op_tags=BUILD_FILE_TAGS)
def published_warehouse(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    """The new warehouse version, swapped in atomically once every blocking check passed."""
    with user_errors_as_failures(), warehouse.writing(context.op_execution_context.run_id):
        warehouse.publish()
    with warehouse.read_only() as con:
        summary = con.execute(read_sql("published_summary")).pl().row(0, named=True)
    return dg.MaterializeResult(metadata={"path": dg.MetadataValue.path(str(warehouse.file)), **summary})


@dg.asset(group_name=GROUP, deps=[published_warehouse], kinds={"parquet"})
def parquet_exports(warehouse: Warehouse, exports: ExportFolder) -> dg.MaterializeResult:
    """Parquet copies of every marts table, Hive-partitioned by report_year where it exists."""
    out_dir = Path(exports.path)
    with user_errors_as_failures(), warehouse.read_only() as con:
        written = export_marts(con, out_dir, warehouse.file)
    return dg.MaterializeResult(
        metadata={
            "warehouse": dg.MetadataValue.path(str(warehouse.file)),
            "out_dir": dg.MetadataValue.path(str(out_dir)),
            **{f"rows/{t}": n for t, n in written.items()},
        }
    )


@dg.asset(group_name=GROUP, deps=[published_warehouse], kinds={"html"})
def html_report(warehouse: Warehouse, exports: ExportFolder) -> dg.MaterializeResult:
    """The analysts' HTML report (charts of coverage, disclosure, requests, trends, timeliness and
    data quality), one self-contained file beside the parquet exports; `ogi report` writes the same."""
    with user_errors_as_failures(), warehouse.read_only() as con:
        claim_export_dir(Path(exports.path), warehouse.file)
        path = write_report(con, Path(exports.path) / REPORT_FILE)
    return dg.MaterializeResult(
        metadata={
            "warehouse": dg.MetadataValue.path(str(warehouse.file)),
            "path": dg.MetadataValue.path(str(path)),
            "bytes": path.stat().st_size,
        }
    )
