"""Sizes as people write them, for OGI_MAX_FILE_BYTES."""
from __future__ import annotations

import pytest

from ogi.warehouse.errors import UserError
from ogi.warehouse.settings import parse_size


@pytest.mark.parametrize(("text", "size"), [
    ("50000000", 50_000_000), ("50MB", 50_000_000), ("50 MB", 50_000_000), ("50mb", 50_000_000),
    ("50 MiB", 52_428_800), ("1.5GB", 1_500_000_000), ("20 kB", 20_000), ("700B", 700),
])
def test_sizes_in_bytes_or_units(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "fifty", "50 MBs", "-5", "5 0MB", "50 furlongs"])
def test_what_is_not_a_size_says_how_to_write_one(text):
    with pytest.raises(UserError, match="50MB"):
        parse_size(text)
