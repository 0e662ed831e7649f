# One command for every check: `make check` (lint, format, types, layers, tests).
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: check lint types layers test test-fast snapshots bench

check: lint types layers test

lint:
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

types:
	$(BIN)/mypy

layers:
	$(BIN)/lint-imports

test:
	$(BIN)/pytest

# The edit-test loop: everything but the reliability and snapshot layers (CI runs those too).
test-fast:
	$(BIN)/pytest -m "not slow"

snapshots:
	$(BIN)/pytest tests/snapshots --snapshot-update
