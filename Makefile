# Developer tasks for Coherence. `make run` and `make test` are the two that matter.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
QT_LIBS := libglib2.0-0:libglib-2.0.so.0 libegl1:libEGL.so.1 libgl1:libGL.so.1 \
	libx11-6:libX11.so.6 libdbus-1-3:libdbus-1.so.3 libfontconfig1:libfontconfig.so.1 \
	libxkbcommon0:libxkbcommon.so.0
# A real window (not the offscreen platform) also needs the X11 platform's libraries.
QT_GUI_LIBS := libxcb-cursor0:libxcb-cursor.so.0 libxcb-icccm4:libxcb-icccm.so.4 \
	libxcb-image0:libxcb-image.so.0 libxcb-keysyms1:libxcb-keysyms.so.1 \
	libxcb-render-util0:libxcb-render-util.so.0 libxcb-shape0:libxcb-shape.so.0 \
	libxkbcommon-x11-0:libxkbcommon-x11.so.0
DEMO_PLAY ?= $(firstword $(wildcard scenarios/integrated-mission-exercise/demo-play.yaml) tests/data/packs/mini/demo-play.yaml)
RUN_DIR := $(HOME)/.cache/coherence-demo

.PHONY: venv run demo test lint typecheck imports unit bench schema screenshots sysdeps clean

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@PYTHON=$(PYTHON) bash packaging/ensure-qt-libs.sh $(QT_LIBS)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

sysdeps:
	@PYTHON=$(PYTHON) bash packaging/ensure-qt-libs.sh $(QT_LIBS)

run: venv
	@PYTHON=$(PYTHON) bash packaging/ensure-qt-libs.sh $(QT_LIBS) $(QT_GUI_LIBS)
	$(BIN)/coherence

demo: venv
	@mkdir -p $(RUN_DIR)
	$(BIN)/coherence simulate $(dir $(DEMO_PLAY)) --play $(DEMO_PLAY) --out $(RUN_DIR)/demo.coherence --force
	$(BIN)/coherence info $(RUN_DIR)/demo.coherence
	$(BIN)/coherence report $(RUN_DIR)/demo.coherence --format html --out $(RUN_DIR)/demo-report.html

lint: venv
	$(BIN)/ruff check desktop tests bench packaging
	$(BIN)/ruff format --check desktop tests bench packaging

typecheck: venv
	$(BIN)/mypy

imports: venv
	$(BIN)/lint-imports

unit: venv sysdeps
	$(BIN)/python -m pytest

test: sysdeps venv lint imports typecheck unit

schema: venv
	$(BIN)/coherence schema --write

bench: venv
	$(BIN)/python -m bench

screenshots: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/screenshots.py docs/screenshots

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache .hypothesis
