# Kasvuopas: `make run` starts the bot locally, `make test` runs the whole suite,
# `make test-fast` all but the Teams-emulator tests (the inner loop), `make bench` the benchmarks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test test-fast lint playground bench clean

install: $(STAMP) node_modules/.package-lock.json

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The Teams emulator and the manifest schemas (pinned in package.json / package-lock.json).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

run: $(STAMP)
	$(BIN)/kasvuopas serve

test: install lint
	$(BIN)/python -m pytest -q

# Leaves out tests/e2e (marked e2e), which start Node and Microsoft's Agents Playground.
test-fast: install lint
	KASVUOPAS_FUZZ_EXAMPLES=200 $(BIN)/python -m pytest -q -m "not e2e"

# Every test target lints and type-checks first (mypy's configuration is in pyproject.toml).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

playground: install
	bash tools/playground.sh

bench: $(STAMP)
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) node_modules
