# Kasvuopas: `make run` starts the bot locally, `make test` runs the whole suite,
# `make test-fast` all but the Teams-emulator tests (the inner loop), `make bench` the benchmarks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test test-fast lint playground screenshots bench clean lock

install: $(STAMP) node_modules/.package-lock.json

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Every dependency comes pinned and hash-checked from requirements.lock (made with uv; see the
# README's "Updating dependencies"); the project itself is then installed without resolving anything.
$(STAMP): $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Re-pin after changing the dependencies in pyproject.toml (needs the package index).
lock:
	$(PYTHON) -m pip install --quiet --user uv
	$(PYTHON) -m uv pip compile pyproject.toml requirements-build.in --extra dev --generate-hashes \
		--python-version 3.11 --python-platform x86_64-manylinux_2_28 -o requirements.lock

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

# PNGs of the bot's cards from the Teams emulator in headless Chromium (docs/screenshots/README.md);
# ARGS="--language en" writes the English ones to docs/screenshots/en/.
screenshots: install
	$(BIN)/python tools/screenshots.py $(ARGS)

playground: install
	bash tools/playground.sh

bench: $(STAMP)
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) node_modules
