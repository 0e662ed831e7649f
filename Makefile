# One command for every check: `make check` (lint, format, types, layers, tests).
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: check lint types layers test snapshots bench

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

snapshots:
	$(BIN)/pytest tests/snapshots --snapshot-update
