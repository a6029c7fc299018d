"""The one entry point of the pipeline: report text in, metadata + observations + flags out.

Order: normalise (with an offset map to the source), metadata (year, organ, format), then the
readers — F19/F21 tables, prose numbers and zero statements, T14/L08 statistics rows — and finally
one value per key. Spans always point into the text given, so ``text[s:e] == evidence``.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from ogi.transforms.completeness import structure_of
from ogi.transforms.extract import Found
from ogi.transforms.extract.context import ReportContext
from ogi.transforms.extract.prose import extract_prose
from ogi.transforms.extract.sections import Heading, headings, in_home_section, section_at
from ogi.transforms.extract.stat_rows import extract_stat_rows
from ogi.transforms.extract.tables import extract_tables
from ogi.transforms.grammar import fingerprint
from ogi.transforms.metadata import extract_metadata
from ogi.transforms.model import DIMENSIONS, Flag, Observation, ParsedReport
from ogi.transforms.normalize import normalize

# The code's version and the grammar's fingerprint: a change to either re-parses every report once.
PARSER_VERSION = f"0.8.1+g{fingerprint()[:12]}"


def _choose(candidates: list[Found], heading_at: Callable[[int], Heading | None]) -> Found:
    """One value per key (labeling rule 3): the statement in the section the official structure
    assigns to the indicator, then table cells over prose, then the first statement."""
    def rank(f: Found) -> tuple:
        home = in_home_section(f.observation.indicator_code, heading_at(f.norm_start))
        return (not home, not f.from_table, f.norm_start)

    return min(candidates, key=rank)


def _balance_flags(observations: list[Observation]) -> list[Flag]:
    """Contradictions the text states; kept as written, never "fixed"."""
    flags = []
    plain = {
        o.indicator_code: o.value
        for o in observations
        if o.channel_code is None and o.applicant_code is None and o.outcome_code is None
    }
    needed = ("req_received", "req_carried_over_in", "req_outcome_total", "req_carried_forward")
    if all(k in plain for k in needed):
        left = plain["req_received"] + plain["req_carried_over_in"]
        right = plain["req_outcome_total"] + plain["req_carried_forward"]
        if abs(left - right) > 1e-9:
            flags.append(Flag("req_balance",
                              f"req_balance: {left:g} != {right:g} (new + carried in vs decided + carried forward)"))
    channels = [o.value for o in observations if o.indicator_code == "pd_items_by_channel"]
    if "pd_items_total" in plain and channels and sum(channels) > plain["pd_items_total"] and len(channels) > 1:
        flags.append(Flag("pd_channels", f"pd_channels: sum {sum(channels):g} > total {plain['pd_items_total']:g}"))
    return flags


def parse_report(text: str) -> ParsedReport:
    """Parse one decoded report text. Pure and deterministic; never raises on odd input."""
    norm = normalize(text)
    meta = extract_metadata(norm.text)
    outline = headings(norm.text)
    heading_at = section_at(outline)
    ctx = ReportContext(
        norm=norm, source=text, report_year=meta.report_year, body_level=meta.body_level, regime=meta.regime,
        outline=tuple(outline),
    )
    found = extract_tables(ctx, meta.format_code) + extract_prose(ctx, heading_at)
    if meta.format_code in ("T14", "L08"):
        found.extend(extract_stat_rows(ctx))

    by_key: dict[tuple, list[Found]] = defaultdict(list)
    for f in found:
        by_key[f.observation.key()].append(f)
    observations: list[Observation] = []
    flags: list[Flag] = []
    for key, candidates in by_key.items():
        chosen = _choose(candidates, heading_at) if len(candidates) > 1 else candidates[0]
        observations.append(chosen.observation)
        values = sorted({c.observation.value for c in candidates})
        if len(values) > 1:
            detail = f"conflict {key[0]} {[d for d in key[1:] if d]}: stated {values}, kept {chosen.observation.value:g}"
            flags.append(Flag("conflict", detail, **dict(zip(("indicator_code", *DIMENSIONS), key))))
    observations.sort(key=lambda o: o.span_start)
    flags.extend(_balance_flags(observations))
    return ParsedReport(meta=meta, observations=observations, structure=structure_of(norm.text, outline), flags=flags)
