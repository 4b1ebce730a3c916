# flowchart-cli: `make demo` and `make test` set everything up on a fresh Debian machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast bench lint system clean

$(STAMP): pyproject.toml
	@$(MAKE) --no-print-directory system
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# The Graphviz programs and the cairo/pango libraries come from the system.
system:
	@missing=""; \
	command -v dot >/dev/null || missing="graphviz"; \
	$(PYTHON) -c "import ensurepip, venv" 2>/dev/null || missing="$$missing python3-venv"; \
	command -v pdftoppm >/dev/null || missing="$$missing poppler-utils"; \
	{ ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0; } || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	{ ldconfig -p 2>/dev/null | grep -q libcairo.so.2; } || missing="$$missing libcairo2"; \
	{ fc-list 2>/dev/null | grep -qi dejavu; } || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing system packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "missing system packages:$$missing"; \
	    echo "install them with: sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

demo: $(STAMP)
	@rm -rf out
	$(BIN)/flowchart check samples/*.flow.yaml
	$(BIN)/flowchart build samples --out-dir out --format svg,png,pdf,drawio,mermaid,dot,html,handout-pdf --index
	@echo "out/ holds the diagrams and handouts; out/index.md lists them"

test: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 tests

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow" tests

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

lint: $(STAMP)
	$(BIN)/ruff check flowchart_cli tests benchmarks
	$(BIN)/ruff format --check flowchart_cli tests benchmarks

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache .hypothesis
