# One command for every check: `make check` (lint, format, types, layers, tests).
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: check lint types layers test test-fast fuzz snapshots bench

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

# The property tests with new examples each run (the suite itself draws the same every run):
# keep what this finds with @example next to the test, then fix it.
fuzz:
	PAINCOACH_HYPOTHESIS=explore $(BIN)/pytest $$(grep -rl "from hypothesis" tests)

snapshots:
	$(BIN)/pytest tests/snapshots --snapshot-update
