"""Opening the warehouse and running its SQL files.

Analysts, checks and exports open the *published* file read-only. Builds never write to it: they
write a separate build file that `warehouse.publish` swaps in atomically (see that module), so a
reader never meets a writer's lock.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import duckdb

from ogi.warehouse.errors import UserError

SQL_DIR = Path(__file__).resolve().parent / "sql"
SEED_DIR = Path(__file__).resolve().parent / "seeds"


class WarehouseMissing(UserError):
    """The warehouse file does not exist yet."""


class QueryRefused(UserError):
    """A statement of `ogi sql` that would write, or read outside the allowed folders."""


def read_sql(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def leading_comment(name: str) -> str:
    """The comment a SQL file starts with, which says what its table holds."""
    lines = []
    for line in read_sql(name).splitlines():
        if not line.startswith("--"):
            break
        lines.append(line.removeprefix("--").strip())
    return " ".join(lines)


def run_sql(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> duckdb.DuckDBPyConnection:
    """Run one SQL file (one statement) with bound, named parameters (``$name`` in the file); its
    rows, if it is a query, are for the caller to fetch."""
    return con.execute(read_sql(name), params or None)


def seed_path(name: str) -> str:
    return str(SEED_DIR / f"{name}.csv")


def connect_read_only(path: str | Path, memory_limit: str | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection; `memory_limit` caps DuckDB's buffer pool (default: DuckDB's, 80% of RAM)."""
    path = Path(path)
    if not path.exists():
        raise WarehouseMissing(f"no warehouse at {path}: run `ogi build` first (or pass --warehouse FILE)")
    try:
        return duckdb.connect(str(path), read_only=True,
                              config={"memory_limit": memory_limit} if memory_limit else {})
    except duckdb.Error as error:
        first_line = str(error).splitlines()[0]
        raise UserError(f"cannot open {path} as a warehouse ({first_line}); pass --warehouse FILE") from error


# What `ogi sql` runs: statements that only read. DuckDB's read-only mode still lets a connection
# write other files (COPY … TO, EXPORT DATABASE, even over the warehouse file itself), and an
# allowed folder is allowed for writing too, so statements are also checked by their type.
_READING = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
_EXPLAIN = re.compile(r"\s*explain(\s+analy[sz]e)?\s", re.IGNORECASE)
_DENIED_FILE = re.compile(r'Cannot access (?:file|directory) "([^"]*)"')


def connect_for_queries(path: str | Path, allowed_dirs: list[Path] = ()) -> duckdb.DuckDBPyConnection:
    """A read-only connection for ad hoc SQL: no file outside `allowed_dirs` can be read, none
    written, no extension installed or loaded, no database attached, and the configuration locked
    so that no statement can undo this. Run its queries through `run_statements`."""
    con = connect_read_only(path)
    # Only settable once the database runs, and only while external access is still on.
    con.execute("SET allowed_directories = $dirs", {"dirs": [f"{Path(d).resolve()}/" for d in allowed_dirs]})
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


def _check_reads_only(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    for statement in con.extract_statements(sql):
        kind = statement.type
        if kind == duckdb.StatementType.EXPLAIN:
            # EXPLAIN ANALYZE runs what it explains: that must be a query too.
            explained = _EXPLAIN.match(statement.query)
            if explained:
                _check_reads_only(con, statement.query[explained.end():])
                continue
        elif kind in _READING:
            continue
        raise QueryRefused(
            f"{kind.name} statements are refused: `ogi sql` only reads (SELECT, WITH, FROM, SHOW, "
            "DESCRIBE, EXPLAIN); to save a result, redirect its output: ogi sql … --format csv > FILE"
        )


def run_statements(con: duckdb.DuckDBPyConnection, sql: str, one_only: str = "") -> Iterator[duckdb.DuckDBPyConnection]:
    """Run the statements of `sql` one by one on a `connect_for_queries` connection, all checked
    first, yielding the connection after each statement that returns rows, for its caller to read
    (`columns`, then `fetchmany`) before the next runs; UserError (one line) for a statement refused
    or failing. `execute` holds the whole result in DuckDB, so reading it cannot fail. With
    `one_only` (the reason), more than one statement is refused before any runs."""
    try:
        _check_reads_only(con, sql)
        statements = con.extract_statements(sql)
        if one_only and len(statements) > 1:
            raise UserError(f"the query has {len(statements)} statements but {one_only}")
        for statement in statements:
            cursor = con.execute(statement)
            if cursor.description:
                yield cursor
    except duckdb.PermissionException as error:
        denied = _DENIED_FILE.search(str(error))
        what = denied.group(1) if denied else "a file"
        raise QueryRefused(
            f"{what} is outside the folders `ogi sql` may read; pass --allow-files DIR to read the files "
            "under DIR (it never writes there)"
        ) from error
    except duckdb.Error as error:
        message = str(error).splitlines()[0]
        if "read-only mode" in message:
            raise QueryRefused("the warehouse is read-only through `ogi sql`; builds change it (ogi build)") from error
        raise UserError(message) from error


def columns(cursor: duckdb.DuckDBPyConnection) -> list[str]:
    """The result's column names as the query wrote them: DuckDB heads `count(*)` `count_star()`
    (the function it rewrites it to); every other name is DuckDB's own."""
    return [d[0].replace("count_star()", "count(*)") for d in cursor.description]
