# make run  -- create .venv if needed and open the room on the demo meeting
# make open -- resume the demo meeting left open (or MEETING=id on the demo archive)
# make test -- create .venv if needed and run the test suite (parallel, then serial)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_DB ?= var/demo.db

.PHONY: run open test lint bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Facilitator needs Python 3.11 or newer ($(PYTHON) is older)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/facilitator --db $(DEMO_DB) demo

MEETING ?=
open: $(STAMP)
	$(BIN)/facilitator --db $(DEMO_DB) open $(MEETING)

# Two runs: the lanes in parallel (pytest-xdist, one worker per core), then the
# tests marked serial (tmux, crash, serve: real keystrokes, kills and ports) on
# their own. Each run fails if it collects no tests (pytest exits 5).
test: $(STAMP)
	$(BIN)/python -m pytest -n 2 -m "not serial"
	$(BIN)/python -m pytest -m serial

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) var .pytest_cache
