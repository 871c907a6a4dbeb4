# The two commands of the quick start: `make build` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test docs bench lint clean system-deps

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's metadata changed.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/kg build --out build

test: $(STAMP) system-deps
	$(BIN)/python -m pytest -q

# Debian packages the server and browser tests need (Virtuoso, Chromium); skipped when present.
system-deps:
	@bash .ci/system-deps

docs: $(STAMP)
	$(BIN)/kg docs --out build/docs

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

lint: $(STAMP)
	$(BIN)/ruff check kg tests benchmarks
	$(BIN)/ruff format --check kg tests benchmarks

clean:
	rm -rf build
