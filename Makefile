# The entry points the README promises: `make setup` (the runtime: train, check, report), `make train` and `make test`
# (which adds the development extras: browser driver, MLflow, Optuna's dashboard, ONNX tools). Each sets up .venv itself
# (idempotently); every pip call goes through constraints.txt so torch stays the CPU 2.13.0 wheel.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev
export PIP_CONSTRAINT := $(abspath constraints.txt)
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# Where the machine keeps the local CPU torch wheel; used only if the environment names none.
ifeq ($(PIP_FIND_LINKS),)
ifneq ($(wildcard /opt/wheels),)
export PIP_FIND_LINKS := /opt/wheels
endif
endif
ARGS ?=

.PHONY: setup train test test-fast check lint bench clean gpu-check

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -c constraints.txt torch==2.13.0
	$(BIN)/pip install -q -c constraints.txt -e .
	touch $(STAMP)

$(DEV): $(STAMP)
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	touch $(DEV)

train: $(STAMP)
	$(BIN)/tinydigits train $(ARGS)

test: $(DEV)
	$(BIN)/ruff check src tests scripts
	$(BIN)/python -m pytest -q -n auto --dist loadfile --no-loadscope-reorder --durations=25 $(ARGS)

# A contributor's loop: the tests that need no MNIST, server, browser or cluster (under a minute on 2 cores).
test-fast: $(DEV)
	$(BIN)/ruff check src tests scripts
	$(BIN)/python -m pytest -q -n auto --dist loadfile --no-loadscope-reorder -m fast $(ARGS)

check: $(STAMP)
	$(BIN)/tinydigits check --jobs 2 $(ARGS)

bench: $(STAMP)
	$(BIN)/tinydigits bench $(ARGS)

# On a machine with a GPU and its own torch (Colab, Kaggle, a borrowed box): no .venv, no registry; one table.
DATA ?= $(TINYDIGITS_DATA_DIR)
gpu-check:
	$(PYTHON) scripts/gpu_check.py --data-dir $(DATA) $(ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache src/*.egg-info
