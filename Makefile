# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run ingest test lint typecheck unit bench clean

$(BIN)/balcony: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/balcony

install: $(BIN)/balcony

ingest: install
	$(BIN)/balcony ingest

run: ingest
	$(BIN)/balcony serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest

test: lint typecheck unit

bench: ingest
	$(BIN)/python benchmarks/retrieval.py
	$(BIN)/python benchmarks/chat.py

clean:
	rm -rf $(VENV) data .mypy_cache .pytest_cache .ruff_cache
