"""Scoring of predicted observations and metadata against gold labels (pure functions).

Matching key: indicator + the dimensions that are not null, with applicant 'total' treated as null.
A prediction matches a gold observation of the same key when the values agree within 1e-6.
Gold observations marked ``"optional": true`` are not counted as misses, and a prediction with the
same key and value is neither a hit nor a false positive.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

DIMS = ("channel", "applicant", "outcome", "proceeding", "result", "doc_type", "matter")
META_FIELDS = ("body_name", "body_level", "county", "report_year", "format_code")
TOLERANCE = 1e-6

# Indicator families for the per-family table.
FAMILIES = [
    ("proactive", ("pd_", "normdocs_issued")),
    ("table2", ("art20_",)),
    ("response", ("resp_",)),
    ("requests", ("req_", "info_processing_fee")),
    ("appeals", ("appeal_count",)),
    ("capacity", ("org_", "reading_points", "staff_", "budget_", "meetings", "training_")),
]


def family(indicator: str) -> str:
    for name, prefixes in FAMILIES:
        if indicator.startswith(prefixes):
            return name
    return "other"


@dataclass(frozen=True)
class Obs:
    indicator: str
    dims: tuple[tuple[str, str], ...]  # non-null dims, sorted
    value: float
    evidence: str = ""
    optional: bool = False

    @property
    def key(self) -> tuple:
        return (self.indicator, self.dims)

    def label(self) -> str:
        dims = ",".join(f"{k}={v}" for k, v in self.dims)
        return f"{self.indicator}[{dims}]" if dims else self.indicator


def make_obs(indicator: str, dims: dict[str, str | None], value: float, evidence: str = "", optional: bool = False) -> Obs:
    kept = {k: v for k, v in dims.items() if v is not None and not (k == "applicant" and v == "total")}
    return Obs(indicator, tuple(sorted(kept.items())), float(value), evidence, optional)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Tally") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class FileScore:
    file: str
    tally: Tally
    by_indicator: dict[str, Tally]
    misses: list[Obs]  # false negatives
    wrong: list[tuple[Obs, Obs | None]]  # false positives, with the gold of the same key if any
    meta_hits: dict[str, bool] = field(default_factory=dict)
    meta_gold: dict = field(default_factory=dict)
    meta_predicted: dict = field(default_factory=dict)


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE


def score_file(file: str, gold: list[Obs], predicted: list[Obs], gold_meta: dict, predicted_meta: dict) -> FileScore:
    gold_by_key: dict[tuple, list[Obs]] = defaultdict(list)
    for g in gold:
        gold_by_key[g.key].append(g)
    by_indicator: dict[str, Tally] = defaultdict(Tally)
    matched: set[int] = set()
    wrong: list[tuple[Obs, Obs | None]] = []
    for p in predicted:
        candidates = gold_by_key.get(p.key, [])
        hit = next((g for g in candidates if id(g) not in matched and _same(g.value, p.value)), None)
        if hit is not None:
            matched.add(id(hit))
            if not hit.optional:
                by_indicator[p.indicator].tp += 1
            continue
        by_indicator[p.indicator].fp += 1
        wrong.append((p, next((g for g in candidates if not g.optional), candidates[0] if candidates else None)))
    misses = [g for g in gold if id(g) not in matched and not g.optional]
    for g in misses:
        by_indicator[g.indicator].fn += 1
    total = Tally()
    for t in by_indicator.values():
        total.add(t)
    meta_hits = {f: gold_meta.get(f) == predicted_meta.get(f) for f in META_FIELDS if f in gold_meta}
    return FileScore(file, total, dict(by_indicator), misses, wrong, meta_hits, gold_meta, predicted_meta)


@dataclass
class CorpusScore:
    files: list[FileScore]

    @property
    def tally(self) -> Tally:
        total = Tally()
        for f in self.files:
            total.add(f.tally)
        return total

    def by(self, key) -> dict[str, Tally]:
        out: dict[str, Tally] = defaultdict(Tally)
        for f in self.files:
            for indicator, t in f.by_indicator.items():
                out[key(indicator)].add(t)
        return dict(sorted(out.items()))

    def meta_accuracy(self) -> dict[str, float]:
        counts: Counter[str] = Counter()
        hits: Counter[str] = Counter()
        for f in self.files:
            for name, ok in f.meta_hits.items():
                counts[name] += 1
                hits[name] += ok
        return {name: hits[name] / counts[name] for name in META_FIELDS if counts[name]}

    def meta_all(self) -> float:
        """Share of all metadata fields of all files that are right (the "metadata" figure)."""
        checked = [ok for f in self.files for ok in f.meta_hits.values()]
        return sum(checked) / len(checked) if checked else 1.0
