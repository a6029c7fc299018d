"""Extraction rules over normalised text. Each reader returns ``Found`` candidates; ``parse`` keeps
one per key (labeling rule 3)."""
from __future__ import annotations

from dataclasses import dataclass

from ogi.transforms.model import Observation


@dataclass(frozen=True)
class Found:
    observation: Observation
    norm_start: int  # position in normalised text, for section look-up and ordering
    from_table: bool
