"""What the extractors need to know about the report besides its text, and the shared guards."""
from __future__ import annotations

from dataclasses import dataclass

from ogi.transforms.grammar import phrase
from ogi.transforms.model import Observation
from ogi.transforms.normalize import Normalized

from . import Found
from .sections import Heading


@dataclass(frozen=True)
class ReportContext:
    norm: Normalized
    source: str
    report_year: int | None
    body_level: str | None
    regime: str | None  # decides 不予公开/部分公开 wording shared by both regimes
    outline: tuple[Heading, ...] = ()  # the top-level headings (sections.headings)

    def found(
        self,
        indicator: str,
        value: float,
        start: int,
        end: int,
        *,
        method: str,
        method_rule: str = "",
        unit: str | None = None,
        is_approximate: bool = False,
        confidence: float = 0.8,
        from_table: bool = False,
        raw_label: str | None = None,
        **dims: str,
    ) -> Found:
        """An observation whose evidence is normalised ``[start, end)`` mapped to the source."""
        src_start, src_end = self.norm.source_span(start, end)
        return Found(
            observation=Observation(
                indicator_code=indicator,
                value=float(value),
                span_start=src_start,
                span_end=src_end,
                evidence=self.source[src_start:src_end],
                unit=unit,
                is_approximate=is_approximate,
                confidence=confidence,
                method=method,
                method_rule=method_rule,
                raw_label=raw_label,
                **{f"{name}_code": code for name, code in dims.items()},
            ),
            norm_start=start,
            from_table=from_table,
        )


# A clause about subordinate units or a wider area than the organ (labeling rule 7), per level.
_WIDER_AREA = {level: phrase(f"WIDER_AREA_{level}") for level in ("town", "county", "city", "department", "province")}
_ANY_YEAR = phrase("ANY_YEAR")


_SUB_UNIT = phrase("SUB_UNIT")


def about_other_unit(ctx: ReportContext, clause: str) -> bool:
    pattern = _WIDER_AREA.get(ctx.body_level or "town")
    return bool(pattern and pattern.search(clause)) or bool(_SUB_UNIT.search(clause))


def about_other_year(ctx: ReportContext, text_before: str) -> bool:
    """The sentence names a year and it is not the report year."""
    if ctx.report_year is None:
        return False
    years = {int(y) for y in _ANY_YEAR.findall(text_before)}
    return bool(years) and ctx.report_year not in years
