# SEND programme portal. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON_BIN ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
CHROMIUM ?= /usr/bin/chromium

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

# The lock files (requirements/*.txt, with hashes) are made from pyproject.toml by `make lock`:
# base.txt for production (the Dockerfile), dev.txt adds the test extra (make install, CI),
# bench.txt adds the bench extra (make bench).
LOCK := requirements/dev.txt

# uv installs from the lock (every file checked against its hash) in seconds from its cache;
# `pip install --require-hashes -r $(LOCK)` does the same, slower (the Dockerfile uses pip).
UV_VERSION := 0.13.8
UV := $(VENV)/bin/uv
# uv checks the registry's certificate against the system's store (as pip and curl do), so a
# machine whose registry is behind its own certificate authority installs with no set-up.
export UV_SYSTEM_CERTS := 1

$(VENV)/.installed: $(LOCK) pyproject.toml
	test -x $(PY) || $(PYTHON_BIN) -m venv $(VENV)
	$(UV) --version 2>/dev/null | grep -q "^uv $(UV_VERSION)" || $(PY) -m pip install --quiet "uv==$(UV_VERSION)"
	$(UV) pip install --quiet --python $(PY) --require-hashes -r $(LOCK)
	$(UV) pip install --quiet --python $(PY) --no-deps -e .
	touch $@

.PHONY: install
install: $(VENV)/.installed ## Create the virtualenv and install the locked Python dependencies

.PHONY: lock
lock: ## Refresh requirements/*.txt (pinned, with hashes) from pyproject.toml; UPGRADE=1 upgrades all
	PYTHON_BIN=$(PYTHON_BIN) UPGRADE=$(UPGRADE) bash scripts/lock.sh

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

.PHONY: assets
assets: static/build/portal.css ## Compile GOV.UK Frontend with the council's branding

static/build/portal.css: node_modules/.installed static/src/portal.scss scripts/build-assets.sh
	bash scripts/build-assets.sh

.PHONY: migrate
migrate: install ## Make the cache table (shared rate-limit counters), then apply database migrations
	$(MANAGE) createcachetable
	$(MANAGE) migrate --no-input

.PHONY: demo
demo: migrate ## Load the demo local area (idempotent)
	$(MANAGE) load_demo

.PHONY: setup
setup: install assets demo ## Everything `make run` needs: dependencies, compiled CSS, database, demo data

PORT ?= 8000

.PHONY: run
run: setup ## Set up, then serve http://127.0.0.1:8000 (PORT=...) with a Celery worker and beat
	@PORT=$(PORT) bash scripts/run-dev.sh

.PHONY: chromium
chromium: ## Install Debian's chromium for the browser tests when it is missing
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils; \
	fi

.PHONY: lint
lint: install ## What pre-commit checks (ruff, format, large files, private keys), mypy, no missing migrations, the import layers
	bash scripts/lint.sh

# One pytest-xdist process per core (PYTEST_WORKERS=0 for one process), the slowest 15 listed.
PYTEST_WORKERS ?= auto

.PHONY: test
test: install assets chromium lint ## Install what the tests need and run the whole suite (pytest-xdist)
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) --durations=15 $(PYTEST_ARGS)

BENCH_DB := $(CURDIR)/var/bench-report.sqlite3

.PHONY: bench-report
bench-report: install ## Benchmark the PDF report: pages per second, demo and a 1,000-action programme
	mkdir -p var
	rm -f $(BENCH_DB)
	DATABASE_URL=sqlite:///$(BENCH_DB) DJANGO_MEDIA_ROOT=$(CURDIR)/var/bench-media $(MANAGE) migrate --no-input -v 0
	DATABASE_URL=sqlite:///$(BENCH_DB) DJANGO_MEDIA_ROOT=$(CURDIR)/var/bench-media DJANGO_DEBUG=1 $(MANAGE) load_demo > /dev/null
	DATABASE_URL=sqlite:///$(BENCH_DB) DJANGO_MEDIA_ROOT=$(CURDIR)/var/bench-media $(MANAGE) bench_report

.PHONY: format
format: install ## Fix lint and formatting where ruff can
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

.PHONY: clean
clean: ## Remove the virtualenv, node_modules, compiled assets and local data
	rm -rf $(VENV) node_modules static/build var db.sqlite3

.PHONY: bench-import
bench-import: migrate ## Time importing 10,000 actions with import_actions (rolled back)
	$(MANAGE) bench_import --rows 10000

.PHONY: bench
bench: install ## Each main page alone, at 20 users and in a mixed open-loop load with writes, on PostgreSQL (gunicorn on 127.0.0.1; about 6 minutes)
	$(UV) pip install --quiet --python $(PY) --require-hashes -r requirements/bench.txt
	$(PY) scripts/bench/run.py
