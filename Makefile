# kgapi — `make run` serves the API with the seed ingested; `make test` runs every test.
# Both set up what they need first (a virtualenv in .venv), so each works on a fresh clone.

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: run test setup setup-test browser virtuoso bench lint clean

run: setup
	$(BIN)/kgapi serve

test: setup-test browser virtuoso
	$(BIN)/python -m pytest $(PYTEST_ARGS)

setup: $(VENV)/.run-installed
setup-test: $(VENV)/.test-installed

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "kgapi needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run-installed: $(VENV)/bin/python setup.cfg pyproject.toml
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.test-installed: $(VENV)/bin/python setup.cfg pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.run-installed

# Browser tests drive the system's Chromium (never a downloaded one).
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  echo "installing Chromium from the system packages"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Remote-store tests also run on a real Virtuoso 7 (Debian's virtuoso-opensource; the tests start
# their own server on a temporary database, never the system service).
virtuoso:
	@command -v virtuoso-t >/dev/null 2>&1 || { \
	  echo "installing Virtuoso from the system packages"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >/dev/null; }

bench: setup-test
	$(BIN)/python -m bench

lint: setup-test
	$(BIN)/python -m ruff check kgapi tests || true

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
