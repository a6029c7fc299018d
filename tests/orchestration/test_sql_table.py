"""`ogi sql`'s table for people (orchestration.sql_output.write_table), on an in-memory DuckDB."""
from __future__ import annotations

import io

import duckdb

from ogi.orchestration.sql_output import write_table


def _table(sql: str, max_rows: int = 100) -> list[str]:
    out = io.StringIO()
    write_table(duckdb.connect().execute(sql), out, max_rows)
    return out.getvalue().splitlines()


def test_columns_line_up_in_terminal_columns_with_chinese_text():
    lines = _table("select * from (values ('新合镇', 12), ('大信镇人民政府', 3)) as t(body_name, n)")
    # 新合镇 takes 6 columns and 大信镇人民政府 14: the separators stand one above the other.
    assert lines == [
        "body_name      | n",
        "---------------+---",
        "新合镇         | 12",
        "大信镇人民政府 | 3",
        "(2 rows)",
    ]


def test_a_cell_is_one_line_and_text_is_never_read_as_markup():
    lines = _table("select '[bold]第一行[/bold]' || chr(10) || '第二行' as evidence, null as nothing")
    assert lines[2] == "[bold]第一行[/bold] 第二行 |"
    assert lines[-1] == "(1 row)"


def test_rows_past_max_rows_are_counted_not_shown():
    lines = _table("select range as i from range(7)", max_rows=3)
    assert lines[2:5] == ["0", "1", "2"]
    assert lines[-1] == "(7 rows; 4 not shown: --max-rows N shows more, --format csv all)"
