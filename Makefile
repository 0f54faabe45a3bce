# newskg: `make run` builds the bundled sample; `make test` runs the whole suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test install browser score clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/kg build data/ -o out/graph.trig -o out/graph.ttl --html out/graph.html
	$(BIN)/kg stats out/graph.trig --top 5
	@echo "\n== Officials and their posts (queries/officials.rq) =="
	$(BIN)/kg query out/graph.trig -f queries/officials.rq

# Headless Chromium for the viewer tests (Debian packages).
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium chromium-driver >/dev/null)

test: $(VENV)/.test-installed browser
	$(BIN)/python -m pytest

# Extraction quality on the development set (needs ../shared).
score: $(VENV)/.installed
	PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/python ../shared/eval/score.py run ../shared/eval/dev --per-doc

clean:
	rm -rf $(VENV) out tests/artifacts
