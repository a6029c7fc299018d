# Two commands: `make run` (set up + build the sample warehouse) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Written once the locked environment is installed; rebuilt when a lock changes.
STAMP := $(VENV)/.installed

.PHONY: run setup test test-fast eval dev bench bench-fixed clean

run: setup
	$(BIN)/ogi build

setup: $(STAMP)

$(STAMP): requirements.lock requirements-bootstrap.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-bootstrap.lock
	$(BIN)/uv pip sync --quiet --python $(BIN)/python --compile-bytecode requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps --no-build-isolation --config-settings editable_mode=compat -e .
	touch $(STAMP)

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

# The Dagster UI on the sample corpus, with the persistent instance under data/.
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
