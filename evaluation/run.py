"""Measure extraction against the gold labels: ``python -m evaluation.run [--direct] [CORPUS_DIR ...]``.

Each corpus folder holds ``texts/*.txt`` and ``gold/*.json`` (format in shared/docs/labeling.md).
Without arguments every ``../shared/corpus/*/`` folder next to the repository is measured.

By default the warehouse is built for each folder with ``ogi build`` and the predictions are read
from ``marts.fct_observation`` / ``marts.dim_report`` — the same numbers analysts get. ``--direct``
parses the texts in-process with ``transforms.parse`` instead (fast, for iterating on rules).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from ogi.transforms.coverage import Unexplained, unexplained_numbers

from evaluation.score import DIMS, META_FIELDS, CorpusScore, Obs, Tally, family, make_obs, score_file

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = REPO.parent / "shared" / "corpus"

Predictions = dict[str, tuple[dict, list[Obs]]]  # file name → (metadata, observations)


def load_gold(folder: Path) -> Predictions:
    gold: Predictions = {}
    for path in sorted((folder / "gold").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        observations = [
            make_obs(o["indicator"], o.get("dims") or {}, o["value"], o.get("evidence", ""), bool(o.get("optional")))
            for o in data["observations"]
        ]
        gold[data["file"]] = ({f: data.get(f) for f in META_FIELDS}, observations)
    return gold


def predict_direct(folder: Path) -> Predictions:
    from ogi.transforms.parse import parse_report

    predictions: Predictions = {}
    for path in sorted((folder / "texts").glob("*.txt")):
        parsed = parse_report(path.read_text(encoding="utf-8"))
        meta = {f: getattr(parsed.meta, f) for f in META_FIELDS}
        observations = [
            make_obs(o.indicator_code, {d: getattr(o, f"{d}_code") for d in DIMS}, o.value, o.evidence)
            for o in parsed.observations
        ]
        predictions[path.name] = (meta, observations)
    return predictions


def coverage(folder: Path) -> dict[str, list[Unexplained]]:
    """Unexplained numbers of each text (parsed in-process: coverage needs the parse, not the marts)."""
    from ogi.transforms.parse import parse_report

    found = {}
    for path in sorted((folder / "texts").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found[path.name] = unexplained_numbers(text, parse_report(text))
    return found


def predict_warehouse(folder: Path) -> Predictions:
    import duckdb

    with tempfile.TemporaryDirectory() as tmp:
        warehouse = Path(tmp) / "w.duckdb"
        command = [str(REPO / ".venv" / "bin" / "ogi"), "build", "--raw", str(folder / "texts"), "--warehouse", str(warehouse)]
        subprocess.run(command, check=True, cwd=REPO, stdout=subprocess.DEVNULL)
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            reports = con.execute(
                "select report_key, source_file, " + ", ".join(META_FIELDS) + " from marts.dim_report"
            ).fetchall()
            columns = ", ".join(f"o.{d}_code" for d in DIMS)
            rows = con.execute(
                f"select r.source_file, o.indicator_code, {columns}, o.value, o.evidence "
                "from marts.fct_observation o join marts.dim_report r using (report_key)"
            ).fetchall()
        finally:
            con.close()
    predictions: Predictions = {}
    for _, source_file, *meta in reports:
        predictions[Path(source_file).name] = (dict(zip(META_FIELDS, meta)), [])
    for source_file, indicator, *rest in rows:
        dims = dict(zip(DIMS, rest[: len(DIMS)]))
        value, evidence = rest[len(DIMS)], rest[len(DIMS) + 1]
        predictions[Path(source_file).name][1].append(make_obs(indicator, dims, value, evidence or ""))
    return predictions


def _line(name: str, t: Tally) -> str:
    return f"  {name:<32} P={t.precision:.3f} R={t.recall:.3f} F1={t.f1:.3f}  (tp={t.tp} fp={t.fp} fn={t.fn})"


def _short(text: str) -> str:
    return text.replace("\n", "⏎")[:70]


# Batches of a corpus by the first letter of a file's name (../shared/corpus/README.md): the dev
# files p*/q* are the first batch, the one the parser was tuned on; h* were hidden until 2026-12-01.
BATCHES = {"p": "first batch (p*, q*)", "q": "first batch (p*, q*)", "h": "second batch (h*)"}


def _batches(score: CorpusScore) -> dict[str, CorpusScore]:
    groups: dict[str, list] = {}
    for f in score.files:
        groups.setdefault(BATCHES.get(f.file[:1], ""), []).append(f)
    return {name: CorpusScore(files) for name, files in groups.items()} if len(groups) > 1 else {}


def _summary(score: CorpusScore, out) -> None:
    print(_line("overall", score.tally), file=out)
    print(" per family:", file=out)
    for fam, t in score.by(family).items():
        print(_line(fam, t), file=out)
    accuracy = score.meta_accuracy()
    if accuracy:
        fields = " ".join(f"{k}={v:.3f}" for k, v in accuracy.items())
        print(f" metadata: all={score.meta_all():.3f} {fields}", file=out)


def report(name: str, score: CorpusScore, out, unexplained: dict[str, list[Unexplained]] | None = None) -> None:
    print(f"== {name}: {len(score.files)} files", file=out)
    _summary(score, out)
    for batch, part in _batches(score).items():
        print(f"== {name} / {batch}: {len(part.files)} files", file=out)
        _summary(part, out)
    print(" per indicator:", file=out)
    for indicator, t in score.by(lambda i: i).items():
        print(_line(indicator, t), file=out)
    print(" metadata accuracy:", file=out)
    for field_name, accuracy in score.meta_accuracy().items():
        print(f"  {field_name:<14} {accuracy:.3f}", file=out)
    for f in score.files:
        wrong_meta = [m for m, ok in f.meta_hits.items() if not ok]
        if not (f.misses or f.wrong or wrong_meta):
            continue
        print(f" {f.file}:", file=out)
        for m in wrong_meta:
            print(f"   META {m}: gold={f.meta_gold[m]!r} predicted={f.meta_predicted[m]!r}", file=out)
        for g in f.misses:
            print(f"   FN {g.label()} = {g.value:g}  «{_short(g.evidence)}»", file=out)
        for p, g in f.wrong:
            expected = f" (gold {g.value:g})" if g else ""
            print(f"   FP {p.label()} = {p.value:g}{expected}  «{_short(p.evidence)}»", file=out)
    if unexplained is not None:
        numbers = sum(len(u) for u in unexplained.values())
        print(f" grammar coverage: {numbers} unexplained numbers in {sum(1 for u in unexplained.values() if u)} of "
              f"{len(unexplained)} reports (a number next to a catalog word that gave no observation)", file=out)
        for file, found in unexplained.items():
            for u in found:
                print(f"   {file}: {u.number}  «…{_short(u.context)}{u.number}»", file=out)


def score_folder(folder: Path, direct: bool) -> CorpusScore:
    gold = load_gold(folder)
    predicted = predict_direct(folder) if direct else predict_warehouse(folder)
    files = []
    for file, (gold_meta, gold_obs) in gold.items():
        meta, observations = predicted.get(file, ({}, []))
        files.append(score_file(file, gold_obs, observations, gold_meta, meta))
    return CorpusScore(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, help="corpus folders (default: ../shared/corpus/*/)")
    parser.add_argument("--direct", action="store_true", help="parse in-process instead of building the warehouse")
    args = parser.parse_args(argv)
    folders = args.corpora or sorted(p for p in DEFAULT_CORPORA.glob("*/") if (p / "gold").is_dir())
    if not folders:
        print(f"no corpus folders found under {DEFAULT_CORPORA}", file=sys.stderr)
        return 2
    for folder in folders:
        folder = folder.resolve()
        report(folder.name, score_folder(folder, args.direct), sys.stdout, coverage(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
