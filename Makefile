# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest workers: one per core by default (`make unit PYTEST_WORKERS=0` runs in one process).
PYTEST_WORKERS ?= auto

.PHONY: install run ingest test lint typecheck unit bench gate clean

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

# mypy keeps .mypy_cache between runs: a second run re-checks only what changed.
typecheck: install
	$(BIN)/mypy

# Whole modules go to one worker (loadscope), so a module's fixtures are built once; each
# worker builds the session's model and index once, and gets its own databases and ports.
# Modules go out in the order tests/conftest.py gives them (slow ones first), not by size.
# The browser tests (tests/web) share the run: each browser module opens and closes its own
# Chromium, so no event loop is left running for the modules a worker gets after it.
PYTEST_RUN = $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadscope --no-loadscope-reorder --durations=15
unit: install
	$(PYTEST_RUN)

# mypy (uncached on a fresh clone: about a minute, on one core) runs beside the tests instead
# of before them: the two pytest workers leave room for it while they wait on servers and child
# processes (5 min 15 s in all instead of 7 min on the loaded 2-core machine). Its report is
# printed after pytest's; `make test` fails if either fails.
test: lint
	@log=$$(mktemp); $(BIN)/mypy >"$$log" 2>&1 & typecheck=$$!; \
	echo "$(PYTEST_RUN)"; $(PYTEST_RUN); unit=$$?; \
	wait $$typecheck; typed=$$?; echo "$(BIN)/mypy"; cat "$$log"; rm -f "$$log"; \
	[ $$unit -eq 0 ] && [ $$typed -eq 0 ]

# Retrain the gate from tests/data/judgement-train*.jsonl and the retired hold-outs (never the
# splits still held out).
gate: install
	$(BIN)/python -m app.gate.training

bench: ingest
	$(BIN)/python benchmarks/retrieval.py
	$(BIN)/python benchmarks/chat.py

clean:
	rm -rf $(VENV) data .mypy_cache .pytest_cache .ruff_cache
