"""`python -m warehouse.report [--warehouse FILE] [--out FILE]`: write the HTML report."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from warehouse import settings
from warehouse.connection import WarehouseMissing, connect_read_only
from warehouse.report import write_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warehouse.report", description=__doc__)
    parser.add_argument("--warehouse", help="published DuckDB file (default: OGI_WAREHOUSE, else data/)")
    parser.add_argument("--out", default="report.html", help="HTML file to write (default: report.html)")
    args = parser.parse_args(argv)
    try:
        con = connect_read_only(args.warehouse or settings.get("OGI_WAREHOUSE"))
    except WarehouseMissing as missing:
        print(f"report: {missing}", file=sys.stderr)
        return 2
    try:
        out = write_report(con, Path(args.out))
    finally:
        con.close()
    print(f"report written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
