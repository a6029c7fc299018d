"""The distribution: a wheel built from the repository holds every module and data file of the three
packages as ogi.*, installs into a fresh virtual environment from the runtime lock, and `ogi build`
there writes only under the working directory."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.paths import REPO_ROOT

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
# Folders of the tree and where the wheel puts them.
_PACKAGES = {"orchestration": "ogi/orchestration", "transforms": "ogi/transforms", "warehouse": "ogi/warehouse",
             "sample_corpus": "ogi/sample_corpus"}
_SHIPPED = (".py", ".sql", ".csv", ".tsv", ".gz", ".txt")


def _tracked() -> list[str]:
    listed = subprocess.run(["git", "ls-files", *_PACKAGES], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    return [name for name in listed.stdout.split() if name.endswith(_SHIPPED)]


def _files(root: Path) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", *_PACKAGES):
        origin = REPO_ROOT / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(origin, source / name)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([str(BIN / "pip"), "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--no-index",
                    "-w", str(out), str(source)], check=True, capture_output=True, text=True)
    [built] = out.glob("ogi_warehouse-*.whl")
    return built


def test_the_wheel_holds_every_module_and_data_file_under_ogi_and_no_other_top_level_name(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    top = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert top == {"ogi"}
    missing = [name for name in _tracked() if _PACKAGES[name.split("/")[0]] + name[name.index("/"):] not in names]
    assert not missing
    assert "ogi/__init__.py" not in names  # a namespace: other distributions may add to ogi.*


def test_an_installed_wheel_builds_the_sample_writing_only_under_the_working_directory(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    install = [str(BIN / "uv"), "pip", "install", "--quiet", "--python", str(python), "--compile-bytecode"]
    subprocess.run([*install, "--require-hashes", "-r", str(REPO_ROOT / "requirements.lock")], check=True)
    subprocess.run([*install, "--no-deps", str(wheel)], check=True)
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    installed_before = _files(site)
    raw = tmp_path / "reports"
    shutil.copytree(REPO_ROOT / "sample_corpus", raw)
    raw_before = _files(raw)
    work = tmp_path / "work"
    work.mkdir()
    # Nothing of the repository reachable: not as the working directory, not on the path.
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("OGI_", "DAGSTER_", "PYTHON", "VIRTUAL_ENV"))}
    env["PATH"] = f"{venv / 'bin'}:/usr/bin:/bin"
    for arguments in (["build"], ["build", "--raw", str(raw)]):
        done = subprocess.run([str(venv / "bin" / "ogi"), *arguments], cwd=work, env=env, capture_output=True,
                              text=True, timeout=600)
        assert done.returncode == 0, done.stderr
    assert "reports:       5" in done.stdout
    assert (work / "data" / "warehouse.duckdb").is_file()
    assert (work / "data" / "exports" / "report.html").is_file()
    assert _files(site) == installed_before
    assert _files(raw) == raw_before
    assert str(REPO_ROOT) not in subprocess.run(
        [str(python), "-c", "import ogi.transforms.parse as p; print(p.__file__)"], cwd=work, env=env,
        capture_output=True, text=True, check=True).stdout
