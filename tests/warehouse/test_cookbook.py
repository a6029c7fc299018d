"""docs/cookbook.md cannot drift: every ```sql block in it runs through `ogi sql --format csv` on the
warehouse built from the bundled sample corpus and must print exactly the ```text block after it."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import REPO_ROOT

COOKBOOK = REPO_ROOT / "docs" / "cookbook.md"
# The team records of the README's correction workflow on the sample corpus.
EXAMPLE_CORRECTIONS = REPO_ROOT / "docs" / "examples" / "corrections.csv"
OGI = Path(sys.executable).parent / "ogi"

# A query, then (after blank lines only) the output it prints.
_PAIR = re.compile(r"```sql\n(?P<sql>.*?)\n```\s*```text\n(?P<text>.*?)\n?```", re.DOTALL)


def _recipes() -> list[tuple[str, str, str]]:
    """(section heading, query, documented output) for every query of the cookbook."""
    recipes = []
    sections = re.split(r"^## ", COOKBOOK.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]
    for section in sections:
        heading = section.splitlines()[0]
        for number, pair in enumerate(_PAIR.finditer(section), start=1):
            recipes.append((f"{heading} #{number}", pair["sql"], pair["text"]))
    return recipes


RECIPES = _recipes()


def test_every_query_in_the_cookbook_has_its_output_beside_it():
    text = COOKBOOK.read_text(encoding="utf-8")
    assert text.count("```sql") == len(RECIPES)
    assert len(RECIPES) >= 6


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The warehouse `ogi build` makes from the sample corpus with the README's corrections, as an
    analyst would run it."""
    data = tmp_path_factory.mktemp("cookbook_data")
    env = {name: value for name, value in os.environ.items() if not name.startswith(("OGI_", "DAGSTER_"))}
    subprocess.run([OGI, "build", "--corrections", str(EXAMPLE_CORRECTIONS)], env={**env, "OGI_DATA_DIR": str(data)},
                   check=True, capture_output=True)
    return data / "warehouse.duckdb"


@pytest.mark.parametrize(("sql", "documented"), [recipe[1:] for recipe in RECIPES],
                         ids=[recipe[0] for recipe in RECIPES])
@pytest.mark.slow  # `ogi sql` in a subprocess, on a warehouse `ogi build` made
def test_the_query_prints_the_documented_output(warehouse: Path, sql: str, documented: str):
    result = subprocess.run([OGI, "sql", sql, "--format", "csv", "--warehouse", str(warehouse)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    # The csv module ends lines with \r\n; the documentation with \n.
    assert result.stdout.splitlines() == documented.splitlines()
