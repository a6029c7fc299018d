# Two commands: `make run` (set up + build the sample warehouse) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Written once the locked environment is installed; rebuilt when a lock changes.
STAMP := $(VENV)/.installed
# The Python range of pyproject.toml's requires-python, checked before anything is installed.
PYTHON_RANGE := (3, 11) <= sys.version_info[:2] < (3, 12)

.PHONY: run setup test test-fast eval dev bench bench-fixed bench-national clean lock

run: setup
	$(BIN)/ogi build

setup: $(STAMP)

# The development environment: runtime, test, distributed and OCR dependencies (requirements-dev.lock),
# and the project installed editable (its ogi.* packages mapped onto the folders of this tree).
$(STAMP): requirements-dev.lock requirements-bootstrap.lock pyproject.toml
	@$(PYTHON) -c "import sys; sys.exit(0 if $(PYTHON_RANGE) else 'ogi needs Python 3.11 (pyproject.toml: requires-python); ' + sys.executable + ' is ' + sys.version.split()[0] + ': run make PYTHON=python3.11')"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-bootstrap.lock
	$(BIN)/uv pip sync --quiet --python $(BIN)/python --compile-bytecode requirements-dev.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps --no-build-isolation -e .
	touch $(STAMP)

# The hashed locks from pyproject.toml: what a user's install needs (requirements.lock), with the
# Celery executor (requirements-distributed.lock) or with OCR (requirements-ocr.lock), and everything
# the tests use (requirements-dev.lock).
LOCK := $(BIN)/uv pip compile pyproject.toml --quiet --generate-hashes --no-strip-extras --python-version 3.11
lock: $(STAMP)
	$(LOCK) -o requirements.lock
	$(LOCK) --extra distributed -o requirements-distributed.lock
	$(LOCK) --extra ocr -o requirements-ocr.lock
	$(LOCK) --extra dev --extra distributed --extra ocr -o requirements-dev.lock

# The report test opens the HTML report in Debian's chromium, the distributed test starts a Redis
# server: the script installs both when missing.
test: setup
	sh scripts/install_test_services.sh
	$(BIN)/python -m pytest

# Everything but the tests marked slow (real builds, subprocesses, the browser, Celery, the
# webserver): the pure functions, direct asset calls and DuckDB files, in well under a minute.
test-fast: setup
	$(BIN)/python -m pytest -m "not slow" -p no:cacheprovider -q

# Accuracy against the gold labels in ../shared/corpus (a measurement, not a test).
eval: setup
	$(BIN)/python -m evaluation.run

# The Dagster UI on the sample corpus, with the persistent instance under data/ (Dagster's project
# tool reads [tool.dg] in pyproject.toml).
dev: setup
	$(BIN)/python -m ogi.orchestration.dev

clean:
	rm -rf data

# Speed and memory on generated corpora (prints a table; slow at 100k reports).
bench: setup
	$(BIN)/python -m benchmarks.bench $(SIZES)

# What every build costs whatever its size: sample from scratch, a no-change build, 10 reports (medians).
bench-fixed: setup
	$(BIN)/python -m benchmarks.fixed_cost

# The national corpus (700,000 reports) built end to end, with memory, disk and the cookbook's
# query times at that size (~2 GB of generated files kept in OGI_NATIONAL_DIR, default /tmp/ogi-national).
bench-national: setup
	$(BIN)/python -m benchmarks.national $(COUNT)
