# Reframe. `make run` serves the assistant; `make test` runs every test. Both work from a fresh clone.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV ?= .venv
BIN := $(VENV)/bin
MODEL := models/reframe.tar.gz
STAMP := $(VENV)/.installed
export TF_CPP_MIN_LOG_LEVEL ?= 3
export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

# Only what the model is trained on: components' code is imported at run time, not stored in the model.
TRAIN_INPUTS := config.yml domain.yml $(shell find data -name '*.yml' 2>/dev/null)

WIDGET := web/dist/reframe-widget.js
WIDGET_INPUTS := web/package.json web/package-lock.json web/build.mjs $(wildcard web/src/*)
CHROMIUM ?= /usr/bin/chromium
WEBCHAT := .cache/rasa-webchat-1.0.1/index.js

.PHONY: help install train run run-messaging test test-scale lint unit practice-eval validate core-test heldout e2e web browser browser-test webchat-compat bench bench-quick clean

help:
	@echo "make run    install (Python 3.10 venv), train if needed, serve Rasa :5005 + actions :5055 + chat page :8000"
	@echo "make run-messaging   the same, plus each messaging app whose settings are set (docs/messaging.md)"
	@echo "make test   lint, unit tests, practice scorer vs coach, data validation, training, conversation tests, held-out NLU, end-to-end, browser"
	@echo "make train  train the model into $(MODEL) if its inputs changed"
	@echo "make test-scale   PostgreSQL + Redis + nginx, two Rasa and two action servers, faults (part of make test)"
	@echo "make bench  latency, throughput, memory, start time, training time and accuracy vs stock Rasa (reports/bench.md)"

$(STAMP): requirements.txt constraints.txt
	@PY=$$(scripts/find_python310.sh) || exit 1; \
	echo "Using $$PY"; \
	test -x $(BIN)/python || $$PY -m venv $(VENV); \
	$(BIN)/python -m pip install -q --upgrade pip && \
	$(BIN)/pip install -q -r requirements.txt -c constraints.txt && \
	touch $@

install: $(STAMP)

$(MODEL): $(STAMP) $(TRAIN_INPUTS)
	$(BIN)/rasa train --fixed-model-name reframe --out models --quiet
	@touch $@

train: $(MODEL)

# The chat widget: socket.io-client from npm (pinned by package-lock.json) bundled with our code.
$(WIDGET): $(WIDGET_INPUTS)
	@command -v npm >/dev/null || { echo "npm is needed to build the chat widget (Debian: apt-get install nodejs npm)"; exit 1; }
	cd web && npm ci --no-audit --no-fund --loglevel=error && node build.mjs

web: $(WIDGET)

# Debian's Chromium for the browser tests (Playwright drives it; `playwright install` is not used).
browser:
	@test -x $(CHROMIUM) || { echo "Installing Debian chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get install -y -q chromium >/dev/null || { $$SUDO apt-get update -q >/dev/null && $$SUDO apt-get install -y -q chromium >/dev/null; }; }
	@test -x $(CHROMIUM) || { echo "$(CHROMIUM) is missing; install Debian's chromium package"; exit 1; }

# rasa-webchat 1.0.1 exactly as published on npm, only for the compatibility test (not served, not committed).
$(WEBCHAT):
	@mkdir -p $(@D) && cd .cache && npm pack rasa-webchat@1.0.1 --silent >/dev/null && \
	  tar xzf rasa-webchat-1.0.1.tgz package/lib/index.js && mv package/lib/index.js rasa-webchat-1.0.1/index.js && \
	  rm -rf package rasa-webchat-1.0.1.tgz

webchat-compat: $(WEBCHAT)

run: $(MODEL) $(WIDGET)
	@scripts/run.sh

# Slack, Telegram, Messenger, WhatsApp (Twilio): each app whose environment variables are all set.
run-messaging: $(MODEL) $(WIDGET)
	@$(BIN)/python scripts/run_messaging.py

lint: $(STAMP)
	$(BIN)/ruff check actions reframe_nlu reframe_channels evaluation scripts tests

unit: $(STAMP)
	$(BIN)/python -m pytest -q -m "not e2e" tests

validate: $(STAMP)
	$(BIN)/rasa data validate --fail-on-warnings --quiet

core-test: $(MODEL)
	$(BIN)/rasa test core --model $(MODEL) --stories tests/test_stories.yml --fail-on-prediction-errors --out results/core --quiet

heldout: $(MODEL)
	$(BIN)/python scripts/evaluate_heldout.py --model $(MODEL) --out reports/heldout.json

practice-eval: $(STAMP)
	$(BIN)/python scripts/evaluate_practice.py --bench --out reports/practice.json

e2e: $(MODEL) $(WIDGET) browser $(WEBCHAT)
	$(BIN)/python -m pytest -q -m e2e tests

browser-test: $(MODEL) $(WIDGET) browser $(WEBCHAT)
	$(BIN)/python -m pytest -q tests/test_web_browser.py

# Several servers: Debian's PostgreSQL, Redis and nginx (installed if missing, started on loopback by the tests),
# two Rasa and two action servers, 8 users x 50 messages, a server killed, faults (~8 min). Part of make test.
test-scale: $(MODEL)
	$(BIN)/python -m pytest -q -m scale tests/scale

test: lint unit practice-eval validate train core-test heldout e2e test-scale
	@echo "make test: all checks passed"

# Speed, memory and accuracy next to stock `rasa init` (~30 min; not part of `make test`). Writes reports/bench.*
bench: $(MODEL)
	$(BIN)/python scripts/bench.py --out reports

bench-quick: $(MODEL)
	$(BIN)/python scripts/bench.py --out reports --quick

clean:
	rm -rf models results reports .pytest_cache .ruff_cache web/dist web/node_modules
