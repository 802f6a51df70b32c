# tidings: `make demo` sets everything up and codes the sample corpus; `make test` runs the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup system-deps demo test lint bench clean

system-deps:
	@dpkg -s libicu-dev pkg-config default-jre-headless chromium >/dev/null 2>&1 || { \
	  echo "installing libicu-dev and pkg-config (PyICU builds against them), default-jre-headless (Spark), chromium (web UI tests)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    libicu-dev pkg-config default-jre-headless chromium; }

$(VENV)/.installed: pyproject.toml
	$(MAKE) system-deps
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,spark]'
	touch $@

setup: $(VENV)/.installed

demo: setup
	rm -f demo.db
	$(BIN)/tidings ingest examples/corpus --db demo.db
	$(BIN)/tidings events --db demo.db

lint: setup
	$(BIN)/ruff check src tests benchmarks

test: lint
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/actor_lookup.py
	$(BIN)/python benchmarks/scale.py
	$(BIN)/python benchmarks/claims_fusion.py

clean:
	rm -rf $(VENV) demo.db tidings.db .pytest_cache .ruff_cache
