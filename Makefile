# Two commands set up a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip install -q -c constraints.txt
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: run test install install-dev ingest eval bench lint clean serve-shared

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(PIP) torch==2.13.0
	$(PIP) -e .
	touch $@

# The browser tests drive Debian's Chromium (Playwright cannot download browsers here).
$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP) -e '.[dev]'
	command -v chromium >/dev/null || (apt-get update -q && apt-get install -y -q chromium)
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

ingest: install
	$(BIN)/boardqa ingest

# app.py brings the index up to date itself (with a progress bar) before serving.
run: install
	$(BIN)/python app.py

# Serve beyond this machine, behind a login: CREDENTIALS is a file of user:password lines.
serve-shared: install
	@test -n "$(CREDENTIALS)" || { echo "usage: make serve-shared CREDENTIALS=/path/to/users (lines of user:password)"; exit 2; }
	BOARDQA_APP__CREDENTIALS_FILE=$(CREDENTIALS) $(BIN)/python app.py --host 0.0.0.0

test: install-dev
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/boardqa eval

bench: install-dev
	$(BIN)/python -m eval.bench

lint: install-dev
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) index
