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

.PHONY: help install train run test lint unit practice-eval validate core-test heldout e2e clean

help:
	@echo "make run    install (Python 3.10 venv), train if needed, serve Rasa :5005 + actions :5055"
	@echo "make test   lint, unit tests, practice scorer vs coach, data validation, training, conversation tests, held-out NLU, end-to-end"
	@echo "make train  train the model into $(MODEL) if its inputs changed"

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

run: $(MODEL)
	@scripts/run.sh

lint: $(STAMP)
	$(BIN)/ruff check actions reframe_nlu evaluation scripts tests

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

e2e: $(MODEL)
	$(BIN)/python -m pytest -q -m e2e tests

test: lint unit practice-eval validate train core-test heldout e2e
	@echo "make test: all checks passed"

clean:
	rm -rf models results reports .pytest_cache .ruff_cache
