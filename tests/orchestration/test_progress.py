"""`ogi build` shows how far the run is: plain lines into a pipe, a live bar on a terminal."""
from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # `ogi build` in a subprocess

OGI = Path(sys.executable).parent / "ogi"


def _env(data: Path) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith(("OGI_", "DAGSTER_"))}
    return {**env, "OGI_DATA_DIR": str(data)}


def _in_order(text: str, *parts: str) -> bool:
    position = 0
    for part in parts:
        position = text.find(part, position)
        if position < 0:
            return False
        position += len(part)
    return True


def test_into_a_pipe_each_stage_is_a_line_with_its_time_and_parsing_its_counts(tmp_path):
    result = subprocess.run([str(OGI), "build"], capture_output=True, text=True, env=_env(tmp_path / "data"),
                            timeout=300)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    # No terminal, no escape sequences (a log file or CI reads these lines).
    assert "\x1b" not in result.stderr
    assert _in_order(result.stderr, "ingest.inventory: started\n", "  parsing: 0 of 5 files (0%), ",
                     "ingest.parse[0000]: started\n", "  parsing: 5 of 5 files (100%), ",
                     "ingest.load: done in ", "build_marts: started\n",
                     "build_marts: done in ", "published_warehouse: done in ")
    [inventory_done] = [line for line in lines if line.startswith("ingest.inventory: done in ")]
    [load_done] = [line for line in lines if line.startswith("ingest.load: done in ")]
    # raw_inventory comes from the inventory step; staged_reports, quarantine and resolved_organs
    # from the step that loads the parse step's rows.
    assert inventory_done.endswith(" s, 1 asset materialised")
    assert load_done.endswith(" s, 3 assets materialised")
    # The summary stays on stdout, apart from the progress.
    assert "reports:       5" in result.stdout and "parsing" not in result.stdout


def test_on_a_terminal_parsing_is_a_live_bar_shown_before_the_stage_ends(tmp_path):
    main, side = pty.openpty()
    build = subprocess.Popen([str(OGI), "build"], stdin=side, stdout=side, stderr=side, env=_env(tmp_path / "data"))
    os.close(side)
    shown = b""
    while True:
        ready, _, _ = select.select([main], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the build ended and closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    assert build.wait(timeout=60) == 0
    text = shown.decode("utf-8", errors="replace")
    # rich draws the bar (━) with the count, the share, the elapsed time and an ETA, redrawn in place
    # (\r), before the load step says it is done. (Whether 0/5 is drawn too depends on whether a
    # poll falls between the two observations: five files parse in a second.)
    assert _in_order(text, "ingest.inventory: started", "parsing", "━", "5/5", "100%", "ETA", "\r",
                     "ingest.load: done in "), text
    assert "reports:       5" in text
