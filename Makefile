# Two commands set up a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip install -q -c constraints.txt
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: run test install install-dev system system-dev ingest eval bench lint clean serve-shared

# Debian packages the product and its tests use, installed when missing (every time the
# check is a few milliseconds). $(call debian,CHECK,PACKAGES,WHAT FOR): CHECK is a shell test
# that passes when they are there. A machine that can't install them is told what to run,
# and goes on: the papers that need them are skipped with that reason, and the tests that
# need them fail naming the package.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
define debian
if $(1); then :; else \
  echo "Installing $(2) ($(3))"; \
  if command -v apt-get >/dev/null 2>&1 \
     && $(SUDO) apt-get update -q >/dev/null \
     && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $(2) >/dev/null; \
  then echo "Installed $(2)"; \
  else echo "WARNING: could not install $(2), which $(3). Install it yourself (Debian: apt-get install $(2)), then run make again." >&2; fi; \
fi
endef

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(PIP) torch==2.13.0
	$(PIP) -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP) -e '.[dev]'
	touch $@

# Tesseract with its English data reads scanned pages, for users and for the gates.
system:
	@$(call debian,tesseract --list-langs 2>/dev/null | grep -qx eng,tesseract-ocr tesseract-ocr-eng,reads scanned PDF pages)

# The browser tests drive Debian's Chromium (Playwright cannot download browsers here).
system-dev: system
	@$(call debian,command -v chromium >/dev/null 2>&1,chromium,the browser tests drive)

install: $(VENV)/.installed system
install-dev: $(VENV)/.installed-dev system-dev

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
	$(BIN)/python -m eval.pdf_backends eval/devcorpus/papers

lint: install-dev
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) index
